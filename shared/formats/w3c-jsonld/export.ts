import { describeTextQuote } from '../../anchoring/quote';
import { compareByPosition, isAnchored, type AnnotationRecord } from '../../model/annotation';
import type { DocumentRecord } from '../../model/document';
import { DEFAULT_ENTITY_LABELS, labelById, type EntityLabel } from '../../model/label-set';
import { fail, ok, type Problem, type Result } from '../../result';
import { makeCodePointIndex } from '../../text/offsets';
import { uuidFromName } from '../../text/uuid';
import { ANNO_CONTEXT, GENERATOR_IRI, HAMISH_CONTEXT } from './vocabulary';

export interface ExportInput {
  documents: readonly DocumentRecord[];
  annotations: readonly AnnotationRecord[];
  labels?: readonly EntityLabel[];
  appVersion: string;
}

/** Only absolute IRIs go out as ids: stored ids are UUIDs, so `urn:uuid:` makes them ASCII, stable IRIs. */
export const iriOf = (id: string) => `urn:uuid:${id}`;

/**
 * The whole corpus as one W3C AnnotationCollection with a single embedded AnnotationPage. Every annotation is
 * checked against its document's text first: an export never writes a selector whose quote is not at its offsets.
 * Key order is fixed by construction, so unchanged data exports to identical bytes.
 */
export function exportW3C(input: ExportInput): Result<object, Problem> {
  const labels = input.labels ?? DEFAULT_ENTITY_LABELS;
  const docs = [...input.documents].sort((a, b) => (a.importedAt < b.importedAt ? -1 : a.importedAt > b.importedAt ? 1 : a.id < b.id ? -1 : 1));
  const byDoc = new Map<string, AnnotationRecord[]>();
  for (const a of input.annotations) {
    const list = byDoc.get(a.documentId) ?? [];
    list.push(a);
    byDoc.set(a.documentId, list);
  }
  const generator = { id: GENERATOR_IRI, type: 'Software', name: 'Hamish', 'schema:softwareVersion': input.appVersion };
  const items: object[] = [];
  for (const doc of docs) {
    const anns = (byDoc.get(doc.id) ?? []).sort(compareByPosition);
    byDoc.delete(doc.id);
    const toCodePoint = makeCodePointIndex(doc.text);
    for (const a of anns) {
      if (!isAnchored(doc.text, a)) {
        return fail({
          code: 'unanchored',
          message: `Annotation ${a.id} in "${doc.title}" says «${a.quote}» at ${a.start}–${a.end}, but the text there is «${doc.text.slice(a.start, a.end)}»; export stopped.`,
        });
      }
      const label = labelById(a.label, labels);
      if (!label) return fail({ code: 'unknown-label', message: `Annotation ${a.id} has the unknown label "${a.label}".` });
      items.push(annotationNode(doc, a, label, toCodePoint, generator));
    }
  }
  const orphan = byDoc.keys().next();
  if (!orphan.done) return fail({ code: 'orphan', message: `Annotations point to a missing document ${orphan.value}.` });

  const collectionId = iriOf(uuidFromName(`collection:${docs.map((d) => d.id).join(',')}`));
  const pageId = iriOf(uuidFromName(`page:1:${collectionId}`));
  return ok({
    '@context': [ANNO_CONTEXT, HAMISH_CONTEXT],
    id: collectionId,
    type: 'AnnotationCollection',
    label: 'Hamish corpus',
    total: items.length,
    generator,
    documents: docs.map(documentNode),
    first: { id: pageId, type: 'AnnotationPage', partOf: { id: collectionId }, startIndex: 0, items },
    last: pageId,
  });
}

function documentNode(doc: DocumentRecord) {
  return {
    id: iriOf(doc.id),
    type: 'schema:NewsArticle',
    'schema:headline': doc.title,
    'schema:inLanguage': 'ar',
    'schema:text': doc.text,
    sha256: doc.sha256,
    fileName: doc.fileName,
    importedAt: doc.importedAt,
  };
}

function annotationNode(
  doc: DocumentRecord,
  a: AnnotationRecord,
  label: EntityLabel,
  toCodePoint: (u: number) => number,
  generator: object,
) {
  const quote = describeTextQuote(doc.text, a.start, a.end);
  return {
    id: iriOf(a.id),
    type: 'Annotation',
    motivation: 'classifying',
    created: a.created,
    modified: a.modified,
    generator,
    body: [
      { type: 'SpecificResource', purpose: 'classifying', source: label.schemaType.replace(/^schema:/, 'http://schema.org/') },
      { type: 'TextualBody', purpose: 'tagging', value: label.nameEn, format: 'text/plain', language: 'en', labelId: label.id },
    ],
    target: {
      type: 'SpecificResource',
      source: iriOf(doc.id),
      selector: [
        { type: 'TextPositionSelector', start: toCodePoint(a.start), end: toCodePoint(a.end) },
        { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      ],
    },
  };
}

/** Serialise with stable formatting; the file always ends with a newline. */
export function serializeW3C(collection: object): string {
  return `${JSON.stringify(collection, null, 2)}\n`;
}
