import { ok, type Problem, type Result } from '../../result';
import { collectionOf, planExport, type ExportInput } from './export';

/** An array written one element at a time. */
class Lazy {
  constructor(readonly items: () => Iterable<unknown>) {}
}

const pad = (depth: number) => '  '.repeat(depth);

/** `JSON.stringify(v, null, 2)` as it reads nested `depth` levels deep (strings never hold a raw newline). */
const nested = (v: unknown, depth: number) => JSON.stringify(v, null, 2).replace(/\n/g, `\n${pad(depth)}`);

function holdsLazy(v: unknown): boolean {
  if (v instanceof Lazy) return true;
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).some(holdsLazy);
}

/**
 * Writes what `JSON.stringify(value, null, 2)` would, byte for byte, except that `Lazy` arrays are pulled and
 * written one element per chunk, so no more than one element's text is ever held.
 */
function* write(v: unknown, depth: number): Generator<string> {
  if (v instanceof Lazy) {
    let count = 0;
    for (const item of v.items()) yield `${count++ ? ',' : '['}\n${pad(depth + 1)}${nested(item, depth + 1)}`;
    yield count ? `\n${pad(depth)}]` : '[]';
    return;
  }
  if (!holdsLazy(v)) {
    yield nested(v, depth);
    return;
  }
  const entries = Object.entries(v as object).filter(([, x]) => x !== undefined);
  let head = '{';
  for (const [key, x] of entries) {
    yield `${head}\n${pad(depth + 1)}${JSON.stringify(key)}: `;
    yield* write(x, depth + 1);
    head = ',';
  }
  yield `\n${pad(depth)}}`;
}

/**
 * The W3C export as a stream of chunks (one per document node, one per annotation): their concatenation is
 * byte-identical to `serializeW3C(exportW3C(input).value)`. Everything is checked before the generator is handed
 * out, so a refused corpus fails here, never half way through a download.
 */
export function streamW3C(input: ExportInput): Result<Generator<string>, Problem> {
  const plan = planExport(input);
  if (!plan.ok) return plan;
  const collection = collectionOf(plan.value, (items) => new Lazy(items));
  return ok(
    (function* () {
      yield* write(collection, 0);
      yield '\n';
    })(),
  );
}
