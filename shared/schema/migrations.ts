import type { AnnotationRecord } from '../model/annotation';
import type { DocumentRecord } from '../model/document';

/**
 * Numbered, pure record migrations. Dexie's `version(n).upgrade()` only calls these, so every step is unit-tested
 * on plain objects (STYLE.md habit 5). Each takes a record as stored by version n-1 and returns it as version n
 * stores it; records already in the new shape pass through unchanged, so a step is safe to run twice.
 */

/** v1 → v2: documents gain a status and editable metadata. */
export function documentV1toV2(doc: Record<string, unknown>): DocumentRecord {
  return {
    ...(doc as unknown as DocumentRecord),
    status: (doc.status as DocumentRecord['status']) ?? 'new',
    meta: (doc.meta as DocumentRecord['meta']) ?? {},
  };
}

/** v1 → v2: a v1 mention's `label` becomes `entityType` (the layers got names of their own). */
export function annotationV1toV2(a: Record<string, unknown>): AnnotationRecord {
  if (a.kind === 'mention' && typeof a.label === 'string' && a.entityType === undefined) {
    const { label, ...rest } = a;
    return { ...rest, entityType: label } as unknown as AnnotationRecord;
  }
  return a as unknown as AnnotationRecord;
}
