import { describe, expect, it } from 'vitest';
import { codePointLength, codePointToUtf16, makeCodePointIndex, splitsSurrogatePair, utf16ToCodePoint } from './offsets';

// Mixed text: Arabic, an emoji (2 units), 𝔸 (2 units), a flag (2 × 2 units), a combining mark, digits.
const TEXT = '😀 قال حفتر 𝔸: تمّ 🇱🇾 وقف 2020😀';

/** Reference conversions from Array.from (which iterates code points). */
function refCodePoint(text: string, utf16: number): number {
  return Array.from(text.slice(0, utf16)).length;
}
function refUtf16(text: string, cp: number): number {
  return Array.from(text).slice(0, cp).join('').length;
}

describe('utf16ToCodePoint / codePointToUtf16', () => {
  it('test text really has characters outside the BMP', () => {
    expect(TEXT.length - Array.from(TEXT).length).toBe(5);
  });

  it.each([
    ['start', 0, 0],
    ['after the leading emoji', 2, 1],
    ['at «حفتر»', TEXT.indexOf('حفتر'), TEXT.indexOf('حفتر') - 1],
    ['after 𝔸', TEXT.indexOf(':'), TEXT.indexOf(':') - 2],
    ['at «وقف», past the flag', TEXT.indexOf('وقف'), TEXT.indexOf('وقف') - 4],
    ['end', TEXT.length, TEXT.length - 5],
  ])('maps the offset %s', (_what, utf16, cp) => {
    expect(utf16ToCodePoint(TEXT, utf16)).toBe(cp);
    expect(codePointToUtf16(TEXT, cp)).toBe(utf16);
  });

  it('agrees with Array.from at every boundary, both ways', () => {
    for (let u = 0; u <= TEXT.length; u++) {
      if (splitsSurrogatePair(TEXT, u)) continue;
      const cp = utf16ToCodePoint(TEXT, u);
      expect(cp, `utf16 ${u}`).toBe(refCodePoint(TEXT, u));
      expect(codePointToUtf16(TEXT, cp), `code point ${cp}`).toBe(u);
    }
    const points = Array.from(TEXT).length;
    for (let cp = 0; cp <= points; cp++) expect(codePointToUtf16(TEXT, cp)).toBe(refUtf16(TEXT, cp));
  });

  it('counts a high surrogate cut off at the offset as one code point', () => {
    expect(utf16ToCodePoint('😀', 1)).toBe(1);
    expect(utf16ToCodePoint('😀', 2)).toBe(1);
  });

  it('clamps offsets past the end', () => {
    expect(utf16ToCodePoint(TEXT, TEXT.length + 10)).toBe(Array.from(TEXT).length);
    expect(codePointToUtf16(TEXT, 10_000)).toBe(TEXT.length);
  });

  it('counts lone surrogates as one code point each, as Array.from does', () => {
    for (const s of ['\ud800', '\udc00', 'a\udc00\ud800b', '\ud800\ud83d\ude00', '\ude00\ud83d']) {
      expect(codePointLength(s), JSON.stringify(s)).toBe(Array.from(s).length);
      for (let u = 0; u <= s.length; u++) expect(utf16ToCodePoint(s, u)).toBe(refCodePoint(s, u));
    }
  });

  it('codePointLength', () => {
    expect(codePointLength('')).toBe(0);
    expect(codePointLength('ليبيا')).toBe(5);
    expect(codePointLength(TEXT)).toBe(Array.from(TEXT).length);
  });
});

describe('makeCodePointIndex', () => {
  it.each([
    ['mixed text', TEXT],
    ['BMP only (the fast path)', 'اللجنة العسكرية 5+5'],
    ['empty', ''],
    ['only pairs', '😀😀𝔸🇱🇾'],
    ['lone surrogates', 'a\udc00\ud800b\ud800\ud83d\ude00\ude00'],
    ['a long mixed text', `${'ب'.repeat(300)}😀`.repeat(8)],
  ])('agrees with utf16ToCodePoint at every offset of %s', (_what, text) => {
    const toCodePoint = makeCodePointIndex(text);
    for (let u = 0; u <= text.length; u++) expect(toCodePoint(u), `offset ${u}`).toBe(utf16ToCodePoint(text, u));
  });

  it('gives each call its own text', () => {
    const a = makeCodePointIndex('😀x');
    const b = makeCodePointIndex('xx');
    expect([a(3), b(2)]).toEqual([2, 2]);
  });
});

describe('splitsSurrogatePair', () => {
  it('is true exactly between the halves of each pair', () => {
    const splits: number[] = [];
    for (let u = -1; u <= TEXT.length + 1; u++) if (splitsSurrogatePair(TEXT, u)) splits.push(u);
    const expected: number[] = [];
    for (let i = 0, u = 0; i < Array.from(TEXT).length; i++) {
      const ch = Array.from(TEXT)[i]!;
      if (ch.length === 2) expected.push(u + 1);
      u += ch.length;
    }
    expect(splits).toEqual(expected);
    expect(splits).toHaveLength(5);
  });

  it.each([
    ['a lone high surrogate', 'a\ud800b', 2, false],
    ['a lone low surrogate', 'a\udc00b', 1, false],
    ['low then high', '\udc00\ud800', 1, false],
    ['the start', '😀', 0, false],
    ['the end', '😀', 2, false],
    ['the middle', '😀', 1, true],
    ['between a letter and its shadda', 'تمّ', 2, false],
  ])('at %s is %s', (_what, text, u, expected) => {
    expect(splitsSurrogatePair(text, u)).toBe(expected);
  });
});
