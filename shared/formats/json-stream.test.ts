import { describe, expect, it } from 'vitest';
import { Hole, jsonArray, jsonPieces } from './json-stream';

/** Fill every hole with the given arrays, as an export does one element at a time. */
function fill(value: unknown, arrays: Record<string, unknown[]>): string {
  let out = '';
  for (const piece of jsonPieces(value)) {
    if ('text' in piece) out += piece.text;
    else {
      const w = jsonArray(piece.depth);
      for (const x of arrays[piece.hole]!) out += w.element(x);
      out += w.close();
    }
  }
  return out;
}

describe('the JSON writer with holes', () => {
  const items = [{ a: 1, b: ['x', { c: 'ي😀\n"' }] }, 'two', null, 3.5, [], {}];

  it('writes the bytes of JSON.stringify(v, null, 2) plus a newline, holes filled or empty, at any depth', () => {
    for (const arrays of [
      { docs: items, anns: items.slice(2) },
      { docs: [], anns: [] },
      { docs: [[1, [2]]], anns: [{}] },
    ]) {
      const value = { '@context': ['x'], n: 1, docs: new Hole('docs'), skipped: undefined, deep: { page: { items: new Hole('anns'), last: 'p' } }, end: true };
      const expected = { ...value, docs: arrays.docs, deep: { page: { items: arrays.anns, last: 'p' } } };
      expect(fill(value, arrays)).toBe(`${JSON.stringify(expected, null, 2)}\n`);
    }
  });

  it('writes a top-level array (Label Studio tasks) and a value without holes', () => {
    expect(fill(new Hole('tasks'), { tasks: items })).toBe(`${JSON.stringify(items, null, 2)}\n`);
    expect(fill(new Hole('tasks'), { tasks: [] })).toBe('[]\n');
    expect(fill({ a: [1, 2] }, {})).toBe(`${JSON.stringify({ a: [1, 2] }, null, 2)}\n`);
  });

  it('names the holes in the order they are written', () => {
    const holes = jsonPieces({ a: new Hole('first'), b: { c: new Hole('second') } }).flatMap((p) => ('hole' in p ? [p] : []));
    expect(holes).toEqual([
      { hole: 'first', depth: 1 },
      { hole: 'second', depth: 2 },
    ]);
  });
});
