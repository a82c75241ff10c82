import type { AnnotationRecord } from '../../shared/model/annotation';
import type { DocumentRecord } from '../../shared/model/document';
import type { Change, Pair } from '../../shared/model/edits';
import type { KbEntity } from '../../shared/model/kb-entity';
import { checkSchemaChange, DEFAULT_LABEL_SCHEMA, validateLabelSchema, type LabelSchema, type LabelUsage } from '../../shared/model/label-schema';
import type { Problem } from '../../shared/result';
import type { Written } from '../../shared/backup/backup';
import type { HamishDatabase } from './database';
import { watchStorage, type StorageChange } from './storage-changes';

/** A change the store refuses, with every problem found (codes and JSON pointers, for the place they concern). */
export class ChangeRefused extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map((p) => p.message).join(' '));
    this.name = 'ChangeRefused';
  }
}

function split<T extends { id: string }>(pairs: readonly Pair<T>[]) {
  // Later pairs win: a change may touch the same record twice (e.g. bulk apply then link).
  const last = new Map<string, T | undefined>();
  for (const [before, after] of pairs) last.set((after ?? before)!.id, after);
  const puts: T[] = [];
  const deletes: string[] = [];
  for (const [id, rec] of last) {
    if (rec) puts.push(rec);
    else deletes.push(id);
  }
  return { puts, deletes };
}

/** Labels the next schema drops although annotations still use them (read inside the caller's transaction). */
async function usageProblems(db: HamishDatabase, next: LabelSchema): Promise<Problem[]> {
  const usage: LabelUsage = { entityTypes: new Map(), claimStances: new Map(), sourceTypes: new Map() };
  const bump = (m: Map<string, number>, id: string) => m.set(id, (m.get(id) ?? 0) + 1);
  await db.annotations.each((a) => {
    if (a.kind === 'mention') bump(usage.entityTypes as Map<string, number>, a.entityType);
    else if (a.kind === 'claim') bump(usage.claimStances as Map<string, number>, a.stance);
    else bump(usage.sourceTypes as Map<string, number>, a.sourceType);
  });
  return checkSchemaChange(next, usage);
}

/** A document a change would add although its text is stored already, or added earlier in the same change. */
export interface SkippedDocument {
  document: DocumentRecord;
  /** The title the same text is stored under. */
  existingTitle: string;
}

export interface AppliedChange {
  /** The change as written: the one given, less the documents it skipped. */
  change: Change;
  skipped: SkippedDocument[];
}

/**
 * A committed write as the backup takes it: what was stored and deleted, numbered in commit order, and the records
 * it replaced (read in the same transaction), so the backup's counts and checksums follow at the cost of the write.
 */
export interface Committed {
  written: Written;
  before: { [T in keyof Written['puts']]?: ({ id: string } | undefined)[] };
}

export interface ApplyOptions {
  /**
   * Leave out the new documents whose text is stored already instead of refusing the whole change (the unique sha256
   * index refuses it otherwise). Decided in the transaction that writes, so two windows importing one article at
   * once store it once. A change that annotates a document it would skip is refused: those annotations would point
   * nowhere.
   */
  skipStoredDocuments?: boolean;
}

/** The change without the documents it adds whose text is already stored (read inside the caller's transaction). */
async function withoutStoredDocuments(db: HamishDatabase, c: Change): Promise<AppliedChange> {
  const added = c.documents.flatMap(([before, after]) => (!before && after ? [after] : []));
  if (added.length === 0) return { change: c, skipped: [] };
  const stored = await db.documents
    .where('sha256')
    .anyOf(added.map((d) => d.sha256))
    .toArray();
  const titles = new Map(stored.map((d) => [d.sha256, d.title]));
  const skipped: SkippedDocument[] = [];
  const documents = c.documents.filter(([before, after]) => {
    if (before || !after) return true;
    const existingTitle = titles.get(after.sha256);
    if (existingTitle === undefined) titles.set(after.sha256, after.title);
    else skipped.push({ document: after, existingTitle });
    return existingTitle === undefined;
  });
  const gone = new Set(skipped.map((s) => s.document.id));
  if (c.annotations.some(([before, after]) => gone.has((after ?? before)!.documentId))) {
    throw new Error('A change that annotates the documents it adds cannot skip any of them.');
  }
  return { change: { ...c, documents }, skipped };
}

/** The stored records a write replaces or deletes, read in its transaction (undefined where there is none). */
async function storedBefore(db: HamishDatabase, w: Written): Promise<Committed['before']> {
  const ids = (puts: { id: string }[] | undefined, deletes: string[] | undefined) => [...(deletes ?? []), ...(puts ?? []).map((r) => r.id)];
  const [documents, annotations, entities, schemas] = await Promise.all([
    db.documents.bulkGet(ids(w.puts.documents, w.deletes.documents)),
    db.annotations.bulkGet(ids(w.puts.annotations, w.deletes.annotations)),
    db.entities.bulkGet(ids(w.puts.entities, w.deletes.entities)),
    db.schemas.bulkGet(ids(w.puts.schemas, w.deletes.schemas)),
  ]);
  return { documents, annotations, entities, schemas };
}

/**
 * Writes and reads that span tables: one change, one transaction. `onCommitted` hears of every write once it has
 * committed (the automatic backup, backup-keeper.ts).
 */
export function createWorkspaceRepo(db: HamishDatabase, hooks: { onCommitted?(c: Committed): void } = {}) {
  return {
    async applyChange(given: Change, options: ApplyOptions = {}): Promise<AppliedChange> {
      let committed: Committed | null = null;
      let idb: IDBTransaction | null = null;
      const applied = await db
        .transaction('rw', [db.annotations, db.entities, db.documents, db.schemas, db.packs, db.meta], async (tx) => {
          idb = tx.idbtrans;
          const applied = options.skipStoredDocuments ? await withoutStoredDocuments(db, given) : { change: given, skipped: [] };
          const change = applied.change;
          const a = split<AnnotationRecord>(change.annotations);
          const e = split<KbEntity>(change.entities);
          const d = split<DocumentRecord>(change.documents);
          // A pack is current only while nothing has written its document's annotations (database.ts): this write does.
          const touched = new Set([...change.annotations.flatMap((pair) => pair.flatMap((x) => (x ? [x.documentId] : []))), ...d.deletes]);
          if (touched.size) await db.packs.bulkDelete([...touched]);
          // The schema row as it will be stored, checked below once the annotations are written.
          const schemaRow = change.schema ? { id: 'corpus' as const, ...change.schema[1], modified: new Date().toISOString() } : null;
          const at = new Date().toISOString();
          const written: Written = {
            commit: ((await db.meta.get('commit'))?.value ?? 0) + 1,
            at,
            puts: { documents: d.puts, annotations: a.puts, entities: e.puts, ...(schemaRow ? { schemas: [schemaRow] } : {}) },
            deletes: { documents: d.deletes, annotations: a.deletes, entities: e.deletes },
          };
          const before = hooks.onCommitted ? await storedBefore(db, written) : {};
          await db.meta.put({ id: 'commit', value: written.commit });
          if (e.puts.length) await db.entities.bulkPut(e.puts);
          if (a.deletes.length) await db.annotations.bulkDelete(a.deletes);
          // Documents go before documents come: a restore may put a document whose text (unique sha256) is that of one
          // it removes under another id.
          if (d.deletes.length) await db.documents.bulkDelete(d.deletes);
          if (d.puts.length) await db.documents.bulkPut(d.puts);
          if (a.puts.length) await db.annotations.bulkPut(a.puts);
          if (e.deletes.length) await db.entities.bulkDelete(e.deletes);
          if (d.deletes.length) {
            // Undoing an import removes its documents; their later annotations are undone first (they sit above it on
            // the undo stack), but ones made in another window are not: refuse rather than leave them pointing nowhere.
            const left = await db.annotations.where('documentId').anyOf(d.deletes).count();
            if (left) throw new Error(`the documents to remove still have ${left} annotation${left === 1 ? '' : 's'}; undo or delete those first`);
          }
          // The schema last, checked against the annotations as this change leaves them; a refusal aborts it all.
          if (change.schema && schemaRow) {
            const checked = validateLabelSchema(change.schema[1]);
            const problems = checked.ok ? await usageProblems(db, checked.value) : checked.error;
            if (problems.length) throw new ChangeRefused(problems);
            await db.schemas.put(schemaRow);
          }
          committed = { written, before };
          return applied;
        })
        .catch((err: unknown) => {
          // A bulk write that the disk refused fails as "n of m operations failed … AbortError": why the transaction
          // was aborted (QuotaExceededError, a full disk's IOError) is only on the IndexedDB transaction. Keep it.
          const why = (idb as IDBTransaction | null)?.error;
          if (why && err instanceof Error && err.cause === undefined) err.cause = why;
          throw err;
        });
      if (committed) hooks.onCommitted?.(committed);
      return applied;
    },

    /** Told of every committed write to the workspace's tables, by any window (see watchStorage). */
    watch(listener: (change: StorageChange) => void): () => void {
      return watchStorage(db, listener);
    },
    listEntities(): Promise<KbEntity[]> {
      return db.entities.orderBy('name').toArray();
    },

    /** The stored label schema; the shipped default when none was saved or the stored one no longer validates. */
    async loadSchema(): Promise<LabelSchema> {
      const row = await db.schemas.get('corpus');
      if (!row) return DEFAULT_LABEL_SCHEMA;
      const checked = validateLabelSchema(row);
      return checked.ok ? checked.value : DEFAULT_LABEL_SCHEMA;
    },
  };
}

export type WorkspaceRepo = ReturnType<typeof createWorkspaceRepo>;
