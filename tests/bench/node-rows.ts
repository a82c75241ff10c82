// Rows that run in Node: the W3C export and the corpus search without a browser.
import { readFileSync } from 'node:fs';
import { exportW3C, serializeW3C } from '../../shared/formats/w3c-jsonld/export';
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

export async function exportJsonLdRow(corpus: { documents: DocumentRecord[]; annotations: AnnotationRecord[] }): Promise<Row> {
  let out = '';
  const samples = await sample(
    'export-jsonld-100k',
    sync(() => {
      const result = exportW3C({ documents: corpus.documents, annotations: corpus.annotations, appVersion: 'bench' });
      if (!result.ok) throw new Error(`export failed: ${result.error.message}`);
      out = serializeW3C(result.value);
    }),
  );
  // Measured while the last export's string is still held: what an export costs in memory.
  const heap = nodeHeapMB();
  const mb = Buffer.byteLength(out) / 2 ** 20;
  return rowOf(
    'export-jsonld-100k',
    `Node: ${corpus.documents.length.toLocaleString('en')} docs × ${corpus.annotations.length / corpus.documents.length} annotations → exportW3C + serializeW3C (one string, not streamed), ${mb.toFixed(0)} MB`,
    samples,
    heap,
    { outputMB: Math.round(mb * 10) / 10 },
  );
}

export async function corpusSearchNodeRows(files: readonly string[], query: string): Promise<Row[]> {
  // The texts the app stores: a text imported twice is stored once.
  const texts = [...new Set(files.map((f) => readFileSync(f, 'utf8')))];
  const docs = texts.map((text, i) => ({ id: String(i), text }));
  let index: CorpusIndex | null = null;
  let summary = '';
  const full = await sample(
    'corpus-search-node',
    sync(() => {
      index = makeCorpusIndex(docs);
      const r = searchCorpus(index, query, { limit: 200, contextChars: 40 });
      summary = `${r.total} hit(s) in ${r.documents} document(s)`;
    }),
  );
  const heap = nodeHeapMB();
  const warm = await sample(
    'corpus-search-node-warm',
    sync(() => void searchCorpus(index!, query, { limit: 200, contextChars: 40 })),
  );
  return [
    rowOf('corpus-search-node', `Node: makeCorpusIndex + searchCorpus «${query}» over the same ${docs.length.toLocaleString('en')} distinct texts (read before timing); ${summary}`, full, heap),
    rowOf('corpus-search-node-warm', `Node: searchCorpus «${query}» alone on that index`, warm, nodeHeapMB()),
  ];
}
