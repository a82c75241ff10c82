import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import type { ImportContext } from '../../shared/formats/corpus';
import { importW3C } from '../../shared/formats/w3c-jsonld/import';
import { exportChunks, w3cText, type ExportInput } from '../support/export';
import { importTxt } from '../../shared/formats/txt/import-txt';
import type { AnnotationRecord, ClaimRecord, MentionRecord, SourceRecord, TextSpan } from '../../shared/model/annotation';
import type { DocumentRecord } from '../../shared/model/document';
import type { KbEntity } from '../../shared/model/kb-entity';
import { DEFAULT_LABEL_SCHEMA, validateLabelSchema, type LabelSchema } from '../../shared/model/label-schema';
import { NEWS_DIR, VALIDATORS } from '../support/paths';
import { selectorMismatches } from '../support/selectors';
import { w3cFailures } from '../support/w3c-validate';

// ---- a corpus with every kind of record, on the five real articles and one synthetic text --------------------------

const NOW = '2026-11-23T12:00:00Z';
function importDoc(fileName: string, bytes: Uint8Array, minute: number, extra: Partial<DocumentRecord> = {}): DocumentRecord {
  const r = importTxt({ name: fileName, size: bytes.length, bytes });
  if (!r.ok) throw new Error(r.error.message);
  return { ...r.value, status: 'new', meta: {}, id: randomUUID(), importedAt: new Date(Date.UTC(2026, 10, 23, 10, minute)).toISOString(), ...extra };
}
const files = readdirSync(NEWS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const DOCS = files.map((f, i) =>
  importDoc(
    f,
    new Uint8Array(readFileSync(`${NEWS_DIR}${f}`)),
    i,
    f.startsWith('002')
      ? { status: 'done', meta: { publisher: 'الأناضول', published: '2020-01-14', url: 'https://www.aa.com.tr/ar/%D9%84%D9%8A%D8%A8%D9%8A%D8%A7' } }
      : f.startsWith('003')
        ? { status: 'in-progress', meta: { publisher: 'Libya Observer <script>alert(1)</script>' } }
        : f.startsWith('004')
          ? { meta: { tokenization: 'whitespace' } }
          : {},
  ),
);
const EMOJI = importDoc('emoji.txt', new TextEncoder().encode('🇱🇾😀 قال المشير خليفة حفتر 𝔸 إن 😀العسكرية 5+5 ستجتمع (رويترز).\n'), 9, { status: 'reviewed' });
const ALL_DOCS = [...DOCS, EMOJI];
const doc = (prefix: string) => ALL_DOCS.find((d) => d.fileName.startsWith(prefix))!;

function span(d: DocumentRecord, quote: string, occurrence = 0): TextSpan {
  let start = -1;
  for (let k = 0; k <= occurrence; k++) start = d.text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`${d.fileName}: «${quote}» not found`);
  return { start, end: start + quote.length, quote };
}
const base = (d: DocumentRecord, quote: string, occurrence = 0) => ({
  id: randomUUID(),
  documentId: d.id,
  ...span(d, quote, occurrence),
  created: NOW,
  modified: '2026-11-23T12:30:00+01:00',
});
const mention = (d: DocumentRecord, quote: string, entityType: string, extra: Partial<MentionRecord> = {}, occ = 0): MentionRecord => ({
  ...base(d, quote, occ),
  kind: 'mention',
  entityType,
  ...extra,
});
const source = (d: DocumentRecord, quote: string, sourceType: string, extra: Partial<SourceRecord> = {}): SourceRecord => ({
  ...base(d, quote),
  kind: 'source',
  sourceType,
  ...extra,
});
const claim = (d: DocumentRecord, quote: string, stance: string, extra: Partial<ClaimRecord> = {}, occ = 0): ClaimRecord => ({
  ...base(d, quote, occ),
  kind: 'claim',
  stance,
  ...extra,
});
const entity = (name: string, entityType: string, extra: Partial<KbEntity> = {}): KbEntity => ({
  id: randomUUID(),
  name,
  entityType,
  aliases: [],
  created: NOW,
  modified: NOW,
  ...extra,
});

// A non-default schema: an added entity type sharing a schema.org class, a renamed stance, fewer source types.
const SCHEMA: LabelSchema = {
  entityTypes: [
    ...DEFAULT_LABEL_SCHEMA.entityTypes,
    { id: 'committee', nameEn: 'Committee', nameAr: 'لجنة', color: '#123456', key: '', schemaType: 'schema:Organization', tag: 'COM' },
  ],
  claimStances: [
    ...DEFAULT_LABEL_SCHEMA.claimStances.map((s) => (s.id === 'reported' ? { ...s, nameEn: 'Reported speech' } : s)),
    { id: 'predicted', nameEn: 'Predicted', nameAr: 'متوقَّع', color: '#0a0a0a', key: '' },
  ],
  sourceTypes: DEFAULT_LABEL_SCHEMA.sourceTypes.slice(0, 3),
};

const HAFTAR = entity('خليفة حفتر', 'person', { aliases: ['حفتر', 'المشير خليفة حفتر'], externalId: 'Q1234567' });
const DUJARRIC = entity('ستيفان دوجاريك', 'person', { aliases: ['دوجاريك'], externalId: 'https://www.un.org/sg/en/spokesperson' });
const FCO = entity('الخارجية البريطانية', 'organisation');
const REUTERS = entity('رويترز', 'organisation', { externalId: 'Q130879' });
const COMMITTEE = entity('اللجنة العسكرية المشتركة 5+5', 'committee', { aliases: ['5+5'] });

const d2 = doc('002');
const dujarricMention = mention(d2, 'دوجاريك', 'person', { entityId: DUJARRIC.id });
const d1 = doc('001');
const reutersSource = source(d1, '(رويترز)', 'news-agency', { entityId: REUTERS.id });
const d4 = doc('004');
const usMention = mention(d4, 'الولايات المتحدة', 'gpe');
const iranSource = source(d4, 'وكالة أنباء الطلبة الإيرانية', 'news-agency');
const emojiHaftar = mention(EMOJI, 'خليفة حفتر', 'person', { entityId: HAFTAR.id });
const emojiSource = source(EMOJI, '(رويترز)', 'official-body');

const ANNOTATIONS: AnnotationRecord[] = [
  mention(d2, 'ستيفان دوجاريك', 'person', { entityId: DUJARRIC.id }),
  dujarricMention,
  claim(d2, 'هناك حاجة إلى "مراقبة محايدة"', 'reported', { claimantId: dujarricMention.id, cue: span(d2, 'وأضاف'), claimDate: '2020-01-14' }, 1),
  mention(d2, 'خليفة حفتر', 'person', { entityId: HAFTAR.id }),
  reutersSource,
  mention(d1, 'موسكو', 'location'),
  claim(d1, 'إن\u00a0الاجتماع\u00a0كان فرصة لدعم جهود الأمين', 'asserted', { claimantEntityId: FCO.id, cue: span(d1, 'قال'), sourceId: reutersSource.id }),
  mention(doc('003'), 'اللجنة العسكرية 5+5', 'committee', { entityId: COMMITTEE.id }),
  mention(doc('003'), 'خليفة حفتر', 'person', { entityId: HAFTAR.id }),
  mention(doc('003'), 'أكتوبر 2020', 'datetime'),
  usMention,
  iranSource,
  claim(d4, 'يجب على جميع القوات الأجنبية مغادرة ليبيا', 'predicted', { claimantId: usMention.id, sourceId: iranSource.id }),
  mention(doc('000'), 'ليبيا', 'location', {}, 3),
  emojiHaftar,
  emojiSource,
  mention(EMOJI, '😀', 'other', {}, 1),
  claim(EMOJI, 'العسكرية 5+5 ستجتمع', 'hedged', { claimantId: emojiHaftar.id, cue: span(EMOJI, 'قال'), sourceId: emojiSource.id }),
];
const ENTITIES = [HAFTAR, DUJARRIC, FCO, REUTERS, COMMITTEE];
const INPUT: ExportInput = { documents: ALL_DOCS, annotations: ANNOTATIONS, entities: ENTITIES, schema: SCHEMA, appVersion: '0.1.0' };

async function exported(input: ExportInput): Promise<string> {
  const r = await w3cText(input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
const FIRST = await exported(INPUT);
const ctx = (): ImportContext => ({ fileName: 'corpus.jsonld', newId: () => randomUUID(), now: '2026-11-24T09:00:00Z' });
const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('export → import into an empty workspace → export', () => {
  const result = importW3C(FIRST, ctx());
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  const corpus = result.corpus;

  it('imports without a single issue', async () => {
    expect(validateLabelSchema(SCHEMA).ok).toBe(true);
    expect(result.issues).toEqual([]);
    expect([corpus.documents.length, corpus.annotations.length, corpus.entities.length]).toEqual([6, ANNOTATIONS.length, 5]);
  });

  it('gives back every record exactly: documents with metadata, mentions, claims, sources, entities, the schema', async () => {
    expect(byId(corpus.documents)).toEqual(byId(ALL_DOCS));
    expect(byId(corpus.annotations)).toEqual(byId(ANNOTATIONS));
    expect(byId(corpus.entities)).toEqual(byId(ENTITIES));
    expect(corpus.schema).toEqual(SCHEMA);
  });

  it('exports again to identical bytes', async () => {
    expect(await exported({ ...corpus, appVersion: '0.1.0' })).toBe(FIRST);
  });

  it('a second round trip is identical too', async () => {
    const again = importW3C(await exported({ ...corpus, appVersion: '0.1.0' }), ctx());
    expect(again.ok && (await exported({ ...again.corpus, appVersion: '0.1.0' }))).toBe(FIRST);
  });
});

describe('the export itself', () => {
  const collection = JSON.parse(FIRST) as Record<string, unknown>;

  it('meets every W3C MUST and its selectors count code points', async () => {
    expect(w3cFailures(collection)).toEqual([]);
    expect(selectorMismatches(collection)).toEqual([]);
  });

  it('carries the label schema as a JSON literal', async () => {
    expect((collection['@context'] as object[])[1]).toMatchObject({ '@version': 1.1, labelSchema: { '@id': 'hamish:labelSchema', '@type': '@json' } });
    expect((collection.labelSchema as { entityTypes: object[] }).entityTypes.at(-1)).toEqual({
      labelId: 'committee',
      nameEn: 'Committee',
      nameAr: 'لجنة',
      color: '#123456',
      key: '',
      schemaType: 'schema:Organization',
      tag: 'COM',
    });
  });
});

describe('the W3C export written one element at a time', () => {
  it('gives the bytes of JSON.stringify(collection, null, 2), one chunk per document and per annotation', async () => {
    const r = await exportChunks('w3c-jsonld', INPUT, { appVersion: INPUT.appVersion });
    if (!r.ok) throw new Error(r.error.message);
    const chunks = r.value;
    expect(chunks.join('')).toBe(FIRST);
    expect(FIRST).toBe(`${JSON.stringify(JSON.parse(FIRST), null, 2)}\n`);
    expect(chunks.length).toBeGreaterThan(ALL_DOCS.length + ANNOTATIONS.length);
    const longest = Math.max(...chunks.map((c) => c.length));
    expect(longest).toBeLessThan(FIRST.length / 3);
  });

  it.each([
    ['an empty corpus', { documents: [], annotations: [], appVersion: 'x' }],
    ['documents without annotations', { documents: DOCS, annotations: [], appVersion: 'x' }],
    ['the default schema and no entities', { documents: [EMOJI], annotations: [mention(EMOJI, 'خليفة حفتر', 'person')], appVersion: 'x' }],
  ])('is JSON.stringify of what it holds on %s', async (_what, input: ExportInput) => {
    const text = await exported(input);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });

  it.each([
    ['unanchored', { ...INPUT, annotations: [{ ...ANNOTATIONS[0]!, quote: 'غير' }] }],
    ['dangling-link', { ...INPUT, entities: [] }],
    ['unknown-label', { ...INPUT, schema: DEFAULT_LABEL_SCHEMA }],
    ['orphan', { ...INPUT, documents: DOCS }],
  ])('refuses, with no output: %s', async (code, input) => {
    const r = await w3cText(input);
    expect(r.ok ? 'ok' : r.error.code).toBe(code);
  });
});

describe('JSON-LD expansion with jsonld.js, offline and safe', () => {
  const ANNO = JSON.parse(readFileSync(`${VALIDATORS}contexts/anno.jsonld`, 'utf8')) as object;
  const requested: string[] = [];
  const documentLoader = async (url: string) => {
    requested.push(url);
    if (url === 'http://www.w3.org/ns/anno.jsonld') return { contextUrl: undefined, documentUrl: url, document: ANNO };
    throw new Error(`refused to load ${url}`);
  };
  // Keys that name properties, outside @context and JSON literals; keyword aliases (`id`, `type`) are counted apart.
  function count(v: unknown, expandedForm: boolean): number {
    if (Array.isArray(v)) return v.reduce((n: number, x) => n + count(x, expandedForm), 0);
    if (typeof v !== 'object' || v === null) return 0;
    let n = 0;
    for (const [k, x] of Object.entries(v)) {
      if (k === '@context' || k === 'labelSchema' || k === 'hamish:labelSchema' || k === 'https://hamish.app/ns#labelSchema') n += k === '@context' ? 0 : 1;
      else if (expandedForm ? !k.startsWith('@') : !['id', 'type'].includes(k)) n += 1 + count(x, expandedForm);
      else n += count(x, expandedForm);
    }
    return n;
  }

  it('expands the export with only anno.jsonld loaded and no term dropped', async () => {
    const doc = JSON.parse(FIRST) as object;
    const expanded = await jsonld.expand(doc as jsonld.JsonLdDocument, { documentLoader, safe: true } as jsonld.Options.Expand);
    expect(requested.every((u) => u === 'http://www.w3.org/ns/anno.jsonld')).toBe(true);
    expect(count(expanded, true)).toBe(count(doc, false));
    const text = JSON.stringify(expanded);
    expect(text).toContain('"https://hamish.app/ns#labelSchema":[{"@type":"@json","@value":{');
    expect(text).toContain('http://www.w3.org/ns/oa#hasSelector');
    expect(text).not.toMatch(/"(?:id|type|documents|stance|cue)":/);
  });

  it('fails in safe mode on a term it would drop (so the test can fail)', async () => {
    const doc = JSON.parse(FIRST) as { first: { items: Record<string, unknown>[] } };
    doc.first.items[0]!.unmappedTerm = 'x';
    await expect(jsonld.expand(doc as unknown as jsonld.JsonLdDocument, { documentLoader, safe: true } as jsonld.Options.Expand)).rejects.toThrow();
  });

  it('refuses any other context at once, without the network', async () => {
    const doc = { '@context': 'http://169.254.169.254/latest/meta-data/', id: 'urn:x' };
    await expect(jsonld.expand(doc, { documentLoader } as jsonld.Options.Expand)).rejects.toThrow();
    expect(requested).toContain('http://169.254.169.254/latest/meta-data/');
  });
});
