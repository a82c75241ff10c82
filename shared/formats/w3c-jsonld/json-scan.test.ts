import { describe, expect, it } from 'vitest';
import { jsonReader, type ReadJsonOptions, type SafeJson } from './json-safe';
import { JsonScanner } from './json-scan';

/** The same text fed whole and in pieces of `size` characters. */
function read(text: string, size: number, options: ReadJsonOptions = {}): SafeJson {
  const reader = jsonReader(options);
  for (let i = 0; i < text.length; i += size) if (!reader.feed(text.slice(i, i + size))) break;
  return reader.end();
}

/** The parsed value with every cut-out node put back where it was, so pieces and whole compare as values. */
function whole(r: SafeJson): unknown {
  if (!r.ok) return r.issue;
  const put = (v: unknown, at: string): unknown => {
    if (r.nodes.has(at)) return r.nodes.get(at);
    if (Array.isArray(v)) return v.map((x, i) => put(x, `${at}/${i}`));
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, put(x, `${at}/${k}`)]));
    return v;
  };
  return { value: put(r.value, ''), marks: r.marks, contexts: r.contexts };
}

const COLLECTION = JSON.stringify(
  {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    label: 'قال \\"x\\" \u00e9 😀',
    labelSchema: { entityTypes: [{ id: 'person', tag: 'PER' }] },
    documents: [{ id: 'urn:uuid:1', 'schema:text': 'سطر\nسطر "مقتبس" \\ 😀 🇹🇳', n: [1.5e3, -0, true, false, null] }],
    entities: [{ id: 'e1', 'schema:name': 'حفتر', constructor: { prototype: { polluted: 1 } } }],
    first: {
      type: 'AnnotationPage',
      items: [{ id: 'a1', x: 1, x2: [] }, 'LONG', 'plain', { '@context': 'nested', id: 'a1' }],
      next: { items: [{ id: 'a2', body: { value: 'x\u0001'.slice(0, 1) } }] },
    },
  },
  null,
  2,
)
  .replace('"x2"', '"x"')
  .replace('"LONG"', '12345678901234567890.5e-3');

const TEXTS: Array<[string, string]> = [
  ['a collection with documents, entities, pages, a duplicate key, a forbidden key and a nested context', COLLECTION],
  ['a root array of annotations', '[{"id": "a", "v": 1}, {"id": "b"}, [], "s", 0.25e-3]'],
  ['a root annotation', '{"type": "Annotation", "body": [1, 2, {"a": "b"}], "target": "t"}'],
  ['a BOM before the JSON', '\ufeff{"items": [1, 2]}'],
  ['a comment after line breaks', '{\n  "items": [\n 1, // x\n 2]}'],
  ['NaN inside a node', '{"first": {"items": [{"start": NaN}]}}'],
  ['a string never closed', '{"documents": [{"text": "abc'],
  ['a trailing comma', '{"first": {"a": 1,}}'],
  ['a bad escape', '["\\x41"]'],
  ['text after the value', '{} {}'],
  ['truncated', '{"a": [1'],
  ['a number cut at the end', '[12'],
  ['a word cut at the end', '[tru'],
  ['whitespace only', ' \n\t '],
];

/** JsonScanner itself fed in pieces of `size` (jsonReader holds the first 8 K whole to sniff it). */
function scan(text: string, size: number) {
  const scanner = new JsonScanner({ nodes: true });
  for (let i = 0; i < text.length; i += size) if (!scanner.feed(text.slice(i, i + size))) break;
  const done = scanner.end();
  const failure = 'failure' in done ? { ...done.failure, at: scanner.lineColumn(done.failure.pos) } : null;
  return { done, failure, marks: scanner.marks, contexts: scanner.contexts, nodes: [...scanner.nodes] };
}

describe('JsonScanner scans the same in pieces as whole', () => {
  it.each(TEXTS)('%s', (_what, text) => {
    const expected = scan(text, text.length + 1);
    for (const size of [1, 2, 3, 5, 7, 13, 64]) expect(scan(text, size), `pieces of ${size}`).toEqual(expected);
  });

  it('lets go of a long string as it is read: the buffer never holds much more than a piece', () => {
    const scanner = new JsonScanner({ nodes: true });
    const piece = 'ج'.repeat(65536);
    let most = 0;
    scanner.feed('{"documents": [{"schema:text": "');
    for (let k = 0; k < 64; k++) {
      scanner.feed(piece);
      most = Math.max(most, (scanner as unknown as { buf: string }).buf.length);
    }
    scanner.feed('"}]}');
    expect(scanner.end()).toEqual({ skeleton: '{"documents": [0]}' });
    expect(most).toBeLessThanOrEqual(2 * piece.length);
    expect((scanner.nodes.get('/documents/0') as { 'schema:text': string })['schema:text']).toHaveLength(64 * piece.length);
  });
});

describe('jsonReader reads the same in pieces as whole', () => {
  it.each(TEXTS)('%s', (_what, text) => {
    const expected = whole(read(text, text.length + 1, { nodes: true }));
    for (const size of [1, 2, 3, 5, 7, 13, 64]) expect(whole(read(text, size, { nodes: true })), `pieces of ${size}`).toEqual(expected);
    // Cutting the nodes out changes nothing either: without `nodes` the value is parsed whole.
    expect(whole(read(text, 4, {}))).toEqual(expected);
  });

  it('cuts each document, entity and annotation out, parsed, with 0 in its place', () => {
    const r = read(COLLECTION, 5, { nodes: true });
    if (!r.ok) throw new Error(r.issue.message);
    expect([...r.nodes.keys()]).toEqual([
      '/documents/0',
      '/entities/0',
      '/first/items/0',
      '/first/items/1',
      '/first/items/2',
      '/first/items/3',
      '/first/next/items/0',
    ]);
    const skeleton = r.value as { documents: unknown[]; first: { items: unknown[]; next: { items: unknown[] } } };
    expect(skeleton.documents).toEqual([0]);
    expect(skeleton.first.items).toEqual([0, 0, 0, 0]);
    expect((r.nodes.get('/documents/0') as { 'schema:text': string })['schema:text']).toBe('سطر\nسطر "مقتبس" \\ 😀 🇹🇳');
    // The forbidden key is dropped from its node; the duplicate key and the nested context are marked.
    expect(r.nodes.get('/entities/0')).toEqual({ id: 'e1', 'schema:name': 'حفتر' });
    expect(r.marks.map((m) => m.pointer)).toEqual(['/entities/0/constructor', '/entities/0/constructor/prototype', '/first/items/0/x']);
    expect(r.contexts).toEqual(['/@context', '/first/items/3/@context']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names the line and column of an error in a later piece', () => {
    const text = `[\n${'  "ok",\n'.repeat(1000)}  NaN\n]`;
    const r = read(text, 100);
    expect(r.ok ? 'read' : r.issue).toMatchObject({ line: 1002, pointer: '/1000' });
    expect(r.ok ? '' : r.issue.message).toContain('line 1002, column 3: NaN and Infinity');
  });

  it('stops at the first annotation past the count limit, before reading the rest', () => {
    // 40 pieces of 1,000 characters; the first 8 K are held to be sniffed, then the eleventh annotation stops it.
    const text = `{"first": {"items": [${'{"id": 1},'.repeat(4000)}{}]}, "later": NaN}`;
    const reader = jsonReader({ nodes: true, maxAnnotations: 10 });
    let pieces = 0;
    for (let i = 0; i < text.length; i += 1000) if ((pieces++, !reader.feed(text.slice(i, i + 1000)))) break;
    expect(pieces).toBe(9);
    expect(reader.end()).toEqual({
      ok: false,
      issue: { severity: 'error', pointer: '/first/items/10', message: 'More than 10 annotations; the limit for one import is 10.' },
    });
  });

  it('keeps no more than the open node: a long string in small pieces is not held twice', () => {
    const scanner = new JsonScanner({ nodes: true });
    const big = 'ب'.repeat(200_000);
    expect(scanner.feed('{"documents": [{"schema:text": "')).toBe(true);
    for (let i = 0; i < big.length; i += 1000) expect(scanner.feed(big.slice(i, i + 1000))).toBe(true);
    expect(scanner.feed('"}], "label": "x"}')).toBe(true);
    const done = scanner.end();
    expect(done).toEqual({ skeleton: '{"documents": [0], "label": "x"}' });
    expect((scanner.nodes.get('/documents/0') as { 'schema:text': string })['schema:text']).toBe(big);
  });
});
