import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { summarize, type Tables } from '../../shared/backup/backup';
import { MANIFEST, parseManifest } from '../../shared/backup/files';
import { change, invert } from '../../shared/model/edits';
import { CORPUS } from '../../tests/support/news-corpus';
import { memoryBackups } from '../platform/memory-backups';
import { createBackupKeeper, journalName } from './backup-keeper';
import { openDatabase, type HamishDatabase } from './database';
import { createWorkspaceRepo } from './workspace-repo';

let dbs: HamishDatabase[] = [];
afterEach(async () => {
  for (const db of dbs) {
    db.close();
    await db.delete();
  }
  dbs = [];
});

function setup(store = memoryBackups(), name = `backup-${crypto.randomUUID()}`) {
  const db = openDatabase(name);
  dbs.push(db);
  const keeper = createBackupKeeper(db, store);
  const repo = createWorkspaceRepo(db, { onCommitted: (c) => keeper.record(c) });
  return { db, store, keeper, repo };
}

async function tablesOf(db: HamishDatabase): Promise<Tables> {
  const byId = <T extends { id: string }>(rows: T[]) => rows.sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    documents: byId(await db.documents.toArray()),
    annotations: byId(await db.annotations.toArray()),
    entities: byId(await db.entities.toArray()),
    schemas: (await db.schemas.toArray()) as Tables['schemas'],
  };
}

/** The news corpus stored the way the app stores it: an import, then its annotations, then an edit and an undo. */
async function work(repo: ReturnType<typeof setup>['repo']) {
  await repo.applyChange(change({ documents: CORPUS.documents.map((d) => [undefined, d] as const), schema: [CORPUS.schema, CORPUS.schema] }));
  await repo.applyChange(
    change({ entities: CORPUS.entities.map((e) => [undefined, e] as const), annotations: CORPUS.annotations.map((a) => [undefined, a] as const) }),
  );
  const a = CORPUS.annotations[0]!;
  const relabel = change({ annotations: [[a, { ...a, modified: '2026-12-03T10:00:00.000Z' }]] });
  await repo.applyChange(relabel);
  const removal = change({ annotations: [[CORPUS.annotations[1]!, undefined]] });
  await repo.applyChange(removal);
  await repo.applyChange(invert(removal));
}

describe('the automatic backup', () => {
  it('follows every committed write: its manifest says exactly what the database holds', async () => {
    const { db, store, keeper, repo } = setup();
    // A first start opens the app at once and makes the first snapshot behind it.
    expect((await keeper.start()).status).toBe('starting');
    await keeper.settled();
    expect(keeper.health().status).toBe('current');
    await work(repo);
    await keeper.flush();
    const m = parseManifest(store.files.get(MANIFEST)!);
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    expect(m.value.summary).toEqual(summarize(await tablesOf(db)));
    expect(m.value.summary.annotations.count).toBe(CORPUS.annotations.length);
    expect(m.value.commit).toBe(5);
    // One journal line per commit after the first snapshot, each holding only what it wrote.
    const lines = store.files.get(journalName(0))!.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    // The manifest knows how much the journal holds, so folding it into a snapshot never reads it back.
    expect(m.value.journal).toEqual({ entries: 5, chars: store.files.get(journalName(0))!.length });
    expect(JSON.parse(lines[2]!).puts.annotations).toHaveLength(1);
    expect(keeper.health()).toMatchObject({ status: 'current', where: 'memory' });
  });

  it('finds a database that lost its records and rebuilds it, every record back', async () => {
    const store = memoryBackups();
    const first = setup(store);
    await first.keeper.start();
    await work(first.repo);
    await first.keeper.flush();
    const before = await tablesOf(first.db);

    // The browser discards the database (TRUST.md F11): the same profile opens an empty one.
    const second = setup(store);
    const health = await second.keeper.start();
    expect(health).toMatchObject({
      status: 'missing',
      behind: true,
      missing: [
        { table: 'documents', stored: 0, expected: CORPUS.documents.length },
        { table: 'annotations', stored: 0, expected: CORPUS.annotations.length },
        { table: 'entities', stored: 0, expected: CORPUS.entities.length },
        { table: 'schemas', stored: 0, expected: 1 },
      ],
    });
    // Nothing is written while the annotator decides: the backup still holds everything.
    expect(parseManifest(store.files.get(MANIFEST)!).ok && JSON.parse(store.files.get(MANIFEST)!).summary.annotations.count).toBe(CORPUS.annotations.length);

    const report = await second.keeper.restore();
    expect(report).toMatchObject({ verified: true, counts: { documents: CORPUS.documents.length, annotations: CORPUS.annotations.length } });
    expect(await tablesOf(second.db)).toEqual(before);
    // And the restored workspace goes on: the next commit follows the backup's numbering.
    await second.repo.applyChange(change({ annotations: [[CORPUS.annotations[2]!, undefined]] }));
    await second.keeper.flush();
    expect(JSON.parse(store.files.get(MANIFEST)!).commit).toBe(6);
    expect((await second.keeper.start()).status).toBe('current');
  });

  it('restores what the journal held up to a line torn by a crash', async () => {
    const { store, keeper, repo } = setup();
    await keeper.start();
    await work(repo);
    await keeper.flush();
    const journal = store.files.get(journalName(0))!;
    store.files.set(journalName(0), journal.slice(0, journal.length - 30));
    const empty = setup(store);
    await empty.keeper.start();
    const report = await empty.keeper.restore();
    // The torn line was the undo that brought one annotation back: it alone is missing, and the check says so.
    expect(report.counts.annotations).toBe(CORPUS.annotations.length - 1);
    expect(report.verified).toBe(false);
  });

  it('folds a long journal into a new snapshot and restores from an older one when the newest is damaged', async () => {
    const { db, store, keeper, repo } = setup();
    await keeper.start();
    await work(repo);
    await keeper.flush();
    // A catch-up snapshot, as after a crash before an append: the workspace committed past what the backup holds.
    await db.meta.put({ id: 'commit', value: 9 });
    await keeper.start();
    await keeper.settled();
    expect(keeper.health().status).toBe('current');
    const m = JSON.parse(store.files.get(MANIFEST)!);
    expect(m.snapshots.map((s: { commit: number }) => s.commit)).toEqual([9, 0]);
    await repo.applyChange(change({ annotations: [[CORPUS.annotations[3]!, undefined]] }));
    await keeper.flush();
    const after = await tablesOf(db);
    store.files.set(m.snapshots[0].name, store.files.get(m.snapshots[0].name)!.slice(0, 100));
    const empty = setup(store);
    await empty.keeper.start();
    const report = await empty.keeper.restore();
    expect(report.from).toBe(m.snapshots[1].name);
    expect(await tablesOf(empty.db)).toEqual(after);
  });
});

describe('the automatic backup at start', () => {
  it('catches up, without a false alarm, on writes the page committed but never appended', async () => {
    const store = memoryBackups();
    const name = `backup-${crypto.randomUUID()}`;
    const first = setup(store, name);
    await first.keeper.start();
    await work(first.repo);
    await first.keeper.flush();
    // A deletion committed, then the page went away before the backup's append (no flush).
    const unflushed = createWorkspaceRepo(first.db);
    await unflushed.applyChange(change({ annotations: [[CORPUS.annotations[4]!, undefined]] }));
    first.db.close();
    const again = openDatabase(name);
    dbs.push(again);
    const keeper = createBackupKeeper(again, store);
    expect(await keeper.start()).toMatchObject({ status: 'starting' });
    await keeper.settled();
    expect(keeper.health()).toMatchObject({ status: 'current' });
    expect(JSON.parse(store.files.get(MANIFEST)!).summary.annotations.count).toBe(CORPUS.annotations.length - 1);
  });
});
