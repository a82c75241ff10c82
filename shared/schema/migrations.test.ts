import { describe, expect, it } from 'vitest';
import { DEFAULT_LABEL_SCHEMA, LABEL_LAYERS, type LabelSchema } from '../model/label-schema';
import { annotationV1toV2, documentV1toV2, schemaV2toV3, V3_DEFAULT_COLORS } from './migrations';

const V1_DOC = { id: 'd1', title: 'عنوان', text: 'عنوان\nنص', sha256: 'ab', fileName: 'a.txt', importedAt: '2026-11-23T10:00:00.000Z' };
const V1_MENTION = { id: 'a1', documentId: 'd1', kind: 'mention', start: 0, end: 5, quote: 'عنوان', label: 'person', created: 'x', modified: 'x' };

describe('v1 → v2', () => {
  it('gives documents the status "new" and empty metadata, keeping every field', () => {
    expect(documentV1toV2(V1_DOC)).toEqual({ ...V1_DOC, status: 'new', meta: {} });
  });

  it('keeps a status and metadata that are already there', () => {
    const v2 = { ...V1_DOC, status: 'done', meta: { publisher: 'الجزيرة' } };
    expect(documentV1toV2(v2)).toEqual(v2);
  });

  it('renames a mention label to entityType and nothing else', () => {
    const { label: _label, ...rest } = V1_MENTION;
    expect(annotationV1toV2(V1_MENTION)).toEqual({ ...rest, entityType: 'person' });
  });

  it('is idempotent', () => {
    const once = annotationV1toV2(V1_MENTION);
    expect(annotationV1toV2(once as unknown as Record<string, unknown>)).toEqual(once);
    expect(documentV1toV2(documentV1toV2(V1_DOC) as unknown as Record<string, unknown>)).toEqual(documentV1toV2(V1_DOC));
  });
});

describe('schema v2 → v3', () => {
  const v2Row = () => ({
    id: 'corpus',
    modified: '2026-11-23T10:00:00.000Z',
    entityTypes: [
      { ...DEFAULT_LABEL_SCHEMA.entityTypes[0]!, color: '#f2a65a' }, // person, old default
      { ...DEFAULT_LABEL_SCHEMA.entityTypes[1]!, color: '#123456' }, // organisation, chosen by the user
      { ...DEFAULT_LABEL_SCHEMA.entityTypes[5]!, color: '#E6C84F' }, // datetime, old default in capitals
      { id: 'weapon', nameEn: 'Weapon', nameAr: 'سلاح', color: '#f2a65a', key: '', schemaType: 'schema:Thing', tag: 'WEA' }, // not shipped
    ],
    claimStances: [
      { ...DEFAULT_LABEL_SCHEMA.claimStances[0]!, color: '#7a3ea1' },
      { ...DEFAULT_LABEL_SCHEMA.claimStances[1]!, color: '#7a3ea1' },
    ],
    sourceTypes: DEFAULT_LABEL_SCHEMA.sourceTypes.map((s) => ({ ...s, color: { 'news-agency': '#0f7b6c', anonymous: '#6b6b6b' }[s.id] ?? '#000000' })),
  });

  it('gives shipped labels still at the old default the new default, and leaves chosen colours alone', () => {
    const v3 = schemaV2toV3(v2Row()) as unknown as LabelSchema & { id: string; modified: string };
    expect(v3.entityTypes.map((d) => d.color)).toEqual(['#ff8d00', '#123456', '#fffd24', '#f2a65a']);
    // reported wears asserted's old colour: a choice, not its own default.
    expect(v3.claimStances.map((d) => d.color)).toEqual(['#511081', '#7a3ea1']);
    expect(Object.fromEntries(v3.sourceTypes.map((d) => [d.id, d.color]))).toMatchObject({ 'news-agency': '#084f49', outlet: '#000000', anonymous: '#4e0bab' });
    expect(v3.modified).toBe('2026-11-23T10:00:00.000Z');
  });

  it('changes nothing but the colours', () => {
    const before = v2Row();
    const after = schemaV2toV3(before) as typeof before;
    const strip = (r: typeof before) => ({
      ...r,
      entityTypes: r.entityTypes.map(({ color: _c, ...d }) => d),
      claimStances: r.claimStances.map(({ color: _c, ...d }) => d),
      sourceTypes: r.sourceTypes.map(({ color: _c, ...d }) => d),
    });
    expect(strip(after)).toEqual(strip(before));
  });

  it('upgrades the v2 default schema to exactly the v3 default, and is idempotent', () => {
    const v2Default = {
      id: 'corpus',
      modified: 'x',
      ...Object.fromEntries(LABEL_LAYERS.map((layer) => [layer, DEFAULT_LABEL_SCHEMA[layer].map((d) => ({ ...d, color: V2_DEFAULTS[layer]![d.id] }))])),
    };
    const once = schemaV2toV3(v2Default);
    expect(once).toEqual({ id: 'corpus', modified: 'x', ...DEFAULT_LABEL_SCHEMA });
    expect(schemaV2toV3(once)).toEqual(once);
  });

  it('keeps the frozen v3 colours equal to the shipped defaults', () => {
    for (const layer of LABEL_LAYERS) expect(Object.fromEntries(DEFAULT_LABEL_SCHEMA[layer].map((d) => [d.id, d.color]))).toEqual(V3_DEFAULT_COLORS[layer]);
  });

  it('passes a malformed row through without throwing', () => {
    expect(schemaV2toV3({ id: 'corpus', entityTypes: 'x', claimStances: [null, 3] })).toEqual({ id: 'corpus', entityTypes: 'x', claimStances: [null, 3] });
  });
});

const V2_DEFAULTS: Record<string, Record<string, string>> = {
  entityTypes: { person: '#f2a65a', organisation: '#6cb4ee', location: '#7bc47f', gpe: '#4fb0a5', event: '#c792ea', datetime: '#e6c84f', other: '#b0b0b0' },
  claimStances: { asserted: '#7a3ea1', reported: '#4a5fc1', denied: '#c1443a', hedged: '#c28a2c', question: '#3a8f8f' },
  sourceTypes: {
    'news-agency': '#0f7b6c',
    outlet: '#2f6fb0',
    'official-body': '#8a5a2b',
    spokesperson: '#a8447d',
    'social-media': '#5d6bd1',
    anonymous: '#6b6b6b',
  },
};
