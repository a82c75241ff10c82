import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NEWS_DIR } from '../tests/support/paths';
import { main } from './hamish';

/** Run the CLI in-process, capturing what it prints. */
async function hamish(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'hamish-cli-'));

describe('hamish convert', () => {
  it('turns a folder of articles into W3C JSON-LD', async () => {
    const out = join(tmp(), 'news.jsonld');
    const r = await hamish('convert', NEWS_DIR, out);
    expect(r).toMatchObject({ code: 0, err: '' });
    const collection = JSON.parse(readFileSync(out, 'utf8'));
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.documents).toHaveLength(5);
  });

  it('names the file and the problem, and exits 1, for bad input', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'good.txt'), 'عنوان\nنص');
    writeFileSync(join(dir, 'broken.txt'), Buffer.from([0xd8, 0xb9, 0xc3, 0x28]));
    const r = await hamish('convert', dir, join(dir, 'out.jsonld'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('broken.txt: not valid UTF-8 at byte 2');
    const kept = await hamish('convert', dir, join(dir, 'out.jsonld'), '--keep-going');
    expect(kept.code).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'out.jsonld'), 'utf8')).documents).toHaveLength(1);
  });

  it('explains usage and unknown formats with exit code 2', async () => {
    expect((await hamish()).code).toBe(2);
    expect((await hamish('convert', NEWS_DIR, join(tmp(), 'x.unknown'))).err).toContain('cannot tell the output format');
    expect((await hamish('convert', NEWS_DIR, join(tmp(), 'x.jsonld'), '--from', 'nope')).code).toBe(2);
  });
});
