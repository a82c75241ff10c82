import { describe, expect, it } from 'vitest';
import { createMention, type AnnotationRecord } from '../../model/annotation';
import type { DocumentRecord } from '../../model/document';
import { DEFAULT_LABEL_SCHEMA } from '../../model/label-schema';
import type { Corpus } from '../corpus';
import { exportJsonl } from './export';

const NOW = '2026-11-23T10:00:00Z';
const TEXT = '😀 قال المتحدث إن موسكو استقبلت مبعوثا لحفتر.\nوأضاف خليفة حفتر أن (رويترز) نقلت 5+5.';

function doc(id: string, text: string): DocumentRecord {
  return { id, title: text.split('\n')[0]!, text, sha256: 'x', fileName: `${id}.txt`, importedAt: NOW, status: 'new', meta: {} };
}

function mention(d: DocumentRecord, quote: string, entityType: string, occurrence = 0): AnnotationRecord {
  let start = -1;
  for (let k = 0; k <= occurrence; k++) start = d.text.indexOf(quote, start + 1);
  const r = createMention(d.text, { id: `${quote}-${occurrence}`, documentId: d.id, start, end: start + quote.length, entityType, now: NOW });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const D1 = doc('d1', TEXT);
const D2 = doc('d2', 'نص بلا توسيم');
const CORPUS: Corpus = {
  documents: [D1, D2],
  annotations: [mention(D1, 'موسكو', 'location'), mention(D1, 'حفتر', 'person', 0), mention(D1, 'خليفة حفتر', 'person'), mention(D1, 'حفتر', 'person', 1)],
  entities: [],
  schema: DEFAULT_LABEL_SCHEMA,
};

const lines = (opts = {}) =>
  [...exportJsonl(CORPUS, opts)]
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

describe('JSONL export', () => {
  it('writes one JSON object per document and line, every line with the same keys and types', () => {
    const out = lines();
    expect(out).toHaveLength(2);
    const shape = (o: Record<string, unknown>) => Object.entries(o).map(([k, v]) => `${k}:${Array.isArray(v) ? 'array' : typeof v}`);
    expect(shape(out[1])).toEqual(shape(out[0]));
    expect(out[1].spans).toEqual([]);
  });

  it('counts spans in code points and in UTF-16, both slicing to the quote', () => {
    const [first] = lines();
    const points = Array.from(TEXT);
    for (const s of first.spans) expect(points.slice(s.start, s.end).join('')).toBe(s.text);
    first.spans_utf16.forEach((s: { start: number; end: number }, i: number) => expect(TEXT.slice(s.start, s.end)).toBe(first.spans[i].text));
    // The emoji before the spans is one code point but two UTF-16 units.
    expect(first.spans_utf16[0].start - first.spans[0].start).toBe(1);
    expect(first.spans.map((s: { label: string }) => s.label)).toEqual(['LOC', 'PER', 'PER', 'PER']);
  });

  it('gives tokens and IOB2 tags of the same length; with clitic splitting «لحفتر» tags only «حفتر»', () => {
    const plain = lines()[0];
    expect(plain.tags).toHaveLength(plain.tokens.length);
    expect(plain.token_spans).toHaveLength(plain.tokens.length);
    const split = lines({ splitClitics: true })[0];
    const i = split.tokens.indexOf('حفتر');
    expect(split.tokens[i - 1]).toBe('ل');
    expect([split.tags[i - 1], split.tags[i]]).toEqual(['O', 'B-PER']);
    const k = split.tokens.indexOf('خليفة');
    expect(split.tags.slice(k, k + 2)).toEqual(['B-PER', 'I-PER']);
    expect(split.tokens).toContain('5+5');
  });
});
