import type { AnnotationRecord } from '../../model/annotation';
import type { DocumentRecord } from '../../model/document';
import type { KbEntity } from '../../model/kb-entity';
import { DEFAULT_LABEL_SCHEMA, type LabelSchema } from '../../model/label-schema';
import type { ImportContext, ImportResult } from '../corpus';
import { codePointText, type CodePointText } from './anchor';
import { checkContext } from './context';
import { readAnnotation, type ReadAnnotation } from './import-annotation';
import { readDocument, readEntity, readLabelSchema } from './import-nodes';
import { jsonReader, type JsonMark, type SafeJson } from './json-safe';
import { decodeUtf8Pieces } from '../../text/utf8';
import { clip, IdMap, reportUnknownTerms, shown, isObj, Issues, own, typesOf, type Obj } from './read';
import { pushAll } from '../../arrays';

export interface W3CImportOptions {
  /** Refuse larger files as soon as they pass it (default MAX_JSON_BYTES; the count limit is the real one). */
  maxBytes?: number;
  /** Refuse files with more annotations (default MAX_ANNOTATIONS). */
  maxAnnotations?: number;
  /** Documents already in the workspace, by IRI (`urn:uuid:<id>`), that annotations may target. */
  knownDocuments?: ReadonlyMap<string, DocumentRecord>;
  /** KB entities already in the workspace, by IRI, that annotations may link to. */
  knownEntities?: ReadonlyMap<string, KbEntity>;
  /** The workspace's label schema, used when the file carries none (default: Hamish's default schema). */
  schema?: LabelSchema;
}

/** Five times the largest corpus we benchmark (100,000): a file of a million tiny annotations is refused. */
export const MAX_ANNOTATIONS = 500_000;
const MAX_PAGES = 10_000;
/** The nodes an import reads one by one: a mark under one of them refuses that node only. */
const NODE = /^(?:\/(?:documents|entities)\/\d+|\/first(?:\/next)*\/items\/\d+|\/items\/\d+|\/\d+)(?=\/|$)/;

interface Shape {
  documents: Array<[unknown, string]>;
  entities: Array<[unknown, string]>;
  annotations: Array<[unknown, string]>;
  schema?: [unknown, string];
}

/**
 * Where the nodes are, for each shape a Web Annotation file can have. The reader cut the nodes out of the skeleton
 * (`0` in their place): `nodes` gives each back by its pointer.
 */
function shapeOf(root: unknown, nodes: ReadonlyMap<string, unknown>, issues: Issues): Shape | null {
  const shape: Shape = { documents: [], entities: [], annotations: [] };
  const node = (x: unknown, at: string) => (nodes.has(at) ? nodes.get(at) : x);
  const each = (v: unknown, at: string) => (Array.isArray(v) ? v.map((x, i): [unknown, string] => [node(x, `${at}/${i}`), `${at}/${i}`]) : []);
  if (Array.isArray(root)) return { ...shape, annotations: each(root, '') };
  if (!isObj(root)) return (issues.error('', 'the file holds no JSON object or array.'), null);
  const types = typesOf(root);
  if (types.includes('Annotation')) return { ...shape, annotations: [[root, '']] };
  if (types.includes('AnnotationPage')) return { ...shape, annotations: each(own(root, 'items'), '/items') };
  if (!types.includes('AnnotationCollection'))
    return (
      issues.error('/type', `not a W3C Web Annotation file: the type is ${shown(own(root, 'type'))}, not Annotation, AnnotationPage or AnnotationCollection.`),
      null
    );
  reportUnknownTerms(root, 'collection', '', issues);
  for (const key of ['documents', 'entities'] as const) {
    const v = own(root, key);
    if (v !== undefined && !Array.isArray(v)) return (issues.error(`/${key}`, `${key} must be an array.`), null);
    shape[key] = each(v, `/${key}`);
  }
  if (own(root, 'labelSchema') !== undefined) shape.schema = [own(root, 'labelSchema'), '/labelSchema'];
  let page = own(root, 'first');
  let at = '/first';
  for (let n = 0; page !== undefined; n++, at += '/next') {
    if (!isObj(page)) return (issues.error(at, 'pages must be embedded in the file (the importer fetches nothing).'), null);
    if (n >= MAX_PAGES) return (issues.error(at, `more than ${MAX_PAGES} pages.`), null);
    reportUnknownTerms(page, 'page', at, issues);
    const items = own(page, 'items');
    if (!Array.isArray(items)) return (issues.error(`${at}/items`, 'a page needs an items array.'), null);
    pushAll(shape.annotations, each(items, `${at}/items`));
    page = own(page, 'next');
  }
  return shape;
}

/** Marks outside any single node make the whole file untrustworthy; the others refuse their node. */
function splitMarks(marks: JsonMark[], contexts: string[], isArray: boolean) {
  const all = [...marks];
  for (const p of contexts) {
    const allowed = isArray ? /^\/\d+\/@context$/.test(p) : p === '/@context';
    if (!allowed) all.push({ pointer: p, message: 'a nested @context is not accepted: it could change what the terms around it mean' });
  }
  const byNode = new Map<string, JsonMark[]>();
  const fileLevel: JsonMark[] = [];
  for (const m of all) {
    const node = NODE.exec(m.pointer)?.[0];
    if (node === undefined) fileLevel.push(m);
    else byNode.set(node, [...(byNode.get(node) ?? []), m]);
  }
  return { fileLevel, byNode };
}

/**
 * Import a W3C Web Annotation JSON-LD file: Hamish's own export (a collection with its documents, entities and
 * label schema) or annotations from another tool (one Annotation, an array of them, or an AnnotationPage) whose
 * targets are documents of the workspace (`opts.knownDocuments`). Pure and offline: no context is ever fetched.
 * Every issue names a JSON pointer; a broken node is skipped whole, never half imported.
 */
export function importW3C(text: string, ctx: ImportContext, opts: W3CImportOptions = {}): ImportResult {
  const reader = readerFor(opts);
  reader.feed(text);
  return importParsed(reader.end(), ctx, opts);
}

const readerFor = (opts: W3CImportOptions) => jsonReader({ maxBytes: opts.maxBytes, nodes: true, maxAnnotations: opts.maxAnnotations ?? MAX_ANNOTATIONS });

/** Bytes decoded a piece at a time: the whole file never becomes one string (a 200 MB file would not fit in one). */
const PIECE_BYTES = 1 << 20;

/** `importW3C` of a UTF-8 file, streamed: decoded and read a megabyte at a time, with `ctx.onProgress` after each. */
export function importW3CBytes(bytes: Uint8Array, ctx: ImportContext, opts: W3CImportOptions = {}): ImportResult {
  const reader = readerFor(opts);
  const bad = decodeUtf8Pieces(bytes, PIECE_BYTES, (text, done) => {
    ctx.onProgress?.(done, bytes.length);
    return reader.feed(text);
  });
  if (bad) return { ok: false, issues: [{ severity: 'error', message: `Not valid UTF-8 at byte ${bad.byteOffset} (${bad.reason}).` }] };
  return importParsed(reader.end(), ctx, opts);
}

function importParsed(parsed: SafeJson, ctx: ImportContext, opts: W3CImportOptions): ImportResult {
  if (!parsed.ok) return { ok: false, issues: [parsed.issue] };
  const issues = new Issues();
  const refused = (): ImportResult => ({ ok: false, issues: issues.list });
  const root = parsed.value;
  const { fileLevel, byNode } = splitMarks(parsed.marks, parsed.contexts, Array.isArray(root));
  for (const m of fileLevel) issues.error(m.pointer, `${m.message}; the file is refused.`);
  if (fileLevel.length) return refused();
  const shape = shapeOf(root, parsed.nodes, issues);
  if (!shape) return refused();
  if (Array.isArray(root)) shape.annotations.forEach(([a, at]) => checkContext(isObj(a) ? own(a, '@context') : undefined, at, issues));
  else checkContext(own(root as Obj, '@context'), '', issues);
  if (issues.errorCount) return refused();
  const maxAnnotations = opts.maxAnnotations ?? MAX_ANNOTATIONS;
  if (shape.annotations.length > maxAnnotations)
    return (issues.error('', `${shape.annotations.length} annotations; the limit for one import is ${maxAnnotations}.`), refused());

  const marked = ([, at]: [unknown, string]) => {
    const found = byNode.get(at);
    byNode.delete(at);
    for (const m of found ?? []) issues.error(m.pointer, `${m.message}; ${at} is not imported.`);
    return !found;
  };
  let schema = opts.schema ?? DEFAULT_LABEL_SCHEMA;
  if (shape.schema) {
    const fromFile = readLabelSchema(shape.schema[0], shape.schema[1], issues);
    if (!fromFile) return refused();
    schema = fromFile;
  }
  const ids = new IdMap(ctx);
  shape.documents.forEach(([n, at]) => ids.define('document', isObj(n) ? own(n, 'id') : undefined, at));
  shape.entities.forEach(([n, at]) => ids.define('entity', isObj(n) ? own(n, 'id') : undefined, at));
  shape.annotations.forEach(([n, at]) => ids.define('annotation', isObj(n) ? own(n, 'id') : undefined, at));

  const docsByIri = new Map<string, DocumentRecord>();
  for (const [n, at] of shape.documents.filter(marked)) {
    const doc = readDocument(n, at, ids, ctx, issues);
    if (doc) for (const iri of [`urn:uuid:${doc.id}`, own(n as Obj, 'id')]) if (typeof iri === 'string') docsByIri.set(iri, doc);
  }
  const documents = [...new Set(docsByIri.values())];
  const entities = shape.entities
    .filter(marked)
    .map(([n, at]) => readEntity(n, at, ids, schema, ctx, issues))
    .filter((e): e is KbEntity => !!e);
  const texts = new Map<string, CodePointText>();
  const documentFor = (iri: string) => {
    const doc = docsByIri.get(iri) ?? opts.knownDocuments?.get(iri);
    if (!doc) return undefined;
    let t = texts.get(doc.id);
    if (!t) texts.set(doc.id, (t = codePointText(doc.text)));
    return { doc, text: t };
  };
  const read = shape.annotations
    .filter(marked)
    .map(([n, at]) => readAnnotation(n, at, { ctx, schema, ids, documentFor }, issues))
    .filter((a): a is ReadAnnotation => !!a);
  const annotations = resolveLinks(read, entities, opts.knownEntities, ids, issues);
  for (const m of [...byNode.values()].flat()) issues.warn(m.pointer, `${m.message}, in a part of the file Hamish does not read; ignored.`);
  if (documents.length + entities.length + annotations.length === 0 && issues.errorCount) return refused();
  return { ok: true, corpus: { documents, annotations, entities, schema }, issues: issues.list };
}

/** Links to nodes that were refused or never existed are dropped with a warning: no record keeps a dangling link. */
function resolveLinks(
  read: ReadAnnotation[],
  entities: KbEntity[],
  known: ReadonlyMap<string, KbEntity> | undefined,
  ids: IdMap,
  issues: Issues,
): AnnotationRecord[] {
  const byId = new Map(read.map((r) => [r.record.id, r.record]));
  const entityIds = new Set([...entities.map((e) => e.id), ...[...(known?.values() ?? [])].map((e) => e.id)]);
  const entityId = (iri: string) => {
    const id = known?.get(iri)?.id ?? ids.peek(iri);
    return id !== undefined && entityIds.has(id) ? id : undefined;
  };
  return read.map(({ record, links }) => {
    const r = { ...record };
    for (const link of links) {
      const target = byId.get(ids.peek(link.iri) ?? '');
      const sameDoc = target && target.documentId === r.documentId ? target : undefined;
      if (r.kind === 'claim' && link.role === 'claimant' && sameDoc?.kind === 'mention') r.claimantId = sameDoc.id;
      else if (r.kind === 'claim' && link.role === 'claimant' && !target && entityId(link.iri)) r.claimantEntityId = entityId(link.iri);
      else if (r.kind === 'claim' && link.role === 'source' && sameDoc?.kind === 'source') r.sourceId = sameDoc.id;
      else if (r.kind !== 'claim' && link.role === 'entity' && entityId(link.iri)) r.entityId = entityId(link.iri);
      else {
        const what = {
          claimant: 'a mention of the same document or a KB entity',
          source: 'a source annotation of the same document',
          entity: 'a KB entity of the file or the workspace',
        }[link.role];
        issues.warn(link.pointer, `${clip(link.iri)} is not ${what} that was imported; the link is dropped.`);
      }
    }
    return r;
  });
}
