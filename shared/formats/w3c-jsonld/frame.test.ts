import { describe, expect, it } from 'vitest';
import { CORPUS } from '../../../tests/support/news-corpus';
import type { Corpus } from '../corpus';
import { holeWriter, w3cFrame } from './frame';
import { streamW3C } from './stream';

/** Assemble the frame as the export worker does, one document at a time. */
function assemble(corpus: Corpus): string {
  const docs = [...corpus.documents].sort((a, b) => (a.importedAt < b.importedAt ? -1 : a.importedAt > b.importedAt ? 1 : a.id < b.id ? -1 : 1));
  const entityIds = new Set(corpus.entities.map((e) => e.id));
  let out = '';
  for (const piece of w3cFrame({
    documentIds: docs.map((d) => d.id),
    total: corpus.annotations.length,
    entities: corpus.entities,
    schema: corpus.schema,
    appVersion: 't',
  })) {
    if ('text' in piece) out += piece.text;
    else {
      const w = holeWriter(piece.depth);
      for (const doc of docs) {
        if (piece.hole === 'documents') out += w.document(doc);
        else {
          const r = w.annotations(
            doc,
            corpus.annotations.filter((a) => a.documentId === doc.id),
            entityIds,
            corpus.schema,
            't',
          );
          if ('problem' in r) throw new Error(r.problem.message);
          out += r.text;
        }
      }
      out += w.close();
    }
  }
  return out;
}

describe('the W3C frame filled one document at a time', () => {
  it('gives the bytes of the whole-corpus stream', () => {
    const whole = streamW3C({ ...CORPUS, appVersion: 't' });
    if (!whole.ok) throw new Error(whole.error.message);
    expect(assemble(CORPUS)).toBe([...whole.value].join(''));
  });

  it('gives the bytes of the whole-corpus stream for an empty corpus and one without annotations', () => {
    for (const corpus of [
      { ...CORPUS, documents: [], annotations: [] },
      { ...CORPUS, annotations: [] },
    ]) {
      const whole = streamW3C({ ...corpus, appVersion: 't' });
      if (!whole.ok) throw new Error(whole.error.message);
      expect(assemble(corpus)).toBe([...whole.value].join(''));
    }
  });

  it('stops on an annotation whose quote is not at its offsets', () => {
    const [first, ...rest] = CORPUS.annotations;
    expect(() => assemble({ ...CORPUS, annotations: [{ ...first!, quote: `${first!.quote}x` }, ...rest] })).toThrow('export stopped');
  });
});
