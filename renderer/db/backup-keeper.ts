import { missingFrom, replay, summarize, summaryAfter, TABLES, type Summary, type TableName, type Tables } from '../../shared/backup/backup';
import { journalLine, MANIFEST, parseJournal, parseManifest, parseSnapshot, snapshotLines, snapshotName, type Manifest } from '../../shared/backup/files';
import type { BackupStore } from '../platform/platform';
import type { HamishDatabase } from './database';
import type { Committed } from './workspace-repo';

/** Snapshots kept (with their journals): a damaged newest one still leaves an older one to restore from. */
const KEEP = 3;
/** A journal past either limit is folded into a new snapshot. */
const JOURNAL_ENTRIES = 2000;
const JOURNAL_CHARS = 2_000_000;
/** Writes that come close together go to the journal in one append. */
const FLUSH_MS = 250;

export const journalName = (snapshotCommit: number) => `journal-${String(snapshotCommit).padStart(12, '0')}.jsonl`;

export type BackupHealth =
  | { status: 'starting' }
  | { status: 'current'; updated: string; where: string }
  | { status: 'failed'; message: string; where: string }
  /** The database holds less than the backup says it did: the recovery screen's case. */
  | { status: 'missing'; updated: string; where: string; missing: { table: TableName; stored: number; expected: number }[]; behind: boolean };

export interface RestoreReport {
  from: string;
  counts: Record<TableName, number>;
  /** False when the restored tables do not match the summary the backup recorded (a snapshot older than it). */
  verified: boolean;
}

/**
 * The automatic backup (TRUST.md F10, F11): every committed write of the workspace is appended to a journal outside
 * IndexedDB within a second, at the cost of the write; a journal grown past its limits is folded into a new snapshot
 * of every table. The manifest says what the workspace held, so that on the next start a database that lost records
 * — discarded by the browser, deleted, damaged — is noticed and can be rebuilt instead of opening empty.
 *
 * Windows of one profile share the files: each appends only its own commits, under a Web Lock, and the journal replays
 * in commit order (database.ts `meta`).
 */
export function createBackupKeeper(db: HamishDatabase, store: BackupStore, clock: { now(): string } = { now: () => new Date().toISOString() }) {
  let queue: Committed[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> = Promise.resolve();
  let health: BackupHealth = { status: 'starting' };
  const listeners = new Set<() => void>();
  const setHealth = (h: BackupHealth) => {
    health = h;
    listeners.forEach((l) => l());
  };
  const fail = (err: unknown) => setHealth({ status: 'failed', message: err instanceof Error ? err.message : String(err), where: store.where });

  function locked<T>(job: () => Promise<T>): Promise<T> {
    // Across windows, a Web Lock; where there is none (Node in tests), a queue in this window.
    const locks = typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { locks?: LockManager }).locks;
    if (locks) return locks.request('hamish-backup', job) as Promise<T>;
    const next = running.then(job);
    running = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }

  async function readManifest(): Promise<Manifest | null> {
    const text = await store.read(MANIFEST);
    if (text === null) return null;
    const m = parseManifest(text);
    if (!m.ok) throw new Error(m.error.message);
    return m.value;
  }

  async function writeManifest(m: Manifest): Promise<void> {
    await store.write(MANIFEST, [JSON.stringify(m, null, 1) + '\n']);
  }

  async function storedCounts(): Promise<{ counts: Record<TableName, number>; commit: number }> {
    return db.transaction('r', [db.documents, db.annotations, db.entities, db.schemas, db.meta], async () => {
      const [documents, annotations, entities, schemas, meta] = await Promise.all([
        db.documents.count(),
        db.annotations.count(),
        db.entities.count(),
        db.schemas.count(),
        db.meta.get('commit'),
      ]);
      return { counts: { documents, annotations, entities, schemas }, commit: meta?.value ?? 0 };
    });
  }

  /** Every table as it stands, read in one transaction with the commit it stands at. */
  async function readTables(): Promise<{ tables: Tables; commit: number }> {
    return db.transaction('r', [db.documents, db.annotations, db.entities, db.schemas, db.meta], async () => {
      const [documents, annotations, entities, schemas, meta] = await Promise.all([
        db.documents.toArray(),
        db.annotations.toArray(),
        db.entities.toArray(),
        db.schemas.toArray(),
        db.meta.get('commit'),
      ]);
      return { tables: { documents, annotations, entities, schemas } as Tables, commit: meta?.value ?? 0 };
    });
  }

  /** A new snapshot of every table and an empty journal after it; older generations past KEEP are removed. */
  async function snapshot(previous: Manifest | null): Promise<Manifest> {
    const { tables, commit } = await readTables();
    const at = clock.now();
    const name = snapshotName(commit);
    const summary = summarize(tables);
    await store.write(name, snapshotLines(tables, commit, at));
    await store.write(journalName(commit), []);
    const snapshots = [{ name, commit, at, summary }, ...(previous?.snapshots ?? []).filter((s) => s.name !== name)];
    const manifest: Manifest = {
      format: 'hamish-backup',
      version: 1,
      updated: at,
      commit,
      summary,
      snapshots: snapshots.slice(0, KEEP),
      journal: { entries: 0, chars: 0 },
    };
    await writeManifest(manifest);
    for (const old of snapshots.slice(KEEP)) {
      await store.remove(old.name);
      await store.remove(journalName(old.commit));
    }
    return manifest;
  }

  async function flush(): Promise<void> {
    timer = null;
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    try {
      await locked(async () => {
        let m = await readManifest();
        if (!m) {
          m = await snapshot(null);
        } else {
          const newest = m.snapshots[0]!;
          const fresh = batch.filter((c) => c.written.commit > newest.commit);
          const lines = fresh.map((c) => journalLine(c.written)).join('');
          if (fresh.length) await store.append(journalName(newest.commit), lines);
          let summary: Summary = m.summary;
          for (const c of fresh) summary = summaryAfter(summary, c.written, c.before);
          const journal = { entries: m.journal.entries + fresh.length, chars: m.journal.chars + lines.length };
          m = { ...m, updated: clock.now(), commit: Math.max(m.commit, ...fresh.map((c) => c.written.commit)), summary, journal };
          await writeManifest(m);
          if (journal.chars > JOURNAL_CHARS || journal.entries > JOURNAL_ENTRIES) m = await snapshot(m);
        }
        setHealth({ status: 'current', updated: m.updated, where: store.where });
      });
    } catch (err) {
      fail(err);
    }
  }

  /** The newest generation that reads whole, replayed: snapshot plus its journal. */
  async function newestGood(m: Manifest): Promise<{ tables: Tables; name: string; newest: boolean }> {
    const reasons: string[] = [];
    for (const [i, s] of m.snapshots.entries()) {
      const snap = parseSnapshot((await store.read(s.name)) ?? '', s.name);
      if (!snap.ok) {
        reasons.push(snap.error.message);
        continue;
      }
      // Every journal from this generation on: an older snapshot is continued by the newer ones' journals too.
      const later = m.snapshots.slice(0, i + 1).reverse();
      const entries = [];
      let readable = true;
      for (const g of later) {
        const j = parseJournal((await store.read(journalName(g.commit))) ?? '', journalName(g.commit));
        if (!j.ok) {
          reasons.push(j.error.message);
          readable = false;
          break;
        }
        entries.push(...j.value.entries);
      }
      if (!readable) continue;
      const tables = replay(
        snap.value.tables,
        entries.filter((e) => e.commit > snap.value.commit),
      );
      return { tables, name: s.name, newest: i === 0 };
    }
    throw new Error(`No backup could be read: ${reasons.join(' ')}`);
  }

  return {
    health: () => health,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** Take a committed write in (workspace-repo's onCommitted). */
    record(c: Committed): void {
      const w = c.written;
      if (TABLES.every((t) => !(w.puts[t]?.length || w.deletes[t]?.length))) return;
      queue.push(c);
      timer ??= setTimeout(() => void flush(), FLUSH_MS);
    },

    /** Write what is queued now (the page is going away, or a test waits for the backup). */
    flush(): Promise<void> {
      if (timer) clearTimeout(timer);
      return flush();
    },

    /**
     * At start: compare the database with the manifest. An older commit, or fewer records at the same one, is the
     * recovery screen's case, and the backup is left untouched; writes the backup missed (a crash or a reload before
     * its append) are caught up with a new snapshot; a first start makes the first one.
     */
    async start(): Promise<BackupHealth> {
      let catchUp: Manifest | null | false = false;
      try {
        await locked(async () => {
          const m = await readManifest();
          const stored = await storedCounts();
          // The database past the backup's last commit is the truth (the page went away before the append): a new
          // snapshot catches up. At it, fewer records than the backup holds, or behind it, is a loss.
          if (m && stored.commit <= m.commit) {
            const missing = missingFrom(stored.counts, m.summary);
            if (missing.length || stored.commit < m.commit) {
              return setHealth({ status: 'missing', updated: m.updated, where: store.where, missing, behind: stored.commit < m.commit });
            }
          }
          if (m && stored.commit === m.commit) setHealth({ status: 'current', updated: m.updated, where: store.where });
          else catchUp = m;
        });
      } catch (err) {
        fail(err);
      }
      // A snapshot reads and writes the whole corpus: the app opens meanwhile (writes wait for it behind the lock).
      if (catchUp !== false) {
        const previous = catchUp;
        void locked(() => snapshot(previous)).then((m) => setHealth({ status: 'current', updated: m.updated, where: store.where }), fail);
        return { status: 'starting' };
      }
      return health;
    },

    /** Resolves once the backup's queued work (a catch-up snapshot, appends) is done: for tests and the bench. */
    settled(): Promise<void> {
      return locked(async () => undefined);
    },

    /**
     * The annotator keeps the workspace as it is although it holds less than the backup: new commits continue after
     * the backup's numbering, and a new snapshot of what is stored starts the next generation (the older ones stay
     * until they are rotated out).
     */
    async adopt(): Promise<void> {
      try {
        await locked(async () => {
          const m = await readManifest();
          if (m) await db.meta.put({ id: 'commit', value: Math.max(m.commit, (await storedCounts()).commit) });
          const next = await snapshot(m);
          setHealth({ status: 'current', updated: next.updated, where: store.where });
        });
      } catch (err) {
        fail(err);
      }
    },

    /**
     * Rebuild the workspace from the newest backup that reads whole, in one transaction (all of it or nothing), and
     * check the result against the summary the backup recorded.
     */
    async restore(): Promise<RestoreReport> {
      return locked(async () => {
        const m = await readManifest();
        if (!m) throw new Error(`There is no backup in ${store.where}.`);
        const { tables, name, newest } = await newestGood(m);
        await db.transaction('rw', [db.documents, db.annotations, db.entities, db.schemas, db.packs, db.meta], async () => {
          await Promise.all([db.documents.clear(), db.annotations.clear(), db.entities.clear(), db.schemas.clear(), db.packs.clear()]);
          await db.documents.bulkPut(tables.documents);
          await db.annotations.bulkPut(tables.annotations);
          await db.entities.bulkPut(tables.entities);
          await db.schemas.bulkPut(tables.schemas as never[]);
          await db.meta.put({ id: 'commit', value: m.commit });
        });
        const summary = summarize(tables);
        const verified = newest && TABLES.every((t) => summary[t].count === m.summary[t].count && summary[t].checksum === m.summary[t].checksum);
        setHealth({ status: 'current', updated: m.updated, where: store.where });
        return { from: name, counts: Object.fromEntries(TABLES.map((t) => [t, tables[t].length])) as Record<TableName, number>, verified };
      });
    },
  };
}

export type BackupKeeper = ReturnType<typeof createBackupKeeper>;
