import { describeTextQuote } from '../../anchoring/quote';
import { compareByPosition, isAnchored, type AnnotationRecord, type TextSpan } from '../../model/annotation';
import type { DocumentRecord } from '../../model/document';
import { externalIri, type KbEntity } from '../../model/kb-entity';
import { DEFAULT_LABEL_SCHEMA, findDef, type LabelDef, type LabelSchema } from '../../model/label-schema';
import { fail, ok, type Problem, type Result } from '../../result';
import { makeCodePointIndex } from '../../text/offsets';
import { uuidFromName } from '../../text/uuid';
import { ANNO_CONTEXT, GENERATOR_IRI, HAMISH_CONTEXT } from './vocabulary';

export interface ExportInput {
  documents: readonly DocumentRecord[];
  annotations: readonly AnnotationRecord[];
  entities?: readonly KbEntity[];
  schema?: LabelSchema;
  appVersion: string;
}

/** Only absolute IRIs go out as ids: stored ids are UUIDs, so `urn:uuid:` makes them ASCII, stable IRIs. */
export const iriOf = (id: string) => `urn:uuid:${id}`;
const schemaIri = (t: string) => t.replace(/^schema:/, 'http://schema.org/');

/**
 * The whole corpus as one W3C AnnotationCollection with a single embedded AnnotationPage. Every annotation (and
 * every claim's cue) is checked against its document's text first: an export never writes a selector whose quote
 * is not at its offsets. Key order is fixed by construction, so unchanged data exports to identical bytes.
 */
export function exportW3C(input: ExportInput): Result<object, Problem> {
  const schema = input.schema ?? DEFAULT_LABEL_SCHEMA;
  const entities = [...(input.entities ?? [])].sort((a, b) => (a.id < b.id ? -1 : 1));
  const entityIds = new Set(entities.map((e) => e.id));
  const docs = [...input.documents].sort((a, b) => (a.importedAt < b.importedAt ? -1 : a.importedAt > b.importedAt ? 1 : a.id < b.id ? -1 : 1));
  const byDoc = new Map<string, AnnotationRecord[]>();
  for (const a of input.annotations) byDoc.set(a.documentId, [...(byDoc.get(a.documentId) ?? []), a]);
  const generator = { id: GENERATOR_IRI, type: 'Software', name: 'Hamish', 'schema:softwareVersion': input.appVersion };
  const items: object[] = [];
  for (const doc of docs) {
    const anns = (byDoc.get(doc.id) ?? []).sort(compareByPosition);
    byDoc.delete(doc.id);
    const ids = new Set(anns.map((a) => a.id));
    const selectors = selectorMaker(doc);
    for (const a of anns) {
      if (!isAnchored(doc.text, a)) {
        return fail({ code: 'unanchored', message: `Annotation ${a.id} in "${doc.title}" says «${a.quote}» at ${a.start}–${a.end}, but the text there is «${doc.text.slice(a.start, a.end)}»; export stopped.` });
      }
      const dangling = [a.kind === 'claim' && a.claimantId, a.kind === 'claim' && a.sourceId].find((id) => id && !ids.has(id));
      const missingEntity = [a.kind !== 'claim' && a.entityId, a.kind === 'claim' && a.claimantEntityId].find((id) => id && !entityIds.has(id));
      if (dangling || missingEntity) return fail({ code: 'dangling-link', message: `Annotation ${a.id} «${a.quote}» links to ${dangling || missingEntity}, which does not exist; export stopped.` });
      const def = labelDef(a, schema);
      if (!def) return fail({ code: 'unknown-label', message: `Annotation ${a.id} has the unknown label "${labelIdOf(a)}".` });
      items.push({
        id: iriOf(a.id),
        type: 'Annotation',
        motivation: a.kind === 'claim' ? 'describing' : a.kind === 'source' ? 'identifying' : 'classifying',
        created: a.created,
        modified: a.modified,
        generator,
        body: bodiesOf(a, def, selectors),
        target: selectors(a),
      });
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
    entities: entities.map((e) => entityNode(e, schema)),
    first: { id: pageId, type: 'AnnotationPage', partOf: { id: collectionId }, startIndex: 0, items },
    last: pageId,
  });
}

function labelIdOf(a: AnnotationRecord): string {
  return a.kind === 'mention' ? a.entityType : a.kind === 'claim' ? a.stance : a.sourceType;
}

function labelDef(a: AnnotationRecord, schema: LabelSchema): (LabelDef & { schemaType?: string }) | undefined {
  if (a.kind === 'mention') return findDef(schema.entityTypes, a.entityType);
  if (a.kind === 'claim') return findDef(schema.claimStances, a.stance);
  return findDef(schema.sourceTypes, a.sourceType);
}

/** A SpecificResource on the document with both selectors, positions counted in code points. */
function selectorMaker(doc: DocumentRecord) {
  const toCodePoint = makeCodePointIndex(doc.text);
  return (span: TextSpan) => {
    const quote = describeTextQuote(doc.text, span.start, span.end);
    return {
      type: 'SpecificResource',
      source: iriOf(doc.id),
      selector: [
        { type: 'TextPositionSelector', start: toCodePoint(span.start), end: toCodePoint(span.end) },
        { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      ],
    };
  };
}

function bodiesOf(a: AnnotationRecord, def: LabelDef & { schemaType?: string }, selectors: (s: TextSpan) => object): object[] {
  const tag = { type: 'TextualBody', purpose: 'tagging', value: def.nameEn, format: 'text/plain', language: 'en', layer: a.kind, labelId: def.id };
  if (a.kind === 'claim') {
    const claim: Record<string, unknown> = { type: 'schema:Claim', stance: a.stance };
    if (a.claimantId) claim.claimant = iriOf(a.claimantId);
    else if (a.claimantEntityId) claim.claimant = iriOf(a.claimantEntityId);
    if (a.cue) claim.cue = selectors(a.cue);
    if (a.sourceId) claim.reportedBy = iriOf(a.sourceId);
    if (a.claimDate) claim['schema:dateCreated'] = a.claimDate;
    return [tag, claim];
  }
  const bodies: object[] = [{ type: 'SpecificResource', purpose: 'classifying', source: schemaIri(def.schemaType ?? 'schema:Thing') }, tag];
  if (a.entityId) bodies.push({ type: 'SpecificResource', purpose: 'identifying', source: iriOf(a.entityId) });
  return bodies;
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
    status: doc.status,
    ...(doc.meta.publisher ? { 'schema:publisher': doc.meta.publisher } : {}),
    ...(doc.meta.published ? { 'schema:datePublished': doc.meta.published } : {}),
    ...(doc.meta.url ? { 'schema:url': doc.meta.url } : {}),
  };
}

function entityNode(e: KbEntity, schema: LabelSchema) {
  return {
    id: iriOf(e.id),
    type: findDef(schema.entityTypes, e.entityType)?.schemaType ?? 'schema:Thing',
    'schema:name': e.name,
    ...(e.aliases.length ? { 'schema:alternateName': e.aliases } : {}),
    ...(e.externalId ? { 'schema:sameAs': externalIri(e.externalId) } : {}),
  };
}

/** Serialise with stable formatting; the file always ends with a newline. */
export function serializeW3C(collection: object): string {
  return `${JSON.stringify(collection, null, 2)}\n`;
}
