import { canonicalJson } from '../backup/backup';
import type { AnnotationRecord } from './annotation';
import type { DocumentRecord } from './document';
import { change, type Change, type Pair } from './edits';
import type { KbEntity } from './kb-entity';
import type { LabelSchema } from './label-schema';
import type { MergeWorkspace } from './merge';

export interface ReplaceSummary {
  /** What the workspace loses: records it holds that the backup does not (by id). */
  removed: { documents: number; annotations: number; entities: number };
  /** Records the backup adds or changes. */
  written: { documents: number; annotations: number; entities: number };
  /** What the backup holds. */
  backup: { documents: number; annotations: number; entities: number };
}

/**
 * "Restore from backup… → Replace": the change that makes the workspace exactly the backup. Records are matched by
 * id; one the backup does not hold is removed, one that differs is overwritten, one that is the same is left alone
 * (so the change, and its undo, hold only what moves). The label schema becomes the backup's. One change: one
 * transaction, one undo step.
 */
export function planReplace(
  workspace: MergeWorkspace,
  current: LabelSchema,
  backup: { documents: readonly DocumentRecord[]; annotations: readonly AnnotationRecord[]; entities: readonly KbEntity[]; schema: LabelSchema },
): { change: Change; summary: ReplaceSummary } {
  const pairs = <T extends { id: string }>(now: Iterable<T>, next: readonly T[]) => {
    const held = new Map<string, T>();
    for (const r of now) held.set(r.id, r);
    const kept = new Set(next.map((r) => r.id));
    const out: Pair<T>[] = [];
    let removed = 0;
    for (const r of held.values())
      if (!kept.has(r.id)) {
        out.push([r, undefined]);
        removed++;
      }
    for (const r of next) {
      const was = held.get(r.id);
      if (!was || canonicalJson(was) !== canonicalJson(r)) out.push([was, r]);
    }
    return { out, removed, written: out.length - removed };
  };
  const d = pairs(workspace.documentsBySha.values(), backup.documents);
  const a = pairs(workspace.annotationsById.values(), backup.annotations);
  const e = pairs(workspace.entitiesById.values(), backup.entities);
  const sameSchema = canonicalJson(current) === canonicalJson(backup.schema);
  return {
    change: change({ documents: d.out, annotations: a.out, entities: e.out, ...(sameSchema ? {} : { schema: [current, backup.schema] as const }) }),
    summary: {
      removed: { documents: d.removed, annotations: a.removed, entities: e.removed },
      written: { documents: d.written, annotations: a.written, entities: e.written },
      backup: { documents: backup.documents.length, annotations: backup.annotations.length, entities: backup.entities.length },
    },
  };
}
