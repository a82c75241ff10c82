import { checkEntityName, normaliseExternalId, type KbEntity } from '../../model/kb-entity';
import { isUuid } from '../../text/uuid';

/** A reference from a brat `N` line (or a Label Studio entity field): `Database:Id` and the name written beside it. */
export interface EntityRef {
  db: string;
  ref: string;
  name: string;
}

/**
 * The KB entities an import creates, shared by all its documents so that one entity linked from several files
 * stays one. An entity is known by its Hamish id when the file gives one (`Hamish:<uuid>`), else by any of its
 * references (`Wikidata:Q19878`, `URL:https://…`, or a database Hamish does not know, kept only for grouping).
 * A Hamish id that is a UUID is kept as the entity's id, so that an exported corpus comes back linked to the same
 * KB entities (the caller matches them against the workspace like any other imported id).
 */
export interface EntityPool {
  /** The id of the entity these references name, creating it (typed `entityType`) the first time. */
  link(refs: readonly EntityRef[], fallbackName: string, entityType: string): string;
  entities(): KbEntity[];
}

export function makeEntityPool(newId: () => string, now: string): EntityPool {
  const byKey = new Map<string, KbEntity>();
  const all: KbEntity[] = [];
  const ids = new Set<string>();
  return {
    link(refs, fallbackName, entityType) {
      const own = refs.find((r) => r.db.toLowerCase() === 'hamish');
      const keys = (own ? [own] : refs).map((r) => `${r.db.toLowerCase()}:${r.ref}`);
      let entity = keys.map((k) => byKey.get(k)).find((e) => e !== undefined);
      const externalId = refs.map(externalIdOf).find((x) => x !== undefined);
      if (!entity) {
        const named = refs.map((r) => r.name.trim()).find((n) => n && !checkEntityName(n));
        const id = own && isUuid(own.ref) && !ids.has(own.ref.toLowerCase()) ? own.ref.toLowerCase() : newId();
        ids.add(id);
        entity = { id, name: named ?? asName(fallbackName), entityType, aliases: [], created: now, modified: now, ...(externalId ? { externalId } : {}) };
        all.push(entity);
      } else if (externalId && !entity.externalId) {
        entity.externalId = externalId;
      }
      for (const k of keys) byKey.set(k, entity);
      return entity.id;
    },
    entities: () => all.map((e) => ({ ...e, aliases: [...e.aliases] })),
  };
}

function externalIdOf(r: EntityRef): string | undefined {
  const db = r.db.toLowerCase();
  if (db !== 'wikidata' && db !== 'url') return undefined;
  const id = normaliseExternalId(r.ref);
  return id.ok && id.value && (db === 'url' ? /^https?:/.test(id.value) : /^Q\d+$/.test(id.value)) ? id.value : undefined;
}

/** A quote as an entity name: one line, at most 200 characters, never empty. */
function asName(quote: string): string {
  const name = quote
    // eslint-disable-next-line no-control-regex -- control and bidi-override characters are what a name may not hold
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b\u2028-\u202e\u2066-\u2069\ufeff]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
  return name || 'entity';
}
