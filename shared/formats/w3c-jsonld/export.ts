import { compareByPosition, isAnchored, type AnnotationRecord, groupByDocument } from '../../model/annotation';
import type { DocumentRecord } from '../../model/document';
import type { KbEntity } from '../../model/kb-entity';
import { DEFAULT_LABEL_SCHEMA, type LabelSchema } from '../../model/label-schema';
import { fail, ok, type Problem, type Result } from '../../result';
import { uuidFromName } from '../../text/uuid';
import { annotationNode, documentNode, entityNode, generatorNode, iriOf, labelDef, labelIdOf, labelSchemaNode, selectorMaker } from './nodes';
import { ANNO_CONTEXT, HAMISH_CONTEXT } from './vocabulary';

export { iriOf } from './nodes';

export interface ExportInput {
  documents: readonly DocumentRecord[];
  annotations: readonly AnnotationRecord[];
  entities?: readonly KbEntity[];
  schema?: LabelSchema;
  appVersion: string;
}

/** A checked export: everything sorted into output order, every annotation known to be writable. */
export interface ExportPlan {
  schema: LabelSchema;
  documents: DocumentRecord[];
  /** Each document's annotations in text order. */
  annotationsOf: ReadonlyMap<string, AnnotationRecord[]>;
  entities: KbEntity[];
  total: number;
  generator: object;
  collectionId: string;
  pageId: string;
}

const byImport = (a: DocumentRecord, b: DocumentRecord) => (a.importedAt < b.importedAt ? -1 : a.importedAt > b.importedAt ? 1 : a.id < b.id ? -1 : 1);

/** Can this document's annotations (in text order) be written? The first reason why not, else null. */
export function checkDocumentAnnotations(
  doc: DocumentRecord,
  anns: readonly AnnotationRecord[],
  entityIds: ReadonlySet<string>,
  schema: LabelSchema,
): Problem | null {
  const ids = new Set(anns.map((a) => a.id));
  for (const a of anns) {
    if (!isAnchored(doc.text, a)) {
      return {
        code: 'unanchored',
        message: `Annotation ${a.id} in "${doc.title}" says «${a.quote}» at ${a.start}–${a.end}, but the text there is «${doc.text.slice(a.start, a.end)}»; export stopped.`,
      };
    }
    const dangling = [a.kind === 'claim' && a.claimantId, a.kind === 'claim' && a.sourceId].find((id) => id && !ids.has(id));
    const missingEntity = [a.kind !== 'claim' && a.entityId, a.kind === 'claim' && a.claimantEntityId].find((id) => id && !entityIds.has(id));
    if (dangling || missingEntity)
      return { code: 'dangling-link', message: `Annotation ${a.id} «${a.quote}» links to ${dangling || missingEntity}, which does not exist; export stopped.` };
    if (!labelDef(a, schema)) return { code: 'unknown-label', message: `Annotation ${a.id} has the unknown label "${labelIdOf(a)}".` };
  }
  return null;
}

/**
 * The cheap pass before any output: every annotation (and every claim's cue) is checked against its document's
 * text, every link and label is resolved. An export never writes a selector whose quote is not at its offsets.
 */
export function planExport(input: ExportInput): Result<ExportPlan, Problem> {
  const schema = input.schema ?? DEFAULT_LABEL_SCHEMA;
  const entities = [...(input.entities ?? [])].sort((a, b) => (a.id < b.id ? -1 : 1));
  const entityIds = new Set(entities.map((e) => e.id));
  const documents = [...input.documents].sort(byImport);
  const byDoc = groupByDocument(input.annotations);
  const annotationsOf = new Map<string, AnnotationRecord[]>();
  for (const doc of documents) {
    const anns = (byDoc.get(doc.id) ?? []).sort(compareByPosition);
    byDoc.delete(doc.id);
    annotationsOf.set(doc.id, anns);
    const problem = checkDocumentAnnotations(doc, anns, entityIds, schema);
    if (problem) return fail(problem);
  }
  const orphan = byDoc.keys().next();
  if (!orphan.done) return fail({ code: 'orphan', message: `Annotations point to a missing document ${orphan.value}.` });

  const collectionId = iriOf(uuidFromName(`collection:${documents.map((d) => d.id).join(',')}`));
  return ok({
    schema,
    documents,
    annotationsOf,
    entities,
    total: input.annotations.length,
    generator: generatorNode(input.appVersion),
    collectionId,
    pageId: iriOf(uuidFromName(`page:1:${collectionId}`)),
  });
}

/** The annotation nodes in output order, built one at a time. */
export function* annotationNodes(plan: ExportPlan): Generator<object> {
  for (const doc of plan.documents) {
    const anns = plan.annotationsOf.get(doc.id) ?? [];
    if (anns.length === 0) continue;
    const selectors = selectorMaker(doc);
    for (const a of anns) yield annotationNode(a, labelDef(a, plan.schema)!, selectors, plan.generator);
  }
}

/**
 * The collection with its two long arrays (documents, annotations) left to `list`: the object export makes them
 * arrays, the stream writes them one element at a time.
 */
export function collectionOf(plan: ExportPlan, list: (items: () => Iterable<object>) => unknown): object {
  return {
    '@context': [ANNO_CONTEXT, HAMISH_CONTEXT],
    id: plan.collectionId,
    type: 'AnnotationCollection',
    label: 'Hamish corpus',
    total: plan.total,
    generator: plan.generator,
    labelSchema: labelSchemaNode(plan.schema),
    documents: list(function* () {
      for (const d of plan.documents) yield documentNode(d);
    }),
    entities: plan.entities.map((e) => entityNode(e, plan.schema)),
    first: { id: plan.pageId, type: 'AnnotationPage', partOf: { id: plan.collectionId }, startIndex: 0, items: list(() => annotationNodes(plan)) },
    last: plan.pageId,
  };
}

/**
 * The whole corpus as one W3C AnnotationCollection with a single embedded AnnotationPage, checked first (see
 * `planExport`). Key order is fixed by construction, so unchanged data exports to identical bytes. For large
 * corpora prefer `streamW3C` (stream.ts), which writes the same bytes without building them in memory.
 */
export function exportW3C(input: ExportInput): Result<object, Problem> {
  const plan = planExport(input);
  return plan.ok ? ok(collectionOf(plan.value, (items) => [...items()])) : plan;
}

/** Serialise with stable formatting; the file always ends with a newline. */
export function serializeW3C(collection: object): string {
  return `${JSON.stringify(collection, null, 2)}\n`;
}
