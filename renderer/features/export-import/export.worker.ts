/// <reference lib="webworker" />
import { exportFormat, type ExportOptions } from '../../../shared/formats/registry';
import { openWorkerStore } from '../../db/worker-store';
import type { ExportMessage, ExportRequest } from './export-protocol';

/**
 * Exports run here, off the main thread: the format reads the corpus from IndexedDB one document at a time (the
 * same code as every other export, against the IndexedDB source) and the chunks are posted as they come, with
 * progress, so memory stays flat however large the corpus. Cancelling terminates the worker.
 */
const post = (m: ExportMessage) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

/** Chunks are posted in batches of about this many characters: one message per annotation would be thousands. */
const BATCH_CHARS = 1 << 16;

self.onmessage = async (e: MessageEvent<ExportRequest>) => {
  const { formatId, options } = e.data;
  const format = exportFormat(formatId);
  if (!format) return post({ type: 'error', message: `Unknown export format ${formatId}.` });
  const store = openWorkerStore();
  let lastProgress = 0;
  let batch: string[] = [];
  let size = 0;
  const flush = () => {
    if (batch.length) post({ type: 'chunk', text: batch.join('') });
    batch = [];
    size = 0;
  };
  try {
    const outcome = await format.write(store.source, options as ExportOptions, {
      write(chunk) {
        batch.push(chunk);
        size += chunk.length;
        if (size >= BATCH_CHARS) flush();
      },
      progress(fraction) {
        // A progress message per few percent, not per document.
        if (fraction - lastProgress < 0.02) return;
        lastProgress = fraction;
        post({ type: 'progress', fraction: Math.min(0.99, fraction) });
      },
    });
    if (!outcome.ok) return post({ type: 'error', message: outcome.error.message });
    flush();
    post({ type: 'done', ...outcome.value });
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  } finally {
    store.close();
  }
};
