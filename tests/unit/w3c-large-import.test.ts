import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/hamish';
import { importFormat } from '../../shared/formats/registry';

// Issue 12: a W3C file of ~120,000+ annotations overflowed the stack on import (`push(...items)`), and the CLI
// wrote a 148,000-entity corpus to JSON-LD it then refused to read back ("larger than the 200 MB limit"). Hamish
// must read back whatever it writes: the importer streams, and its limit is a count of annotations.
const DOCS = 1000;
const PER_DOC = 150;
const WORDS = ['قال', 'المتحدث', 'باسم', 'الأمم', 'المتحدة', 'إن', 'المشير'];

/** 1,000 documents of 150 entities each, in sentences of 10 tokens: a person, an organisation, a place. */
function conll(): string {
  const lines: string[] = [];
  for (let d = 0; d < DOCS; d++) {
    lines.push('-DOCSTART- O', '');
    for (let s = 0; s < PER_DOC / 3; s++) {
      lines.push(`${WORDS[s % WORDS.length]} O`, 'خليفة B-PER', 'حفتر I-PER', 'في O', 'طرابلس B-LOC', 'مع O');
      lines.push('اللجنة B-ORG', 'العسكرية I-ORG', `${d}-${s} O`, '. O', '');
    }
  }
  return `${lines.join('\n')}\n`;
}

const entities = (text: string) => text.split('\n').filter((l) => /\sB-/.test(l)).length;

describe('a corpus of 150,000 annotations', () => {
  it('converts to W3C JSON-LD and back through the CLI, whole', { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hamish-large-'));
    const io = { out: () => {}, err: (s: string) => void (errors += s) };
    let errors = '';
    writeFileSync(join(dir, 'in.conll'), conll());
    expect(await main(['convert', join(dir, 'in.conll'), join(dir, 'corpus.jsonld')], io), errors).toBe(0);
    expect(await main(['convert', join(dir, 'corpus.jsonld'), join(dir, 'back.conll')], io), errors).toBe(0);
    // Past the 200 MB that used to be refused.
    expect(statSync(join(dir, 'corpus.jsonld')).size).toBeGreaterThan(200 * 2 ** 20);
    const back = readFileSync(join(dir, 'back.conll'), 'utf8');
    expect(entities(back)).toBe(DOCS * PER_DOC);
    expect(back.split('\n').filter((l) => l.startsWith('-DOCSTART-'))).toHaveLength(DOCS);
    // The app's import path is the registry's, fed the file's bytes: progress comes as it reads.
    const bytes = new Uint8Array(readFileSync(join(dir, 'corpus.jsonld')));
    const progress: number[] = [];
    let n = 0;
    const result = importFormat('w3c-jsonld')!.run([{ path: 'corpus.jsonld', bytes }], {
      fileName: 'corpus.jsonld',
      newId: () => `id-${++n}`,
      now: '2026-12-04T00:00:00Z',
      onProgress: (done, total) => void progress.push(done / total),
    });
    expect(result.ok ? [result.corpus.documents.length, result.corpus.annotations.length] : result.issues.slice(0, 3)).toEqual([DOCS, DOCS * PER_DOC]);
    expect(progress.length).toBeGreaterThan(statSync(join(dir, 'corpus.jsonld')).size / 2 ** 20 - 1);
    expect(progress.at(-1)).toBe(1);
    rmSync(dir, { recursive: true });
  });
});
