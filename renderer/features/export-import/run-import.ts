import type { ImportMessage, ImportRequest } from './import-protocol';

export type ImportOutcome = Exclude<ImportMessage, { type: 'progress' }>;

/**
 * Read and plan files in the import worker (off the main thread): `onProgress` hears each step and, while a large
 * file is read, the share read so far; `onDone` the plan or the refusal, once. The returned function cancels:
 * the worker is terminated and `onDone` is never called.
 */
export function startImport(
  request: ImportRequest,
  transfer: ArrayBuffer[],
  onProgress: (step: 'reading' | 'matching', read: number | null) => void,
  onDone: (outcome: ImportOutcome) => void,
): () => void {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<ImportMessage>) => {
    const m = e.data;
    if (m.type === 'progress') return onProgress(m.step, m.done !== undefined && m.total ? m.done / m.total : null);
    worker.terminate();
    onDone(m);
  };
  worker.onerror = (e) => {
    worker.terminate();
    onDone({ type: 'error', message: e.message || 'the import worker failed' });
  };
  worker.postMessage(request, transfer);
  return () => worker.terminate();
}
