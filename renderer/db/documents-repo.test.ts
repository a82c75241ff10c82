import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { importTxt, type DocumentDraft } from '../../shared/formats/txt/import-txt';
import { NEWS_DIR } from '../../tests/support/paths';
import { openDatabase, type HamishDatabase } from './database';
import { createDocumentsRepo } from './documents-repo';

let db: HamishDatabase;
afterEach(async () => {
  db.close();
  await db.delete();
});

function draftOf(file: string): DocumentDraft {
  const bytes = readFileSync(`${NEWS_DIR}${file}`);
  const r = importTxt({ name: file, size: bytes.length, bytes });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const setup = () => {
  db = openDatabase(`test-${crypto.randomUUID()}`);
  let n = 0;
  return createDocumentsRepo(
    db,
    () => `doc-${++n}`,
    () => '2026-11-23T10:00:00.000Z',
  );
};

describe('documents repository', () => {
  it('stores drafts and reports the same text twice, in the batch and against the store', async () => {
    const repo = setup();
    const a = draftOf('000_d8c24643563608ab.txt');
    const b = draftOf('002_1243eb3aa8ecf769.txt');
    const first = await repo.storeDrafts([a, b, { ...a, fileName: 'copy.txt' }]);
    expect(first.stored.map((d) => d.fileName)).toEqual([a.fileName, b.fileName]);
    expect(first.duplicates).toEqual([{ fileName: 'copy.txt', existingTitle: a.title }]);
    const again = await repo.storeDrafts([{ ...b, fileName: 'again.txt' }]);
    expect(again.stored).toEqual([]);
    expect(again.duplicates).toEqual([{ fileName: 'again.txt', existingTitle: b.title }]);
    expect((await repo.listSummaries()).map((d) => d.title)).toEqual([a.title, b.title]);
  });

  it('stores nothing of a batch when one write fails', async () => {
    const repo = setup();
    const a = draftOf('000_d8c24643563608ab.txt');
    await repo.storeDrafts([a]);
    const b = draftOf('003_e3d42777f53ff652.txt');
    // Same id as the stored document: bulkAdd fails on the second record, inside the transaction.
    const clashing = createDocumentsRepo(
      db,
      () => 'doc-1',
      () => '2026-11-23T11:00:00.000Z',
    );
    await expect(clashing.storeDrafts([b])).rejects.toThrow();
    expect((await repo.listAll()).map((d) => d.sha256)).toEqual([a.sha256]);
  });
});
