import { describe, expect, it } from 'vitest';
import type { AnnotationRecord, ClaimRecord, MentionRecord, SourceRecord } from './annotation';
import type { DocumentRecord } from './document';
import { DEFAULT_LABEL_SCHEMA } from './label-schema';
import { addAndLink, addAnnotation, dependentsOf, linkClaim, relabel, remove, type Ctx, type Layer } from './commands';

const TEXT = 'قال 😀 المشير خليفة حفتر (رويترز) إن اللجنة العسكرية اجتمعت.';
const NOW = '2026-11-23T10:00:00Z';
const DOC: DocumentRecord = { id: 'd1', title: 't', text: TEXT, sha256: 'x', fileName: 'a.txt', importedAt: NOW, status: 'new', meta: {} };
const at = (q: string) => ({ start: TEXT.indexOf(q), end: TEXT.indexOf(q) + q.length });

function ctxWith(annotations: AnnotationRecord[] = []): Ctx {
  let n = 0;
  return { document: DOC, annotations, schema: DEFAULT_LABEL_SCHEMA, newId: () => `n${++n}`, now: () => NOW };
}
function added(ctx: Ctx, layer: Layer, q: string, label: string): AnnotationRecord {
  const r = addAnnotation(ctx, layer, at(q), label);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.record;
}

const mention = added(ctxWith(), 'mention', 'خليفة حفتر', 'person') as MentionRecord;
const source = { ...added(ctxWith(), 'source', 'رويترز', 'news-agency'), id: 's1' } as SourceRecord;
const claim = { ...added(ctxWith(), 'claim', 'اللجنة العسكرية اجتمعت', 'reported'), id: 'c1' } as ClaimRecord;
const other = { ...claim, id: 'c2' };
const ALL = [mention, source, claim, other];

describe('addAnnotation', () => {
  it.each([
    ['mention', 'person', 'entityType'],
    ['claim', 'asserted', 'stance'],
    ['source', 'outlet', 'sourceType'],
  ] as const)('creates a %s with its label, as one creation change', (layer, label, field) => {
    const r = addAnnotation(ctxWith(), layer, at('خليفة حفتر'), label);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.record).toMatchObject({ id: 'n1', documentId: 'd1', kind: layer, quote: 'خليفة حفتر', [field]: label, created: NOW });
    expect(r.value.change).toEqual({ annotations: [[undefined, r.value.record]], entities: [], documents: [] });
  });

  it('refuses an exact duplicate (same span, layer and label)', () => {
    const r = addAnnotation(ctxWith([mention]), 'mention', at('خليفة حفتر'), 'person');
    expect(r).toEqual({ ok: false, error: { code: 'duplicate', message: expect.stringContaining('«خليفة حفتر»') } });
  });

  it('allows the same span with another label or in another layer, and a span inside another', () => {
    const ctx = ctxWith([mention]);
    expect(addAnnotation(ctx, 'mention', at('خليفة حفتر'), 'organisation').ok).toBe(true);
    expect(addAnnotation(ctx, 'source', at('خليفة حفتر'), 'spokesperson').ok).toBe(true);
    expect(addAnnotation(ctx, 'mention', at('حفتر'), 'person').ok).toBe(true);
  });

  const emoji = TEXT.indexOf('😀');
  it.each([
    ['empty', 4, 4, 'bad-span'],
    ['reversed', 9, 4, 'bad-span'],
    ['negative', -1, 3, 'bad-span'],
    ['past the end', TEXT.length - 2, TEXT.length + 1, 'bad-span'],
    ['fractional', 0.5, 3, 'bad-span'],
    ['splitting the emoji at its start', emoji + 1, emoji + 5, 'split-character'],
    ['splitting the emoji at its end', 0, emoji + 1, 'split-character'],
  ])('refuses a span that is %s', (_what, start, end, code) => {
    for (const layer of ['mention', 'claim', 'source'] as const) {
      const r = addAnnotation(ctxWith(), layer, { start, end }, 'person');
      expect(r.ok ? null : r.error.code).toBe(code);
    }
  });
});

describe('relabel, dependentsOf and remove', () => {
  it('relabels within the annotation’s own layer', () => {
    const ctx = ctxWith(ALL);
    expect(relabel(ctx, mention, 'gpe').annotations[0]![1]).toEqual({ ...mention, entityType: 'gpe' });
    expect(relabel(ctx, claim, 'denied').annotations[0]![1]).toEqual({ ...claim, stance: 'denied' });
    expect(relabel(ctx, source, 'outlet').annotations[0]![1]).toEqual({ ...source, sourceType: 'outlet' });
  });

  it('finds the claims that would lose a link and unlinks them on removal', () => {
    const linked = { ...claim, claimantId: mention.id, sourceId: source.id };
    const ctx = ctxWith([mention, source, linked, other]);
    expect(dependentsOf(ctx, mention)).toEqual([linked]);
    expect(dependentsOf(ctx, other)).toEqual([]);
    const pairs = remove(ctx, mention).annotations;
    expect(pairs.map(([b, a]) => [b?.id, a?.id])).toEqual([
      [mention.id, undefined],
      ['c1', 'c1'],
    ]);
    expect(pairs[1]![1]).not.toHaveProperty('claimantId');
    expect(pairs[1]![1]).toHaveProperty('sourceId', 's1');
  });
});

describe('linkClaim', () => {
  const ctx = ctxWith(ALL);

  it('makes a mention the claimant', () => {
    const r = linkClaim(ctx, { ...claim, claimantEntityId: 'e1' }, mention);
    expect(r.ok && r.value.role).toBe('claimant');
    if (!r.ok) return;
    const next = r.value.change.annotations[0]![1] as ClaimRecord;
    expect(next.claimantId).toBe(mention.id);
    expect(next).not.toHaveProperty('claimantEntityId');
  });

  it('makes a source annotation the source', () => {
    const r = linkClaim(ctx, claim, source);
    expect(r.ok && r.value.role).toBe('source');
    expect(r.ok && (r.value.change.annotations[0]![1] as ClaimRecord).sourceId).toBe('s1');
  });

  it('makes a text span the cue, with the quote taken from the text', () => {
    const r = linkClaim(ctx, claim, { ...at('قال'), quote: '' });
    expect(r.ok && r.value.role).toBe('cue');
    expect(r.ok && (r.value.change.annotations[0]![1] as ClaimRecord).cue).toEqual({ ...at('قال'), quote: 'قال' });
  });

  it('refuses a bad cue span', () => {
    const r = linkClaim(ctx, claim, { start: 5, end: 5, quote: '' });
    expect(r.ok ? null : r.error.code).toBe('bad-span');
  });

  it('refuses another claim and the claim itself', () => {
    const r1 = linkClaim(ctx, claim, other);
    expect(r1.ok ? null : r1.error.code).toBe('bad-link');
    const r2 = linkClaim(ctx, claim, claim);
    expect(r2.ok ? null : r2.error.code).toBe('self-link');
  });
});

describe('linkClaim across documents', () => {
  it('refuses a target from another document', () => {
    const foreign = { ...mention, id: 'm-foreign', documentId: 'another-document' };
    const r = linkClaim(ctxWith([...ALL, foreign]), claim, foreign);
    expect(r.ok ? 'ok' : r.error.code).toBe('other-document');
  });
});

describe('addAndLink', () => {
  it('makes a mention and links it as the claimant, in one change', () => {
    const r = addAndLink(ctxWith([claim]), claim, 'mention', at('خليفة حفتر'), 'person');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.role).toBe('claimant');
    expect(r.value.record).toMatchObject({ kind: 'mention', quote: 'خليفة حفتر', entityType: 'person' });
    const after = r.value.change.annotations.map(([, a]) => a);
    expect(after).toContainEqual(r.value.record);
    expect(after.find((a) => a?.id === claim.id)).toMatchObject({ claimantId: r.value.record.id });
  });

  it('makes a source and links it as the source, in one change', () => {
    const r = addAndLink(ctxWith([claim]), claim, 'source', at('رويترز'), 'news-agency');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.role).toBe('source');
    expect(r.value.change.annotations.map(([, a]) => a).find((a) => a?.id === claim.id)).toMatchObject({ sourceId: r.value.record.id });
  });

  it('only creates when the claim is of another document, and refuses what addAnnotation refuses', () => {
    const foreign = { ...claim, documentId: 'other' };
    const r = addAndLink(ctxWith([foreign]), foreign, 'mention', at('خليفة حفتر'), 'person');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.role).toBeNull();
    expect(r.value.change.annotations).toEqual([[undefined, r.value.record]]);
    expect(addAndLink(ctxWith([claim]), claim, 'mention', { start: 3, end: 3 }, 'person').ok).toBe(false);
  });
});
