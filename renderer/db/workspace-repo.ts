import type { AnnotationRecord } from '../../shared/model/annotation';
import type { DocumentRecord } from '../../shared/model/document';
import type { Change, Pair } from '../../shared/model/edits';
import type { KbEntity } from '../../shared/model/kb-entity';
import { checkSchemaChange, DEFAULT_LABEL_SCHEMA, validateLabelSchema, type LabelSchema, type LabelUsage } from '../../shared/model/label-schema';
import { fail, ok, type Problem, type Result } from '../../shared/result';
import type { HamishDatabase } from './database';
import { watchStorage, type StorageChange } from './storage-changes';

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

/** Writes and reads that span tables: one change, one transaction. */
export function createWorkspaceRepo(db: HamishDatabase) {
  return {
    async applyChange(change: Change): Promise<void> {
      await db.transaction('rw', [db.annotations, db.entities, db.documents, db.schemas], async () => {
        const a = split<AnnotationRecord>(change.annotations);
        const e = split<KbEntity>(change.entities);
        const d = split<DocumentRecord>(change.documents);
        if (e.puts.length) await db.entities.bulkPut(e.puts);
        if (d.puts.length) await db.documents.bulkPut(d.puts);
        if (a.deletes.length) await db.annotations.bulkDelete(a.deletes);
        if (a.puts.length) await db.annotations.bulkPut(a.puts);
        if (e.deletes.length) await db.entities.bulkDelete(e.deletes);
        if (d.deletes.length) await db.documents.bulkDelete(d.deletes);
        // The schema last, checked against the annotations as this change leaves them; a refusal aborts it all.
        if (change.schema) {
          const checked = validateLabelSchema(change.schema[1]);
          const problems = checked.ok ? await usageProblems(db, checked.value) : checked.error;
          if (problems.length) throw new Error(problems.map((p) => p.message).join(' '));
          await db.schemas.put({ id: 'corpus', ...change.schema[1], modified: new Date().toISOString() });
        }
      });
    },

    /** Told of every committed write to the workspace's tables, by any window (see watchStorage). */
    watch(listener: (change: StorageChange) => void): () => void {
      return watchStorage(db, listener);
    },
    listEntities(): Promise<KbEntity[]> {
      return db.entities.orderBy('name').toArray();
    },

    /** Every annotation in the corpus that refers to a KB entity (to unlink them when it is deleted). */
    async referringToEntity(entityId: string): Promise<AnnotationRecord[]> {
      const [direct, claimants] = await Promise.all([
        db.annotations.where('entityId').equals(entityId).toArray(),
        db.annotations.where('claimantEntityId').equals(entityId).toArray(),
      ]);
      return [...direct, ...claimants];
    },

    /**
     * Replace the corpus's label schema. It is validated, and refused when it would drop a label that annotations
     * use; the usage is counted inside the same transaction as the write, so no annotation made meanwhile can be
     * orphaned.
     */
    async saveSchema(candidate: unknown, now: string): Promise<Result<LabelSchema, Problem[]>> {
      const checked = validateLabelSchema(candidate);
      if (!checked.ok) return checked;
      const next = checked.value;
      return db.transaction('rw', [db.annotations, db.schemas], async () => {
        const problems = await usageProblems(db, next);
        if (problems.length) return fail(problems);
        await db.schemas.put({ id: 'corpus', ...next, modified: now });
        return ok(next);
      });
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
