// Storage rows: the same records put with bare IndexedDB and through the app's storage layer (HamishDatabase).
import type { AnnotationRecord } from '../../../shared/model/annotation';
import { change } from '../../../shared/model/edits';
import { createBackupKeeper } from '../../../renderer/db/backup-keeper';
import { HamishDatabase } from '../../../renderer/db/database';
import { createWorkspaceRepo } from '../../../renderer/db/workspace-repo';
import { opfsBackups } from '../../../renderer/platform/opfs-backups';

export interface StorePageApi {
  /** Fetch the records once (not timed). */
  load(url: string): Promise<number>;
  /** One readwrite transaction (durability strict, as the app), one put per record; ms to `complete`. */
  rawPut(dbName: string, count: number): Promise<number>;
  /** `bulkPut` on a fresh HamishDatabase; ms for the call (its transaction has committed when it resolves). */
  storePut(dbName: string, count: number): Promise<number>;
  drop(dbName: string): Promise<void>;
  /**
   * `count` records stored and backed up (not timed), then `changes` single-annotation edits through the app's write
   * path: per edit, ms for the backup to take it in (journal append and manifest, flushed at once), and ms for the
   * edit's own commit, for scale.
   */
  backupAppend(dbName: string, count: number, changes: number): Promise<{ append: number[]; commit: number[]; journalBytes: number }>;
}

declare global {
  interface Window {
    __store?: StorePageApi;
  }
}

let records: AnnotationRecord[] = [];

const done = (req: IDBRequest | IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    if (req instanceof IDBTransaction) {
      req.oncomplete = () => resolve();
      req.onerror = req.onabort = () => reject(req.error ?? new Error('transaction aborted'));
    } else {
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error);
    }
  });

window.__store = {
  async load(url) {
    records = (await (await fetch(url)).json()) as AnnotationRecord[];
    return records.length;
  },

  async rawPut(dbName, count) {
    const open = indexedDB.open(dbName, 1);
    open.onupgradeneeded = () => {
      // The same object store and indexes as the app's annotations table (renderer/db/database.ts, version 2).
      const store = open.result.createObjectStore('annotations', { keyPath: 'id' });
      store.createIndex('documentId', 'documentId');
      store.createIndex('documentId+start', ['documentId', 'start']);
      store.createIndex('kind', 'kind');
      store.createIndex('entityId', 'entityId');
      store.createIndex('claimantEntityId', 'claimantEntityId');
    };
    await done(open);
    const db = open.result;
    const t0 = performance.now();
    const tx = db.transaction('annotations', 'readwrite', { durability: 'strict' });
    const store = tx.objectStore('annotations');
    for (const r of records.slice(0, count)) store.put(r);
    await done(tx);
    const ms = performance.now() - t0;
    db.close();
    return ms;
  },

  async storePut(dbName, count) {
    const db = new HamishDatabase(dbName);
    await db.open();
    const batch = records.slice(0, count);
    const t0 = performance.now();
    await db.annotations.bulkPut(batch);
    const ms = performance.now() - t0;
    db.close();
    return ms;
  },

  async drop(dbName) {
    await done(indexedDB.deleteDatabase(dbName));
  },

  async backupAppend(dbName, count, changes) {
    const db = new HamishDatabase(dbName);
    await db.open();
    const store = opfsBackups()!;
    for (const name of await store.list()) await store.remove(name);
    const keeper = createBackupKeeper(db, store);
    const repo = createWorkspaceRepo(db, { onCommitted: (c) => keeper.record(c) });
    const batch = records.slice(0, count);
    await db.annotations.bulkPut(batch);
    await keeper.start();
    await keeper.settled();
    const append: number[] = [];
    const commit: number[] = [];
    for (let i = 0; i < changes; i++) {
      const a = batch[(i * 7919) % batch.length]!;
      const t0 = performance.now();
      await repo.applyChange(change({ annotations: [[a, { ...a, modified: new Date(Date.UTC(2026, 11, 3, 0, 0, i)).toISOString() }]] }));
      const t1 = performance.now();
      await keeper.flush();
      append.push(performance.now() - t1);
      commit.push(t1 - t0);
    }
    const journalBytes = (await store.list()).filter((n) => n.startsWith('journal-')).length
      ? ((await store.read((await store.list()).find((n) => n.startsWith('journal-'))!)) ?? '').length
      : 0;
    if (keeper.health().status !== 'current') throw new Error(`the backup is not current: ${JSON.stringify(keeper.health())}`);
    for (const name of await store.list()) await store.remove(name);
    db.close();
    return { append, commit, journalBytes };
  },
};
