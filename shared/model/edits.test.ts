import { describe, expect, it } from 'vitest';
import {
  createClaim,
  createMention,
  createSource,
  makeSpan,
  type AnnotationRecord,
  type ClaimRecord,
  type MentionRecord,
  type SourceRecord,
  type TextSpan,
} from './annotation';
import {
  change,
  checkIntegrity,
  deleteAnnotations,
  invert,
  isEmptyChange,
  merge,
  referrersOf,
  setClaimant,
  setCue,
  setSource,
  type Change,
  type Pair,
} from './edits';
import type { KbEntity } from './kb-entity';
import { DEFAULT_LABEL_SCHEMA } from './label-schema';

const TEXT = 'قال المشير خليفة حفتر (رويترز) إن اللجنة العسكرية 5+5 اجتمعت، وأكد غسان سلامة أن الحوار مستمر.';
const T0 = '2026-11-23T10:00:00Z';
const T1 = '2026-11-23T11:00:00Z';

function must<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}
const at = (q: string) => ({ start: TEXT.indexOf(q), end: TEXT.indexOf(q) + q.length });
const mention = (id: string, q: string, docId = 'd1'): MentionRecord =>
  must(createMention(TEXT, { id, documentId: docId, ...at(q), entityType: 'person', now: T0 }));
const source = (id: string, q: string): SourceRecord => must(createSource(TEXT, { id, documentId: 'd1', ...at(q), sourceType: 'news-agency', now: T0 }));
const claim = (id: string, q: string, links: Partial<ClaimRecord> = {}): ClaimRecord => ({
  ...must(createClaim(TEXT, { id, documentId: 'd1', ...at(q), stance: 'reported', now: T0 })),
  ...links,
});
const cueOf = (q: string): TextSpan => must(makeSpan(TEXT, at(q).start, at(q).end));

const HAFTAR: KbEntity = { id: 'e1', name: 'خليفة حفتر', entityType: 'person', aliases: [], created: T0, modified: T0 };
const m1 = mention('m1', 'خليفة حفتر');
const m2 = mention('m2', 'غسان سلامة');
const s1 = source('s1', 'رويترز');
const c1 = claim('c1', 'اللجنة العسكرية 5+5 اجتمعت', { claimantId: 'm1', sourceId: 's1', cue: cueOf('قال') });
const c2 = claim('c2', 'الحوار مستمر', { claimantId: 'm2', sourceId: 's1' });
const c3 = claim('c3', 'العسكرية', { cue: cueOf('وأكد') });
const c4 = claim('c4', 'اجتمعت', { claimantEntityId: 'e1' });
const DOC: AnnotationRecord[] = [m1, m2, s1, c1, c2, c3, c4];
const ENTITIES = new Set(['e1']);

/** A table as a map; applying a change the way the workspace repository does (later pairs win). */
function applyToMap<T extends { id: string }>(records: readonly T[], pairs: readonly Pair<T>[]): Map<string, T> {
  const map = new Map(records.map((r) => [r.id, r]));
  for (const [before, after] of pairs) {
    if (after) map.set(after.id, after);
    else if (before) map.delete(before.id);
  }
  return map;
}
const roundTrip = (records: readonly AnnotationRecord[], c: Change) => {
  const after = applyToMap(records, c.annotations);
  const back = applyToMap([...after.values()], invert(c).annotations);
  return { after: [...after.values()], back };
};
const asMap = (records: readonly AnnotationRecord[]) => new Map(records.map((r) => [r.id, r]));

describe('deleteAnnotations', () => {
  it('deletes a claimant mention and unlinks only the claim that pointed at it', () => {
    const c = deleteAnnotations(DOC, ['m1'], T1);
    const { claimantId: _c, ...unlinked } = c1;
    expect(c.annotations).toStrictEqual([
      [m1, undefined],
      [c1, { ...unlinked, modified: T1 }],
    ]);
    const { after, back } = roundTrip(DOC, c);
    expect(after.find((a) => a.id === 'c1')).not.toHaveProperty('claimantId');
    expect(after.find((a) => a.id === 'c1')).toMatchObject({ sourceId: 's1', cue: c1.cue });
    expect(checkIntegrity(after, ENTITIES)).toEqual([]);
    expect(back).toEqual(asMap(DOC));
  });

  it('deletes a source and unlinks every claim that cited it, keeping their claimants', () => {
    const c = deleteAnnotations(DOC, ['s1'], T1);
    expect(c.annotations.map(([b, a]) => [b?.id, a?.id])).toEqual([
      ['s1', undefined],
      ['c1', 'c1'],
      ['c2', 'c2'],
    ]);
    const { after, back } = roundTrip(DOC, c);
    for (const a of after) expect(a).not.toHaveProperty('sourceId');
    expect(after.find((a) => a.id === 'c2')).toMatchObject({ claimantId: 'm2', modified: T1 });
    expect(checkIntegrity(after, ENTITIES)).toEqual([]);
    expect(back).toEqual(asMap(DOC));
  });

  it('deletes several at once, a claim among them, and leaves unrelated claims untouched', () => {
    const c = deleteAnnotations(DOC, ['m1', 'm2', 's1', 'c2'], T1);
    const { after, back } = roundTrip(DOC, c);
    expect(after.map((a) => a.id).sort()).toEqual(['c1', 'c3', 'c4']);
    const touched = c.annotations.map(([b]) => b!.id);
    expect(touched).not.toContain('c3');
    expect(touched).not.toContain('c4');
    expect(touched.filter((id) => id === 'c2')).toHaveLength(1); // deleted, not also "unlinked"
    expect(after.find((a) => a.id === 'c3')).toBe(c3);
    expect(after.find((a) => a.id === 'c4')).toBe(c4);
    const { claimantId: _c, sourceId: _s, ...bare } = c1;
    expect(after.find((a) => a.id === 'c1')).toStrictEqual({ ...bare, modified: T1 });
    expect(checkIntegrity(after, ENTITIES)).toEqual([]);
    expect(back).toEqual(asMap(DOC));
  });

  it('is empty for ids that are not there, and deleting an unlinked claim touches nothing else', () => {
    expect(isEmptyChange(deleteAnnotations(DOC, ['nope'], T1))).toBe(true);
    expect(deleteAnnotations(DOC, ['c3'], T1).annotations).toEqual([[c3, undefined]]);
  });
});

describe('linking a claim', () => {
  it('setClaimant switches between a mention and a KB entity, never both', () => {
    const toEntity = setClaimant(c1, HAFTAR, T1).annotations[0]![1] as ClaimRecord;
    expect(toEntity.claimantEntityId).toBe('e1');
    expect(toEntity).not.toHaveProperty('claimantId');
    const toMention = setClaimant(toEntity, m2, T1).annotations[0]![1] as ClaimRecord;
    expect(toMention.claimantId).toBe('m2');
    expect(toMention).not.toHaveProperty('claimantEntityId');
    const cleared = setClaimant(toMention, null, T1).annotations[0]![1] as ClaimRecord;
    expect(cleared).not.toHaveProperty('claimantId');
    expect(cleared).not.toHaveProperty('claimantEntityId');
    expect(cleared).toMatchObject({ sourceId: 's1', cue: c1.cue, modified: T1 });
    expect(c1.claimantId).toBe('m1'); // the record given is not mutated
  });

  it('setSource and setCue set and clear, and invert restores', () => {
    const s = setSource(c3, s1, T1);
    expect(s.annotations).toEqual([[c3, { ...c3, sourceId: 's1', modified: T1 }]]);
    expect(setSource(c1, null, T1).annotations[0]![1]).not.toHaveProperty('sourceId');
    const cue = cueOf('قال');
    expect(setCue(c2, cue, T1).annotations[0]![1]).toEqual({ ...c2, cue, modified: T1 });
    expect(setCue(c1, null, T1).annotations[0]![1]).not.toHaveProperty('cue');
    expect(invert(s).annotations).toEqual([[{ ...c3, sourceId: 's1', modified: T1 }, c3]]);
  });

  it('referrersOf finds the claims pointing at a mention or source', () => {
    expect(referrersOf(DOC, 's1').map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(referrersOf(DOC, 'm2').map((c) => c.id)).toEqual(['c2']);
    expect(referrersOf(DOC, 'c3')).toEqual([]);
  });
});

describe('merge and invert', () => {
  it('merge concatenates every table in order', () => {
    const a = change({ annotations: [[undefined, m1]] });
    const b = change({ entities: [[undefined, HAFTAR]], annotations: [[m1, { ...m1, entityId: 'e1' }]] });
    const doc = { id: 'd1' } as never;
    const c = change({ documents: [[doc, doc]] });
    expect(merge(a, b, c)).toEqual({
      annotations: [
        [undefined, m1],
        [m1, { ...m1, entityId: 'e1' }],
      ],
      entities: [[undefined, HAFTAR]],
      documents: [[doc, doc]],
    });
    expect(isEmptyChange(merge())).toBe(true);
  });

  it('undoing a merged change that touches one record twice restores the first state', () => {
    const created = change({ annotations: [[undefined, c3]] });
    const linked = setClaimant(c3, m1, T1);
    const sourced = setSource(linked.annotations[0]![1] as ClaimRecord, s1, T1);
    const c = merge(created, linked, sourced);
    const base = DOC.filter((a) => a.id !== 'c3');
    const after = applyToMap(base, c.annotations);
    expect(after.get('c3')).toMatchObject({ claimantId: 'm1', sourceId: 's1' });
    expect(applyToMap([...after.values()], invert(c).annotations)).toEqual(asMap(base));
    expect(invert(invert(c))).toEqual(c);
  });
});

describe('checkIntegrity', () => {
  it('finds each kind of dangling link', () => {
    const bad: AnnotationRecord[] = [
      m1,
      s1,
      claim('x1', 'اجتمعت', { claimantId: 's1' }), // claimant is a source, not a mention
      claim('x2', 'اجتمعت', { claimantId: 'gone' }), // claimant missing
      claim('x3', 'اجتمعت', { sourceId: 'm1' }), // source is a mention
      claim('x4', 'اجتمعت', { claimantEntityId: 'e404' }), // entity missing
      { ...m2, entityId: 'e404' },
      { ...source('s2', 'رويترز'), entityId: 'e405' },
      claim('x5', 'اجتمعت', { claimantId: 'x1' }), // claimant is a claim
    ];
    const problems = checkIntegrity(bad, ENTITIES);
    expect(problems.every((p) => p.code === 'dangling-link')).toBe(true);
    expect(problems.map((p) => p.message.split(' ').slice(0, 2).join(' '))).toEqual([
      'claim x1',
      'claim x2',
      'claim x3',
      'claim x4',
      'mention m2',
      'source s2',
      'claim x5',
    ]);
    expect(problems[3]!.message).toContain('e404');
    expect(checkIntegrity(DOC, ENTITIES)).toEqual([]);
    expect(checkIntegrity(DOC, new Set())).toHaveLength(1); // c4's entity e1
  });
});

describe('a change with a schema part', () => {
  const before = DEFAULT_LABEL_SCHEMA;
  const after = { ...DEFAULT_LABEL_SCHEMA, claimStances: DEFAULT_LABEL_SCHEMA.claimStances.slice(0, 2) };
  const third = { ...DEFAULT_LABEL_SCHEMA, claimStances: DEFAULT_LABEL_SCHEMA.claimStances.slice(0, 1) };

  it('is not empty, inverts to the schema before, and merges from the first before to the last after', () => {
    const c = change({ schema: [before, after] });
    expect(isEmptyChange(c)).toBe(false);
    expect(invert(c).schema).toEqual([after, before]);
    expect(merge(change({}), c, change({ schema: [after, third] })).schema).toEqual([before, third]);
    expect(merge(change({}), change({})).schema).toBeUndefined();
  });
});
