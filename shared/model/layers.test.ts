import { describe, expect, it } from 'vitest';
import type { ClaimRecord, MentionRecord, SourceRecord } from './annotation';
import { DEFAULT_LABEL_SCHEMA } from './label-schema';
import { LAYERS, labelDefOf, labelIdOf, labelsOf, withLabel } from './layers';

const base = { documentId: 'd', start: 0, end: 4, quote: 'حفتر', created: '', modified: '' };
const mention: MentionRecord = { ...base, id: 'm', kind: 'mention', entityType: 'person' };
const claim: ClaimRecord = { ...base, id: 'c', kind: 'claim', stance: 'denied' };
const source: SourceRecord = { ...base, id: 's', kind: 'source', sourceType: 'outlet' };

describe('the table of layers', () => {
  it('names each kind’s part of the schema and its label field', () => {
    expect(Object.values(LAYERS).map((l) => [l.kind, l.schemaKey, l.field])).toEqual([
      ['mention', 'entityTypes', 'entityType'],
      ['claim', 'claimStances', 'stance'],
      ['source', 'sourceTypes', 'sourceType'],
    ]);
  });

  it('reads, looks up and replaces the label of an annotation of every layer', () => {
    expect([mention, claim, source].map(labelIdOf)).toEqual(['person', 'denied', 'outlet']);
    expect(labelsOf(DEFAULT_LABEL_SCHEMA, 'claim')).toBe(DEFAULT_LABEL_SCHEMA.claimStances);
    expect([mention, claim, source].map((a) => labelDefOf(DEFAULT_LABEL_SCHEMA, a)?.nameEn)).toEqual(['Person', 'Denied', 'Outlet']);
    expect(labelDefOf(DEFAULT_LABEL_SCHEMA, { ...mention, entityType: 'nope' })).toBeUndefined();
    expect(withLabel(claim, 'hedged')).toEqual({ ...claim, stance: 'hedged' });
    expect(withLabel(mention, 'location')).toEqual({ ...mention, entityType: 'location' });
  });
});
