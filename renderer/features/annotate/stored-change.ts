import type { AnnotationRecord } from '../../../shared/model/annotation';
import type { DocumentRecord } from '../../../shared/model/document';
import { change, type Change, type Pair } from '../../../shared/model/edits';
import { differing, sameRecord } from '../../../shared/model/footprint';
import type { KbEntity } from '../../../shared/model/kb-entity';
import type { LabelSchema } from '../../../shared/model/label-schema';
import type { StorageChange, Touched } from '../../db/storage-changes';

/** What the workbench shows: the open document, its annotations, the corpus's KB entities and label schema. */
export interface Shown {
  document: DocumentRecord | null;
  annotations: readonly AnnotationRecord[];
  entities: readonly KbEntity[];
  schema: LabelSchema;
}

/**
 * What was read back for a report of writes: `undefined` where nothing was read. `annotations` are the records of
 * the ids reported (`undefined` where none is stored), or the open document's when a write named a range; a
 * document read but gone has `record: undefined`.
 */
export interface Stored {
  annotations: readonly (AnnotationRecord | undefined)[] | undefined;
  document: { record: DocumentRecord | undefined } | undefined;
  entities: readonly KbEntity[] | undefined;
  schema: LabelSchema | undefined;
}

/** The change that turns what is shown into what was read back: empty when they agree. */
export function storedChange(shown: Shown, report: StorageChange, stored: Stored): Change {
  const doc = shown.document;
  let annotations: Pair<AnnotationRecord>[] = [];
  if (doc && stored.annotations) {
    const inDoc = new Map<string, AnnotationRecord>();
    for (const a of stored.annotations) if (a?.documentId === doc.id) inDoc.set(a.id, a);
    const ids = report.annotations && report.annotations !== 'all' ? report.annotations : 'all';
    // The few ids of a keystroke's write are looked up in the list; many, or all of them, through a map.
    const byId = ids === 'all' || ids.size > 16 ? new Map(shown.annotations.map((a) => [a.id, a])) : null;
    const held = byId ? (id: string) => byId.get(id) : (id: string) => shown.annotations.find((a) => a.id === id);
    annotations = differing(ids === 'all' ? new Set([...byId!.keys(), ...inDoc.keys()]) : ids, held, (id) => inDoc.get(id));
  }
  let entities: Pair<KbEntity>[] = [];
  if (stored.entities) {
    const held = new Map(shown.entities.map((e) => [e.id, e]));
    const now = new Map(stored.entities.map((e) => [e.id, e]));
    entities = differing(
      new Set([...held.keys(), ...now.keys()]),
      (id) => held.get(id),
      (id) => now.get(id),
    );
  }
  const record = stored.document?.record;
  const documents: Pair<DocumentRecord>[] = doc && stored.document && !sameRecord(doc, record) ? [[doc, record]] : [];
  const schema = stored.schema && !sameRecord(shown.schema, stored.schema) ? ([shown.schema, stored.schema] as const) : undefined;
  return change({ annotations, entities, documents, ...(schema ? { schema } : {}) });
}

/** Two reports of writes as one: every id either names, or every record where either names a range. */
export function mergeReports(a: StorageChange, b: StorageChange): StorageChange {
  const out: StorageChange = {};
  for (const table of ['annotations', 'documents', 'entities', 'schemas'] as const) {
    const t = mergeTouched(a[table], b[table]);
    if (t) out[table] = t;
  }
  return out;
}

export const hasAny = (report: StorageChange): boolean => Object.keys(report).length > 0;

function mergeTouched(a: Touched | undefined, b: Touched | undefined): Touched | undefined {
  if (!a || !b) return a ?? b;
  return a === 'all' || b === 'all' ? 'all' : new Set([...a, ...b]);
}
