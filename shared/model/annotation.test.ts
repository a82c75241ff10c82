import { describe, expect, it } from 'vitest';
import { checkSpan, compareByPosition, createMention, isAnchored, type MentionRecord } from './annotation';

const TEXT = 'قال 😀 المشير خليفة حفتر إن اللجنة العسكرية 5+5 اجتمعت';
const NOW = '2026-11-23T10:00:00Z';
const base = { id: 'm1', documentId: 'd1', entityType: 'person', now: NOW };
const emoji = TEXT.indexOf('😀');

describe('createMention', () => {
  it.each([
    ['«خليفة حفتر»', TEXT.indexOf('خليفة'), TEXT.indexOf('خليفة') + 10],
    ['«5+5»', TEXT.indexOf('5+5'), TEXT.indexOf('5+5') + 3],
    ['the emoji', emoji, emoji + 2],
    ['the whole text', 0, TEXT.length],
  ])('makes a mention of %s whose quote is the text', (_what, start, end) => {
    const r = createMention(TEXT, { ...base, start, end });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual({
      id: 'm1',
      documentId: 'd1',
      kind: 'mention',
      start,
      end,
      quote: TEXT.slice(start, end),
      entityType: 'person',
      created: NOW,
      modified: NOW,
    });
    expect(isAnchored(TEXT, r.value)).toBe(true);
  });

  it.each([
    ['an empty span', 4, 4, 'bad-span'],
    ['a reversed span', 10, 4, 'bad-span'],
    ['a negative start', -1, 3, 'bad-span'],
    ['an end past the text', 0, TEXT.length + 1, 'bad-span'],
    ['a start past the text', TEXT.length, TEXT.length + 1, 'bad-span'],
    ['a fractional start', 3.5, 8, 'bad-span'],
    ['a fractional end', 0, 3.5, 'bad-span'],
    ['NaN', Number.NaN, 3, 'bad-span'],
    ['a start inside the emoji', emoji + 1, emoji + 4, 'split-character'],
    ['an end inside the emoji', 0, emoji + 1, 'split-character'],
  ])('refuses %s', (_what, start, end, code) => {
    const r = createMention(TEXT, { ...base, start, end });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(code);
    expect(r.error.message).toContain(`${start}–${end}`);
    expect(checkSpan(TEXT, start, end)).toEqual(r.error);
  });
});

describe('isAnchored', () => {
  it('is false once the text under the mention changed', () => {
    const r = createMention(TEXT, { ...base, start: TEXT.indexOf('حفتر'), end: TEXT.indexOf('حفتر') + 4 });
    if (!r.ok) throw new Error(r.error.message);
    expect(isAnchored(TEXT.replace('حفتر', 'حفتو'), r.value)).toBe(false);
    expect(isAnchored(`x${TEXT}`, r.value)).toBe(false);
  });
});

describe('compareByPosition', () => {
  const m = (id: string, start: number, end: number): MentionRecord => ({
    id,
    documentId: 'd',
    kind: 'mention',
    start,
    end,
    quote: '',
    entityType: 'person',
    created: NOW,
    modified: NOW,
  });

  it('orders by start, then longer first, then by id', () => {
    const list = [m('e', 9, 12), m('c', 4, 6), m('b', 4, 10), m('d', 4, 6), m('a', 0, 2), m('f', 4, 10)];
    expect([...list].sort(compareByPosition).map((x) => x.id)).toEqual(['a', 'b', 'f', 'c', 'd', 'e']);
  });

  it('puts an enclosing span before what it contains', () => {
    const outer = m('z', 10, 20);
    const inner = m('a', 10, 15);
    expect(compareByPosition(outer, inner)).toBeLessThan(0);
    expect(compareByPosition(inner, outer)).toBeGreaterThan(0);
  });

  it('is 0 only for the same id at the same span', () => {
    expect(compareByPosition(m('a', 1, 2), m('a', 1, 2))).toBe(0);
    expect(compareByPosition(m('a', 1, 2), m('b', 1, 2))).toBeLessThan(0);
  });

  it('gives the same order whatever the input order', () => {
    const list = [m('x', 3, 5), m('y', 0, 9), m('w', 3, 7), m('v', 3, 5)];
    const once = [...list].sort(compareByPosition).map((x) => x.id);
    expect(
      [...list]
        .reverse()
        .sort(compareByPosition)
        .map((x) => x.id),
    ).toEqual(once);
    expect(once).toEqual(['y', 'w', 'v', 'x']);
  });
});
