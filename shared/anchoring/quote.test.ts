import { describe, expect, it } from 'vitest';
import { describeTextQuote, QUOTE_CONTEXT, quoteMatches } from './quote';

const cps = (s: string) => Array.from(s).length;

// 40 emoji (80 UTF-16 units) on each side of «خليفة حفتر»: a 32-unit cut would keep only 16 of them.
const EMOJI = '😀'.repeat(40);
const TEXT = `بداية ${EMOJI}المشير خليفة حفتر${EMOJI} نهاية`;
const START = TEXT.indexOf('خليفة');
const END = START + 'خليفة حفتر'.length;

describe('describeTextQuote', () => {
  it('exact is the slice, prefix and suffix are 32 code points and adjacent to it', () => {
    const q = describeTextQuote(TEXT, START, END);
    expect(q.exact).toBe('خليفة حفتر');
    expect(QUOTE_CONTEXT).toBe(32);
    expect(cps(q.prefix)).toBe(32);
    expect(cps(q.suffix)).toBe(32);
    expect(q.prefix).toBe(`${'😀'.repeat(25)}المشير `);
    expect(q.suffix).toBe('😀'.repeat(32));
    expect(q.prefix.length).toBe(57); // UTF-16 units ≠ code points
    expect(TEXT.slice(START - q.prefix.length, END + q.suffix.length)).toBe(q.prefix + q.exact + q.suffix);
  });

  it('never cuts a surrogate pair at the outer edge of the context', () => {
    const splits = (u: number) => /[\ud800-\udbff]/.test(TEXT[u - 1] ?? '') && /[\udc00-\udfff]/.test(TEXT[u] ?? '');
    for (let s = 0; s <= TEXT.length; s++) {
      for (const e of [s, s + 1, s + 2]) {
        if (e > TEXT.length || splits(s) || splits(e)) continue;
        const q = describeTextQuote(TEXT, s, e);
        for (const part of [q.prefix, q.suffix]) {
          expect(cps(part)).toBeLessThanOrEqual(32);
          expect(part).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
        }
      }
    }
  });

  it.each([
    ['at the start of the text', TEXT, 0, 5, 0, 32],
    ['at the end of the text', TEXT, TEXT.length - 5, TEXT.length, 32, 0],
    ['in a short text', 'أ😀تثج', 3, 4, 2, 2],
  ])('has shorter context %s', (_what, text, s, e, prefix, suffix) => {
    const q = describeTextQuote(text, s, e);
    expect(q.exact).toBe(text.slice(s, e));
    expect([cps(q.prefix), cps(q.suffix)]).toEqual([prefix, suffix]);
    expect(text.slice(s - q.prefix.length, e + q.suffix.length)).toBe(q.prefix + q.exact + q.suffix);
  });

  it('takes a custom context length in code points', () => {
    const q = describeTextQuote(TEXT, START, END, 3);
    expect(q.prefix).toBe('ير ');
    expect(q.suffix).toBe('😀😀😀');
  });

  it('describes an empty span as an empty exact', () => {
    expect(describeTextQuote('ليبيا', 2, 2)).toEqual({ exact: '', prefix: 'لي', suffix: 'بيا' });
  });
});

describe('quoteMatches', () => {
  const text = 'قال حفتر 😀 إن';
  const at = text.indexOf('حفتر');

  it.each([
    ['the exact quote', at, at + 4, 'حفتر', true],
    ['the whole text', 0, text.length, text, true],
    ['an emoji quote', text.indexOf('😀'), text.indexOf('😀') + 2, '😀', true],
    ['a different quote', at, at + 4, 'حفتو', false],
    ['a shifted span', at + 1, at + 5, 'حفتر', false],
    ['a negative start', -1, 3, 'قال', false],
    ['a non-integer start', 0.5, 3, 'ال', false],
    ['a non-integer end', 0, 2.5, 'قا', false],
    ['NaN', Number.NaN, 3, 'قال', false],
    ['end before start', 4, 0, '', false],
    ['an empty span', 3, 3, '', false],
    ['end past the text', at, text.length + 1, text.slice(at), false],
    ['start past the text', text.length + 1, text.length + 2, '', false],
    ['Infinity', 0, Number.POSITIVE_INFINITY, text, false],
  ])('%s → %s', (_what, s, e, quote, expected) => {
    expect(quoteMatches(text, s, e, quote)).toBe(expected);
  });
});
