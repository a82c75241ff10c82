import { fail, ok, type Problem, type Result } from '../result';

/**
 * A knowledge-base entity of the corpus: the one «خليفة حفتر» that the mentions «حفتر», «خليفة حفتر» and
 * «المشير خليفة حفتر» all link to.
 */
export interface KbEntity {
  id: string;
  name: string;
  entityType: string;
  aliases: string[];
  /** A Wikidata QID (`Q1234`) or an http(s) IRI, typed by the annotator. */
  externalId?: string;
  created: string;
  modified: string;
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what must be refused
const BAD_CHAR = /[\u0000-\u001f\u007f-\u009f\u200b\u2028-\u202e\u2066-\u2069\ufeff]/;

export function normaliseExternalId(raw: string): Result<string | undefined> {
  const v = raw.trim();
  if (!v) return ok(undefined);
  if (/^Q[1-9]\d{0,11}$/i.test(v)) return ok(v.toUpperCase());
  try {
    const url = new URL(v);
    // An address with a user name or password is a phishing shape, never an entity's identifier.
    if ((url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password) return ok(url.href);
  } catch {
    // not a URL: fall through to the message
  }
  return fail({ code: 'bad-external-id', message: `"${v}" is neither a Wikidata id (Q…) nor an http(s) address.` });
}

/** The IRI an external id stands for in exports (Wikidata QIDs become entity IRIs). */
export function externalIri(externalId: string): string {
  return /^Q\d+$/.test(externalId) ? `http://www.wikidata.org/entity/${externalId}` : externalId;
}

export function checkEntityName(name: string): Problem | null {
  if (!name.trim() || name.length > 200 || BAD_CHAR.test(name)) {
    return { code: 'bad-entity-name', message: 'An entity name must be 1–200 visible characters, without control or bidi-override characters.' };
  }
  return null;
}

/** Add an alias unless the name or an existing alias already says it. */
export function withAlias(entity: KbEntity, alias: string, now: string): KbEntity {
  const a = alias.trim();
  if (!a || a === entity.name || entity.aliases.includes(a)) return entity;
  return { ...entity, aliases: [...entity.aliases, a], modified: now };
}
