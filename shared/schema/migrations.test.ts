import { describe, expect, it } from 'vitest';
import { annotationV1toV2, documentV1toV2 } from './migrations';

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
