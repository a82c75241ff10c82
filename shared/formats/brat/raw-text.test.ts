import { describe, expect, it } from 'vitest';
import { makeRawText } from './raw-text';

describe('raw text → canonical offsets', () => {
  it('counts a BOM and CRs, and maps past them', () => {
    const t = makeRawText('\ufeffab\r\ncd\re');
    expect(t.canonical).toBe('ab\ncd\ne');
    expect(t.codePoints).toBe(9);
    // raw:  BOM a b CR LF c d CR e ; canonical: a b LF c d LF e
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => t.toCanonical(i))).toEqual([0, 0, 1, 2, 2, 3, 4, 5, 6, 7]);
  });

  it('turns code points into UTF-16 indices across emoji and flags', () => {
    const t = makeRawText('🇱🇾x😀y');
    expect(t.codePoints).toBe(5);
    expect([0, 1, 2, 3, 4, 5].map((cp) => t.rawIndexOf(cp))).toEqual([0, 2, 4, 5, 7, 8]);
    expect(t.slicePoints(3, 5)).toBe('😀y');
  });

  it('keeps a lone surrogate as one point and everything else byte-exact', () => {
    const raw = '\u200fa\ud800b\u00a0 ';
    const t = makeRawText(raw);
    expect(t.canonical).toBe(raw);
    expect(t.codePoints).toBe(6);
    expect(t.toCanonical(raw.length)).toBe(raw.length);
  });
});
