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

  it('prints usage on stdout and exits 0 when help is asked for, however it is asked', async () => {
    for (const argv of [['--help'], ['-h'], ['help'], ['help', 'convert'], ['convert', '--help'], ['convert', 'in', 'out', '-h']]) {
      const r = await hamish(...argv);
      expect(r, argv.join(' ')).toMatchObject({ code: 0, err: '' });
      expect(r.out).toMatch(/^usage: hamish convert/);
      expect(r.out).toContain('Exit codes: 0 converted, 1 the input had errors, 2 a usage error.');
    }
  });

  it('takes the names people type for formats, and names a bad one with the choices', async () => {
    const dir = tmp();
    const cases: Array<[string, string]> = [
      ['jsonld', '"AnnotationCollection"'],
      ['W3C', '"AnnotationCollection"'],
      ['json-ld', '"AnnotationCollection"'],
      ['ls', '"data"'],
      ['labelstudio', '"data"'],
      ['iob2', 'O'],
      ['.bio', 'O'],
      ['conll2003', 'O'],
    ];
    for (const [to, probe] of cases) {
      const out = join(dir, `out-${to.replace('.', '')}`);
      const r = await hamish('convert', NEWS_DIR, out, '--to', to);
      expect(r, `--to ${to}`).toMatchObject({ code: 0, err: '' });
      expect(readFileSync(out, 'utf8'), `--to ${to}`).toContain(probe);
    }
    const bad = await hamish('convert', NEWS_DIR, join(dir, 'x'), '--to', 'csv');
    expect(bad).toMatchObject({ code: 2, out: '' });
    expect(bad.err).toBe('--to "csv" is not an output format; choose one of w3c-jsonld, conll, jsonl, brat, label-studio (see hamish --help)\n');
    const from = await hamish('convert', NEWS_DIR, join(dir, 'y.jsonld'), '--from', 'nope');
    expect(from.err).toMatch(/^--from "nope" is not an input format; choose one of w3c-jsonld, /);
  });
});

describe('hamish convert on the real corpora', () => {
  const AQMAR = `${NEWS_DIR}../../corpora/aqmar`;
  const NEWSFANE = `${NEWS_DIR}../../corpora/newsfane-gold/NewsFANE_Gold_2014_170K.txt`;
  const count = (conll: string) => {
    const lines = conll.split('\n');
    const tokens = lines.filter((l) => l && !l.startsWith('-DOCSTART-'));
    return { tokens: tokens.length, spans: tokens.filter((l) => /\tB-/.test(l)).length };
  };

  it('AQMAR → CoNLL keeps FORMAT.md’s 73,853 tokens; its 5,854 B- tags plus 70 stray I- make 5,924 spans', async () => {
    const out = join(tmp(), 'aqmar.conll');
    const r = await hamish('convert', AQMAR, out, '--keep-going');
    expect(r.out).toContain('28 document(s), 5924 annotation(s) from conll');
    expect(r.err).toContain('Football.txt:1855'); // the «OO» typo, named with its file and line
    expect(count(readFileSync(out, 'utf8'))).toEqual({ tokens: 73853, spans: 5924 });
  });

  it('NewsFANE → W3C JSON-LD → CoNLL keeps its 168,080 tokens and 11,423 spans', async () => {
    const dir = tmp();
    expect((await hamish('convert', NEWSFANE, join(dir, 'nf.jsonld'))).code).toBe(0); // its 4 stray I- are warnings
    const back = await hamish('convert', join(dir, 'nf.jsonld'), join(dir, 'nf.conll'));
    expect(back.code).toBe(0);
    expect(count(readFileSync(join(dir, 'nf.conll'), 'utf8'))).toEqual({ tokens: 168080, spans: 11423 });
  });

  it('AQMAR → brat folder → Label Studio → CoNLL keeps every span', async () => {
    const dir = tmp();
    await hamish('convert', AQMAR, join(dir, 'brat/'), '--keep-going');
    expect((await hamish('convert', join(dir, 'brat'), join(dir, 'ls.json'))).code).toBe(0);
    const r = await hamish('convert', join(dir, 'ls.json'), join(dir, 'back.conll'));
    expect(r.out).toContain('5924 annotation(s) from label-studio');
  });
});
