/// <reference lib="webworker" />
import { exportFormat, type ExportOptions } from '../../../shared/formats/registry';
import { openDatabase } from '../../db/database';
import { createWorkspaceRepo } from '../../db/workspace-repo';
import type { ExportMessage, ExportRequest } from './export-protocol';
import { exportBratFlat, exportLabelStudioFlat, exportPerDocument, exportW3CFlat, type FlatExport, type FlatResult } from './stream-from-db';

/**
 * Exports run here, off the main thread: the worker reads the corpus from IndexedDB one document at a time and
 * posts the chunks as they come, with progress, so memory stays flat however large the corpus. Cancelling
 * terminates the worker.
 */
const post = (m: ExportMessage) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

const DRIVERS: Record<string, (x: FlatExport) => Promise<FlatResult>> = {
  'w3c-jsonld': exportW3CFlat,
  'label-studio': exportLabelStudioFlat,
  brat: exportBratFlat,
};

self.onmessage = async (e: MessageEvent<ExportRequest>) => {
  const { formatId, options } = e.data;
  const format = exportFormat(formatId);
  if (!format) return post({ type: 'error', message: `Unknown export format ${formatId}.` });
  const db = openDatabase();
  let lastProgress = 0;
  try {
    const [entities, schema] = await Promise.all([db.entities.toArray(), createWorkspaceRepo(db).loadSchema()]);
    const flat: FlatExport = {
      db,
      entities,
      schema,
      options: options as ExportOptions,
      emit: (text) => post({ type: 'chunk', text }),
      progress(fraction) {
        // A progress message per few percent, not per document.
        if (fraction - lastProgress < 0.02) return;
        lastProgress = fraction;
        post({ type: 'progress', fraction: Math.min(0.99, fraction) });
      },
    };
    const driver = DRIVERS[format.id] ?? (format.perDocument ? (x: FlatExport) => exportPerDocument(format, x) : null);
    if (!driver) return post({ type: 'error', message: `${format.name} cannot be exported from the app.` });
    const result = await driver(flat);
    post('problem' in result ? { type: 'error', message: result.problem } : { type: 'done', ...result });
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  } finally {
    db.close();
  }
};
