import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { exportFormat } from '../../../shared/formats/registry';
import { CORPUS } from '../../../tests/support/news-corpus';
import { openDatabase, type HamishDatabase } from '../../db/database';
import { exportBratFlat, exportLabelStudioFlat, exportPerDocument, exportW3CFlat, type FlatExport, type FlatResult } from './stream-from-db';

let db: HamishDatabase;
afterEach(async () => {
  db.close();
  await db.delete();
});

const OPTIONS = { appVersion: 't', splitClitics: true };

async function flat(run: (x: FlatExport) => Promise<FlatResult>) {
  let out = '';
  const result = await run({ db, entities: CORPUS.entities, schema: CORPUS.schema, options: OPTIONS, emit: (c) => (out += c), progress: () => {} });
  return { out, result };
}

describe('exports read from IndexedDB one document at a time', () => {
  it.each([
    ['w3c-jsonld', exportW3CFlat],
    ['label-studio', exportLabelStudioFlat],
    ['brat', exportBratFlat],
    ['conll', (x: FlatExport) => exportPerDocument(exportFormat('conll')!, x)],
    ['jsonl', (x: FlatExport) => exportPerDocument(exportFormat('jsonl')!, x)],
  ] as const)('%s: the same bytes as the whole-corpus export', async (id, run) => {
    db = openDatabase(`flat-${crypto.randomUUID()}`);
    await db.documents.bulkAdd(CORPUS.documents);
    await db.annotations.bulkAdd(CORPUS.annotations);
    const whole = exportFormat(id)!.run(CORPUS, OPTIONS);
    if (!whole.ok) throw new Error(whole.error.message);
    const { out, result } = await flat(run);
    expect(result).toEqual({ documents: CORPUS.documents.length, annotations: CORPUS.annotations.length });
    expect(out).toBe([...whole.value].join(''));
  });

  it('stops, naming the problem, when annotations point to a missing document', async () => {
    db = openDatabase(`flat-${crypto.randomUUID()}`);
    await db.documents.bulkAdd(CORPUS.documents.slice(1));
    await db.annotations.bulkAdd(CORPUS.annotations);
    for (const run of [exportW3CFlat, exportLabelStudioFlat, exportBratFlat, (x: FlatExport) => exportPerDocument(exportFormat('conll')!, x)]) {
      expect((await flat(run)).result).toMatchObject({ problem: expect.stringContaining('missing document') });
    }
  });
});
