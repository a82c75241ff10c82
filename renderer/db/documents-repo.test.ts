import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../shared/model/document';
import { change } from '../../shared/model/edits';
import { openDatabase, type HamishDatabase } from './database';
import { createDocumentsRepo } from './documents-repo';
import { createWorkspaceRepo } from './workspace-repo';

let db: HamishDatabase;
afterEach(async () => {
  db.close();
  await db.delete();
});

const doc = (id: string, text: string, importedAt: string): DocumentRecord => ({
  id,
  title: text.split('\n')[0]!,
  text,
  sha256: id.repeat(64).slice(0, 64),
  fileName: `${id}.txt`,
  importedAt,
  status: 'new',
  meta: {},
});

describe('documents repository', () => {
  it('lists the documents in import order, with their length instead of their text', async () => {
    db = openDatabase(`test-${crypto.randomUUID()}`);
    const later = doc('b', 'خبر ثان\nنص', '2026-11-23T11:00:00.000Z');
    const earlier = doc('a', 'خبر أول\nنص أطول', '2026-11-23T10:00:00.000Z');
    await createWorkspaceRepo(db).applyChange(
      change({
        documents: [
          [undefined, later],
          [undefined, earlier],
        ],
      }),
    );
    const summaries = await createDocumentsRepo(db).listSummaries();
    expect(summaries.map((d) => [d.id, d.length])).toEqual([
      ['a', earlier.text.length],
      ['b', later.text.length],
    ]);
    expect(summaries[0]).not.toHaveProperty('text');
  });
});
