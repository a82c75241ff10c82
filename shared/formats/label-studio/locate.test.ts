import { describe, expect, it } from 'vitest';
import { makeRawText } from '../brat/raw-text';
import { locateSpan } from './locate';

// 😀 is one code point and two UTF-16 units: حفتر is at code points 2–6, UTF-16 3–7.
const T = makeRawText('😀 حفتر  قال');

describe('locateSpan', () => {
  it.each([
    ['code points', 2, 6, 'حفتر', { unit: 'code-points', start: 3, end: 7, collapsed: false, checked: true }],
    ['UTF-16 units', 3, 7, 'حفتر', { unit: 'utf-16', start: 3, end: 7, collapsed: false, checked: true }],
    ['collapsed spaces, code points', 2, 11, 'حفتر قال', { unit: 'code-points', start: 3, end: 12, collapsed: true, checked: true }],
    ['collapsed spaces, UTF-16', 3, 12, 'حفتر قال', { unit: 'utf-16', start: 3, end: 12, collapsed: true, checked: true }],
    ['no quote: code points assumed', 2, 6, undefined, { unit: 'code-points', start: 3, end: 7, collapsed: false, checked: false }],
  ] as const)('%s', (_what, start, end, quote, expected) => {
    expect(locateSpan(T, start, end, quote)).toEqual(expected);
  });

  it.each([
    ['a quote found elsewhere only', 0, 4, 'حفتر'],
    ['past the end in both units', 5, 40, 'قال'],
    ['no quote and past the end in code points', 2, 12, undefined],
    ['a collapsed match that needs whitespace the quote lacks', 2, 11, 'حفترقال'],
  ] as const)('null for %s', (_what, start, end, quote) => {
    expect(locateSpan(T, start, end, quote)).toBeNull();
  });
});
