import { isDocumentStatus, safeHttpUrl, type DocumentMeta, type DocumentRecord } from '../../model/document';
import { checkEntityName, normaliseExternalId, type KbEntity } from '../../model/kb-entity';
import { findDef, LABEL_LAYERS, validateLabelSchema, type LabelSchema } from '../../model/label-schema';
import { titleOf } from '../../text/canonical';
import { sha256Text } from '../../text/sha256';
import type { ImportContext } from '../corpus';
import { MAX_TXT_BYTES } from '../txt/import-txt';
import { clip, hasLoneSurrogate, IdMap, reportUnknownTerms, shown, invisibleIn, isObj, ISO_DATE, Issues, own, str, timestamp, typesOf } from './read';
import { storedFileName } from '../file-name';

/** Readers for the collection's own nodes: documents, KB entities and the label schema. */

/** A `schema:NewsArticle` node: its text byte-exact, its sha256 recomputed, unsafe metadata dropped with a warning. */
export function readDocument(node: unknown, at: string, ids: IdMap, ctx: ImportContext, issues: Issues): DocumentRecord | null {
  if (!isObj(node)) return (issues.error(at, 'a document must be an object.'), null);
  reportUnknownTerms(node, 'document', at, issues);
  const id = ids.idOf(own(node, 'id'), at, issues);
  if (id === null) return null;
  if (!typesOf(node).includes('schema:NewsArticle')) issues.warn(`${at}/type`, 'a document is expected to be a schema:NewsArticle; read as one.');
  const text = own(node, 'schema:text');
  if (typeof text !== 'string' || !text)
    return (issues.error(`${at}/schema:text`, 'a document needs its full text as a non-empty string (schema:text).'), null);
  if (text.length > MAX_TXT_BYTES)
    return (issues.error(`${at}/schema:text`, `the text is longer than the ${MAX_TXT_BYTES / 1048576} MB limit for one article.`), null);
  if (hasLoneSurrogate(text))
    return (issues.error(`${at}/schema:text`, 'the text holds half of a character (a lone surrogate); it cannot be valid UTF-8.'), null);
  const givenName = str(node, 'fileName') ?? ctx.fileName;
  const fileName = storedFileName(givenName);
  if (fileName !== givenName && own(node, 'fileName') !== undefined)
    issues.warn(
      `${at}/fileName`,
      `the file name ${JSON.stringify(givenName)} is stored as ${JSON.stringify(fileName)} (the file-name rule: no folders, control or invisible characters).`,
    );
  const sha256 = sha256Text(text);
  const given = own(node, 'sha256');
  if (given !== undefined && given !== sha256) issues.warn(`${at}/sha256`, 'the sha256 does not match the text; recomputed from the text.');
  const rawStatus = own(node, 'status');
  if (rawStatus !== undefined && !isDocumentStatus(rawStatus)) issues.warn(`${at}/status`, `unknown status ${shown(rawStatus)}; set to "new".`);
  return {
    id,
    title: str(node, 'schema:headline') ?? titleOf(text),
    text,
    sha256,
    fileName,
    importedAt: timestamp(node, 'importedAt', at, ctx, issues),
    status: isDocumentStatus(rawStatus) ? rawStatus : 'new',
    meta: readMeta(node, at, issues),
  };
}

function readMeta(node: Record<string, unknown>, at: string, issues: Issues): DocumentMeta {
  const meta: DocumentMeta = {};
  const publisher = own(node, 'schema:publisher');
  if (typeof publisher === 'string' && publisher.length <= 200 && !invisibleIn(publisher)) meta.publisher = publisher;
  else if (publisher !== undefined) issues.warn(`${at}/schema:publisher`, 'the publisher must be a plain name of at most 200 characters; dropped.');
  const published = own(node, 'schema:datePublished');
  if (typeof published === 'string' && ISO_DATE.test(published)) meta.published = published;
  else if (published !== undefined) issues.warn(`${at}/schema:datePublished`, 'the publication date must be YYYY-MM-DD; dropped.');
  const url = own(node, 'schema:url');
  // Kept as written when it is http(s), so a re-export gives the same bytes; anything else would be a trap.
  if (typeof url === 'string' && safeHttpUrl(url) && url === url.trim()) meta.url = url;
  else if (url !== undefined) issues.warn(`${at}/schema:url`, 'only http: and https: addresses are kept as a document URL; dropped.');
  const tokenization = own(node, 'tokenization');
  if (tokenization === 'whitespace') meta.tokenization = tokenization;
  else if (tokenization !== undefined) issues.warn(`${at}/tokenization`, `unknown tokenization ${shown(tokenization)}; dropped.`);
  return meta;
}

const WIKIDATA = /^https?:\/\/www\.wikidata\.org\/entity\/(Q[1-9]\d{0,11})$/;

/** A KB entity: its type from `labelId` (or, from other tools, the first entity type with its schema.org class). */
export function readEntity(node: unknown, at: string, ids: IdMap, schema: LabelSchema, ctx: ImportContext, issues: Issues): KbEntity | null {
  if (!isObj(node)) return (issues.error(at, 'an entity must be an object.'), null);
  reportUnknownTerms(node, 'entity', at, issues);
  const id = ids.idOf(own(node, 'id'), at, issues);
  if (id === null) return null;
  const name = own(node, 'schema:name');
  if (typeof name !== 'string' || checkEntityName(name))
    return (issues.error(`${at}/schema:name`, checkEntityName(String(name))?.message ?? 'an entity needs a name.'), null);
  const labelId = own(node, 'labelId');
  const types = typesOf(node);
  const def = typeof labelId === 'string' ? findDef(schema.entityTypes, labelId) : schema.entityTypes.find((d) => types.includes(d.schemaType));
  if (!def) {
    const what =
      labelId !== undefined
        ? `the entity type ${shown(labelId)} is not in the label schema`
        : `no entity type of the label schema has the class ${clip(types.join(', ')) || '(none)'}`;
    return (issues.error(labelId !== undefined ? `${at}/labelId` : `${at}/type`, `${what}.`), null);
  }
  const aliases: string[] = [];
  const rawAliases = own(node, 'schema:alternateName');
  const list = typeof rawAliases === 'string' ? [rawAliases] : Array.isArray(rawAliases) ? rawAliases : rawAliases === undefined ? [] : [rawAliases];
  list.forEach((a, i) => {
    if (typeof a === 'string' && !checkEntityName(a) && !aliases.includes(a)) aliases.push(a);
    else
      issues.warn(
        `${at}/schema:alternateName${Array.isArray(rawAliases) ? `/${i}` : ''}`,
        'an alias must be a visible name of at most 200 characters, given once; dropped.',
      );
  });
  const entity: KbEntity = {
    id,
    name,
    entityType: def.id,
    aliases,
    created: timestamp(node, 'created', at, ctx, issues),
    modified: timestamp(node, 'modified', at, ctx, issues),
  };
  const sameAs = own(node, 'schema:sameAs');
  if (typeof sameAs === 'string') {
    const external = WIKIDATA.exec(sameAs)?.[1] ?? (normaliseExternalId(sameAs).ok ? sameAs : undefined);
    if (external) entity.externalId = external;
    else issues.warn(`${at}/schema:sameAs`, 'an external id must be a Wikidata IRI or an http(s) address; dropped.');
  } else if (sameAs !== undefined) issues.warn(`${at}/schema:sameAs`, 'an external id must be one IRI string; dropped.');
  return entity;
}

/** The file's label schema (labels written with `labelId`), checked like any schema; every problem reported. */
export function readLabelSchema(node: unknown, at: string, issues: Issues): LabelSchema | null {
  if (!isObj(node)) return (issues.error(at, 'the label schema must be an object.'), null);
  const renamed: Record<string, unknown> = {};
  for (const layer of LABEL_LAYERS) {
    const defs = own(node, layer);
    renamed[layer] = Array.isArray(defs) ? defs.map((d) => (isObj(d) ? { ...d, id: own(d, 'labelId') } : d)) : defs;
  }
  const checked = validateLabelSchema(renamed);
  if (!checked.ok) {
    for (const p of checked.error) issues.error(at, p.message);
    return null;
  }
  return checked.value;
}
