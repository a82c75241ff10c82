import 'fake-indexeddb/auto';
import type { DBCore, Middleware } from 'dexie';
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { addAnnotation } from '../../../shared/model/commands';
import { NEWS_DIR } from '../../../tests/support/paths';
import { createAnnotationsRepo } from '../../db/annotations-repo';
import { openDatabase, type HamishDatabase } from '../../db/database';
import { createDocumentsRepo } from '../../db/documents-repo';
import { createWorkspaceRepo, type WorkspaceRepo } from '../../db/workspace-repo';
import { createTestPlatform } from '../../platform/test-platform';
import { Workbench } from '../annotate/workbench';
import { importArticles, storageFailure, TXT_PICK } from './import-articles';

const NEWS = readdirSync(NEWS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, bytes: new Uint8Array(readFileSync(`${NEWS_DIR}${name}`)) }));
const titleOf = (name: string) =>
  new TextDecoder()
    .decode(NEWS.find((f) => f.name === name)!.bytes)
    .split('\n')[0]!
    .trim();
const NOW = '2026-11-23T10:00:00.000Z';
let ids = 0;
const clock = { newId: () => `id-${++ids}`, now: () => NOW };

const opened: HamishDatabase[] = [];
afterEach(async () => {
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  // Two windows may share one database: delete it once both are closed.
  for (const name of new Set(dbs.map((db) => db.name))) await openDatabase(name).delete();
});

/** One window of the app on the database `name`: its Workbench, as compose() builds it. */
function openWindow(name: string, wrap: (w: WorkspaceRepo) => WorkspaceRepo = (w) => w, middleware?: Middleware<DBCore>) {
  const db = openDatabase(name);
  if (middleware) db.use(middleware);
  opened.push(db);
  const repos = { documents: createDocumentsRepo(db), annotations: createAnnotationsRepo(db), workspace: wrap(createWorkspaceRepo(db)) };
  return { db, repos, workbench: new Workbench(repos) };
}

/** Pick files through the platform, as the Import button does, and import them. */
async function pickAndImport(workbench: Workbench, files: readonly { name: string; bytes: Uint8Array }[]) {
  const platform = createTestPlatform();
  platform.willPick(files);
  return importArticles(await platform.pickFiles(TXT_PICK), workbench, clock);
}

const storedTitles = async (db: HamishDatabase) => (await db.documents.toArray()).sort((a, b) => a.fileName.localeCompare(b.fileName)).map((d) => d.title);

describe('importArticles', () => {
  it('adds the articles as one change: one undo takes them all back, redo brings the same documents back', async () => {
    const { db, workbench } = openWindow(`import-${crypto.randomUUID()}`);
    const report = await pickAndImport(workbench, NEWS);
    expect(report.problems).toEqual([]);
    expect(report.stored.map((d) => d.fileName)).toEqual(NEWS.map((f) => f.name));
    const stored = await db.documents.toArray();
    expect(stored).toHaveLength(NEWS.length);
    expect(workbench.getSnapshot()).toMatchObject({ canUndo: true, canRedo: false, save: { status: 'saved' } });

    workbench.undo();
    await workbench.whenSaved();
    expect(await db.documents.count()).toBe(0);
    expect(workbench.getSnapshot()).toMatchObject({ canUndo: false, canRedo: true });

    workbench.redo();
    await workbench.whenSaved();
    expect((await db.documents.toArray()).sort((a, b) => a.id.localeCompare(b.id))).toEqual(stored.sort((a, b) => a.id.localeCompare(b.id)));
  });

  it('undoes the annotations made since before the import, so no annotation is left without its document', async () => {
    const { db, repos, workbench } = openWindow(`import-${crypto.randomUUID()}`);
    const [doc] = (await pickAndImport(workbench, NEWS)).stored;
    await workbench.open(doc!.id);
    const s = workbench.getSnapshot();
    const ctx = { document: doc!, annotations: s.annotations, schema: s.schema, newId: clock.newId, now: clock.now };
    const added = addAnnotation(ctx, 'mention', { start: 0, end: doc!.text.indexOf(' ') }, 'person');
    if (!added.ok) throw new Error(added.error.message);
    workbench.apply(added.value.change);
    await workbench.whenSaved();
    expect(await repos.annotations.listByDocument(doc!.id)).toHaveLength(1);

    workbench.undo();
    await workbench.whenSaved();
    expect([await db.annotations.count(), await db.documents.count()]).toEqual([0, NEWS.length]);
    workbench.undo();
    await workbench.whenSaved();
    expect([await db.annotations.count(), await db.documents.count()]).toEqual([0, 0]);
    expect(workbench.getSnapshot()).toMatchObject({ document: null, annotations: [], save: { status: 'saved' } });

    workbench.redo();
    workbench.redo();
    await workbench.whenSaved();
    expect([await db.annotations.count(), await db.documents.count()]).toEqual([1, NEWS.length]);
  });

  it('reports the texts already in the corpus or twice in the import, and imports the others', async () => {
    const { db, workbench } = openWindow(`import-${crypto.randomUUID()}`);
    const [n0, n2, n3] = [NEWS[0]!, NEWS[2]!, NEWS[3]!];
    await pickAndImport(workbench, [n2]);
    const report = await pickAndImport(workbench, [
      { name: 'again.txt', bytes: n2.bytes },
      n3,
      { name: 'copy.txt', bytes: n3.bytes },
      { name: 'empty.txt', bytes: new Uint8Array() },
      n0,
    ]);
    expect(report.stored.map((d) => d.fileName)).toEqual([n3.name, n0.name]);
    expect(report.problems).toEqual([
      'empty.txt: the file is empty (no text to annotate).',
      `again.txt: already in the corpus as «${titleOf(n2.name)}» (same text); not imported again.`,
      `copy.txt: already in the corpus as «${titleOf(n3.name)}» (same text); not imported again.`,
    ]);
    expect(await storedTitles(db)).toEqual([n0, n2, n3].map((f) => titleOf(f.name)));
    // The second import alone is undone: the first one's article stays.
    workbench.undo();
    await workbench.whenSaved();
    expect(await storedTitles(db)).toEqual([titleOf(n2.name)]);
  });

  it('stores an article once when two windows import it at once: the writing transaction decides', async () => {
    const name = `import-${crypto.randomUUID()}`;
    let release!: () => void;
    const slowDisk = new Promise<void>((resolve) => (release = resolve));
    const a = openWindow(name, (w) => ({ ...w, applyChange: async (...args) => (await slowDisk, w.applyChange(...args)) }));
    const b = openWindow(name);
    const [n2, n3] = [NEWS[2]!, NEWS[3]!];
    const inA = pickAndImport(a.workbench, [n2, n3]);
    expect((await pickAndImport(b.workbench, [n2])).stored).toHaveLength(1);
    release();
    const report = await inA;
    expect(report.stored.map((d) => d.fileName)).toEqual([n3.name]);
    expect(report.problems).toEqual([`${n2.name}: already in the corpus as «${titleOf(n2.name)}» (same text); not imported again.`]);
    expect(await storedTitles(a.db)).toEqual([n2, n3].map((f) => titleOf(f.name)));
    // A's undo takes back what A stored, not B's article.
    a.workbench.undo();
    await a.workbench.whenSaved();
    expect(await storedTitles(a.db)).toEqual([titleOf(n2.name)]);
  });

  it('writes none of the articles when the disk is full, says so, and leaves nothing to undo', async () => {
    let full = false;
    // Once full, the documents are written and then the disk fills up before the commit: the transaction must take
    // them back.
    const fillsUp: Middleware<DBCore> = {
      stack: 'dbcore',
      name: 'full-disk',
      create: (down) => ({
        ...down,
        table(tableName) {
          const table = down.table(tableName);
          return {
            ...table,
            async mutate(req) {
              const res = await table.mutate(req);
              if (full && tableName === 'documents') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
              return res;
            },
          };
        },
      }),
    };
    const { db, workbench } = openWindow(`import-${crypto.randomUUID()}`, (w) => w, fillsUp);
    await pickAndImport(workbench, [NEWS[0]!]);
    full = true;
    const report = await pickAndImport(workbench, NEWS.slice(1));
    expect(report).toEqual({
      stored: [],
      problems: [`Storage is full: none of the ${NEWS.length - 1} articles was saved. Free disk space or export and remove old work.`],
    });
    expect(await storedTitles(db)).toEqual([titleOf(NEWS[0]!.name)]);
    expect(workbench.getSnapshot()).toMatchObject({ canRedo: false, save: { status: 'saved' } });
    // The one undo step left is the first import's.
    full = false;
    workbench.undo();
    await workbench.whenSaved();
    expect([await db.documents.count(), workbench.getSnapshot().canUndo]).toEqual([0, false]);
  });

  it('refuses an article over the size limit by name, as the picker gives it without its bytes', async () => {
    const { db, workbench } = openWindow(`import-${crypto.randomUUID()}`);
    const report = await pickAndImport(workbench, [{ name: 'huge.txt', bytes: new Uint8Array(TXT_PICK.maxBytes + 1).fill(0x61) }, NEWS[0]!]);
    expect(report.problems).toEqual(['huge.txt: 10.0 MB is larger than the 10.0 MB limit for one article; split it into articles.']);
    expect(await storedTitles(db)).toEqual([titleOf(NEWS[0]!.name)]);
  });
});

describe('storageFailure', () => {
  it('names a full quota, a disk that cannot be written, and anything else as it is', () => {
    const quota = Object.assign(new Error('aborted'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } });
    expect(storageFailure(quota, 3)).toBe('Storage is full: none of the 3 articles was saved. Free disk space or export and remove old work.');
    // What Chromium 156 says when the disk fills before the quota (TRUST.md F4, measured on a full tmpfs).
    const disk = Object.assign(new Error('Failed to write blobs (IOError)'), { name: 'DataError' });
    expect(storageFailure(disk, 8, 'records')).toBe(
      'The disk is full or cannot be written: none of the 8 records was saved (Failed to write blobs (IOError)). Free disk space and try again.',
    );
    // A bulk write aborted by the disk: the cause is the transaction's error, kept as `cause` by the write path.
    const bulk = Object.assign(new Error('annotations.bulkPut(): 19123 of 20000 operations failed. Errors: AbortError'), {
      name: 'BulkError',
      cause: { name: 'QuotaExceededError', message: 'The quota has been exceeded.' },
    });
    expect(storageFailure(bulk, 20000, 'records')).toBe('Storage is full: none of the 20000 records was saved. Free disk space or export and remove old work.');
    expect(storageFailure(new Error('boom'), 1)).toBe('Saving failed, none of the 1 articles was saved: boom');
  });
});
