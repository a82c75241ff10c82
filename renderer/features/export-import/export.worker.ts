/// <reference lib="webworker" />
import { exportFormat, type ExportOptions } from '../../../shared/formats/registry';
import { openDatabase } from '../../db/database';
import { createWorkspaceRepo } from '../../db/workspace-repo';
import type { ExportRequest, ExportMessage } from './export-protocol';

/**
 * Exports run here, off the main thread: the worker reads the corpus from IndexedDB itself (nothing large is
 * copied across), runs the format's generator and posts the chunks as they come, with progress. Cancelling
 * terminates the worker.
 */
const post = (m: ExportMessage) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

self.onmessage = async (e: MessageEvent<ExportRequest>) => {
  const { formatId, options } = e.data;
  const format = exportFormat(formatId);
  if (!format) return post({ type: 'error', message: `Unknown export format ${formatId}.` });
  const db = openDatabase();
  try {
    const [documents, annotations, entities, schema] = await Promise.all([
      db.documents.orderBy('importedAt').toArray(),
      db.annotations.toArray(),
      db.entities.toArray(),
      createWorkspaceRepo(db).loadSchema(),
    ]);
    const run = format.run({ documents, annotations, entities, schema }, options as ExportOptions);
    if (!run.ok) return post({ type: 'error', message: run.error.message });
    const total = Math.max(1, documents.length + annotations.length);
    let done = 0;
    let sent = 0;
    for (const chunk of run.value) {
      post({ type: 'chunk', text: chunk });
      done++;
      // A progress message per few percent, not per chunk.
      if (done - sent > total / 50) {
        sent = done;
        post({ type: 'progress', fraction: Math.min(0.99, done / total) });
      }
    }
    post({ type: 'done', documents: documents.length, annotations: annotations.length });
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  } finally {
    db.close();
  }
};
