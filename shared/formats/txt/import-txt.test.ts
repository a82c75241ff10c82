import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importTxt, MAX_TXT_BYTES } from './import-txt';

const NEWS = new URL('../../../../shared/corpus/news/', import.meta.url);
const ARTICLES = readdirSync(NEWS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((name) => [name, new Uint8Array(readFileSync(new URL(name, NEWS)))] as const);

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const file = (name: string, bytes: Uint8Array) => ({ name, size: bytes.length, bytes });
const cat = (...parts: ArrayLike<number>[]) => new Uint8Array(parts.flatMap((p) => Array.from(p)));
const BOM = [0xef, 0xbb, 0xbf];
const utf8 = (s: string) => new TextEncoder().encode(s);

function problem(r: ReturnType<typeof importTxt>) {
  if (r.ok) throw new Error(`expected a failure, got a document titled ${r.value.title}`);
  return r.error;
}

describe('importTxt on the real articles', () => {
  it('has five articles to import', () => {
    expect(ARTICLES).toHaveLength(5);
  });

  it.each(ARTICLES)('imports %s', (name, bytes) => {
    const r = importTxt(file(name, bytes));
    if (!r.ok) throw new Error(r.error.message);
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    expect(r.value.text).toBe(decoded); // LF-only, no BOM: canonical text is the file itself
    expect(r.value.title).toBe(
      decoded
        .split('\n')
        .map((l) => l.trim())
        .find((l) => l !== ''),
    );
    expect(r.value.sha256).toBe(sha256(r.value.text));
    expect(r.value.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(r.value.fileName).toBe(name);
  });

  it('takes the first non-empty line as title', () => {
    const titles = ARTICLES.map(([name, bytes]) => {
      const r = importTxt(file(name, bytes));
      return r.ok ? r.value.title : r.error.code;
    });
    expect(titles[0]).toBe('Sorry, you need to enable JavaScript to visit this website.');
    expect(titles[1]).toBe('اجتماع بلندن حول ليبيا وموسكو تستقبل مبعوثا لحفتر');
    expect(titles[4]).toBe('عالمي');
  });

  it.each(ARTICLES)('gives %s the same text and sha256 with BOM + CRLF, or lone CR', (name, bytes) => {
    const lf = importTxt(file(name, bytes));
    const text = new TextDecoder().decode(bytes);
    for (const variant of [cat(BOM, utf8(text.replace(/\n/g, '\r\n'))), utf8(text.replace(/\n/g, '\r'))]) {
      const r = importTxt(file(name, variant));
      expect(r).toEqual(lf);
    }
  });

  it('keeps a second BOM, so the text (and sha256) differ', () => {
    const [name, bytes] = ARTICLES[2]!;
    const r = importTxt(file(name, cat(BOM, BOM, bytes)));
    const lf = importTxt(file(name, bytes));
    if (!r.ok || !lf.ok) throw new Error('import failed');
    expect(r.value.text).toBe(`\ufeff${lf.value.text}`);
    expect(r.value.sha256).not.toBe(lf.value.sha256);
  });
});

describe('importTxt refusals', () => {
  it.each([
    ['an empty file', new Uint8Array(0)],
    ['whitespace only', utf8(' \n\t\r\n \u00a0\n')],
    ['a BOM only', cat(BOM)],
    ['a BOM and CRLFs', cat(BOM, utf8('\r\n\r\n'))],
  ])('refuses %s as empty', (_what, bytes) => {
    const e = problem(importTxt(file('empty.txt', bytes)));
    expect(e.code).toBe('empty');
    expect(e.message).toContain('empty.txt');
  });

  const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
  it.each([
    ['PNG bytes renamed .txt', PNG, 'PNG'],
    ['a JPEG', cat([0xff, 0xd8, 0xff, 0xe0], utf8('JFIF')), 'JPEG'],
    ['a PDF', utf8('%PDF-1.7\n%âãÏÓ\n'), 'PDF'],
    ['a .docx (ZIP)', cat([0x50, 0x4b, 0x03, 0x04], [20, 0, 6, 0]), 'ZIP'],
    ['gzip', cat([0x1f, 0x8b, 0x08, 0]), 'gzip'],
    ['text with a NUL byte', utf8('ليبيا\u0000حفتر'), 'NUL'],
  ])('refuses %s as binary', (_what, bytes, names) => {
    const e = problem(importTxt(file('photo.txt', bytes)));
    expect(e.code).toBe('binary');
    expect(e.message).toContain('photo.txt');
    expect(e.message).toContain(names);
  });

  it('refuses invalid UTF-8 with the byte offset and the file name', () => {
    const [, bytes] = ARTICLES[1]!;
    let at = 1234;
    while ((bytes[at]! & 0xc0) === 0x80) at++; // a character boundary, so the bad byte is the error's start
    const broken = cat(bytes.subarray(0, at), [0xff], bytes.subarray(at));
    const e = problem(importTxt(file('مقال-معطوب.txt', broken)));
    expect(e.code).toBe('invalid-utf8');
    expect(e.message).toContain('مقال-معطوب.txt');
    expect(e.message).toContain(`byte ${at}`);
  });

  it('counts the BOM in the byte offset (as a hex editor would)', () => {
    const e = problem(importTxt(file('a.txt', cat(BOM, utf8('ليبيا'), [0xc3, 0x28]))));
    expect(e.code).toBe('invalid-utf8');
    expect(e.message).toContain('byte 13');
  });

  it.each([
    ['a UTF-16LE BOM', cat([0xff, 0xfe], Buffer.from('ليبيا\r\n', 'utf16le'))],
    ['a UTF-16BE BOM', cat([0xfe, 0xff], Buffer.from('ليبيا', 'utf16le').swap16())],
  ])('refuses %s as utf16', (_what, bytes) => {
    const e = problem(importTxt(file('win.txt', bytes)));
    expect(e.code).toBe('utf16');
    expect(e.message).toContain('win.txt');
    expect(e.message).toMatch(/UTF-8/);
  });

  it('refuses a 20 MB file by its size alone, without its bytes', () => {
    const e = problem(importTxt({ name: 'ضخم.txt', size: 20 * 1024 * 1024 }));
    expect(e.code).toBe('too-large');
    expect(e.message).toContain('ضخم.txt');
    expect(e.message).toContain('20.0 MB');
    expect(e.message).toContain('10.0 MB');
  });

  it('refuses a real 20 MB buffer', () => {
    const bytes = new Uint8Array(20 * 1024 * 1024).fill(0x61);
    const e = problem(importTxt(file('big.txt', bytes)));
    expect(e.code).toBe('too-large');
    expect(e.message).toContain('big.txt');
  });

  it('draws the size limit at 10 MB exactly', () => {
    expect(problem(importTxt({ name: 'x.txt', size: MAX_TXT_BYTES + 1 })).code).toBe('too-large');
    expect(problem(importTxt({ name: 'x.txt', size: MAX_TXT_BYTES })).code).toBe('unreadable');
  });

  it('refuses a file whose bytes the platform could not read', () => {
    const e = problem(importTxt({ name: 'gone.txt', size: 12 }));
    expect(e).toEqual({ code: 'unreadable', message: 'gone.txt: the file could not be read.' });
  });
});
