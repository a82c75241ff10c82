import { describe, expect, it } from 'vitest';
import { foldForMatch, normalizeForMatch, originalSpan } from './arabic-normalize';

/** Each folding rule: [rule, input, folded]. */
const FOLDS: Array<[string, string, string]> = [
  ['hamza above alef أ', 'أحمد', 'احمد'],
  ['hamza below alef إ', 'إبراهيم', 'ابراهيم'],
  ['madda alef آ', 'آمنة', 'امنه'],
  ['wasla alef ٱ', 'ٱلله', 'الله'],
  ['wavy hamza alefs ٲ ٳ', 'ٲٳ', 'اا'],
  ['alef maksura ى → ي', 'مصطفى', 'مصطفي'],
  ['ta marbuta ة → ه', 'المتحدة', 'المتحده'],
  ['Persian yeh and keheh', 'کرمی', 'كرمي'],
  ['ؤ and ئ stay (not hamza-on-alef variants)', 'مسؤول رئيس', 'مسؤول رئيس'],
  ['standalone hamza stays', 'سماء', 'سماء'],
  ['harakat removed', 'خَلِيفَة', 'خليفه'],
  ['tanween, shadda, sukun removed', 'مرّةً قُلْ حفترٌ', 'مره قل حفتر'],
  ['combining hamza and madda removed', 'ا\u0654ا\u0653', 'اا'],
  ['superscript alef removed', 'هٰذا', 'هذا'],
  ['Quranic marks removed', 'الرَّحِيمِ\u06d6', 'الرحيم'],
  ['tatweel removed', 'حفـــتر', 'حفتر'],
  ['ZWNJ, ZWJ, ZWSP removed', 'ح\u200cف\u200dت\u200bر', 'حفتر'],
  ['bidi marks removed (LRM, RLM, ALM)', '\u200fحفتر\u200e\u061c', 'حفتر'],
  ['bidi embeddings and isolates removed', '\u202bحفتر\u202c \u2067x\u2069', 'حفتر x'],
  ['BOM removed', '\ufeffنص', 'نص'],
  ['Arabic-Indic digits', '٠١٢٣٤٥٦٧٨٩', '0123456789'],
  ['extended Arabic-Indic digits', '۰۱۲۳۴۵۶۷۸۹', '0123456789'],
  ['Latin lowercased', 'REUTERS/Esam', 'reuters/esam'],
  ['accented Latin lowercased', 'ÉCOLE Ñ Ẁ', 'école ñ ẁ'],
  ['İ stays (its lowercase is two units)', 'İ', 'İ'],
  ['NBSP, punctuation and emoji untouched', 'قال\u00a0😀، «x»', 'قال\u00a0😀، «x»'],
];

describe('normalizeForMatch folds', () => {
  it.each(FOLDS)('%s', (_rule, input, folded) => {
    expect(foldForMatch(input)).toBe(folded);
  });

  it('keeps the very same string when nothing folds', () => {
    const text = 'plain text, 123';
    expect(normalizeForMatch(text).folded).toBe(text);
  });

  it('is idempotent', () => {
    for (const [, input] of FOLDS) expect(foldForMatch(foldForMatch(input))).toBe(foldForMatch(input));
  });

  it('folds long texts past one decoding chunk', () => {
    const text = 'أحمدُ '.repeat(5000);
    expect(foldForMatch(text)).toBe('احمد '.repeat(5000));
  });
});

describe('toOriginal', () => {
  it('maps each folded unit to its original offset, with one end entry', () => {
    const n = normalizeForMatch('قَالَ 😀');
    expect(n.folded).toBe('قال 😀');
    expect(Array.from(n.toOriginal)).toEqual([0, 2, 3, 5, 6, 7, 8]);
  });

  it('is the identity for unfolded text', () => {
    const n = normalizeForMatch('ab');
    expect(Array.from(n.toOriginal)).toEqual([0, 1, 2]);
  });

  it('maps an empty text', () => {
    const n = normalizeForMatch('');
    expect(n.folded).toBe('');
    expect(Array.from(n.toOriginal)).toEqual([0]);
  });

  it('maps a text of only removed characters to its end', () => {
    const n = normalizeForMatch('\u064e\u0640');
    expect(n.folded).toBe('');
    expect(Array.from(n.toOriginal)).toEqual([2]);
  });
});

/**
 * originalSpan: [why, original text, folded substring to look up, expected original text of the span].
 * The folded substring is found with indexOf in the folded text.
 */
const SPANS: Array<[string, string, string, string]> = [
  ['tanween after the last letter is covered', 'قال حفترٌ اليوم', 'حفتر', 'حفترٌ'],
  ['shadda + fatha after the last letter, not the space', 'مرّةً واحدة', 'مره', 'مرّةً'],
  ['diacritics inside the span', 'المشير خَلِيفَة حفتر', 'خليفه', 'خَلِيفَة'],
  ['tatweel inside and after', 'بـ حفـــتـ قال', 'حفت', 'حفـــتـ'],
  ['ZWNJ after the last letter is part of the word', 'ميخائيل\u200c قال', 'ميخائيل', 'ميخائيل\u200c'],
  ['a following RLM is not covered', 'حفتر\u200f، قال', 'حفتر', 'حفتر'],
  ['a preceding RLM is not covered', 'قال \u200fحفتر', 'حفتر', 'حفتر'],
  ['a following NBSP is not covered', 'حفترٌ\u00a0قال', 'حفتر', 'حفترٌ'],
  ['hamza letters map one to one', 'إلى أين', 'الي اين', 'إلى أين'],
  ['an emoji (surrogate pair) before the span', '😀حفترٌ', 'حفتر', 'حفترٌ'],
  ['a span ending on an astral letter', 'x𝔸َ y', 'x𝔸', 'x𝔸َ'],
  ['a span at the very end of the text', 'قال حفترُ', 'حفتر', 'حفترُ'],
];

describe('originalSpan', () => {
  it.each(SPANS)('%s', (_why, text, foldedQuery, expected) => {
    const n = normalizeForMatch(text);
    const at = n.folded.indexOf(foldedQuery);
    expect(at).toBeGreaterThanOrEqual(0);
    const span = originalSpan(n, at, at + foldedQuery.length);
    expect(text.slice(span.start, span.end)).toBe(expected);
  });

  it('maps an empty span to a point', () => {
    const n = normalizeForMatch('قَال');
    expect(originalSpan(n, 1, 1)).toEqual({ start: 2, end: 2 });
  });
});
