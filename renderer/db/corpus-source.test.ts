import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportCorpus } from '../../shared/formats/registry';
import { change } from '../../shared/model/edits';
import { CORPUS } from '../../tests/support/news-corpus';
import { dexieCorpusSource } from './corpus-source';
import { openDatabase, type HamishDatabase } from './database';
import { createWorkspaceRepo } from './workspace-repo';

let db: HamishDatabase;
afterEach(async () => {
  db.close();
  await db.delete();
});

const OPTIONS = { appVersion: 't', splitClitics: true };

async function stored(documents = CORPUS.documents) {
  db = openDatabase(`source-${crypto.randomUUID()}`);
  // Stored in reverse, so that the source's order is its own (import time, then id), not the order of writing.
  await db.documents.bulkAdd([...documents].reverse());
  await db.annotations.bulkAdd([...CORPUS.annotations].reverse());
  await db.entities.bulkAdd(CORPUS.entities);
  const workspace = createWorkspaceRepo(db);
  await workspace.applyChange(change({ schema: [await workspace.loadSchema(), CORPUS.schema] }));
}

async function fromDb(id: string) {
  let out = '';
  const fractions: number[] = [];
  const outcome = await EXPORT_FORMATS.find((f) => f.id === id)!.write(dexieCorpusSource(db), OPTIONS, {
    write: (c) => void (out += c),
    progress: (f) => fractions.push(f),
  });
  return { out, outcome, fractions };
}

describe('exports read from IndexedDB one document at a time', () => {
  it.each(EXPORT_FORMATS.map((f) => [f.id]))('%s: the same bytes as the export of the corpus in memory', async (id) => {
    await stored();
    const whole = await exportCorpus(
      EXPORT_FORMATS.find((f) => f.id === id)!,
      CORPUS,
      OPTIONS,
    );
    if (!whole.ok) throw new Error(whole.error.message);
    const { out, outcome, fractions } = await fromDb(id);
    expect(outcome).toEqual({ ok: true, value: { documents: CORPUS.documents.length, annotations: CORPUS.annotations.length } });
    expect(out).toBe(whole.value.chunks.join(''));
    expect(out.length).toBeGreaterThan(1000);
    expect(fractions.at(-1)).toBe(1);
  });

  it.each(EXPORT_FORMATS.map((f) => [f.id]))('%s: stops, naming the problem, when annotations point to a missing document', async (id) => {
    await stored(CORPUS.documents.slice(1));
    expect((await fromDb(id)).outcome).toMatchObject({ ok: false, error: { code: 'orphan', message: expect.stringContaining('missing document') } });
  });
});
