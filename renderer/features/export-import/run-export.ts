import type { ExportFormat, ExportOptions } from '../../../shared/formats/registry';
import type { Platform } from '../../platform/platform';
import type { ExportMessage, ExportRequest } from './export-protocol';

export type ExportOutcome = { status: 'saved'; documents: number; annotations: number } | { status: 'cancelled' } | { status: 'failed'; message: string };

class Cancelled extends Error {}

/**
 * Run an export in a worker and stream its chunks to the platform's save. `cancel()` stops the worker and throws
 * the partial file away.
 */
export function startExport(
  platform: Platform,
  format: ExportFormat,
  options: ExportOptions,
  onProgress: (fraction: number) => void,
  name: (day: string) => string = (day) => `hamish-corpus-${day}.${format.extension}`,
) {
  let worker: Worker | null = null;
  let abort: ((e: Error) => void) | null = null;
  let counts = { documents: 0, annotations: 0 };
  const day = new Date().toISOString().slice(0, 10);

  const done = platform
    .saveStream({ suggestedName: name(day), mimeType: format.mimeType, filterName: format.name, extensions: [format.extension] }, (write) =>
      new Promise<void>((resolve, reject) => {
        abort = reject;
        worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' });
        // Chunks are written one after another, in order, even when a write is slow (Electron's IPC).
        let chain = Promise.resolve();
        worker.onmessage = (e: MessageEvent<ExportMessage>) => {
          const m = e.data;
          if (m.type === 'chunk') chain = chain.then(() => write(m.text));
          else if (m.type === 'progress') onProgress(m.fraction);
          else if (m.type === 'done') {
            counts = { documents: m.documents, annotations: m.annotations };
            chain.then(resolve, reject);
          } else reject(new Error(m.message));
        };
        worker.onerror = (e) => reject(new Error(e.message || 'the export worker failed'));
        worker.postMessage({ formatId: format.id, options } satisfies ExportRequest);
      }).finally(() => (worker as Worker | null)?.terminate()),
    )
    .then(
      (r): ExportOutcome => (r === 'saved' ? { status: 'saved', ...counts } : { status: 'cancelled' }),
      (err: unknown): ExportOutcome =>
        err instanceof Cancelled ? { status: 'cancelled' } : { status: 'failed', message: err instanceof Error ? err.message : String(err) },
    );

  return {
    done,
    cancel() {
      (abort as ((e: Error) => void) | null)?.(new Cancelled('cancelled'));
    },
  };
}
