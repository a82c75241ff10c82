import { describe, expect, it } from 'vitest';
import type { AnnotationRecord, ClaimRecord, MentionRecord } from './annotation';
import type { DocumentRecord } from './document';
import { change } from './edits';
import { differing, footprint, meets, sameRecord } from './footprint';
import type { KbEntity } from './kb-entity';

const NOW = '2026-11-23T10:00:00.000Z';
const base = { documentId: 'd1', created: NOW, modified: NOW };
const m: MentionRecord = { ...base, id: 'm1', kind: 'mention', start: 11, end: 21, quote: 'خليفة حفتر', entityType: 'person', entityId: 'e1' };
const c: ClaimRecord = { ...base, id: 'c1', kind: 'claim', start: 22, end: 30, quote: 'طلب وقتا', stance: 'reported', claimantId: 'm1', sourceId: 's1' };
const e: KbEntity = { id: 'e2', name: 'الجيش الليبي', entityType: 'organisation', aliases: [], created: NOW, modified: NOW };
const d = { id: 'd1' } as DocumentRecord;

describe('footprint', () => {
  it('holds the records a change writes and the records they link to', () => {
    expect([...footprint(change({ annotations: [[undefined, m]] }))].sort()).toEqual(['annotation:m1', 'entity:e1']);
    expect([...footprint(change({ annotations: [[c, { ...c, claimantEntityId: 'e3' }]] }))].sort()).toEqual([
      'annotation:c1',
      'annotation:m1',
      'annotation:s1',
      'entity:e3',
    ]);
    expect([...footprint(change({ entities: [[e, undefined]], documents: [[d, { ...d }]] }))].sort()).toEqual(['document:d1', 'entity:e2']);
  });

  it('meets another when they share a key', () => {
    const mine = footprint(change({ annotations: [[undefined, m]] }));
    expect(meets(mine, footprint(change({ annotations: [[undefined, c]] })))).toBe(true); // the claim links to m1
    expect(meets(mine, footprint(change({ entities: [[undefined, e]] })))).toBe(false);
    expect(meets(new Set(), mine)).toBe(false);
  });
});

describe('sameRecord', () => {
  it.each([
    [{ a: 1, b: 'x' }, { b: 'x', a: 1 }, true],
    [{ a: 1, b: undefined }, { a: 1 }, true],
    [{ a: 1 }, { a: 1, b: 2 }, false],
    [{ cue: { start: 1, end: 2, quote: 'x' } }, { cue: { start: 1, end: 2, quote: 'y' } }, false],
    [{ aliases: ['a', 'b'] }, { aliases: ['a', 'b'] }, true],
    [{ aliases: ['a', 'b'] }, { aliases: ['b', 'a'] }, false],
    [{ aliases: [] }, { aliases: {} }, false],
    [m, undefined, false],
    [undefined, undefined, true],
    [{ n: 0 }, { n: '0' }, false],
  ])('%j and %j: %s', (x, y, same) => {
    expect(sameRecord(x, y)).toBe(same);
    expect(sameRecord(y, x)).toBe(same);
  });
});

describe('differing', () => {
  it('pairs each id whose two versions differ, absent ones included', () => {
    const held = new Map<string, AnnotationRecord>([
      ['m1', m],
      ['c1', c],
    ]);
    const stored = new Map<string, AnnotationRecord>([
      ['m1', { ...m }],
      ['c1', { ...c, stance: 'denied' }],
      ['x1', { ...m, id: 'x1' }],
    ]);
    const pairs = differing(
      ['m1', 'c1', 'x1', 'gone'],
      (id) => held.get(id),
      (id) => stored.get(id),
    );
    expect(pairs).toEqual([
      [c, { ...c, stance: 'denied' }],
      [undefined, { ...m, id: 'x1' }],
    ]);
  });
});
