import { describe, expect, it } from 'vitest';
import type { Problem } from '../result';
import { checkSchemaChange, DEFAULT_LABEL_SCHEMA, unionSchema, validateLabelSchema, type LabelSchema, type LabelUsage } from './label-schema';

const clone = (): LabelSchema => structuredClone(DEFAULT_LABEL_SCHEMA);
const problemsOf = (x: unknown): Problem[] => {
  const r = validateLabelSchema(x);
  return r.ok ? [] : r.error;
};
const codes = (x: unknown) => problemsOf(x).map((p) => p.code);
const usage = (parts: Partial<Record<keyof LabelSchema, Record<string, number>>>): LabelUsage => ({
  entityTypes: new Map(Object.entries(parts.entityTypes ?? {})),
  claimStances: new Map(Object.entries(parts.claimStances ?? {})),
  sourceTypes: new Map(Object.entries(parts.sourceTypes ?? {})),
});

describe('DEFAULT_LABEL_SCHEMA', () => {
  it('validates and comes back equal', () => {
    const r = validateLabelSchema(DEFAULT_LABEL_SCHEMA);
    expect(r).toEqual({ ok: true, value: DEFAULT_LABEL_SCHEMA });
  });
});

describe('validateLabelSchema', () => {
  it('refuses what is not an object', () => {
    for (const x of [null, undefined, 'schema', 3, []]) expect(codes(x)).toEqual(['bad-schema']);
  });

  it('reports every problem at once, each naming its place', () => {
    const s = clone();
    s.entityTypes[1]!.id = 'person'; // duplicate id
    s.entityTypes[2]!.key = '1'; // duplicate key
    s.entityTypes[3]!.color = 'red;}'; // CSS injection
    s.claimStances[0]!.color = '#fff'; // short form
    s.claimStances[1]!.nameEn = 'Re\u202Eported'; // right-to-left override
    s.sourceTypes[0]!.nameAr = 'وكالة\u200Bأنباء'; // zero-width space
    s.sourceTypes[1]!.nameEn = 'Out\u0007let'; // control character (BEL)
    const problems = problemsOf(s);
    expect(problems.map((p) => p.code)).toEqual(['duplicate-id', 'duplicate-key', 'bad-color', 'bad-color', 'bad-name', 'bad-name', 'bad-name']);
    expect(problems.map((p) => p.message.split(':')[0])).toEqual([
      'entityTypes[1]',
      'entityTypes[2]',
      'entityTypes[3]',
      'claimStances[0]',
      'claimStances[1].nameEn',
      'sourceTypes[0].nameAr',
      'sourceTypes[1].nameEn',
    ]);
    expect(problems[0]!.message).toContain('"person"');
  });

  it.each([
    ['empty', ''],
    ['only spaces', '   '],
    ['61 characters', 'x'.repeat(61)],
    ['U+202E right-to-left override', 'حفتر\u202E'],
    ['U+202D left-to-right override', '\u202Dname'],
    ['U+2066 isolate', 'a\u2066b'],
    ['U+200B zero-width space', 'a\u200Bb'],
    ['U+200F right-to-left mark', 'a\u200Fb'],
    ['U+FEFF byte-order mark', '\uFEFFname'],
    ['a NUL', 'a\u0000b'],
    ['a line feed', 'a\nb'],
    ['U+0085 next line', 'a\u0085b'],
    ['U+2028 line separator', 'a\u2028b'],
    ['not a string', 42],
  ])('refuses a name that is %s', (_what, name) => {
    const s = clone() as unknown as { entityTypes: Record<string, unknown>[] };
    s.entityTypes[0]!.nameAr = name;
    expect(problemsOf(s)).toEqual([{ code: 'bad-name', pointer: '/entityTypes/0/nameAr', message: expect.stringMatching(/^entityTypes\[0\]\.nameAr: /) }]);
  });

  it('accepts a 60-character name and Arabic names with harakat', () => {
    const s = clone();
    s.entityTypes[0]!.nameEn = 'x'.repeat(60);
    s.entityTypes[0]!.nameAr = 'شَخْص';
    expect(validateLabelSchema(s).ok).toBe(true);
  });

  it.each([['__proto__'], ['toString'], ['Person'], ['constructor!'], ['1person'], ['-x'], [''], ['a'.repeat(41)], ['شخص'], [7]])('refuses the id %j', (id) => {
    const s = clone() as unknown as { claimStances: Record<string, unknown>[] };
    s.claimStances[2]!.id = id;
    expect(codes(s)).toEqual(['bad-id']);
  });

  it.each([
    ['#FFFFFF', true],
    ['#a0b1c2', true],
    ['#fff', false],
    ['red', false],
    ['red;}', false],
    ['#ffffff;background:url(x)', false],
    ['#fffffff', false],
    ['', false],
  ])('colour %j valid: %s', (color, valid) => {
    const s = clone();
    s.sourceTypes[4]!.color = color;
    expect(codes(s)).toEqual(valid ? [] : ['bad-color']);
  });

  it.each([['0'], ['10'], ['a'], ['١']])('refuses the key %j', (key) => {
    const s = clone();
    s.entityTypes[6]!.key = key;
    expect(codes(s)).toEqual(['bad-key']);
  });

  it('lets two layers use the same keys and ids', () => {
    const s = clone();
    s.claimStances[0]!.id = 'person';
    expect(validateLabelSchema(s).ok).toBe(true);
  });

  it('needs a schemaType for entity and source types, not for stances', () => {
    const s = clone() as unknown as Record<keyof LabelSchema, Record<string, unknown>[]>;
    delete s.entityTypes[0]!.schemaType;
    s.sourceTypes[0]!.schemaType = 'Person';
    s.sourceTypes[1]!.schemaType = 'schema:person';
    expect(problemsOf(s).map((p) => `${p.code} ${p.message.split(':')[0]}`)).toEqual([
      'bad-schema-type entityTypes[0]',
      'bad-schema-type sourceTypes[0]',
      'bad-schema-type sourceTypes[1]',
    ]);
  });

  it('needs 1–200 entries in every layer, and reports each layer', () => {
    const def = clone().claimStances[0]!;
    const many = Array.from({ length: 201 }, (_, i) => ({ ...def, id: `t${i}`, key: '' }));
    const r = problemsOf({ entityTypes: [], claimStances: many, sourceTypes: 'x' });
    expect(r.map((p) => p.code)).toEqual(['bad-layer', 'bad-layer', 'bad-layer']);
    expect(r.map((p) => p.message.split(':')[0])).toEqual(['entityTypes', 'claimStances', 'sourceTypes']);
    // 45 classes (NewsFANE) fit; keys beyond the nine digits stay empty.
    const entity = clone().entityTypes[0]!;
    const fortyFive = Array.from({ length: 45 }, (_, i) => ({ ...entity, id: `t${i}`, tag: `T${i}`, key: i < 9 ? String(i + 1) : '' }));
    expect(problemsOf({ ...clone(), entityTypes: fortyFive })).toEqual([]);
  });

  it('needs a tag without spaces for every entity type', () => {
    const s = clone();
    s.entityTypes[0] = { ...s.entityTypes[0]!, tag: 'B PER' };
    s.entityTypes[1] = { ...s.entityTypes[1]!, tag: '' };
    expect(codes(s)).toEqual(['bad-tag', 'bad-tag']);
  });

  it('refuses an entry that is not an object', () => {
    const s = { ...clone(), claimStances: [...clone().claimStances, null] };
    expect(codes(s)).toEqual(['bad-entry']);
    // A sparse array (IndexedDB's structured clone keeps holes) must not pass with missing entries.
    expect(codes({ ...clone(), sourceTypes: new Array(2) })).toEqual(['bad-entry', 'bad-entry']);
  });

  it('keeps only the known keys of each entry', () => {
    const s = clone() as unknown as Record<keyof LabelSchema, Record<string, unknown>[]>;
    s.entityTypes[0]!.onclick = 'alert(1)';
    s.claimStances[0]!.schemaType = 'schema:Thing'; // stances have no schemaType
    const withExtra = { ...s, extraLayer: [1] };
    const r = validateLabelSchema(withExtra);
    expect(r).toEqual({ ok: true, value: DEFAULT_LABEL_SCHEMA });
    if (!r.ok) return;
    expect(Object.keys(r.value)).toEqual(['entityTypes', 'claimStances', 'sourceTypes']);
    expect(Object.keys(r.value.entityTypes[0]!)).toEqual(['id', 'nameEn', 'nameAr', 'color', 'key', 'schemaType', 'tag']);
    expect(Object.keys(r.value.claimStances[0]!)).toEqual(['id', 'nameEn', 'nameAr', 'color', 'key']);
  });

  it('accepts a stored row (extra id and modified fields)', () => {
    expect(validateLabelSchema({ ...clone(), id: 'corpus', modified: '2026-11-23T10:00:00Z' })).toEqual({ ok: true, value: DEFAULT_LABEL_SCHEMA });
  });
});

describe('checkSchemaChange', () => {
  it('refuses removing an id in use, naming the layer, the id and the count', () => {
    const next = clone();
    next.entityTypes = next.entityTypes.filter((d) => d.id !== 'gpe');
    next.claimStances = next.claimStances.filter((d) => d.id !== 'hedged');
    const problems = checkSchemaChange(next, usage({ entityTypes: { gpe: 3, person: 9 }, claimStances: { hedged: 1 } }));
    expect(problems.map((p) => p.code)).toEqual(['label-in-use', 'label-in-use']);
    expect(problems[0]!.message).toContain('entityTypes: "gpe" is used by 3 annotations');
    expect(problems[1]!.message).toContain('claimStances: "hedged" is used by 1 annotation;');
  });

  it('allows renaming, recolouring, re-keying and adding', () => {
    const next = clone();
    next.entityTypes[0] = { ...next.entityTypes[0]!, nameEn: 'Human', nameAr: 'إنسان', color: '#000000', key: '9' };
    next.sourceTypes.push({ id: 'blog', nameEn: 'Blog', nameAr: 'مدونة', color: '#123456', key: '7', schemaType: 'schema:Blog' });
    expect(validateLabelSchema(next).ok).toBe(true);
    expect(checkSchemaChange(next, usage({ entityTypes: { person: 5 }, sourceTypes: { outlet: 2 } }))).toEqual([]);
  });

  it('allows removing ids that are unused (absent from the usage or counted 0)', () => {
    const next = clone();
    next.entityTypes = next.entityTypes.filter((d) => d.id !== 'event' && d.id !== 'datetime');
    next.sourceTypes = next.sourceTypes.filter((d) => d.id !== 'anonymous');
    expect(checkSchemaChange(next, usage({ entityTypes: { event: 0, person: 4 } }))).toEqual([]);
  });
});

describe('unionSchema', () => {
  it('adds the labels of every layer the workspace lacks and maps the rest onto its own', () => {
    const theirs = clone();
    theirs.claimStances.push({ id: 'speculated', nameEn: 'Speculated', nameAr: 'تخمين', color: '#123456', key: '' });
    theirs.sourceTypes.push({ id: 'podcast', nameEn: 'Podcast', nameAr: 'بودكاست', color: '#654321', key: '', schemaType: 'schema:PodcastSeries' });
    theirs.entityTypes[0] = { ...theirs.entityTypes[0]!, id: 'per' }; // same tag PER, another id
    const { schema, idFor, dropped } = unionSchema(DEFAULT_LABEL_SCHEMA, theirs);
    expect(dropped).toEqual([]);
    expect(schema.claimStances.map((d) => d.id)).toContain('speculated');
    expect(schema.sourceTypes.map((d) => d.id)).toContain('podcast');
    expect(idFor.entityTypes.get('per')).toBe('person');
    expect(schema.entityTypes).toHaveLength(DEFAULT_LABEL_SCHEMA.entityTypes.length);
    expect(validateLabelSchema(schema).ok).toBe(true);
  });

  it('reports the labels that would pass the limit instead of losing them silently', () => {
    const many = clone();
    many.entityTypes = Array.from({ length: 200 }, (_, i) => ({ ...DEFAULT_LABEL_SCHEMA.entityTypes[0]!, id: `t${i}`, tag: `T${i}`, key: '' }));
    const theirs = clone();
    theirs.entityTypes = [{ ...DEFAULT_LABEL_SCHEMA.entityTypes[0]!, id: 'extra', tag: 'EXTRA', key: '' }];
    expect(unionSchema(many, theirs).dropped).toEqual(['entityTypes: extra']);
  });
});

describe('label schema problems point at the field they concern', () => {
  it('gives a JSON Pointer for every problem, down to the field', () => {
    const bad = structuredClone(DEFAULT_LABEL_SCHEMA) as unknown as Record<string, Array<Record<string, unknown>>>;
    bad.entityTypes![2]!.color = 'red';
    bad.entityTypes![3]!.key = bad.entityTypes![0]!.key;
    bad.claimStances![1]!.nameAr = 'x\u202e';
    bad.sourceTypes = [];
    const r = validateLabelSchema(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((p) => [p.code, p.pointer])).toEqual([
      ['bad-color', '/entityTypes/2/color'],
      ['duplicate-key', '/entityTypes/3/key'],
      ['bad-name', '/claimStances/1/nameAr'],
      ['bad-layer', '/sourceTypes'],
    ]);
  });
});
