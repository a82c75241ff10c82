import { describe, expect, it } from 'vitest';
import type { ImportIssue, ImportResult } from '../../shared/formats/corpus';
import { w3cObject } from '../support/export';
import { importW3C, type W3CImportOptions } from '../../shared/formats/w3c-jsonld/import';
import type { ClaimRecord, MentionRecord, SourceRecord } from '../../shared/model/annotation';
import type { DocumentRecord } from '../../shared/model/document';
import type { KbEntity } from '../../shared/model/kb-entity';
import { sha256Text } from '../../shared/text/sha256';

// ---- one small valid corpus, spoiled one node at a time ----------------------------------------------------------

const T = '2026-11-23T10:00:00Z';
const TEXT = 'قال 😀 المشير خليفة حفتر إن اللجنة العسكرية 5+5 ستجتمع (رويترز). وقال حفتر إن';
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
const at = (q: string) => ({ start: TEXT.indexOf(q), end: TEXT.indexOf(q) + q.length, quote: q });
const uuid = (n: number) => `00000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`;
const ENTITY: KbEntity = { id: uuid(99), name: 'خليفة حفتر', entityType: 'person', aliases: ['حفتر'], created: T, modified: T };
const M0: MentionRecord = {
  id: uuid(1),
  documentId: DOC.id,
  kind: 'mention',
  ...at('خليفة حفتر'),
  entityType: 'person',
  entityId: ENTITY.id,
  created: T,
  modified: T,
};
const M1: MentionRecord = {
  id: uuid(2),
  documentId: DOC.id,
  kind: 'mention',
  ...at('اللجنة العسكرية 5+5'),
  entityType: 'organisation',
  created: T,
  modified: T,
};
const S0: SourceRecord = { id: uuid(3), documentId: DOC.id, kind: 'source', ...at('(رويترز)'), sourceType: 'news-agency', created: T, modified: T };
const C0: ClaimRecord = {
  id: uuid(4),
  documentId: DOC.id,
  kind: 'claim',
  ...at('اللجنة العسكرية 5+5 ستجتمع'),
  stance: 'asserted',
  claimantId: M0.id,
  cue: at('قال'),
  sourceId: S0.id,
  created: T,
  modified: T,
};
const ALL = [M0, M1, S0, C0];
const exported = await w3cObject({ documents: [DOC], annotations: ALL, entities: [ENTITY], appVersion: 't' });
if (!exported.ok) throw new Error(exported.error.message);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- spoiling arbitrary JSON
const BASE = exported.value as Json;
const ITEMS = BASE.first.items as Json[];
const P = (r: { id: string }) => `/first/items/${ITEMS.findIndex((i) => i.id === `urn:uuid:${r.id}`)}`;
const item = (c: Json, r: { id: string }) => c.first.items[ITEMS.findIndex((i) => i.id === `urn:uuid:${r.id}`)] as Json;
let fresh = 0;
const CTX = { fileName: 'x.jsonld', newId: () => `10000000-0000-4000-8000-${String(++fresh).padStart(12, '0')}`, now: '2026-12-01T00:00:00Z' };

function spoil(fn: (c: Json) => void, raw: (s: string) => string = (s) => s, opts?: W3CImportOptions): ImportResult {
  const c = structuredClone(BASE);
  fn(c);
  return importW3C(raw(JSON.stringify(c, null, 2)), CTX, opts);
}
const errors = (r: ImportResult): ImportIssue[] => r.issues.filter((i) => i.severity === 'error');
const ids = (r: ImportResult) => (r.ok ? r.corpus.annotations.map((a) => a.id).sort() : []);

it('the unspoiled file imports every node without an issue', () => {
  const r = spoil(() => {});
  expect(r.issues).toEqual([]);
  expect(ids(r)).toEqual(ALL.map((a) => a.id).sort());
});

describe('a hostile annotation is refused with an issue at its pointer; everything else is imported', () => {
  const big = '"__1e309__"';
  it.each<[string, { id: string }, (i: Json) => void, string, string | RegExp, ((s: string) => string)?]>([
    ['start -1', M1, (i) => (i.target.selector[0].start = -1), '/target/selector/0/start', 'negative'],
    ['start 3.5', M1, (i) => (i.target.selector[0].start = 3.5), '/target/selector/0/start', 'not a whole number'],
    ['start "5"', M1, (i) => (i.target.selector[0].start = '5'), '/target/selector/0/start', 'the string "5"'],
    ['end 1e309', M1, (i) => (i.target.selector[0].end = '__1e309__'), '/target/selector/0/end', 'not a finite number', (s) => s.replace(big, '1e309')],
    ['end null', M1, (i) => (i.target.selector[0].end = null), '/target/selector/0/end', 'is null'],
    ['end past the text', M1, (i) => (i.target.selector[0].end = 10_000), '/target/selector/0/end', 'past the end of the text'],
    ['end < start', M1, (i) => (i.target.selector[0].end = i.target.selector[0].start - 1), '/target/selector/0/end', /end \d+ is before start/],
    ['a quote inside a surrogate pair', M1, (i) => (i.target.selector[1].exact = '\ude00 المشير'), '/target/selector/1/exact', 'lone surrogate'],
    ['a quote not in the text', M1, (i) => (i.target.selector[1].exact = 'طرابلس'), '/target/selector/1/exact', 'not found in the text'],
    ['10,000 selectors', M1, (i) => (i.target.selector = Array.from({ length: 10_000 }, () => i.target.selector[0])), '/target/selector', '10000 selectors'],
    [
      'a refinedBy chain 1,000 deep',
      M1,
      (i) => {
        for (let k = 0; k < 1000; k++) i.target.selector[0] = { ...i.target.selector[0], refinedBy: i.target.selector[0] };
      },
      '/target/selector/0/refinedBy',
      'deeper than 8',
    ],
    [
      'a source not in the file',
      M1,
      (i) => (i.target.source = 'urn:uuid:00000000-0000-4000-8000-00000000dead'),
      '/target/source',
      'neither in the file nor in the workspace',
    ],
    ['two targets', M1, (i) => (i.target = [i.target, i.target]), '/target', '2 targets'],
    ['a bidi override in a label', M1, (i) => (i.body[1].labelId = 'organ\u202eisation'), '/body/1/labelId', 'bidi override'],
    ['a bidi isolate in a label', M1, (i) => (i.body[1].value = '\u2066Organisation'), '/body/1/value', /bidi override or isolate \(U\+2066\)/],
    ['a zero-width character in a label', M1, (i) => (i.body[1].labelId = 'organisation\u200b'), '/body/1/labelId', /invisible character \(U\+200B\)/],
    ['a bidi override in an id', M1, (i) => (i.id = `${i.id}\u202e`), '/id', 'bidi override'],
    ['an unknown label', M1, (i) => (i.body[1].labelId = 'weapon'), '/body/1/labelId', 'the label "weapon" is not in the entityTypes'],
    ['a label named __proto__', M1, (i) => (i.body[1].labelId = '__proto__'), '/body/1/labelId', 'the label "__proto__" is not in'],
    ['a label named toString', M1, (i) => (i.body[1].labelId = 'toString'), '/body/1/labelId', 'the label "toString" is not in'],
    ['an unknown layer', M1, (i) => (i.body[1].layer = 'relation'), '/body/1/layer', 'unknown layer'],
    ['a stance that disagrees with the label', C0, (i) => (i.body[1].stance = 'denied'), '/body/1/stance', 'disagrees'],
    ['a cue in another document', C0, (i) => (i.body[1].cue.source = 'urn:uuid:00000000-0000-4000-8000-00000000dead'), '/body/1/cue/source', 'same document'],
    ['a cue offset -1', C0, (i) => (i.body[1].cue.selector[0].start = -1), '/body/1/cue/selector/0/start', 'negative'],
    [
      'a constructor.prototype key',
      M1,
      (i) => Object.defineProperty(i, 'constructor', { value: { prototype: { polluted: 'yes' } }, enumerable: true }),
      '/constructor',
      'prototypes',
    ],
    ['a __proto__ key', M1, (i) => Object.defineProperty(i, '__proto__', { value: { polluted: 'yes' }, enumerable: true }), '/__proto__', 'prototypes'],
    ['a duplicate key', M1, (i) => (i.target.selector[0].dupe = 0), '/target/selector/0/start', 'appears twice', (s) => s.replace('"dupe": 0', '"start": 0')],
    ['a nested remote @context', M1, (i) => (i['@context'] = 'http://169.254.169.254/latest/'), '/@context', 'nested @context'],
    ['a non-Annotation type', M1, (i) => (i.type = 'Note'), '/type', 'not an Annotation'],
  ])('%s', (_what, record, fn, pointer, message, raw) => {
    const r = spoil((c) => fn(item(c, record)), raw);
    expect(r.ok).toBe(true);
    expect(errors(r)).toContainEqual({ severity: 'error', pointer: `${P(record)}${pointer}`, message: expect.stringMatching(message) });
    expect(ids(r)).toEqual(
      ALL.map((a) => a.id)
        .filter((id) => id !== record.id)
        .sort(),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('duplicate annotation ids: an error naming both pointers, neither imported', () => {
    const r = spoil((c) => (item(c, M1).id = `urn:uuid:${S0.id}`));
    const both = `(${[P(M1), P(S0)].sort().join(', ')})`;
    expect(
      errors(r)
        .map((i) => i.pointer)
        .sort(),
    ).toEqual([`${P(M1)}/id`, `${P(S0)}/id`].sort());
    for (const e of errors(r)) expect(e.message).toContain(both);
    expect(ids(r)).toEqual([M0.id, C0.id].sort());
    // The claim's source was one of them: its link is dropped with a warning, never left dangling.
    const claim = r.ok ? (r.corpus.annotations.find((a) => a.id === C0.id) as ClaimRecord) : undefined;
    expect(claim?.sourceId).toBeUndefined();
    expect(r.issues).toContainEqual({ severity: 'warning', pointer: `${P(C0)}/body/1/reportedBy`, message: expect.stringContaining('the link is dropped') });
  });

  it('an id that is not urn:uuid: gets a fresh id, the same for every reference to it, with a warning', () => {
    const r = spoil((c) => {
      item(c, M0).id = 'https://example.org/annotations/7';
      item(c, C0).body[1].claimant = 'https://example.org/annotations/7';
    });
    if (!r.ok) throw new Error('refused');
    const warning = r.issues.find((i) => i.pointer === `${P(M0)}/id`);
    const newId = /stored as urn:uuid:(\S+)\./.exec(warning?.message ?? '')?.[1];
    expect(newId).toMatch(/^10000000-/);
    expect(r.corpus.annotations.find((a) => a.kind === 'mention' && a.entityId)?.id).toBe(newId);
    expect((r.corpus.annotations.find((a) => a.id === C0.id) as ClaimRecord).claimantId).toBe(newId);
  });

  it('offsets counted in UTF-16 units are re-anchored by a unique quote, with a warning naming the unit', () => {
    const r = spoil((c) => {
      item(c, M1).target.selector[0].start = M1.start;
      item(c, M1).target.selector[0].end = M1.end;
    });
    expect(ids(r)).toHaveLength(4);
    expect(r.issues).toEqual([{ severity: 'warning', pointer: `${P(M1)}/target/selector/1/exact`, message: expect.stringContaining('UTF-16 code units') }]);
    expect(r.ok && r.corpus.annotations.find((a) => a.id === M1.id)).toEqual(M1);
  });

  it('a quote that disagrees with its offsets and occurs twice is refused, never moved', () => {
    const r = spoil((c) => {
      const sel = item(c, M0).target.selector;
      sel[0].start = 0;
      sel[0].end = 3;
      Object.assign(sel[1], { exact: 'حفتر', prefix: '', suffix: '' });
    });
    expect(errors(r)).toEqual([{ severity: 'error', pointer: `${P(M0)}/target/selector/1/exact`, message: expect.stringContaining('more than once') }]);
  });
});

describe('documents and entities', () => {
  it.each<[string, (c: Json) => void, string, string]>([
    ['a text over 10 MB', (c) => (c.documents[0]['schema:text'] = 'ا'.repeat(10 * 1024 * 1024 + 1)), '/documents/0/schema:text', 'longer than the 10 MB limit'],
    ['a text with a lone surrogate', (c) => (c.documents[0]['schema:text'] += '\ud800'), '/documents/0/schema:text', 'lone surrogate'],
  ])('a document with %s is refused, and so are its annotations', (_what, fn, pointer, message) => {
    const r = spoil(fn);
    expect(errors(r)[0]).toEqual({ severity: 'error', pointer, message: expect.stringContaining(message) });
    expect(ids(r)).toEqual([]);
  });

  it('repairs a file name with a bidi override by the one file-name rule, with a warning, keeping the document', () => {
    const r = spoil((c) => (c.documents[0].fileName = 'cod\u202egnp.exe'));
    expect(r.issues).toEqual([{ severity: 'warning', pointer: '/documents/0/fileName', message: expect.stringContaining('"codgnp.exe"') }]);
    expect(r.ok && r.corpus.documents[0]).toEqual({ ...DOC, fileName: 'codgnp.exe' });
    expect(ids(r)).not.toEqual([]);
  });

  it('drops an unsafe document URL and a wrong sha256 with warnings, keeping the text exact', () => {
    const r = spoil((c) => Object.assign(c.documents[0], { 'schema:url': 'JaVaScRiPt:alert(1)', sha256: 'ab' }));
    expect(r.issues.map((i) => [i.severity, i.pointer])).toEqual([
      ['warning', '/documents/0/sha256'],
      ['warning', '/documents/0/schema:url'],
    ]);
    expect(r.ok && r.corpus.documents[0]).toEqual(DOC);
  });

  it('an entity with a bidi override in its name is refused; mentions keep no link to it', () => {
    const r = spoil((c) => (c.entities[0]['schema:name'] = 'خليفة\u202e حفتر'));
    expect(errors(r)).toEqual([{ severity: 'error', pointer: '/entities/0/schema:name', message: expect.stringContaining('bidi-override') }]);
    expect(r.ok && r.corpus.entities).toEqual([]);
    expect(r.ok && (r.corpus.annotations.find((a) => a.id === M0.id) as MentionRecord).entityId).toBeUndefined();
  });

  it('a claimant that is not in the file is dropped with a warning', () => {
    const r = spoil((c) => (item(c, C0).body[1].claimant = 'urn:uuid:00000000-0000-4000-8000-00000000beef'));
    expect(r.issues).toEqual([{ severity: 'warning', pointer: `${P(C0)}/body/1/claimant`, message: expect.stringContaining('the link is dropped') }]);
  });
});

describe('terms Hamish does not read', () => {
  it('are reported as warnings naming each term and its JSON pointer, and the import goes on with everything else', () => {
    const r = spoil((c) => {
      c.rights = 'CC-BY';
      c.documents[0]['dc:source'] = 'x';
      const a = item(c, M0);
      a.creator = { name: 'someone' };
      a.body[1]['a/b'] = 1;
      a.target.styleClass = 'red';
    });
    expect(r.issues).toEqual([
      { severity: 'warning', pointer: '/rights', message: expect.stringContaining('"rights" is not one Hamish reads on a collection') },
      { severity: 'warning', pointer: '/documents/0/dc:source', message: expect.stringContaining('"dc:source"') },
      { severity: 'warning', pointer: `${P(M0)}/creator`, message: expect.stringContaining('"creator" is not one Hamish reads on an annotation') },
      { severity: 'warning', pointer: `${P(M0)}/body/1/a~1b`, message: expect.stringContaining('"a/b"') },
      { severity: 'warning', pointer: `${P(M0)}/target/styleClass`, message: expect.stringContaining('"styleClass"') },
    ]);
    expect(ids(r)).toEqual(ALL.map((a) => a.id).sort());
  });
});
