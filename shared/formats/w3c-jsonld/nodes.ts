import { describeTextQuote } from '../../anchoring/quote';
import type { AnnotationRecord, TextSpan } from '../../model/annotation';
import type { DocumentRecord } from '../../model/document';
import { externalIri, type KbEntity } from '../../model/kb-entity';
import { findDef, type LabelDef, type LabelSchema } from '../../model/label-schema';
import { labelDefOf, labelIdOf } from '../../model/layers';
import { makeCodePointIndex } from '../../text/offsets';
import { uuidFromName } from '../../text/uuid';
import { GENERATOR_IRI } from './vocabulary';

/**
 * The JSON nodes of a W3C export, one builder per node. Key order is fixed by construction: the object export and
 * the streaming export both use these, so they give the same bytes.
 */

/** Only absolute IRIs go out as ids: stored ids are UUIDs, so `urn:uuid:` makes them ASCII, stable IRIs. */
export const iriOf = (id: string) => `urn:uuid:${id}`;
export const schemaIri = (t: string) => t.replace(/^schema:/, 'http://schema.org/');

export type LabelDefOf = LabelDef & { schemaType?: string };

export { labelIdOf };

export function labelDef(a: AnnotationRecord, schema: LabelSchema): LabelDefOf | undefined {
  return labelDefOf(schema, a);
}

export function generatorNode(appVersion: string) {
  return { id: GENERATOR_IRI, type: 'Software', name: 'Hamish', 'schema:softwareVersion': appVersion };
}

type SelectorsOf = (span: TextSpan) => object;

/** A SpecificResource on the document with both selectors, positions counted in code points. */
export function selectorMaker(doc: DocumentRecord): SelectorsOf {
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

function bodiesOf(a: AnnotationRecord, def: LabelDefOf, selectors: SelectorsOf): object[] {
  const tag = { type: 'TextualBody', purpose: 'tagging', value: def.nameEn, format: 'text/plain', language: 'en', layer: a.kind, labelId: def.id };
  if (a.kind === 'claim') {
    // A body that is neither TextualBody nor SpecificResource is an external resource and needs an id (W3C 3.2).
    const claim: Record<string, unknown> = { id: iriOf(uuidFromName(`claim:${a.id}`)), type: 'schema:Claim', stance: a.stance };
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

export function annotationNode(a: AnnotationRecord, def: LabelDefOf, selectors: SelectorsOf, generator: object) {
  return {
    id: iriOf(a.id),
    type: 'Annotation',
    motivation: a.kind === 'claim' ? 'describing' : a.kind === 'source' ? 'identifying' : 'classifying',
    created: a.created,
    modified: a.modified,
    generator,
    body: bodiesOf(a, def, selectors),
    target: selectors(a),
  };
}

export function documentNode(doc: DocumentRecord) {
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
    ...(doc.meta.tokenization ? { tokenization: doc.meta.tokenization } : {}),
  };
}

/** A KB entity; `labelId` keeps its entity type exactly (several types may share one schema.org class). */
export function entityNode(e: KbEntity, schema: LabelSchema) {
  return {
    id: iriOf(e.id),
    type: findDef(schema.entityTypes, e.entityType)?.schemaType ?? 'schema:Thing',
    labelId: e.entityType,
    'schema:name': e.name,
    ...(e.aliases.length ? { 'schema:alternateName': e.aliases } : {}),
    ...(e.externalId ? { 'schema:sameAs': externalIri(e.externalId) } : {}),
    created: e.created,
    modified: e.modified,
  };
}

/**
 * The label schema with its keys in one fixed order. Each label's id is written as `labelId`, the name the
 * annotations' bodies use for it (and so that no `"id"` in the file is anything but a node's IRI).
 */
export function labelSchemaNode(s: LabelSchema) {
  const base = (d: LabelDef) => ({ labelId: d.id, nameEn: d.nameEn, nameAr: d.nameAr, color: d.color, key: d.key });
  return {
    entityTypes: s.entityTypes.map((d) => ({ ...base(d), schemaType: d.schemaType, tag: d.tag })),
    claimStances: s.claimStances.map(base),
    sourceTypes: s.sourceTypes.map((d) => ({ ...base(d), schemaType: d.schemaType })),
  };
}
