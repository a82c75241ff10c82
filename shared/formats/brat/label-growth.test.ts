import { describe, expect, it } from 'vitest';
import { DEFAULT_LABEL_SCHEMA, MAX_LABELS, validateLabelSchema } from '../../model/label-schema';
import { makeEntityPool } from './entity-pool';
import { growSchema, printable } from './label-growth';

describe('growSchema', () => {
  it('finds types by tag and adds new ones with the tag spelled exactly and a fresh ASCII id', () => {
    const g = growSchema(DEFAULT_LABEL_SCHEMA);
    expect(g.entityTypeFor('PER')).toEqual({ ok: true, value: 'person' });
    const tags = ['Population-Center', 'population_center', 'شخصية', '5+5', 'toString', '__proto__'];
    const ids = tags.map((t) => g.entityTypeFor(t));
    expect(ids.map((r) => (r.ok ? r.value : r.error))).toEqual(['population-center', 'population-center-2', 'type', 'type-2', 'tostring', 'proto']);
    expect(g.added()).toEqual(tags);
    expect(g.entityTypeFor('__proto__')).toEqual({ ok: true, value: 'proto' });
    const schema = g.schema();
    expect(validateLabelSchema(schema).ok).toBe(true);
    expect(schema.entityTypes.map((t) => t.tag).slice(-6)).toEqual(tags);
    expect(DEFAULT_LABEL_SCHEMA.entityTypes).toHaveLength(7);
  });

  it.each([['with space'], ['x\u202e'], ['\u200b'], [''], ['x'.repeat(61)]])('refuses %j', (tag) => {
    const r = growSchema(DEFAULT_LABEL_SCHEMA).entityTypeFor(tag);
    expect(r.ok).toBe(false);
  });

  it(`stops at ${MAX_LABELS} entity types`, () => {
    const g = growSchema(DEFAULT_LABEL_SCHEMA);
    for (let i = DEFAULT_LABEL_SCHEMA.entityTypes.length; i < MAX_LABELS; i++) expect(g.entityTypeFor(`T${i}`).ok).toBe(true);
    expect(g.entityTypeFor('one-more')).toEqual({ ok: false, error: expect.stringContaining(`already has ${MAX_LABELS} entity types`) });
  });

  it('shows invisible characters in messages', () => {
    expect(printable('a\u202eb\u0000')).toBe('a\\u202eb\\u0000');
  });
});

describe('makeEntityPool', () => {
  const UUID = '0f8fad5b-d9cb-469f-a165-70867728950e';
  it('groups by Hamish id (kept as the entity id), else by any reference, and takes external ids', () => {
    let n = 0;
    const pool = makeEntityPool(() => `new-${++n}`, 'now');
    const a = pool.link(
      [
        { db: 'Hamish', ref: UUID, name: 'خليفة حفتر' },
        { db: 'Wikidata', ref: 'q19878', name: 'خليفة حفتر' },
      ],
      'حفتر',
      'person',
    );
    const b = pool.link([{ db: 'Hamish', ref: UUID, name: '' }], 'حفتر', 'person');
    const c = pool.link([{ db: 'Wikipedia', ref: '534366', name: '' }], 'المشير\nحفتر', 'person');
    const d = pool.link(
      [
        { db: 'Wikipedia', ref: '534366', name: 'x' },
        { db: 'URL', ref: 'https://ex.org/h', name: '' },
      ],
      'y',
      'person',
    );
    expect([a, b, c, d]).toEqual([UUID, UUID, 'new-1', 'new-1']);
    expect(pool.entities()).toEqual([
      { id: UUID, name: 'خليفة حفتر', entityType: 'person', aliases: [], created: 'now', modified: 'now', externalId: 'Q19878' },
      { id: 'new-1', name: 'المشير حفتر', entityType: 'person', aliases: [], created: 'now', modified: 'now', externalId: 'https://ex.org/h' },
    ]);
  });

  it('refuses external ids that are not Wikidata ids or http(s) addresses, and names with bidi overrides', () => {
    const pool = makeEntityPool(() => 'e', 'now');
    pool.link(
      [
        { db: 'URL', ref: 'javascript:alert(1)', name: 'evil\u202e' },
        { db: 'Wikidata', ref: 'https://x.org', name: '' },
      ],
      'quote',
      'person',
    );
    expect(pool.entities()[0]).toEqual({ id: 'e', name: 'quote', entityType: 'person', aliases: [], created: 'now', modified: 'now' });
  });
});
