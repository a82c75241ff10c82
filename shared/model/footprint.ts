import type { Change, Pair } from './edits';

/**
 * The records a change writes and the records those link to (a claim's claimant and source, a KB entity), as keys
 * `annotation:…`, `entity:…`, `document:…`. When two changes' footprints meet, one cannot be undone without the
 * other: undoing it would overwrite a record the other wrote, or delete a record the other links to.
 */
export function footprint(c: Change): Set<string> {
  const keys = new Set<string>();
  for (const pair of c.annotations) {
    for (const a of pair) {
      if (!a) continue;
      keys.add(`annotation:${a.id}`);
      if (a.kind === 'claim') {
        if (a.claimantId) keys.add(`annotation:${a.claimantId}`);
        if (a.sourceId) keys.add(`annotation:${a.sourceId}`);
        if (a.claimantEntityId) keys.add(`entity:${a.claimantEntityId}`);
      } else if (a.entityId) keys.add(`entity:${a.entityId}`);
    }
  }
  for (const pair of c.entities) for (const e of pair) if (e) keys.add(`entity:${e.id}`);
  for (const pair of c.documents) for (const d of pair) if (d) keys.add(`document:${d.id}`);
  return keys;
}

export function meets(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const k of small) if (large.has(k)) return true;
  return false;
}

/**
 * The records that differ between two versions of the same records, as change pairs `[held, stored]`: for each id,
 * its record in both (`undefined` where it is absent).
 */
export function differing<T>(ids: Iterable<string>, held: (id: string) => T | undefined, stored: (id: string) => T | undefined): Pair<T>[] {
  const pairs: Pair<T>[] = [];
  for (const id of ids) {
    const [h, s] = [held(id), stored(id)];
    if (!sameRecord(h, s)) pairs.push([h, s]);
  }
  return pairs;
}

/**
 * Equality of stored records (strings, numbers, booleans, arrays and plain objects, as IndexedDB gives them back),
 * whatever order their fields were written in; a field set to `undefined` equals a missing one.
 */
export function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((x, i) => sameRecord(x, other[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const k in x) if (!sameRecord(x[k], y[k])) return false;
  for (const k in y) if (!(k in x) && y[k] !== undefined) return false;
  return true;
}
