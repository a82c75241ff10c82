import { describe, expect, it } from 'vitest';
import { anchorSelectors, codePointText, MAX_SELECTORS } from './anchor';
import { Issues } from './read';

// Code points: 🇱🇾 is two, 😀 one; UTF-16 units: each of them two.
const TEXT = '🇱🇾😀 قال المشير خليفة حفتر إن حفتر 😀 وصل';
const DOC = codePointText(TEXT);
const cp = (s: string, from = 0) => Array.from(TEXT.slice(0, TEXT.indexOf(s, from))).length;
const HAFTAR = cp('خليفة حفتر'); // code points
const pos = (start: unknown, end: unknown) => ({ type: 'TextPositionSelector', start, end });
const quote = (exact: string, prefix = '', suffix = '') => ({ type: 'TextQuoteSelector', exact, prefix, suffix });

function run(selector: unknown) {
  const issues = new Issues();
  const span = anchorSelectors(selector, '/t/selector', DOC, issues);
  return { span, issues: issues.list };
}

describe('codePointText', () => {
  it('converts code points to UTF-16 units around characters outside the BMP', () => {
    expect(DOC.length).toBe(Array.from(TEXT).length);
    expect(DOC.toUtf16(0)).toBe(0);
    expect(DOC.toUtf16(2)).toBe(4);
    expect(DOC.toUtf16(3)).toBe(6);
    expect(DOC.toUtf16(HAFTAR)).toBe(TEXT.indexOf('خليفة حفتر'));
    expect(DOC.toUtf16(DOC.length)).toBe(TEXT.length);
  });
});

describe('anchorSelectors', () => {
  it('anchors agreeing position and quote selectors without an issue', () => {
    const r = run([pos(HAFTAR, HAFTAR + 10), quote('خليفة حفتر', 'المشير ', ' إن')]);
    expect(r.issues).toEqual([]);
    expect(r.span).toEqual({ start: TEXT.indexOf('خليفة حفتر'), end: TEXT.indexOf('خليفة حفتر') + 10, quote: 'خليفة حفتر' });
  });

  it('takes one selector object as a list of one', () => {
    expect(run(pos(HAFTAR, HAFTAR + 5)).span?.quote).toBe('خليفة');
  });

  it.each([
    ['-1', pos(-1, 3), 'start', 'the offset -1 is negative'],
    ['3.5', pos(3.5, 6), 'start', '3.5 is not a whole number'],
    ['"5"', pos('5', 6), 'start', 'is the string "5", not a number'],
    ['1e309', pos(0, Infinity), 'end', 'not a finite number'],
    ['null', pos(0, null), 'end', 'is null'],
    ['missing', { type: 'TextPositionSelector', start: 1 }, 'end', 'is missing'],
    ['past the end', pos(3, DOC.length + 1), 'end', 'past the end of the text'],
    ['start past the end', pos(DOC.length + 1, DOC.length + 2), 'start', 'past the end of the text'],
    ['end < start', pos(8, 4), 'end', 'end 4 is before start 8'],
    ['an empty span', pos(4, 4), 'end', 'is empty'],
  ])('refuses offset %s at its pointer', (_what, selector, key, message) => {
    const r = run([selector, quote('x')]);
    expect(r.span).toBeNull();
    expect(r.issues).toEqual([{ severity: 'error', pointer: `/t/selector/0/${key}`, message: expect.stringContaining(message) }]);
  });

  it('refuses a quote holding half of a surrogate pair', () => {
    const r = run([pos(1, 3), quote('\ude00 ق')]);
    expect(r.issues).toEqual([{ severity: 'error', pointer: '/t/selector/1/exact', message: expect.stringContaining('lone surrogate') }]);
  });

  it('re-anchors a unique quote when the offsets count UTF-16 units, and says so', () => {
    const u = TEXT.indexOf('خليفة حفتر');
    const r = run([pos(u, u + 10), quote('خليفة حفتر', 'المشير ', ' إن')]);
    expect(r.span).toEqual({ start: u, end: u + 10, quote: 'خليفة حفتر' });
    expect(r.issues).toEqual([{ severity: 'warning', pointer: '/t/selector/1/exact', message: expect.stringContaining('count UTF-16 code units') }]);
  });

  it('refuses to re-anchor a quote found twice with the same context', () => {
    const r = run([pos(0, 2), quote('حفتر')]);
    expect(r.span).toBeNull();
    expect(r.issues[0]).toMatchObject({ severity: 'error', pointer: '/t/selector/1/exact', message: expect.stringContaining('more than once') });
  });

  it('uses prefix and suffix to tell two occurrences apart', () => {
    const r = run([pos(0, 2), quote('حفتر', 'إن ', ' ')]);
    expect(r.span?.start).toBe(TEXT.indexOf('حفتر', TEXT.indexOf('إن')));
    expect(r.issues).toHaveLength(1);
  });

  it('anchors a quote-only target when the quote is unique, and refuses it when not', () => {
    expect(run(quote('المشير')).span?.start).toBe(TEXT.indexOf('المشير'));
    expect(run(quote('المشير')).issues).toEqual([]);
    expect(run(quote('حفتر')).issues[0]?.message).toContain('more than once');
    expect(run(quote('طرابلس')).issues[0]?.message).toContain('not found');
  });

  it('flags an NFD quote at NFC text: kept where the offsets say, never moved', () => {
    const text = codePointText('قال إنّ الأمم المتحدة');
    const at = 'قال '.length;
    const issues = new Issues();
    const span = anchorSelectors([pos(at, at + 3), quote('إنّ'.normalize('NFD'))], '/s', text, issues);
    expect(span).toEqual({ start: at, end: at + 3, quote: 'إنّ' });
    expect(issues.list).toEqual([{ severity: 'warning', pointer: '/s/1/exact', message: expect.stringContaining('Unicode normalisation') }]);
    const moved = new Issues();
    expect(anchorSelectors([pos(0, 3), quote('إنّ'.normalize('NFD'))], '/s', text, moved)).toBeNull();
    expect(moved.list[0]?.message).toContain('different Unicode normalisation (NFD)');
  });

  it(`refuses more than ${MAX_SELECTORS} selectors and deep refinedBy chains`, () => {
    const many = run(Array.from({ length: 10_000 }, () => pos(0, 1)));
    expect(many.issues).toEqual([{ severity: 'error', pointer: '/t/selector', message: '10000 selectors on one target (at most 16).' }]);
    let chain: Record<string, unknown> = pos(0, 1);
    for (let i = 0; i < 1000; i++) chain = { ...pos(0, 1), refinedBy: chain };
    expect(run([chain]).issues).toEqual([{ severity: 'error', pointer: '/t/selector/0/refinedBy', message: expect.stringContaining('deeper than 8') }]);
    expect(run([{ ...pos(0, 1), refinedBy: pos(0, 1) }]).issues[0]?.message).toContain('not supported');
  });

  it('refuses two position selectors and targets without a usable selector', () => {
    expect(run([pos(0, 1), pos(1, 2)]).issues[0]).toMatchObject({ pointer: '/t/selector/1', message: expect.stringContaining('a second') });
    const css = run([{ type: 'CssSelector', value: 'p' }]);
    expect(css.issues.map((i) => i.severity)).toEqual(['warning', 'error']);
  });
});
