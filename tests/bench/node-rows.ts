// Rows that run in Node: the W3C export and the corpus search without a browser.
import { readFileSync } from 'node:fs';
import { exportFormat, importFormat } from '../../shared/formats/registry';
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

/**
 * The W3C JSON-LD of the export row read back through the import the app's worker and the CLI run (streamed from
 * the file's bytes). Heap: the peak while reading, sampled at each progress call, over the heap before, with the
 * file's bytes already held (as the worker holds them).
 */
export async function importJsonLdRow(corpus: { documents: DocumentRecord[]; annotations: AnnotationRecord[] }): Promise<Row> {
  const chunks: string[] = [];
  const written = await exportFormat('w3c-jsonld')!.write(
    corpusSource({ ...corpus, entities: [], schema: DEFAULT_LABEL_SCHEMA }),
    { appVersion: 'bench', tokenizer: 'arabic' },
    { write: (chunk) => void chunks.push(chunk) },
  );
  if (!written.ok) throw new Error(`export failed: ${written.error.message}`);
  const bytes = new Uint8Array(Buffer.from(chunks.join('')));
  chunks.length = 0;
  const format = importFormat('w3c-jsonld')!;
  let peak = 0;
  let base = 0;
  const samples = await sample('import-jsonld-100k', async () => {
    base = nodeHeapMB();
    peak = 0;
    let n = 0;
    const t0 = performance.now();
    const result = format.run([{ path: 'bench.jsonld', bytes }], {
      fileName: 'bench.jsonld',
      now: '2026-12-04T00:00:00Z',
      newId: () => `id-${++n}`,
      onProgress: () => void (peak = Math.max(peak, process.memoryUsage().heapUsed / 2 ** 20)),
    });
    const ms = performance.now() - t0;
    peak = Math.max(peak, process.memoryUsage().heapUsed / 2 ** 20);
    if (!result.ok || result.corpus.annotations.length !== corpus.annotations.length)
      throw new Error(`import failed: ${result.ok ? `${result.corpus.annotations.length} annotations` : result.issues[0]?.message}`);
    return ms;
  });
  const what = `Node: a W3C JSON-LD file of ${corpus.annotations.length.toLocaleString('en')} annotations (${(bytes.length / 2 ** 20).toFixed(0)} MB) → records, streamed from its bytes; heap = peak while reading over the heap before`;
  return rowOf('import-jsonld-100k', what, samples, peak - base, { inputMB: Math.round((bytes.length / 2 ** 20) * 10) / 10 });
}

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
