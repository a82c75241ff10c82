import { describe, expect, it } from 'vitest';
import { CORPUS } from '../../tests/support/news-corpus';
import { EXPORT_FORMATS } from './registry';

const OPTIONS = { appVersion: 'test' };
const text = (chunks: Iterable<string>) => [...chunks].join('');

describe('formats that export one document at a time', () => {
  const perDocument = EXPORT_FORMATS.filter((f) => f.perDocument);

  it('are CoNLL and JSONL', () => {
    expect(perDocument.map((f) => f.id)).toEqual(['conll', 'jsonl']);
  });

  it.each(perDocument.map((f) => [f.id, f] as const))('%s: the documents exported one by one, joined, are the corpus export', (_id, format) => {
    for (const splitClitics of [false, true]) {
      const whole = format.run(CORPUS, { ...OPTIONS, splitClitics });
      if (!whole.ok) throw new Error(whole.error.message);
      const parts = CORPUS.documents.map((doc) => {
        const run = format.run(
          { ...CORPUS, documents: [doc], annotations: CORPUS.annotations.filter((a) => a.documentId === doc.id) },
          { ...OPTIONS, splitClitics },
        );
        if (!run.ok) throw new Error(run.error.message);
        return text(run.value);
      });
      expect(parts.join('')).toBe(text(whole.value));
      expect(parts.every((p) => p.length > 0)).toBe(true);
    }
  });
});
