import { isUuid } from '../../text/uuid';
import type { ImportContext, ImportIssue } from '../corpus';

/** Helpers for reading untrusted parsed JSON: own properties only, typed checks, issues located by pointer. */

export type Obj = Record<string, unknown>;

/** A string from the file in a message: long ones are cut (a hostile file may put megabytes anywhere). */
export const clip = (s: string, max = 80) =>
  s.length > max
    ? `${Array.from(s.slice(0, max + 10))
        .slice(0, max)
        .join('')}…`
    : s;
/** Any value from the file in a message, as JSON, cut. */
export const shown = (v: unknown) => clip(String(JSON.stringify(v)));

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An own property only: `toString` or `constructor` never come from Object.prototype. */
export const own = (o: Obj, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);

export const str = (o: Obj, key: string): string | undefined => {
  const v = own(o, key);
  return typeof v === 'string' ? v : undefined;
};

/** `type` as a list (JSON-LD allows one string or an array). */
export function typesOf(o: Obj): string[] {
  const t = own(o, 'type');
  return typeof t === 'string' ? [t] : Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
}

/** Each element with its pointer: JSON-LD allows one value where a list is meant. */
export function listOf(v: unknown, pointer: string): Array<[unknown, string]> {
  return Array.isArray(v) ? v.map((x, i) => [x, `${pointer}/${i}`]) : v === undefined ? [] : [[v, pointer]];
}

// Bidi embeddings/overrides/isolates (Trojan Source, CVE-2021-42574), zero-width and other invisible characters,
// and control characters: never in an id, a label or a file name.
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be refused
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;

/** Why a string cannot be an id, label or file name, or null when it can. */
export function invisibleIn(s: string): string | null {
  const m = INVISIBLE.exec(s);
  if (!m) return null;
  const code = m[0].charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const what =
    (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)
      ? 'a bidi override or isolate'
      : code < 0xa0
        ? 'a control character'
        : 'an invisible character';
  return `holds ${what} (${hex}), refused: it can make text display differently from what it is`;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export const hasLoneSurrogate = (s: string) => LONE_SURROGATE.test(s);

export const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Collects issues; `error` and `warn` return nothing so they can end a branch. */
export class Issues {
  readonly list: ImportIssue[] = [];
  /** Kept as a count: readers compare it before and after each node, so it must not cost a scan. */
  errorCount = 0;
  error(pointer: string, message: string): void {
    this.list.push({ severity: 'error', pointer, message });
    this.errorCount++;
  }
  warn(pointer: string, message: string): void {
    this.list.push({ severity: 'warning', pointer, message });
  }
}

/** A timestamp of the file, or the import time (with a warning when the file had something else). */
export function timestamp(o: Obj, key: string, pointer: string, ctx: ImportContext, issues: Issues): string {
  const v = own(o, key);
  if (typeof v === 'string' && ISO_DATE_TIME.test(v)) return v;
  if (v !== undefined) issues.warn(`${pointer}/${key}`, `${shown(v)} is not a date-time with a time zone; the import time is used instead.`);
  return ctx.now;
}

export type Kind = 'document' | 'entity' | 'annotation';

/**
 * Maps the file's IRIs to stored ids. `urn:uuid:` IRIs keep their UUID (so a re-import finds the same records);
 * any other IRI gets a fresh id, the same one wherever it is referenced, and a warning says so.
 */
export class IdMap {
  private readonly fresh = new Map<string, string>();
  private readonly defined = new Map<string, { kind: Kind; pointer: string }>();
  private readonly duplicates = new Map<string, string[]>();

  constructor(private readonly ctx: ImportContext) {}

  /** First pass: note where each node is defined, so duplicates are known before any is read. */
  define(kind: Kind, iri: unknown, pointer: string): void {
    if (typeof iri !== 'string') return;
    const first = this.defined.get(iri);
    if (!first) return void this.defined.set(iri, { kind, pointer });
    const dupes = this.duplicates.get(iri);
    if (dupes) dupes.push(pointer);
    else this.duplicates.set(iri, [first.pointer, pointer]);
  }

  kindOf(iri: string): Kind | undefined {
    return this.defined.get(iri)?.kind;
  }

  /** The stored id for a node's own `id`, or null with an error (the node is then refused). */
  idOf(iri: unknown, pointer: string, issues: Issues): string | null {
    const at = `${pointer}/id`;
    if (iri === undefined) {
      const id = this.ctx.newId();
      issues.warn(pointer, `has no id; stored as urn:uuid:${id}.`);
      return id;
    }
    if (typeof iri !== 'string' || !iri || iri.length > 2000) return (issues.error(at, 'an id must be an IRI string of 1–2000 characters.'), null);
    const bad = invisibleIn(iri);
    if (bad) return (issues.error(at, `the id ${bad}.`), null);
    const dupes = this.duplicates.get(iri);
    if (dupes) {
      const where = dupes.length > 5 ? `${dupes.slice(0, 5).join(', ')} and ${dupes.length - 5} more` : dupes.join(', ');
      return (issues.error(at, `the id ${clip(iri)} is used ${dupes.length} times in the file (${where}); none of them is imported.`), null);
    }
    const id = this.resolve(iri);
    if (`urn:uuid:${id}` !== iri) issues.warn(at, `${clip(iri)} is not a urn:uuid: IRI; stored as urn:uuid:${id}.`);
    return id;
  }

  /** The stored id of a reference, without minting one for an IRI the file never defined. */
  peek(iri: string): string | undefined {
    const m = /^urn:uuid:(.*)$/i.exec(iri);
    return m && isUuid(m[1]!) ? m[1]! : this.fresh.get(iri);
  }

  /** The stored id an IRI stands for (the same for a definition and every reference to it). */
  resolve(iri: string): string {
    const m = /^urn:uuid:(.*)$/i.exec(iri);
    if (m && isUuid(m[1]!)) return m[1]!;
    let id = this.fresh.get(iri);
    if (!id) this.fresh.set(iri, (id = this.ctx.newId()));
    return id;
  }
}

/**
 * The terms each node may carry: Hamish reads these (or writes them again on export: a collection's total, a page's
 * ids). Any other is reported as a warning naming it and its JSON pointer, then left out — never dropped without a
 * word. JSON-LD keywords (`@…`) are the context's business.
 */
export const TERMS = {
  collection: ['id', 'type', 'label', 'total', 'generator', 'labelSchema', 'documents', 'entities', 'first', 'last', 'items'],
  page: ['id', 'type', 'partOf', 'startIndex', 'items', 'next', 'prev'],
  annotation: ['id', 'type', 'motivation', 'created', 'modified', 'generator', 'body', 'target'],
  document: [
    'id',
    'type',
    'schema:headline',
    'schema:inLanguage',
    'schema:text',
    'sha256',
    'fileName',
    'importedAt',
    'status',
    'schema:publisher',
    'schema:datePublished',
    'schema:url',
    'tokenization',
  ],
  entity: ['id', 'type', 'labelId', 'schema:name', 'schema:alternateName', 'schema:sameAs', 'created', 'modified'],
  tag: ['type', 'purpose', 'value', 'format', 'language', 'layer', 'labelId'],
  claim: ['id', 'type', 'stance', 'claimant', 'cue', 'reportedBy', 'schema:dateCreated'],
  resource: ['type', 'purpose', 'source'],
  target: ['type', 'source', 'selector'],
} as const satisfies Record<string, readonly string[]>;

const pointerPart = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

export function reportUnknownTerms(node: Obj, kind: keyof typeof TERMS, at: string, issues: Issues): void {
  const known: readonly string[] = TERMS[kind];
  for (const key of Object.keys(node)) {
    if (key.startsWith('@') || known.includes(key)) continue;
    const what = kind === 'resource' ? 'a body' : /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
    issues.warn(`${at}/${pointerPart(key)}`, `the term ${JSON.stringify(clip(key))} is not one Hamish reads on ${what}; left out.`);
  }
}
