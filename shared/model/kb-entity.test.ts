import { describe, expect, it } from 'vitest';
import { checkEntityName, externalIri, normaliseExternalId, withAlias, type KbEntity } from './kb-entity';

const HAFTAR: KbEntity = {
  id: 'e1',
  name: 'خليفة حفتر',
  entityType: 'person',
  aliases: ['حفتر'],
  created: '2026-11-23T10:00:00Z',
  modified: '2026-11-23T10:00:00Z',
};
const LATER = '2026-11-24T09:00:00Z';

describe('normaliseExternalId', () => {
  it.each([
    ['Q42', 'Q42'],
    ['q42', 'Q42'],
    ['  Q1234\t', 'Q1234'],
    ['Q123456789012', 'Q123456789012'],
    ['https://www.wikidata.org/wiki/Q42', 'https://www.wikidata.org/wiki/Q42'],
    ['http://example.org/entity/haftar', 'http://example.org/entity/haftar'],
    [' HTTPS://Example.ORG/a ', 'https://example.org/a'],
  ])('%j → %j', (raw, id) => {
    expect(normaliseExternalId(raw)).toEqual({ ok: true, value: id });
  });

  it.each([[''], ['   '], ['\n']])('%j → no external id', (raw) => {
    expect(normaliseExternalId(raw)).toEqual({ ok: true, value: undefined });
  });

  it.each([
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    [' javascript:alert(document.cookie)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['file:///etc/passwd'],
    ['ftp://example.org/x'],
    ['Q0'],
    ['Q-1'],
    ['Q042'],
    ['Q1234567890123'],
    ['Q'],
    ['Q 42'],
    ['P31'],
    ['wikidata Q42'],
    ['www.wikidata.org/wiki/Q42'],
  ])('refuses %j, quoting it', (raw) => {
    const r = normaliseExternalId(raw);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('bad-external-id');
    expect(r.error.message).toContain(`"${raw.trim()}"`);
  });
});

describe('externalIri', () => {
  it('makes a Wikidata entity IRI of a QID and keeps an IRI', () => {
    expect(externalIri('Q42')).toBe('http://www.wikidata.org/entity/Q42');
    expect(externalIri('https://example.org/e/1')).toBe('https://example.org/e/1');
  });

  it('gives a QID normaliseExternalId accepted its Wikidata IRI', () => {
    const r = normaliseExternalId(' q7 ');
    expect(r.ok && r.value && externalIri(r.value)).toBe('http://www.wikidata.org/entity/Q7');
  });
});

describe('withAlias', () => {
  it('adds a new alias, trimmed, and stamps the entity', () => {
    const next = withAlias(HAFTAR, '  المشير خليفة حفتر ', LATER);
    expect(next).toEqual({ ...HAFTAR, aliases: ['حفتر', 'المشير خليفة حفتر'], modified: LATER });
    expect(HAFTAR.aliases).toEqual(['حفتر']);
  });

  it.each([
    ['the name', 'خليفة حفتر'],
    ['an alias', 'حفتر'],
    ['an alias with spaces', ' حفتر '],
    ['empty', '  '],
  ])('returns the same entity for %s', (_what, alias) => {
    expect(withAlias(HAFTAR, alias, LATER)).toBe(HAFTAR);
  });
});

describe('checkEntityName', () => {
  it.each([['خليفة حفتر'], ['x'.repeat(200)], ['الأمم المتحدة (UN)']])('accepts %j', (name) => {
    expect(checkEntityName(name)).toBeNull();
  });

  it.each([[''], ['  '], ['x'.repeat(201)], ['a\u202Eb'], ['a\u2067b'], ['a\u200Bb'], ['\uFEFFa'], ['a\u0000b'], ['a\nb'], ['a\u009Fb']])(
    'refuses %j',
    (name) => {
      expect(checkEntityName(name)?.code).toBe('bad-entity-name');
    },
  );
});

describe('external ids with credentials', () => {
  it.each(['https://user:pw@evil.example/', 'http://user@wikidata.org/wiki/Q1'])('refuses %s', (v) => {
    expect(normaliseExternalId(v).ok).toBe(false);
  });
});
