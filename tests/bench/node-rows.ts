// Rows that run in Node: the W3C export and the corpus search without a browser.
import { readFileSync } from 'node:fs';
import { exportFormat } from '../../shared/formats/registry';
import { corpusSource } from '../../shared/formats/source';
import { DEFAULT_LABEL_SCHEMA } from '../../shared/model/label-schema';
import type { AnnotationRecord } from '../../shared/model/annotation';
import type { DocumentRecord } from '../../shared/model/document';
import { makeCorpusIndex, searchCorpus, type CorpusIndex } from '../../shared/text/arabic-match';
import { rowOf, sample, type Row } from './measure';

/** Node's heap in use, in MB, after a full collection when Node runs with --expose-gc (scripts/bench.mjs does). */
export function nodeHeapMB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

const sync = (f: () => void) => async () => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};

/**
 * An export row: the format's chunks consumed as they come (as the worker and the CLI do), counting bytes and
 * sampling the heap every few hundred chunks for its peak; nothing holds the whole output.
 */
async function streamedExportRow(id: string, formatId: string, corpus: { documents: DocumentRecord[]; annotations: AnnotationRecord[] }): Promise<Row> {
  const format = exportFormat(formatId)!;
  let bytes = 0;
  let peak = 0;
  const base = nodeHeapMB();
  const samples = await sample(id, async () => {
    const t0 = performance.now();
    bytes = 0;
    let n = 0;
    const outcome = await format.write(
      corpusSource({ ...corpus, entities: [], schema: DEFAULT_LABEL_SCHEMA }),
      { appVersion: 'bench', tokenizer: 'arabic' },
      {
        write(chunk) {
          bytes += Buffer.byteLength(chunk);
          // Every 256th chunk, and every large one (CoNLL yields few 64 K chunks), so the peak is seen.
          if (++n % 256 === 0 || chunk.length >= 16384) peak = Math.max(peak, process.memoryUsage().heapUsed);
        },
      },
    );
    if (!outcome.ok) throw new Error(`export failed: ${outcome.error.message}`);
    return performance.now() - t0;
  });
  const mb = bytes / 2 ** 20;
  const what = `Node: ${corpus.documents.length.toLocaleString('en')} docs × ${corpus.annotations.length / corpus.documents.length} annotations → ${format.name}, streamed (${mb.toFixed(0)} MB); heap = peak during the export over the heap before it`;
  return rowOf(id, what, samples, peak / 2 ** 20 - base, { outputMB: Math.round(mb * 10) / 10 });
}

export const exportJsonLdRow = (corpus: { documents: DocumentRecord[]; annotations: AnnotationRecord[] }) =>
  streamedExportRow('export-jsonld-100k', 'w3c-jsonld', corpus);
export const exportConllRow = (corpus: { documents: DocumentRecord[]; annotations: AnnotationRecord[] }) =>
  streamedExportRow('export-conll-100k', 'conll', corpus);

export async function corpusSearchNodeRows(files: readonly string[], query: string): Promise<Row[]> {
  // The texts the app stores: a text imported twice is stored once.
  const texts = [...new Set(files.map((f) => readFileSync(f, 'utf8')))];
  const docs = texts.map((text, i) => ({ id: String(i), text }));
  let index: CorpusIndex | null = null;
  let summary = '';
  const base = nodeHeapMB();
  const full = await sample(
    'corpus-search-node',
    sync(() => {
      index = makeCorpusIndex(docs);
      const r = searchCorpus(index, query, { limit: 200, contextChars: 40 });
      summary = `${r.total} hit(s) in ${r.documents} document(s)`;
    }),
  );
  const heap = nodeHeapMB() - base;
  const warm = await sample(
    'corpus-search-node-warm',
    sync(() => void searchCorpus(index!, query, { limit: 200, contextChars: 40 })),
  );
  return [
    rowOf(
      'corpus-search-node',
      `Node: makeCorpusIndex + searchCorpus «${query}» over the same ${docs.length.toLocaleString('en')} distinct texts (read before timing); ${summary}`,
      full,
      heap,
    ),
    rowOf('corpus-search-node-warm', `Node: searchCorpus «${query}» alone on that index`, warm, nodeHeapMB() - base),
  ];
}
