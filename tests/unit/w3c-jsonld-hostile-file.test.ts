import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportResult } from '../../shared/formats/corpus';
import { w3cObject } from '../support/export';
import { importW3C, type W3CImportOptions } from '../../shared/formats/w3c-jsonld/import';
import type { MentionRecord } from '../../shared/model/annotation';
import type { DocumentRecord } from '../../shared/model/document';
import { DEFAULT_LABEL_SCHEMA } from '../../shared/model/label-schema';
import { sha256Text } from '../../shared/text/sha256';

const T = '2026-11-23T10:00:00Z';
const TEXT = 'قال 😀 المشير خليفة حفتر إن اللجنة العسكرية 5+5 ستجتمع.';
const DOC: DocumentRecord = {
  id: '00000000-0000-4000-8000-000000000001',
  title: 'قال',
  text: TEXT,
  sha256: sha256Text(TEXT),
  fileName: 'a.txt',
  importedAt: T,
  status: 'new',
  meta: {},
};
const IRI = `urn:uuid:${DOC.id}`;
const at = (q: string) => ({ start: TEXT.indexOf(q), end: TEXT.indexOf(q) + q.length, quote: q });
const M0: MentionRecord = {
  id: '00000000-0000-4000-8000-000000000101',
  documentId: DOC.id,
  kind: 'mention',
  ...at('خليفة حفتر'),
  entityType: 'person',
  created: T,
  modified: T,
};
const M1: MentionRecord = {
  id: '00000000-0000-4000-8000-000000000102',
  documentId: DOC.id,
  kind: 'mention',
  ...at('اللجنة العسكرية 5+5'),
  entityType: 'organisation',
  created: T,
  modified: T,
};
const exported = await w3cObject({ documents: [DOC], annotations: [M0, M1], appVersion: 't' });
if (!exported.ok) throw new Error(exported.error.message);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- spoiling arbitrary JSON
const BASE = exported.value as Json;
const CTX = { fileName: 'x.jsonld', newId: () => '20000000-0000-4000-8000-000000000001', now: '2026-12-01T00:00:00Z' };
const text = (fn: (c: Json) => void = () => {}) => {
  const c = structuredClone(BASE);
  fn(c);
  return JSON.stringify(c, null, 2);
};
const imp = (s: string, opts?: W3CImportOptions) => importW3C(s, CTX, opts);
const refusedAt = (r: ImportResult) => (r.ok ? 'imported' : r.issues.map((i) => `${i.pointer ?? `line ${i.line}`}: ${i.message}`).join('\n'));

afterEach(() => vi.restoreAllMocks());

describe('files refused whole, with a pointer or a line', () => {
  it.each<[string, (c: Json) => void, string, string]>([
    [
      'a remote context instead of anno.jsonld',
      (c) => (c['@context'] = 'http://169.254.169.254/latest/meta-data/'),
      '/@context',
      'the remote context "http://169.254.169.254/latest/meta-data/" is refused',
    ],
    ['an extra remote context', (c) => c['@context'].push('http://unroutable.invalid/ctx.jsonld'), '/@context/2', 'fetches nothing'],
    ['the https W3C context', (c) => (c['@context'][0] = 'https://www.w3.org/ns/anno.jsonld'), '/@context/0', 'named with http:, not https:'],
    ['a chain of 11 contexts', (c) => (c['@context'] = Array.from({ length: 11 }, () => 'http://www.w3.org/ns/anno.jsonld')), '/@context', '11 contexts'],
    ['@import in the inline context', (c) => (c['@context'][1]['@import'] = 'http://169.254.169.254/x'), '/@context/1/@import', 'not accepted'],
    ['a redefined Web Annotation term', (c) => (c['@context'][1].body = 'http://evil.example/body'), '/@context/1/body', 'redefines "body"'],
    [
      'a Hamish term defined differently',
      (c) => (c['@context'][1].stance = 'http://evil.example/stance'),
      '/@context/1/stance',
      "differently from Hamish's vocabulary",
    ],
    [
      'a scoped remote context',
      (c) => (c['@context'][1].extra = { '@id': 'hamish:extra', '@context': 'http://169.254.169.254/' }),
      '/@context/1/extra/@context',
      'nested @context',
    ],
    ['no @context', (c) => delete c['@context'], '/@context', 'no @context'],
    [
      'a __proto__ key on the collection',
      (c) => Object.defineProperty(c, '__proto__', { value: { polluted: 1 }, enumerable: true }),
      '/__proto__',
      'prototypes',
    ],
    ['an invalid label schema (a label named toString)', (c) => (c.labelSchema.entityTypes[0].labelId = 'toString'), '/labelSchema', 'id must be lowercase'],
    ['a page that is only an IRI', (c) => (c.first = 'https://example.org/page/1'), '/first', 'pages must be embedded'],
    ['a type that is not Web Annotation', (c) => (c.type = 'FeatureCollection'), '/type', 'not a W3C Web Annotation file'],
  ])('%s', (_what, fn, pointer, message) => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const r = imp(text(fn));
    expect(r.ok).toBe(false);
    expect(r.issues).toContainEqual({ severity: 'error', pointer, message: expect.stringContaining(message) });
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['[ nested 100,000 deep', '['.repeat(100_000), 'line 1, column 2001: nested more than 2000 levels deep'],
    ['a comment', text().replace('{\n', '{\n  // exported by Hamish\n'), 'line 2, column 3: comments are not allowed'],
    ['NaN', text().replace('"total": 2', '"total": NaN'), 'NaN and Infinity are not JSON numbers'],
    ['a trailing comma', text().replace(/\n}\n?$/, ',\n}'), 'a trailing comma'],
    ['a duplicate top-level key', text().replace('"label": "Hamish corpus"', '"first": {}, "label": "x"'), 'the key "first" appears twice'],
    ['a PNG renamed .json', '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR', 'This is a PNG image, not JSON.'],
    ['a ZIP renamed .json', 'PK\u0003\u0004\u0014\u0000', 'This is a ZIP archive'],
    ['an empty file', '', 'The file is empty.'],
    ['a BOM only', '\ufeff', 'only a byte-order mark'],
    ['whitespace only', '\n \t\n', 'only whitespace'],
    ['a bare string', '"annotations"', 'the file holds no JSON object or array'],
  ])('%s', (_what, input, message) => {
    expect(refusedAt(imp(input))).toContain(message);
  });

  it('refuses a file over the size limit by length, and more annotations than the count limit', () => {
    expect(refusedAt(imp(text(), { maxBytes: 1000 }))).toContain('larger than');
    expect(refusedAt(imp(text(), { maxAnnotations: 1 }))).toBe('/first/items/1: More than 1 annotations; the limit for one import is 1.');
  });

  it('refuses 1,000,000 tiny annotations at the count limit, with a message that says so', () => {
    const tiny = `[${Array.from({ length: 1_000_000 }, () => '{}').join(',')}]`;
    expect(refusedAt(imp(tiny))).toBe('/500000: More than 500,000 annotations; the limit for one import is 500,000.');
  });

  it('reports a forbidden key in a part of the file it does not read, and reads the rest', () => {
    const r = imp(text((c) => (c.items = [{ constructor: { prototype: { polluted: 1 } } }])));
    expect(r.ok && r.corpus.annotations).toHaveLength(2);
    expect(r.issues.map((i) => [i.severity, i.pointer])).toEqual([
      ['warning', '/items/0/constructor'],
      ['warning', '/items/0/constructor/prototype'],
    ]);
  });

  it('accepts the file after a BOM, and stays pure: no fetch, no pollution', () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const r = imp(`\ufeff${text()}`);
    expect(r.ok && r.corpus.annotations).toHaveLength(2);
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});

describe('annotations from other tools, matched into the workspace', () => {
  const ANNO = 'http://www.w3.org/ns/anno.jsonld';
  const foreign = (id: string, exact: string, extra: Json = {}) => ({
    '@context': ANNO,
    id,
    type: 'Annotation',
    body: [{ type: 'TextualBody', purpose: 'tagging', value: 'Person' }],
    target: { source: IRI, selector: { type: 'TextQuoteSelector', exact } },
    ...extra,
  });
  const known = { knownDocuments: new Map([[IRI, DOC]]) };

  it('a single Annotation targeting a workspace document', () => {
    const r = imp(JSON.stringify(foreign('urn:uuid:00000000-0000-4000-8000-000000000201', 'خليفة حفتر')), known);
    expect(r.issues).toEqual([]);
    expect(r.ok && r.corpus).toMatchObject({
      documents: [],
      entities: [],
      schema: DEFAULT_LABEL_SCHEMA,
      annotations: [
        { id: '00000000-0000-4000-8000-000000000201', documentId: DOC.id, kind: 'mention', entityType: 'person', ...at('خليفة حفتر'), created: CTX.now },
      ],
    });
  });

  it('an array of Annotations: the classifying class or the tag name gives the label; a bad one is refused alone', () => {
    const list = [
      foreign('https://tool.example/a/1', 'خليفة حفتر'),
      foreign('urn:uuid:00000000-0000-4000-8000-000000000202', 'اللجنة', {
        body: { type: 'SpecificResource', purpose: 'classifying', source: 'http://schema.org/Organization' },
      }),
      foreign('urn:uuid:00000000-0000-4000-8000-000000000203', 'المشير', { body: [{ type: 'TextualBody', value: 'Weapon' }] }),
    ];
    const r = imp(JSON.stringify(list), known);
    expect(r.ok && r.corpus.annotations.map((a) => [a.quote, a.kind === 'mention' && a.entityType])).toEqual([
      ['خليفة حفتر', 'person'],
      ['اللجنة', 'organisation'],
    ]);
    expect(r.issues.map((i) => [i.severity, i.pointer])).toEqual([
      ['warning', '/0/id'],
      ['error', '/2/body/0'],
    ]);
  });

  it('links to a KB entity of the workspace', () => {
    const entity = { id: '00000000-0000-4000-8000-000000000301', name: 'خليفة حفتر', entityType: 'person', aliases: [], created: T, modified: T };
    const body = [
      { type: 'TextualBody', value: 'Person' },
      { type: 'SpecificResource', purpose: 'identifying', source: `urn:uuid:${entity.id}` },
    ];
    const r = imp(JSON.stringify(foreign('urn:uuid:00000000-0000-4000-8000-000000000207', 'خليفة حفتر', { body })), {
      ...known,
      knownEntities: new Map([[`urn:uuid:${entity.id}`, entity]]),
    });
    expect(r.ok && r.corpus.annotations[0]).toMatchObject({ kind: 'mention', entityId: entity.id });
    const unknown = imp(JSON.stringify(foreign('urn:uuid:00000000-0000-4000-8000-000000000207', 'خليفة حفتر', { body })), known);
    expect(unknown.issues).toEqual([{ severity: 'warning', pointer: '/body/1/source', message: expect.stringContaining('the link is dropped') }]);
  });

  it('a comment body is not a label: its bidi marks do not matter, and it is skipped with a warning', () => {
    const body = [
      { type: 'TextualBody', purpose: 'commenting', value: '\u200fتعليق' },
      { type: 'TextualBody', purpose: 'tagging', value: 'person' },
    ];
    const r = imp(JSON.stringify(foreign('urn:uuid:00000000-0000-4000-8000-000000000208', 'خليفة حفتر', { body })), known);
    expect(r.ok && r.corpus.annotations[0]).toMatchObject({ kind: 'mention', entityType: 'person' });
    expect(r.issues).toEqual([{ severity: 'warning', pointer: '/body/0', message: 'a commenting body is not used by Hamish; ignored.' }]);
  });

  it('an AnnotationPage', () => {
    const page = { '@context': ANNO, id: 'urn:x:page', type: 'AnnotationPage', items: [foreign('urn:uuid:00000000-0000-4000-8000-000000000204', 'حفتر')] };
    delete (page.items[0] as Json)['@context'];
    const r = imp(JSON.stringify(page), known);
    expect(r.ok && r.corpus.annotations).toHaveLength(1);
  });

  it('a target outside the file and the workspace is an issue at its pointer', () => {
    const r = imp(JSON.stringify(foreign('urn:uuid:00000000-0000-4000-8000-000000000205', 'حفتر')));
    expect(r).toEqual({
      ok: false,
      issues: [{ severity: 'error', pointer: '/target/source', message: `the document ${IRI} is neither in the file nor in the workspace.` }],
    });
  });

  it('each Annotation of an array needs the W3C context', () => {
    const r = imp(JSON.stringify([{ ...foreign('urn:uuid:00000000-0000-4000-8000-000000000206', 'حفتر'), '@context': 'http://169.254.169.254/' }]), known);
    expect(refusedAt(r)).toContain('/0/@context: the remote context');
  });
});
