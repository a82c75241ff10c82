import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importTxt } from '../formats/txt/import-txt';
import { createMention, type AnnotationRecord, type MentionRecord } from './annotation';
import type { DocumentRecord } from './document';
import { NEWS_DIR } from '../../tests/support/paths';
import { acceptCandidates, findCandidates } from './apply-all';

const NOW = '2026-11-23T10:00:00Z';
const DOCS: DocumentRecord[] = readdirSync(NEWS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => {
    const bytes = readFileSync(`${NEWS_DIR}${f}`);
    const r = importTxt({ name: f, size: bytes.length, bytes });
    if (!r.ok) throw new Error(r.error.message);
    return { ...r.value, id: f.slice(0, 3), importedAt: NOW, status: 'new', meta: {} };
  });
const doc = (id: string) => DOCS.find((d) => d.id === id)!;

/**
 * Hand-derived in tests/unit/arabic-match-corpus.test.ts (grep, outside the matcher): «حفتر» occurs 0 3 3 2 0
 * times in articles 000…004, 8 in all, alone or as «لحفتر». Here the whole-word occurrences are found by a plain
 * regular expression, not by findMentions, so the candidates are checked against an independent count.
 */
const HAND_COUNTS = [0, 3, 3, 2, 0];
const WHOLE_WORD = /(?<![\p{L}\p{M}\p{N}])[وفبكل]{0,2}حفتر(?![\p{L}\p{M}\p{N}])/gu;
const occurrences = (text: string) => [...text.matchAll(WHOLE_WORD)].map((m) => m.index + m[0].length - 'حفتر'.length);

function mentionAt(d: DocumentRecord, id: string, start: number, quote: string, extra: Partial<MentionRecord> = {}): MentionRecord {
  const r = createMention(d.text, { id, documentId: d.id, start, end: start + quote.length, entityType: 'person', now: NOW, ...extra });
  if (!r.ok) throw new Error(r.error.message);
  expect(r.value.quote).toBe(quote);
  return r.value;
}

const D2 = doc('002');
const SOURCE = mentionAt(D2, 'm-src', D2.text.indexOf('حفتر'), 'حفتر', { entityId: 'e-haftar' });

describe('findCandidates for «حفتر» over the five news articles', () => {
  it('agrees with the hand-derived counts', () => {
    expect(DOCS.map((d) => d.id)).toEqual(['000', '001', '002', '003', '004']);
    expect(DOCS.map((d) => occurrences(d.text).length)).toEqual(HAND_COUNTS);
  });

  it('finds every occurrence but the source mention itself: 8 − 1', () => {
    const found = findCandidates(SOURCE, DOCS, [SOURCE]);
    expect(found).toHaveLength(7);
    expect(DOCS.map((d) => found.filter((c) => c.documentId === d.id).length)).toEqual([0, 3, 2, 2, 0]);
    expect(found.some((c) => c.documentId === '002' && c.start === SOURCE.start)).toBe(false);
    for (const d of DOCS) {
      const expected = occurrences(d.text).filter((s) => !(d.id === '002' && s === SOURCE.start));
      expect(found.filter((c) => c.documentId === d.id).map((c) => c.start)).toEqual(expected);
    }
    expect(new Set(found.map((c) => c.key)).size).toBe(7);
    expect(found.every((c) => c.end - c.start === 4 && c.match === 'حفتر')).toBe(true);
  });

  it('leaves out spans that already carry a mention of any type, and overlaps of the same type', () => {
    const d1 = doc('001');
    const d3 = doc('003');
    const [first001, , third001] = occurrences(d1.text);
    const existing: AnnotationRecord[] = [
      SOURCE,
      mentionAt(d1, 'm1', first001!, 'حفتر', { entityType: 'organisation' }), // same span, another type
      mentionAt(d3, 'm3', d3.text.indexOf('خليفة حفتر'), 'خليفة حفتر'), // encloses it, same type
      mentionAt(d1, 'm4', third001! - 'خليفة '.length, 'خليفة حفتر', { entityType: 'gpe' }), // encloses it, other type
    ];
    const found = findCandidates(SOURCE, DOCS, existing);
    expect(found.map((c) => c.key)).not.toContain(`001:${first001}`);
    expect(found.map((c) => c.key)).toContain(`001:${third001}`);
    expect(found.filter((c) => c.documentId === '003')).toHaveLength(1);
    expect(found).toHaveLength(7 - 2);
  });

  it('is not stopped by a claim or source over the same span, nor by mentions of other documents', () => {
    const d1 = doc('001');
    const at = occurrences(d1.text)[1]!;
    const asSource = { ...mentionAt(d1, 's', at, 'حفتر'), kind: 'source', sourceType: 'outlet' } as unknown as AnnotationRecord;
    const elsewhere = { ...mentionAt(d1, 'x', at, 'حفتر'), documentId: '004' };
    expect(findCandidates(SOURCE, DOCS, [SOURCE, asSource, elsewhere])).toHaveLength(7);
  });

  it('takes the context from the original text, the clitic of «لحفتر» outside the match', () => {
    const found = findCandidates(SOURCE, DOCS, [SOURCE]);
    for (const c of found) {
      const text = doc(c.documentId).text;
      expect(c.documentTitle).toBe(doc(c.documentId).title);
      expect(c.before).toBe(text.slice(Math.max(0, c.start - 40), c.start));
      expect(c.after).toBe(text.slice(c.end, c.end + 40));
      expect(c.before + c.match + c.after).toBe(text.slice(Math.max(0, c.start - 40), c.end + 40));
    }
    const withClitic = found.filter((c) => c.before.endsWith('ل'));
    expect(withClitic.map((c) => c.documentId)).toEqual(['001']);
    expect(withClitic[0]!.before.endsWith(' ل')).toBe(true);
  });

  it('matches a folded query against unfolded text: «حَفتر» with a fatha finds the same 7', () => {
    const marked = { ...SOURCE, quote: 'حَفتر' };
    expect(findCandidates(marked, DOCS, [SOURCE]).map((c) => c.match)).toEqual(Array(7).fill('حفتر'));
  });
});

describe('acceptCandidates', () => {
  it('creates one mention per accepted candidate, typed and KB-linked like the source', () => {
    const found = findCandidates(SOURCE, DOCS, [SOURCE]);
    let n = 0;
    const c = acceptCandidates(SOURCE, found, DOCS, () => `new-${++n}`, '2026-11-24T08:00:00Z');
    expect(c.entities).toEqual([]);
    expect(c.documents).toEqual([]);
    expect(c.annotations).toHaveLength(7);
    const made = c.annotations.map(([before, after]) => {
      expect(before).toBeUndefined();
      return after as MentionRecord;
    });
    expect(made.map((m) => m.id)).toEqual(found.map((_, i) => `new-${i + 1}`));
    for (const [i, m] of made.entries()) {
      expect(m).toMatchObject({ kind: 'mention', documentId: found[i]!.documentId, start: found[i]!.start, end: found[i]!.end, quote: 'حفتر' });
      expect(m).toMatchObject({ entityType: 'person', entityId: 'e-haftar', created: '2026-11-24T08:00:00Z' });
      expect(doc(m.documentId).text.slice(m.start, m.end)).toBe(m.quote);
    }
    // Applying twice adds nothing.
    expect(findCandidates(SOURCE, DOCS, [SOURCE, ...made])).toEqual([]);
  });

  it('copies the entity type of an unlinked source mention and adds no entityId', () => {
    const loc = { ...SOURCE, entityType: 'organisation', entityId: undefined };
    const [one] = findCandidates(loc, DOCS, [loc]);
    const [[, m]] = acceptCandidates(loc, [one!], DOCS, () => 'x', NOW).annotations as [readonly [undefined, MentionRecord]];
    expect(m.entityType).toBe('organisation');
    expect(m).not.toHaveProperty('entityId');
  });

  it('skips candidates of documents it was not given', () => {
    const found = findCandidates(SOURCE, DOCS, [SOURCE]);
    const c = acceptCandidates(SOURCE, found, [doc('003')], () => 'x', NOW);
    expect(c.annotations.map(([, a]) => a!.documentId)).toEqual(['003', '003']);
  });
});
