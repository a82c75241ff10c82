import type { AnnotationRecord, ClaimRecord, MentionRecord, SourceRecord, TextSpan } from './annotation';
import type { DocumentRecord } from './document';
import type { KbEntity } from './kb-entity';
import type { LabelSchema } from './label-schema';
import type { Problem } from '../result';

/** A record before and after a change; `undefined` means absent (created, or deleted). */
export type Pair<T> = readonly [T | undefined, T | undefined];

/**
 * One undoable edit of the workspace, over every table it touches. Applying a change writes all its records in
 * one transaction; undo applies its inverse.
 */
export interface Change {
  annotations: Pair<AnnotationRecord>[];
  entities: Pair<KbEntity>[];
  documents: Pair<DocumentRecord>[];
  /**
   * The corpus's label schema before and after, when the change alters it (an import bringing new labels): written
   * in the same transaction as the records that use the new labels, so a crash never leaves one without the other.
   */
  schema?: readonly [LabelSchema, LabelSchema];
}

export function change(parts: Partial<Change>): Change {
  const c: Change = { annotations: parts.annotations ?? [], entities: parts.entities ?? [], documents: parts.documents ?? [] };
  if (parts.schema) c.schema = parts.schema;
  return c;
}

const flip = <T>(pairs: Pair<T>[]): Pair<T>[] => pairs.map(([b, a]) => [a, b] as const).reverse();

export function invert(c: Change): Change {
  return change({
    annotations: flip(c.annotations),
    entities: flip(c.entities),
    documents: flip(c.documents),
    ...(c.schema ? { schema: [c.schema[1], c.schema[0]] } : {}),
  });
}

export function isEmptyChange(c: Change): boolean {
  return c.annotations.length + c.entities.length + c.documents.length === 0 && !c.schema;
}

/** The claims that point at an annotation (as claimant or source). */
export function referrersOf(annotations: readonly AnnotationRecord[], id: string): ClaimRecord[] {
  return annotations.filter((a): a is ClaimRecord => a.kind === 'claim' && (a.claimantId === id || a.sourceId === id));
}

function withoutLinksTo(claim: ClaimRecord, ids: ReadonlySet<string>, now: string): ClaimRecord {
  const next: ClaimRecord = { ...claim, modified: now };
  if (next.claimantId && ids.has(next.claimantId)) delete next.claimantId;
  if (next.sourceId && ids.has(next.sourceId)) delete next.sourceId;
  return next;
}

/**
 * Delete annotations of one document and unlink every claim that pointed at them, in one change: no link is
 * ever left dangling.
 */
export function deleteAnnotations(documentAnnotations: readonly AnnotationRecord[], ids: readonly string[], now: string): Change {
  const gone = new Set(ids);
  const pairs: Pair<AnnotationRecord>[] = [];
  for (const a of documentAnnotations) {
    if (gone.has(a.id)) pairs.push([a, undefined]);
    else if (a.kind === 'claim' && ((a.claimantId && gone.has(a.claimantId)) || (a.sourceId && gone.has(a.sourceId)))) {
      pairs.push([a, withoutLinksTo(a, gone, now)]);
    }
  }
  return change({ annotations: pairs });
}

export function update<T extends AnnotationRecord>(before: T, patch: Partial<T>, now: string): Change {
  return change({ annotations: [[before, { ...before, ...patch, modified: now }]] });
}

/** Link a claim to its claimant: a mention of the same document, or a KB entity. Replaces the earlier claimant. */
export function setClaimant(claim: ClaimRecord, claimant: MentionRecord | KbEntity | null, now: string): Change {
  const next: ClaimRecord = { ...claim, modified: now };
  delete next.claimantId;
  delete next.claimantEntityId;
  if (claimant && 'kind' in claimant) next.claimantId = claimant.id;
  else if (claimant) next.claimantEntityId = claimant.id;
  return change({ annotations: [[claim, next]] });
}

export function setSource(claim: ClaimRecord, source: SourceRecord | null, now: string): Change {
  const next: ClaimRecord = { ...claim, modified: now };
  if (source) next.sourceId = source.id;
  else delete next.sourceId;
  return change({ annotations: [[claim, next]] });
}

export function setCue(claim: ClaimRecord, cue: TextSpan | null, now: string): Change {
  const next: ClaimRecord = { ...claim, modified: now };
  if (cue) next.cue = cue;
  else delete next.cue;
  return change({ annotations: [[claim, next]] });
}

/**
 * Every broken link among one document's annotations: a claimant that is not a mention of this document, a
 * source that is not a source annotation, a KB link to a missing entity. Empty when all is well.
 */
export function checkIntegrity(documentAnnotations: readonly AnnotationRecord[], entityIds: ReadonlySet<string>): Problem[] {
  const byId = new Map(documentAnnotations.map((a) => [a.id, a]));
  const problems: Problem[] = [];
  const bad = (a: AnnotationRecord, what: string) => problems.push({ code: 'dangling-link', message: `${a.kind} ${a.id} «${a.quote}»: ${what}` });
  for (const a of documentAnnotations) {
    if (a.kind === 'claim') {
      if (a.claimantId && byId.get(a.claimantId)?.kind !== 'mention') bad(a, `claimant ${a.claimantId} is not a mention of this document`);
      if (a.sourceId && byId.get(a.sourceId)?.kind !== 'source') bad(a, `source ${a.sourceId} is not a source annotation of this document`);
      if (a.claimantEntityId && !entityIds.has(a.claimantEntityId)) bad(a, `claimant entity ${a.claimantEntityId} does not exist`);
    } else if (a.entityId && !entityIds.has(a.entityId)) {
      bad(a, `entity ${a.entityId} does not exist`);
    }
  }
  return problems;
}

/** Several changes as one undo step (e.g. create a mention and link it as a claim's claimant). */
export function merge(...changes: Change[]): Change {
  // The schema goes from the first change's "before" to the last one's "after".
  const schemas = changes.flatMap((c) => (c.schema ? [c.schema] : []));
  return change({
    annotations: changes.flatMap((c) => c.annotations),
    entities: changes.flatMap((c) => c.entities),
    documents: changes.flatMap((c) => c.documents),
    ...(schemas.length ? { schema: [schemas[0]![0], schemas.at(-1)![1]] as const } : {}),
  });
}
