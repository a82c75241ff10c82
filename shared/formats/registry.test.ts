import { describe, expect, it } from 'vitest';
import { CORPUS } from '../../tests/support/news-corpus';
import { exportCorpus, exportFormat } from './registry';

const OPTIONS = { appVersion: 'test' };

async function text(formatId: string, corpus: typeof CORPUS, splitClitics: boolean): Promise<string> {
  const r = await exportCorpus(exportFormat(formatId)!, corpus, { ...OPTIONS, splitClitics });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.chunks.join('');
}

describe('the training formats, CoNLL and JSONL', () => {
  it.each([['conll'], ['jsonl']])('%s: the documents exported one by one, joined, are the corpus export', async (id) => {
    for (const splitClitics of [false, true]) {
      const whole = await text(id, CORPUS, splitClitics);
      const docs = [...CORPUS.documents].sort((a, b) => (a.importedAt < b.importedAt ? -1 : a.importedAt > b.importedAt ? 1 : a.id < b.id ? -1 : 1));
      const parts = await Promise.all(
        docs.map((doc) => text(id, { ...CORPUS, documents: [doc], annotations: CORPUS.annotations.filter((a) => a.documentId === doc.id) }, splitClitics)),
      );
      expect(parts.join('')).toBe(whole);
      expect(parts.every((p) => p.length > 0)).toBe(true);
    }
  });
});
