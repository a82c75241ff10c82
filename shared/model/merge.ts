import type { AnnotationRecord } from './annotation';
import type { DocumentRecord } from './document';
import { change, type Change, type Pair } from './edits';
import type { KbEntity } from './kb-entity';
import { unionSchema, type LabelSchema } from './label-schema';
import { LAYERS } from './layers';

/** What an import brings: the records of a corpus (its schema is merged apart, see `planImport`). */
export interface IncomingRecords {
  documents: readonly DocumentRecord[];
  annotations: readonly AnnotationRecord[];
  entities: readonly KbEntity[];
}

/** What the workspace already holds, indexed the way a merge looks things up. */
export interface MergeWorkspace {
  documentsBySha: ReadonlyMap<string, DocumentRecord>;
  annotationsById: ReadonlyMap<string, AnnotationRecord>;
  entitiesById: ReadonlyMap<string, KbEntity>;
}

export interface Conflict<T> {
  id: string;
  ours: T;
  theirs: T;
}

export interface RecordPlan<T> {
  add: T[];
  /** Same id, same content: nothing to do. */
  identical: number;
  /** Same id, different content: the user chooses; never overwritten by default. */
  conflicts: Conflict<T>[];
}

export interface MergePlan {
  documents: {
    add: DocumentRecord[];
    /** The same text (sha256) already in the workspace: its annotations are re-pointed to the existing document. */
    matched: Array<{ incomingId: string; existingId: string }>;
    /**
     * A document whose id is taken by a different text. It is not added, and neither are its `skipped`
     * annotations: their offsets point into a text the workspace does not have.
     */
    conflicts: Array<Conflict<DocumentRecord> & { skipped: number }>;
  };
  annotations: RecordPlan<AnnotationRecord>;
  entities: RecordPlan<KbEntity>;
}

/** Records compared by content, whatever their key order; `modified` alone does not make a difference. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) => {
    if (key === 'modified') return undefined;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}

export const sameContent = (a: unknown, b: unknown) => canonical(a) === canonical(b);

function planRecords<T extends { id: string }>(incoming: readonly T[], existing: ReadonlyMap<string, T>): RecordPlan<T> {
  const plan: RecordPlan<T> = { add: [], identical: 0, conflicts: [] };
  for (const theirs of incoming) {
    const ours = existing.get(theirs.id);
    if (!ours) plan.add.push(theirs);
    else if (sameContent(ours, theirs)) plan.identical++;
    else plan.conflicts.push({ id: theirs.id, ours, theirs });
  }
  return plan;
}

/**
 * How an imported corpus goes into a workspace: documents matched by sha256 (the same text imported twice is one
 * document), annotations and KB entities by id. Nothing existing is ever changed by the plan itself: records
 * with the same id and different content are listed as conflicts for the user to resolve (`applyResolution`).
 */
export function planMerge(workspace: MergeWorkspace, incoming: IncomingRecords): MergePlan {
  const idsInUse = new Map<string, DocumentRecord>();
  for (const d of workspace.documentsBySha.values()) idsInUse.set(d.id, d);
  const bySha = new Map(workspace.documentsBySha);
  const documents: MergePlan['documents'] = { add: [], matched: [], conflicts: [] };
  const repoint = new Map<string, string>();
  const blocked = new Map<string, Conflict<DocumentRecord> & { skipped: number }>();
  for (const doc of incoming.documents) {
    const same = bySha.get(doc.sha256);
    if (same) {
      documents.matched.push({ incomingId: doc.id, existingId: same.id });
      repoint.set(doc.id, same.id);
      continue;
    }
    const taken = idsInUse.get(doc.id);
    if (taken) {
      const conflict = { id: doc.id, ours: taken, theirs: doc, skipped: 0 };
      documents.conflicts.push(conflict);
      blocked.set(doc.id, conflict);
      continue;
    }
    documents.add.push(doc);
    bySha.set(doc.sha256, doc);
    idsInUse.set(doc.id, doc);
  }
  const annotations: AnnotationRecord[] = [];
  for (const a of incoming.annotations) {
    const conflict = blocked.get(a.documentId);
    if (conflict) conflict.skipped++;
    else annotations.push(repoint.has(a.documentId) ? { ...a, documentId: repoint.get(a.documentId)! } : a);
  }
  return {
    documents,
    annotations: planRecords(annotations, workspace.annotationsById),
    entities: planRecords(incoming.entities, workspace.entitiesById),
  };
}

export type Choice = 'ours' | 'theirs';

/**
 * The plan as one workspace change (one transaction, one undo step): every addition, and for each conflict the
 * user's choice. A conflict without a choice keeps ours: nothing is overwritten unless the user said so.
 */
export function applyResolution(plan: MergePlan, choices: ReadonlyMap<string, Choice>): Change {
  const resolve = <T extends { id: string }>(p: RecordPlan<T>): Pair<T>[] => [
    ...p.add.map((r): Pair<T> => [undefined, r]),
    ...p.conflicts.filter((c) => choices.get(c.id) === 'theirs').map((c): Pair<T> => [c.ours, c.theirs]),
  ];
  return change({
    documents: plan.documents.add.map((d): Pair<DocumentRecord> => [undefined, d]),
    entities: resolve(plan.entities),
    annotations: resolve(plan.annotations),
  });
}

/**
 * Every importer's plan (W3C, CoNLL, brat, Label Studio, text): the file's labels join the workspace's schema (an
 * entity type matched by id or tag, so «PER» from CoNLL is our Person), its annotations take the ids that schema
 * gives their labels, and its records are matched against the workspace (`planMerge`). Refused, naming them, when
 * the file brings more labels than a layer holds.
 */
export function planImport(
  workspace: MergeWorkspace,
  current: LabelSchema,
  incoming: IncomingRecords & { schema: LabelSchema },
): { ok: true; plan: MergePlan; schema: LabelSchema } | { ok: false; dropped: string[] } {
  const { schema, idFor, dropped } = unionSchema(current, incoming.schema);
  if (dropped.length) return { ok: false, dropped };
  const annotations = incoming.annotations.map((a): AnnotationRecord => {
    const field = LAYERS[a.kind].field;
    const ids = idFor[LAYERS[a.kind].schemaKey];
    const label = (a as unknown as Record<string, string>)[field]!;
    return ids.has(label) ? ({ ...a, [field]: ids.get(label) } as AnnotationRecord) : a;
  });
  return { ok: true, plan: planMerge(workspace, { ...incoming, annotations }), schema };
}
