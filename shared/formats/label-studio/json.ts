/** Reading parsed JSON without trusting it: own properties only, so `__proto__` and `constructor` keys stay data. */
export type JsonObject = Record<string, unknown>;

export function isObject(x: unknown): x is JsonObject {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function own(obj: JsonObject, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** A JSON pointer segment (RFC 6901). */
export function seg(key: string | number): string {
  return `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** A value as it may appear in a message: short, one line; never serialises a (possibly 100,000-deep) structure. */
export function shown(x: unknown): string {
  const s = typeof x === 'string' ? JSON.stringify(x) : Array.isArray(x) ? 'a list' : isObject(x) ? 'an object' : x === undefined ? 'nothing' : String(x);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
