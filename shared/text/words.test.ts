import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isWordChar, procliticBoundaries, snapToWords, trimSpan, type Span } from './words';

const NEWS = new URL('../../../shared/corpus/news/', import.meta.url);
const ARTICLES: Record<string, string> = {
  '001': readFileSync(new URL('001_53365f3f7872f5a8.txt', NEWS), 'utf8'),
  '002': readFileSync(new URL('002_1243eb3aa8ecf769.txt', NEWS), 'utf8'),
  '003': readFileSync(new URL('003_e3d42777f53ff652.txt', NEWS), 'utf8'),
  '004': readFileSync(new URL('004_bce8d6ddd41ba8a9.txt', NEWS), 'utf8'),
};
// Clitic forms the corpus does not happen to contain, and marks/scripts it lacks.
const SYNTHETIC = 'التقى المبعوث وحفتر والحكومة في برلين، ورحّب بِالحكومة الجديدة قال😀حفتر و 𝔸𝔸𝔸 ok في 2020/10 بنسبة 3.5 للجنة ٥+٥.';

/** `[` and `]` mark a span inside a snippet; returns the snippet without them and the span. */
function marked(s: string): { plain: string; span: Span } {
  const open = s.indexOf('[');
  const close = s.indexOf(']');
  if (open < 0 || close < open) throw new Error(`bad marks in ${s}`);
  return { plain: s.slice(0, open) + s.slice(open + 1, close) + s.slice(close + 1), span: { start: open, end: close - 1 } };
}

/**
 * Each case: where the snippet comes from, the selection the user made (marked) and the span snapping must give
 * (marked, or null). The snippet is found in the whole article, so snapping sees the real surrounding text.
 */
const CASES: Array<[string, string, string, string | null]> = [
  // a start inside a word moves back to the word's start
  ['mid-word start snaps back', '001', 'تستقبل مب[عوثا]', 'تستقبل [مبعوثا]'],
  ['start inside «لحفتر» not after the clitic', '001', 'مبعوثا لح[فتر]', 'مبعوثا [لحفتر]'],
  ['start inside «للأمم» past the clitics', '001', 'العام للأ[مم] المتحدة', 'العام [للأمم] المتحدة'],
  ['start inside «واللجنة» past the clitics', '003', 'الأمنية والل[جنة] العسكرية', 'الأمنية [واللجنة] العسكرية'],
  ['start inside «وحفتر» past the clitic', 'synthetic', 'المبعوث وح[فتر]', 'المبعوث [وحفتر]'],
  ['start inside «والحكومة» past the clitics', 'synthetic', 'والح[كومة]', '[والحكومة]'],
  // the article is not a boundary (entity spans keep it): a start after ال / وال / لل means the whole word
  ['after لل in «للأمم» snaps back', '001', 'العام لل[أمم] المتحدة', 'العام [للأمم] المتحدة'],
  ['after وال in «واللجنة» snaps back', '003', 'الأمنية وال[لجنة] العسكرية', 'الأمنية [واللجنة] العسكرية'],
  ['after وال in «والحكومة» snaps back, end extended', 'synthetic', 'وال[حكو]مة في', '[والحكومة] في'],
  ['after ال in «التوصّل» snaps back, end past the shadda', '002', 'إذا تمّ ال[توصّ]ل', 'إذا تمّ [التوصّل]'],
  // a start right after a proclitic chain is kept when the rest of the word stands alone somewhere in the text
  ['after ل in «لحفتر» («حفتر» stands alone later)', '001', 'مبعوثا ل[حفتر]', 'مبعوثا ل[حفتر]'],
  ['after ل in «للأمم» («لأمم» never stands alone) snaps back', '001', 'العام ل[لأمم] المتحدة', 'العام [للأمم] المتحدة'],
  ['after the ل of «ليبيا» (a letter, not a clitic) snaps back', '001', 'حول ل[يبيا] وموسكو', 'حول [ليبيا] وموسكو'],
  ['after و in «وموسكو», end extended', '001', 'ليبيا و[موس]كو تستقبل', 'ليبيا و[موسكو] تستقبل'],
  ['after و in «واللجنة»', '003', 'الأمنية و[اللجنة] العسكرية', 'الأمنية و[اللجنة] العسكرية'],
  ['after و in «وحفتر»', 'synthetic', 'المبعوث و[حفتر] والحكومة', 'المبعوث و[حفتر] والحكومة'],
  ['after و in «والحكومة» («الحكومة» never stands alone here) snaps back', 'synthetic', 'و[الحكومة] في', '[والحكومة] في'],
  // an end inside a word moves forward to the word's end
  ['end mid-word extends', '001', 'حول ليبيا [وموس]كو', 'حول ليبيا [وموسكو]'],
  ['two words, both edges inside', '002', 'المشير [خليفة حف]تر', 'المشير [خليفة حفتر]'],
  ['across a word and a number', '003', 'من أكتو[بر 20]20 وقّع', 'من [أكتوبر 2020] وقّع'],
  // diacritics stay with their letter
  ['end before the shadda of «تمّ»', '002', 'إذا [تم]ّ التوصّل', 'إذا [تمّ] التوصّل'],
  ['start on the shadda of «تمّ»', '002', 'إذا تم[ّ] التوصّل', 'إذا [تمّ] التوصّل'],
  ['start inside «تمّ»', '002', 'إذا ت[مّ] التوصّل', 'إذا [تمّ] التوصّل'],
  ['end before the damma of «وزيرُ»', '001', 'وترأس [وزير]ُ الخارجية', 'وترأس [وزيرُ] الخارجية'],
  ['start on the kasra of «بِالحكومة»', 'synthetic', 'ب[ِالحكومة] الجديدة', '[بِالحكومة] الجديدة'],
  ['start after the kasra of «بِالحكومة»', 'synthetic', 'بِ[الحكومة] الجديدة', '[بِالحكومة] الجديدة'],
  ['start inside «ورحّب» on the shadda', 'synthetic', 'ورح[ّب] بِ', '[ورحّب] بِ'],
  // tatweel is part of the word
  ['digits after tatweel in «الـ23»', '003', 'في الـ[23] من', 'في [الـ23] من'],
  // whitespace
  ['whitespace trimmed on both sides', '001', 'حول[ ليبيا ]وموسكو', 'حول [ليبيا] وموسكو'],
  ['whitespace trimmed, then snapped', '001', 'حول[ ليب]يا', 'حول [ليبيا]'],
  ['whitespace-only selection', '001', 'حول[ ]ليبيا', null],
  ['multi-line whitespace-only selection', '003', 'الأمم المتحدة بجنيف.[\n\n]مع حفتر', null],
  // Latin, digits and symbols
  ['Latin «REUTERS/Esam» partial', '001', '2017. REU[TERS/Es]am Omran', '2017. [REUTERS/Esam] Omran'],
  ['Latin start after the slash is kept', '001', 'REUTERS/[Es]am Omran', 'REUTERS/[Esam] Omran'],
  ['Latin hyphenated name partial', '001', 'Omran Al-Fe[to]ri', 'Omran Al-[Fetori]'],
  ['digits «2020» partial (end)', '003', 'أكتوبر [20]20 وقّع', 'أكتوبر [2020] وقّع'],
  ['digits «2020» partial (start)', '003', 'أكتوبر 20[20] وقّع', 'أكتوبر [2020] وقّع'],
  ['«5+5» whole is kept', '003', 'العسكرية [5+5]، السفير', 'العسكرية [5+5]، السفير'],
  ['«5+5» from its second digit snaps back', '003', 'العسكرية 5+[5]، السفير', 'العسكرية [5+5]، السفير'],
  ['«5+5» from the plus snaps back', '003', 'العسكرية 5[+5]، السفير', 'العسكرية [5+5]، السفير'],
  ['«5+5» ending at the plus extends', '003', 'العسكرية [5+]5، السفير', 'العسكرية [5+5]، السفير'],
  ['a date «2020/10» is one word', 'synthetic', 'في 20[20/1]0 بنسبة', 'في [2020/10] بنسبة'],
  ['a decimal «3.5» is one word', 'synthetic', 'بنسبة 3[.]5 للجنة', 'بنسبة [3.5] للجنة'],
  ['Arabic-Indic «٥+٥» is one word', 'synthetic', 'للجنة ٥+[٥].', 'للجنة [٥+٥].'],
  ['a comma and space after a number do not join', '001', 'August [10], 2017.', 'August [10], 2017.'],
  ['a partial number extends, not past the comma', '001', 'August [1]0, 2017. REUTERS', 'August [10], 2017. REUTERS'],
  ['«5 + 5» with spaces is three words', '004', 'محادثات [5] + 5.', 'محادثات [5] + 5.'],
  ['a comma after a number does not join the next word', '003', 'العسكرية [5+5]، السفير', 'العسكرية [5+5]، السفير'],
  ['«اللجنة العسكرية 5+5» whole is kept', '003', 'الأمنية و[اللجنة العسكرية 5+5]،', 'الأمنية و[اللجنة العسكرية 5+5]،'],
  ['quotes are not word characters', '003', 'قائد “[القيادة العامة]”،', 'قائد “[القيادة العامة]”،'],
  // characters outside the BMP
  ['an emoji is not part of the word after it', 'synthetic', 'قال😀[حفتر]', 'قال😀[حفتر]'],
  ['a start inside a word of 𝔸 (astral letters) snaps back', 'synthetic', 'و 𝔸[𝔸]𝔸 ok', 'و [𝔸𝔸𝔸] ok'],
];

describe('snapToWords', () => {
  it.each(CASES)('%s (%s)', (_what, source, selection, expected) => {
    const text = source === 'synthetic' ? SYNTHETIC : ARTICLES[source]!;
    const sel = marked(selection);
    const base = text.indexOf(sel.plain);
    expect(base, `«${sel.plain}» is in ${source}`).toBeGreaterThanOrEqual(0);
    const got = snapToWords(text, { start: base + sel.span.start, end: base + sel.span.end });
    if (expected === null) {
      expect(got).toBeNull();
      return;
    }
    const want = marked(expected);
    expect(want.plain).toBe(sel.plain);
    const span = { start: base + want.span.start, end: base + want.span.end };
    expect(got && text.slice(got.start, got.end)).toBe(text.slice(span.start, span.end));
    expect(got).toEqual(span);
  });

  it('accepts a backwards selection', () => {
    const text = 'مبعوثا لحفتر';
    expect(snapToWords(text, { start: 10, end: 9 })).toEqual({ start: 7, end: 12 });
  });

  it('never returns a span that starts on a combining mark or ends before one', () => {
    const marks = /\p{M}/u;
    for (const text of [...Object.values(ARTICLES), SYNTHETIC]) {
      for (let s = 0; s < text.length; s++) {
        for (const len of [1, 2, 5]) {
          const got = snapToWords(text, { start: s, end: Math.min(text.length, s + len) });
          if (!got) continue;
          expect(marks.test(text[got.start]!), `start ${s}`).toBe(false);
          expect(marks.test(text[got.end] ?? ''), `end ${s + len}`).toBe(false);
        }
      }
    }
  });

  it('keeps a selection already on word boundaries unchanged, in every real article', () => {
    for (const text of Object.values(ARTICLES)) {
      // A word: letters, marks, digits, ZWNJ/ZWJ, and «+ . , / : -» (or Arabic decimal/thousands separators)
      // between two digits.
      for (const m of text.matchAll(/(?:[\p{L}\p{M}\p{N}\u200c\u200d]|(?<=\p{Nd})[+.,/:\-\u066b\u066c](?=\p{Nd}))+/gu)) {
        const span = { start: m.index, end: m.index + m[0].length };
        expect(snapToWords(text, span)).toEqual(span);
      }
    }
  });
});

describe('procliticBoundaries', () => {
  it.each([
    ['لحفتر', [1]],
    ['وحفتر', [1]],
    ['والحكومة', [1]],
    ['للأمم', [1]],
    ['وللأمم', [1, 2]],
    ['فبالحكومة', [1, 2]],
    ['كالحكومة', [1]],
    ['الحكومة', []], // the article is not a boundary
    ['واللجنة', [1]],
    ['لها', [1]], // two letters must remain
    ['له', []],
    ['حفتر', []],
    ['REUTERS', []],
    ['2020', []],
    ['بِالحكومة', []], // never between a letter and its kasra
    ['وَحفتر', []],
  ])('of «%s» is %j', (word, expected) => {
    expect(procliticBoundaries(word)).toEqual(expected);
  });
});

describe('isWordChar', () => {
  it.each([
    ['ب', true],
    ['ّ', true],
    ['ـ', true],
    ['5', true],
    ['٥', true],
    ['E', true],
    ['\u200c', true],
    ['𝔸', true],
    [' ', false],
    ['\u00a0', false],
    ['+', false],
    ['/', false],
    ['،', false],
    ['😀', false],
    ['\u200f', false],
    [undefined, false],
  ])('%j → %s', (ch, expected) => {
    expect(isWordChar(ch)).toBe(expected);
  });
});

describe('trimSpan', () => {
  it.each([
    [' لحفتر ', { start: 0, end: 7 }, { start: 1, end: 6 }],
    ['لحفتر', { start: 3, end: 1 }, { start: 1, end: 3 }],
    ['a \n b', { start: 1, end: 4 }, null],
  ])('trims without snapping: %j', (text, span, expected) => {
    expect(trimSpan(text, span)).toEqual(expected);
  });
});
