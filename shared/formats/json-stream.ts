/**
 * The one JSON writer of the exports: it writes what `JSON.stringify(value, null, 2)` would, byte for byte, except
 * that a value may hold holes — arrays too long to build — which the caller fills one element at a time, reading
 * each from storage as it goes. So no more than one element's text is ever held, however large the corpus.
 */

/** An array left to the caller, by name. */
export class Hole {
  constructor(readonly name: string) {}
}

export type JsonPiece = { text: string } | { hole: string; depth: number };

const pad = (depth: number) => '  '.repeat(depth);

/** `JSON.stringify(v, null, 2)` as it reads nested `depth` levels deep (strings never hold a raw newline). */
const nested = (v: unknown, depth: number) => JSON.stringify(v, null, 2).replace(/\n/g, `\n${pad(depth)}`);

function holdsHole(v: unknown): boolean {
  if (v instanceof Hole) return true;
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).some(holdsHole);
}

/** The value as text pieces around its holes (holes may sit in objects, not in arrays), then the final newline. */
export function jsonPieces(value: unknown): JsonPiece[] {
  const pieces: JsonPiece[] = [];
  const write = (v: unknown, depth: number) => {
    if (v instanceof Hole) {
      pieces.push({ hole: v.name, depth });
      return;
    }
    if (!holdsHole(v)) {
      pieces.push({ text: nested(v, depth) });
      return;
    }
    let head = '{';
    for (const [key, x] of Object.entries(v as object)) {
      if (x === undefined) continue;
      pieces.push({ text: `${head}\n${pad(depth + 1)}${JSON.stringify(key)}: ` });
      write(x, depth + 1);
      head = ',';
    }
    pieces.push({ text: `\n${pad(depth)}}` });
  };
  write(value, 0);
  pieces.push({ text: '\n' });
  return pieces;
}

/** The elements of one hole, `depth` levels deep: one call per element, then `close()` ends the array. */
export function jsonArray(depth: number) {
  let count = 0;
  return {
    element: (v: unknown) => `${count++ ? ',' : '['}\n${pad(depth + 1)}${nested(v, depth + 1)}`,
    close: () => (count ? `\n${pad(depth)}]` : '[]'),
  };
}
