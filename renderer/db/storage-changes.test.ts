import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createMention, type AnnotationRecord } from '../../shared/model/annotation';
import type { DocumentRecord } from '../../shared/model/document';
import { change } from '../../shared/model/edits';
import type { KbEntity } from '../../shared/model/kb-entity';
import { DEFAULT_LABEL_SCHEMA } from '../../shared/model/label-schema';
import { openDatabase, type HamishDatabase } from './database';
import { watchStorage, type StorageChange } from './storage-changes';
import { createWorkspaceRepo } from './workspace-repo';

const TEXT = 'قال المشير خليفة حفتر في بنغازي';
const NOW = '2026-11-23T10:00:00.000Z';
const DOC: DocumentRecord = { id: 'd1', title: 'حفتر', text: TEXT, sha256: 'a'.repeat(64), fileName: 'a.txt', importedAt: NOW, status: 'new', meta: {} };
const ENTITY: KbEntity = { id: 'e1', name: 'خليفة حفتر', entityType: 'person', aliases: [], created: NOW, modified: NOW };

const open: HamishDatabase[] = [];
const stops: (() => void)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  for (const db of open.splice(0)) {
    db.close();
    await db.delete();
  }
});

function connect(name: string): HamishDatabase {
  const db = openDatabase(name);
  open.push(db);
  return db;
}

function mention(id: string, start = 11, end = 21): AnnotationRecord {
  const m = createMention(TEXT, { id, documentId: 'd1', start, end, entityType: 'person', now: NOW });
  if (!m.ok) throw new Error(m.error.message);
  return m.value;
}

/**
 * Two connections to one database, as two windows have: one watched, the other writing. Both are open before the
 * watch starts (Dexie reports a database it creates as everything changed).
 */
async function twoWindows() {
  const name = `changes-${crypto.randomUUID()}`;
  const [watched, writer] = [connect(name), connect(name)];
  await Promise.all([watched.open(), writer.open()]);
  const seen: StorageChange[] = [];
  stops.push(watchStorage(watched, (c) => seen.push(c)));
  return { watched, writer: createWorkspaceRepo(writer), seen };
}

const ids = (t: StorageChange[keyof StorageChange]) => (t === 'all' || !t ? t : [...t].sort());

describe('watchStorage', () => {
  it('names the records a write through another connection changed, table by table', async () => {
    const { writer, seen } = await twoWindows();
    await writer.applyChange(change({ documents: [[undefined, DOC]], entities: [[undefined, ENTITY]], annotations: [[undefined, mention('a1')]] }));
    expect(seen).toHaveLength(1);
    expect([ids(seen[0]!.documents), ids(seen[0]!.entities), ids(seen[0]!.annotations), seen[0]!.schemas]).toEqual([['d1'], ['e1'], ['a1'], undefined]);

    const a1 = mention('a1');
    await writer.applyChange(
      change({
        annotations: [
          [a1, undefined],
          [undefined, mention('a2', 4, 10)],
        ],
      }),
    );
    expect(seen.slice(1).map((c) => ({ ...c, annotations: ids(c.annotations) }))).toEqual([{ annotations: ['a1', 'a2'] }]);

    await writer.applyChange(change({ schema: [DEFAULT_LABEL_SCHEMA, { ...DEFAULT_LABEL_SCHEMA }] }));
    expect(ids(seen[2]!.schemas)).toEqual(['corpus']);
  });

  it('says "all" for a write of 50 records or more, whose keys Dexie does not list', async () => {
    const { writer, seen } = await twoWindows();
    const many = Array.from({ length: 60 }, (_, i) => [undefined, mention(`m${i}`)] as const);
    await writer.applyChange(change({ annotations: many }));
    expect(seen.map((c) => c.annotations)).toEqual(['all']);
  });

  it('hears nothing of another database, nor after it stops', async () => {
    const { writer, seen, watched } = await twoWindows();
    const other = connect(`changes-${crypto.randomUUID()}`);
    await other.open();
    const elsewhere = createWorkspaceRepo(other);
    await elsewhere.applyChange(change({ entities: [[undefined, ENTITY]] }));
    expect(seen).toEqual([]);
    const later: StorageChange[] = [];
    const stop = watchStorage(watched, (c) => later.push(c));
    stop();
    await writer.applyChange(change({ entities: [[undefined, ENTITY]] }));
    expect([seen.length, later.length]).toEqual([1, 0]);
  });
});
