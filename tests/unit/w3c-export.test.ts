import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { w3cObject, w3cText, type ExportInput } from '../support/export';
import { importTxt } from '../../shared/formats/txt/import-txt';
import { createMention, type MentionRecord } from '../../shared/model/annotation';
import type { DocumentRecord } from '../../shared/model/document';
import { ajvWarnings, ANNOTATION_MUSTS, COLLECTION_MUSTS, PAGE_MUSTS, unmet } from '../support/w3c-validate';

const SHARED = new URL('../../../shared/', import.meta.url);
const NEWS = new URL('corpus/news/', SHARED);
const readJson = (url: URL): Record<string, unknown> => JSON.parse(readFileSync(url, 'utf8'));

// ---- the corpus, imported the way the app imports it -------------------------------------------------------------

function importDoc(fileName: string, bytes: Uint8Array, minute: number): DocumentRecord {
  const r = importTxt({ name: fileName, size: bytes.length, bytes });
  if (!r.ok) throw new Error(r.error.message);
  return { ...r.value, status: 'new', meta: {}, id: randomUUID(), importedAt: new Date(Date.UTC(2026, 10, 23, 10, minute)).toISOString() };
}

const files = readdirSync(NEWS)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const DOCS = files.map((f, i) => importDoc(f, new Uint8Array(readFileSync(new URL(f, NEWS))), i));
const SYNTHETIC = importDoc('emoji.txt', new TextEncoder().encode('🇱🇾😀 قال المشير خليفة حفتر 𝔸 إن 😀العسكرية 5+5 ستجتمع.\n'), 9);
const byName = (prefix: string) => DOCS.find((d) => d.fileName.startsWith(prefix))!;

const NOW = '2026-11-23T12:00:00Z';
function mention(doc: DocumentRecord, quote: string, label: string, occurrence = 0): MentionRecord {
  let start = -1;
  for (let k = 0; k <= occurrence; k++) start = doc.text.indexOf(quote, start + 1);
  const r = createMention(doc.text, { id: randomUUID(), documentId: doc.id, start, end: start + quote.length, entityType: label, now: NOW });
  if (!r.ok) throw new Error(`${doc.fileName} «${quote}»: ${r.error.message}`);
  return r.value;
}

const MENTIONS = [
  mention(byName('002'), 'خليفة حفتر', 'person'),
  mention(byName('002'), 'خليفة حفتر', 'person', 1),
  mention(byName('003'), 'اللجنة العسكرية 5+5', 'organisation'),
  mention(byName('003'), '5+5', 'other'),
  mention(byName('003'), 'أكتوبر 2020', 'event'),
  mention(byName('001'), 'REUTERS', 'organisation'),
  mention(byName('001'), 'موسكو', 'location'),
  mention(byName('000'), 'ليبيا', 'location'),
  mention(byName('004'), 'ليبيا', 'location', 3),
  mention(SYNTHETIC, 'خليفة حفتر', 'person'),
  mention(SYNTHETIC, 'العسكرية', 'organisation'),
  mention(SYNTHETIC, '😀', 'other'),
];
const INPUT: ExportInput = { documents: [...DOCS, SYNTHETIC], annotations: MENTIONS, appVersion: '0.1.0' };

interface Selector {
  type: string;
  start?: number;
  end?: number;
  exact?: string;
  prefix?: string;
  suffix?: string;
}
interface Item {
  id: string;
  target: { source: string; selector: Selector[] };
  [k: string]: unknown;
}
interface Collection {
  '@context': [string, Record<string, unknown>];
  id: string;
  total: number;
  last: string;
  first: { id: string; partOf: { id: string }; items: Item[] };
  [k: string]: unknown;
}

async function exportOk(input: ExportInput): Promise<string> {
  const r = await w3cText(input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
const COLLECTION = JSON.parse(await exportOk(INPUT)) as Collection;
const ITEMS = COLLECTION.first.items;
const standalone = (node: object) => ({ '@context': COLLECTION['@context'], ...node });

describe('W3C export of the real corpus, checked by the Working Group assertions', () => {
  it('exports every mention', async () => {
    expect(DOCS).toHaveLength(5);
    expect(ITEMS).toHaveLength(MENTIONS.length);
    expect(COLLECTION.total).toBe(MENTIONS.length);
  });

  it('loads the assertion lists', async () => {
    expect(ANNOTATION_MUSTS).toHaveLength(54);
    expect(COLLECTION_MUSTS).toHaveLength(10);
    expect(PAGE_MUSTS).toHaveLength(15);
  });

  it.each(ITEMS.map((item, i) => [i, item] as const))('annotation %i meets every MUST', (_i, item) => {
    expect(unmet(ANNOTATION_MUSTS, standalone(item))).toEqual([]);
  });

  it('the collection meets every MUST', async () => {
    expect(unmet(COLLECTION_MUSTS, COLLECTION)).toEqual([]);
  });

  it('the page meets every MUST', async () => {
    expect(unmet(PAGE_MUSTS, standalone(COLLECTION.first))).toEqual([]);
    expect(COLLECTION.first.partOf).toEqual({ id: COLLECTION.id });
    expect(COLLECTION.last).toBe(COLLECTION.first.id);
  });

  it('Ajv used every format and keyword without a warning', async () => {
    expect(ajvWarnings).toEqual([]);
  });

  // The assertions must be able to fail, or passing them means nothing.
  it.each([
    ['no @context', (a: Record<string, unknown>) => ({ ...a, '@context': undefined })],
    ['the https context', (a: Record<string, unknown>) => ({ ...a, '@context': 'https://www.w3.org/ns/anno.jsonld' })],
    ['no target', (a: Record<string, unknown>) => ({ ...a, target: undefined })],
    ['created without a time zone', (a: Record<string, unknown>) => ({ ...a, created: '2026-11-23T10:00:00' })],
    ['an id with raw Arabic', (a: Record<string, unknown>) => ({ ...a, id: 'https://hamish.app/حفتر' })],
    [
      'a quote selector without exact',
      (a: Record<string, unknown>) => ({
        ...a,
        target: { ...(a.target as object), selector: [{ type: 'TextQuoteSelector', prefix: 'x' }] },
      }),
    ],
  ])('the assertions reject an annotation with %s', (_what, spoil) => {
    const spoiled = JSON.parse(JSON.stringify(spoil(standalone(ITEMS[0]!))));
    expect(unmet(ANNOTATION_MUSTS, spoiled).length).toBeGreaterThan(0);
  });
});

describe('selectors count code points', () => {
  const docText = new Map([...DOCS, SYNTHETIC].map((d) => [`urn:uuid:${d.id}`, d.text]));

  it.each(ITEMS.map((item) => [item.target.selector.find((s) => s.type === 'TextQuoteSelector')!.exact!, item] as const))(
    '«%s»: position slices to the quote; prefix and suffix are the adjacent ≤ 32 code points',
    (_exact, item) => {
      const points = Array.from(docText.get(item.target.source)!);
      const pos = item.target.selector.find((s) => s.type === 'TextPositionSelector')!;
      const quote = item.target.selector.find((s) => s.type === 'TextQuoteSelector')!;
      const { start, end } = pos as { start: number; end: number };
      expect(points.slice(start, end).join('')).toBe(quote.exact);
      const prefix = Array.from(quote.prefix!);
      const suffix = Array.from(quote.suffix!);
      expect(prefix.length).toBe(Math.min(32, start));
      expect(suffix.length).toBe(Math.min(32, points.length - end));
      expect(points.slice(start - prefix.length, start)).toEqual(prefix);
      expect(points.slice(end, end + suffix.length)).toEqual(suffix);
    },
  );

  it('differ from UTF-16 offsets after an emoji', async () => {
    const m = MENTIONS.find((x) => x.documentId === SYNTHETIC.id && x.quote === 'العسكرية')!;
    const item = ITEMS.find((i) => i.id === `urn:uuid:${m.id}`)!;
    const pos = item.target.selector.find((s) => s.type === 'TextPositionSelector')!;
    expect(pos.start).toBe(m.start - 5); // 🇱🇾 (two pairs), 😀, 𝔸 and 😀 before it: five units more than points
    expect(pos.end! - pos.start!).toBe('العسكرية'.length);
  });
});

describe('contexts, ids and determinism', () => {
  it('puts the W3C context first and only adds terms after it', async () => {
    const [anno, own] = COLLECTION['@context'];
    expect(anno).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(Object.keys(own)).not.toContain('schema');
    const annoTerms = Object.keys(readJson(new URL('validators/contexts/anno.jsonld', SHARED))['@context'] as object);
    expect(Object.keys(own).filter((k) => annoTerms.includes(k))).toEqual([]);
    expect(JSON.stringify(COLLECTION)).not.toContain('https://schema.org');
  });

  it('writes only ASCII ids', async () => {
    const ids = [...(await exportOk(INPUT)).matchAll(/"(?:id|source|last)": "([^"]*)"/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(3 * ITEMS.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9+.-]*:[\x21-\x7e]+$/i);
  });

  it('orders items by document, then position, enclosing span first', async () => {
    const doc003 = ITEMS.filter((i) => i.target.source === `urn:uuid:${byName('003').id}`);
    const exacts = doc003.map((i) => i.target.selector.find((s) => s.type === 'TextQuoteSelector')!.exact);
    expect(exacts).toEqual(['أكتوبر 2020', 'اللجنة العسكرية 5+5', '5+5']);
  });

  it('exports identical bytes twice, and whatever the input order', async () => {
    const once = await exportOk(INPUT);
    expect(await exportOk(INPUT)).toBe(once);
    const shuffled = { ...INPUT, documents: [...INPUT.documents].reverse(), annotations: [...MENTIONS].reverse() };
    expect(await exportOk(shuffled)).toBe(once);
    expect(once.endsWith('}\n')).toBe(true);
  });
});

describe('refusals', () => {
  it('refuses an annotation whose quote no longer matches', async () => {
    const stale = { ...MENTIONS[0]!, quote: 'خليفة حفتو' };
    const r = await w3cObject({ ...INPUT, annotations: [...MENTIONS.slice(1), stale] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'unanchored', message: expect.stringContaining(stale.id) });
  });

  it('refuses an annotation whose document text changed under it', async () => {
    const doc = byName('002');
    const edited = { ...doc, text: `مقدمة ${doc.text}` };
    const r = await w3cObject({ ...INPUT, documents: INPUT.documents.map((d) => (d === doc ? edited : d)) });
    expect(r.ok ? 'ok' : r.error.code).toBe('unanchored');
  });

  it('refuses an unknown label', async () => {
    const r = await w3cObject({ ...INPUT, annotations: [{ ...MENTIONS[3]!, entityType: 'weapon' }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'unknown-label', message: expect.stringContaining('"weapon"') });
  });

  it('refuses an annotation of a missing document', async () => {
    const r = await w3cObject({ ...INPUT, documents: DOCS });
    expect(r.ok ? 'ok' : r.error.code).toBe('orphan');
  });
});
