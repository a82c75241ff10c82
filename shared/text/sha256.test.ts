import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sha256Bytes, sha256Text } from './sha256';

const nodeSha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');
const ascii = (n: number) => new Uint8Array(Array.from({ length: n }, (_, i) => 0x61 + (i % 26)));

describe('sha256Bytes', () => {
  it.each([
    ['empty', new Uint8Array(0), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', new TextEncoder().encode('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ])('gives the FIPS 180-4 digest of %s', (_what, data, digest) => {
    expect(sha256Bytes(data)).toBe(digest);
    expect(nodeSha256(data)).toBe(digest);
  });

  // 55 bytes is the longest message whose padding fits one block; 56..63 need a second block; 64 fills one exactly.
  it.each([1, 54, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129])('matches node:crypto for %i bytes', (n) => {
    const data = ascii(n);
    expect(sha256Bytes(data)).toBe(nodeSha256(data));
  });

  it('matches node:crypto on bytes of every value', () => {
    const data = new Uint8Array(256).map((_, i) => 255 - i);
    expect(sha256Bytes(data)).toBe(nodeSha256(data));
  });

  it('matches node:crypto on 1 MB of random bytes', () => {
    const data = new Uint8Array(randomBytes(1024 * 1024));
    expect(sha256Bytes(data)).toBe(nodeSha256(data));
  });

  it('hashes a view into a larger buffer by its own bytes only', () => {
    const big = new Uint8Array(randomBytes(300));
    const view = big.subarray(17, 117);
    expect(sha256Bytes(view)).toBe(nodeSha256(Uint8Array.from(view)));
  });

  it('does not modify its input', () => {
    const data = ascii(70);
    const copy = data.slice();
    sha256Bytes(data);
    expect(data).toEqual(copy);
  });
});

describe('sha256Text', () => {
  it('hashes the UTF-8 bytes of a real Arabic article', () => {
    const text = readFileSync(new URL('../../../shared/corpus/news/002_1243eb3aa8ecf769.txt', import.meta.url), 'utf8');
    expect(text).toMatch(/خليفة حفتر/);
    expect(sha256Text(text)).toBe(nodeSha256(Buffer.from(text, 'utf8')));
  });

  it.each([
    ['empty', ''],
    ['emoji and 𝔸', 'قبل 😀 بعد 𝔸'],
    ['NFD sequence', 'e\u0301'],
  ])('matches node:crypto on %s', (_what, text) => {
    expect(sha256Text(text)).toBe(nodeSha256(Buffer.from(text, 'utf8')));
  });

  it('tells apart texts that differ only by normalisation form', () => {
    expect(sha256Text('\u00e9')).not.toBe(sha256Text('e\u0301'));
  });
});
