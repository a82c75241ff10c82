import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeUtf8Pieces, decodeUtf8Strict, encodeUtf8 } from './utf8';

const NEWS = new URL('../../../shared/corpus/news/', import.meta.url);
const articles = readdirSync(NEWS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => [f, new Uint8Array(readFileSync(new URL(f, NEWS)))] as const);

/** Node's WHATWG decoder, keeping a BOM as U+FEFF (removing it is canonicalisation's job, not the decoder's). */
const reference = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const bytes = (...b: number[]) => new Uint8Array(b);

describe('decodeUtf8Strict on valid input', () => {
  it('has real articles to read', () => {
    expect(articles.length).toBeGreaterThanOrEqual(5);
  });

  it.each(articles)('decodes %s exactly as TextDecoder does', (_name, data) => {
    const r = decodeUtf8Strict(data);
    expect(r).toEqual({ ok: true, value: reference.decode(data) });
  });

  it.each([
    ['empty', ''],
    ['ASCII', 'Hamish 5+5, 2020.'],
    ['Arabic with diacritics and tatweel', 'تمّ التوصّل إلى وقفٍ لإطلاق النار — الـ23 من أكتوبر'],
    ['emoji outside the BMP', '😀 خليفة 🇱🇾 حفتر 𝔸'],
    ['all encoded lengths', 'a\u00e9\u0627\u20ac\uffff\u{10000}\u{10ffff}'],
    ['BOM kept as U+FEFF', '\ufeffليبيا'],
    ['NUL and controls', '\u0000\u0001\u007f\u0080'],
  ])('round-trips %s', (_what, text) => {
    const data = new TextEncoder().encode(text);
    const r = decodeUtf8Strict(data);
    expect(r).toEqual({ ok: true, value: text });
    expect(r).toEqual({ ok: true, value: reference.decode(data) });
  });

  it('decodes more than one 8192-unit chunk, with a pair across the chunk edge', () => {
    const text = 'ب'.repeat(8191) + '😀' + 'حفتر'.repeat(5000) + '𝔸';
    const data = new TextEncoder().encode(text);
    expect(decodeUtf8Strict(data)).toEqual({ ok: true, value: text });
  });
});

describe('decodeUtf8Strict on invalid input', () => {
  const arabic1000 = new TextEncoder().encode('ب'.repeat(500)); // 500 × D8 A8 = 1000 bytes
  const withBadByte = new Uint8Array([...arabic1000, 0xff, 0x41]);

  it.each([
    ['C3 28 (lead byte, then ASCII)', bytes(0xc3, 0x28), 0],
    ['overlong C0 AF', bytes(0xc0, 0xaf), 0],
    ['overlong C1 BF', bytes(0x41, 0xc1, 0xbf), 1],
    ['overlong E0 80 AF', bytes(0xe0, 0x80, 0xaf), 0],
    ['overlong F0 8F BF BF', bytes(0xf0, 0x8f, 0xbf, 0xbf), 0],
    ['lone continuation 80', bytes(0x80), 0],
    ['continuation after ASCII', bytes(0x61, 0x62, 0xbf), 2],
    ['truncated E2 82 at end of file', bytes(0xe2, 0x82), 0],
    ['truncated F0 9F 98 at end of file', bytes(0x41, 0xf0, 0x9f, 0x98), 1],
    ['truncated E2 82 before ASCII', bytes(0xe2, 0x82, 0x41), 0],
    ['encoded surrogate ED A0 80', bytes(0xed, 0xa0, 0x80), 0],
    ['encoded low surrogate ED BF BF', bytes(0x20, 0xed, 0xbf, 0xbf), 1],
    ['F4 90 80 80 (above U+10FFFF)', bytes(0xf4, 0x90, 0x80, 0x80), 0],
    ['F5 80 80 80', bytes(0xf5, 0x80, 0x80, 0x80), 0],
    ['FE', bytes(0xfe), 0],
    ['FF', bytes(0xff), 0],
    ['bad third byte D8 A8 E2 82 28', bytes(0xd8, 0xa8, 0xe2, 0x82, 0x28), 2],
    ['FF after 1000 valid Arabic bytes', withBadByte, 1000],
  ])('%s fails at byte %i', (_what, data, byteOffset) => {
    expect(() => reference.decode(data)).toThrow(); // the reference agrees that it is invalid
    const r = decodeUtf8Strict(data);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.byteOffset).toBe(byteOffset);
    expect(r.error.reason).toMatch(/\w/);
  });

  it('names what went wrong', () => {
    const reason = (b: Uint8Array) => {
      const r = decodeUtf8Strict(b);
      return r.ok ? null : r.error.reason;
    };
    expect(reason(bytes(0x80))).toBe('unexpected continuation byte');
    expect(reason(bytes(0xf5))).toBe('invalid lead byte');
    expect(reason(bytes(0xe2, 0x82))).toBe('truncated multi-byte sequence at end of file');
    expect(reason(bytes(0xed, 0xa0, 0x80))).toBe('encoded surrogate');
  });

  it('reports the offset of a bad byte inside a real article', () => {
    const [, data] = articles[1]!;
    const at = 2001;
    const broken = data.slice();
    broken[at] = 0xc0;
    const r = decodeUtf8Strict(broken);
    expect(r.ok).toBe(false);
    // When the byte replaced was a continuation byte, the broken sequence starts at its character's lead byte,
    // which is where the user should be pointed; otherwise at the byte itself.
    let lead = at;
    while ((data[lead]! & 0xc0) === 0x80) lead--;
    if (!r.ok) expect(r.error.byteOffset).toBe(lead);
  });
});

describe('encodeUtf8', () => {
  it.each([
    ['empty', ''],
    ['ASCII', 'REUTERS/Esam Omran'],
    ['Arabic', 'اللجنة العسكرية 5+5'],
    ['emoji and 𝔸', 'قبل 😀 بعد 𝔸 🇱🇾'],
    ['edges of each length', '\u007f\u0080\u07ff\u0800\uffff\u{10000}\u{10ffff}'],
    ['lone high surrogate at the end', 'ليبيا\ud83d'],
    ['lone low surrogate', 'a\ude00b'],
    ['high surrogate before a non-surrogate', '\ud83dx\ud83d\ud83d\ude00'],
  ])('matches Buffer.from for %s', (_what, text) => {
    expect(Array.from(encodeUtf8(text))).toEqual(Array.from(Buffer.from(text, 'utf8')));
  });

  it.each(articles)('re-encodes %s to its original bytes', (_name, data) => {
    expect(encodeUtf8(reference.decode(data))).toEqual(data);
  });
});

describe('decodeUtf8Pieces', () => {
  const pieces = (bytes: Uint8Array, size: number) => {
    const out: string[] = [];
    const error = decodeUtf8Pieces(bytes, size, (text) => out.push(text) > 0);
    return { text: out.join(''), error, count: out.length };
  };
  const mixed = encodeUtf8('\ufeffقال 😀 «رويترز» \ufeff 𝔸 🇱🇾 A'.repeat(7));

  it('gives the text decodeUtf8Strict gives, BOMs kept, whatever the piece size', () => {
    const whole = decodeUtf8Strict(mixed);
    for (const size of [1, 2, 3, 4, 5, 17, 64, 4096]) {
      const r = pieces(mixed, size);
      expect(r.error, `pieces of ${size}`).toBeNull();
      expect(r.text, `pieces of ${size}`).toBe(whole.ok && whole.value);
    }
    expect(pieces(mixed, 17).count).toBeGreaterThan(mixed.length / 17 - 1);
  });

  it.each([
    ['a lone continuation byte', [0x80]],
    ['an overlong slash', [0xc0, 0xaf]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['a truncated sequence before ASCII', [0xe2, 0x82, 0x41]],
    ['four continuation bytes', [0xe2, 0x82, 0xac, 0x80, 0x80]],
  ])('names the byte of %s as decodeUtf8Strict does, in the whole file', (_what, bad) => {
    for (const at of [0, 5, 16, 17, 40]) {
      const bytes = new Uint8Array([...mixed.subarray(0, at), ...bad, ...mixed.subarray(at)]);
      const strict = decodeUtf8Strict(bytes);
      const expected = strict.ok ? null : strict.error;
      for (const size of [3, 16, 1000]) expect(pieces(bytes, size).error, `at ${at}, pieces of ${size}`).toEqual(expected);
    }
  });

  it('says where a sequence is cut by the end of the file', () => {
    expect(pieces(new Uint8Array([0x41, 0x42, 0xe2, 0x82]), 2).error).toEqual({ byteOffset: 2, reason: 'truncated multi-byte sequence at end of file' });
  });

  it('stops when told to', () => {
    let calls = 0;
    expect(decodeUtf8Pieces(mixed, 10, () => ++calls < 3)).toBeNull();
    expect(calls).toBe(3);
  });
});
