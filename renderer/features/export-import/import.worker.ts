/// <reference lib="webworker" />
import { importFormat } from '../../../shared/formats/registry';
import { planImport } from '../../../shared/model/merge';
import { planReplace } from '../../../shared/model/replace';
import { openWorkerStore } from '../../db/worker-store';
import type { ImportMessage, ImportRequest } from './import-protocol';

/**
 * Imports are parsed and planned here, off the main thread: the format's importer reads the files, and the plan
 * (shared/model/merge.ts) joins the file's labels to the schema and matches everything against what IndexedDB
 * holds. Nothing is written here: the app applies the plan (one transaction) once the annotator has decided the
 * conflicts. Cancelling terminates the worker.
 */
const post = (m: ImportMessage) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

self.onmessage = async (e: MessageEvent<ImportRequest>) => {
  const { formatId, files, fileName, now, replace } = e.data;
  const format = importFormat(formatId);
  if (!format) return post({ type: 'error', message: `Unknown import format ${formatId}.` });
  const store = openWorkerStore();
  try {
    post({ type: 'progress', step: 'reading' });
    // A large file reports a piece at a time (W3C JSON-LD streams); one message per percent is plenty.
    let shown = -1;
    const onProgress = (done: number, total: number) => {
      const percent = Math.floor((done / total) * 100);
      if (percent === shown) return;
      shown = percent;
      post({ type: 'progress', step: 'reading', done, total });
    };
    const result = format.run(files, { fileName, now, newId: () => crypto.randomUUID(), onProgress });
    if (!result.ok) return post({ type: 'failed', issues: result.issues });
    post({ type: 'progress', step: 'matching' });
    const [current, workspace] = await Promise.all([store.loadSchema(), store.mergeWorkspace()]);
    const planned = planImport(workspace, current, result.corpus);
    if (!planned.ok)
      return post({
        type: 'failed',
        issues: [
          ...result.issues,
          { severity: 'error', message: `The file's labels do not fit in the schema (at most 200 per layer): ${planned.dropped.join(', ')}.` },
        ],
      });
    post({
      type: 'planned',
      plan: planned.plan,
      schema: planned.schema,
      issues: result.issues,
      ...(replace ? { replace: planReplace(workspace, current, result.corpus) } : {}),
    });
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  } finally {
    store.close();
  }
};
