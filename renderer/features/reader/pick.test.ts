import { describe, expect, it } from 'vitest';
import type { AnnotationRecord } from '../../../shared/model/annotation';
import { annotationsAt, cycleKey } from './pick';

const text = 'في بعثة الأمم المتحدة للدعم في ليبيا اليوم';
function mention(id: string, quote: string): AnnotationRecord {
  const start = text.indexOf(quote);
  return { id, documentId: 'd', kind: 'mention', start, end: start + quote.length, quote, entityType: 'organisation', created: '', modified: '' };
}

describe('annotationsAt', () => {
  const outer = mention('b', 'بعثة الأمم المتحدة للدعم في ليبيا');
  const inner = mention('a', 'الأمم المتحدة');
  const other = mention('c', 'اليوم');

  it('lists what holds the offset, innermost first, so repeated clicks walk outwards', () => {
    const at = text.indexOf('المتحدة');
    expect(annotationsAt([outer, other, inner], at).map((a) => a.id)).toEqual(['a', 'b']);
    expect(annotationsAt([outer, inner], text.indexOf('ليبيا')).map((a) => a.id)).toEqual(['b']);
    expect(annotationsAt([outer, inner], 0)).toEqual([]);
  });

  it('treats the end as outside the span', () => {
    expect(annotationsAt([inner], inner.end)).toEqual([]);
    expect(annotationsAt([inner], inner.end - 1)).toEqual([inner]);
  });

  it('gives one key per set of annotations, whatever order they were stored in', () => {
    const at = text.indexOf('الأمم');
    expect(cycleKey(annotationsAt([outer, inner], at))).toBe(cycleKey(annotationsAt([inner, outer], at)));
    expect(cycleKey(annotationsAt([outer, inner], at))).not.toBe(cycleKey(annotationsAt([outer, inner], text.indexOf('ليبيا'))));
  });
});
