/** Parsers and importers return results instead of throwing (STYLE.md habit 7). */
export type Result<T, E = Problem> = { ok: true; value: T } | { ok: false; error: E };

/** A problem found in user input, precise enough to act on. */
export interface Problem {
  /** Stable machine-readable code, e.g. `invalid-utf8`. */
  code: string;
  /** One sentence for the user, naming the file and the place. */
  message: string;
  /**
   * Where in a JSON document the problem is, as a JSON Pointer (RFC 6901, e.g. `/entityTypes/3/color`), so a form
   * can mark the field and an editor the line it concerns.
   */
  pointer?: string;
}

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });
