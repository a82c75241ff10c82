/// <reference lib="webworker" />
import { exportFormat, type ExportOptions } from '../../../shared/formats/registry';
import { holeWriter, w3cFrame } from '../../../shared/formats/w3c-jsonld/frame';
import type { LabelSchema } from '../../../shared/model/label-schema';
import type { KbEntity } from '../../../shared/model/kb-entity';
import type { HamishDatabase } from '../../db/database';
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
  let lastProgress = 0;
  /** Post a progress message per few percent, not per chunk. */
  const progress = (fraction: number) => {
    if (fraction - lastProgress < 0.02) return;
    lastProgress = fraction;
    post({ type: 'progress', fraction: Math.min(0.99, fraction) });
  };
  try {
    const [entities, schema] = await Promise.all([db.entities.toArray(), createWorkspaceRepo(db).loadSchema()]);
    if (format.id === 'w3c-jsonld') return await exportW3CFramed(db, entities, schema, options.appVersion, progress);
    if (format.perDocument) {
      // One document in memory at a time: read it, export it, let it go.
      const ids = await db.documents.orderBy('importedAt').primaryKeys();
      let annotationCount = 0;
      for (const [i, id] of ids.entries()) {
        const [doc, annotations] = await Promise.all([db.documents.get(id), db.annotations.where('documentId').equals(id).toArray()]);
        if (!doc) continue;
        annotationCount += annotations.length;
        const run = format.run({ documents: [doc], annotations, entities, schema }, options as ExportOptions);
        if (!run.ok) return post({ type: 'error', message: run.error.message });
        for (const chunk of run.value) post({ type: 'chunk', text: chunk });
        progress((i + 1) / ids.length);
      }
      return post({ type: 'done', documents: ids.length, annotations: annotationCount });
    }
    const [documents, annotations] = await Promise.all([db.documents.orderBy('importedAt').toArray(), db.annotations.toArray()]);
    const run = format.run({ documents, annotations, entities, schema }, options as ExportOptions);
    if (!run.ok) return post({ type: 'error', message: run.error.message });
    const total = Math.max(1, documents.length + annotations.length);
    let done = 0;
    for (const chunk of run.value) {
      post({ type: 'chunk', text: chunk });
      progress(++done / total);
    }
    post({ type: 'done', documents: documents.length, annotations: annotations.length });
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  } finally {
    db.close();
  }
};

/**
 * W3C JSON-LD one document at a time: the collection's frame is written around its two long arrays, which are
 * filled by reading each document (and then its annotations) from IndexedDB in turn, so memory stays flat. The
 * bytes are those of the whole-corpus export (shared/formats/w3c-jsonld/frame.test.ts).
 */
async function exportW3CFramed(db: HamishDatabase, entities: KbEntity[], schema: LabelSchema, appVersion: string, progress: (f: number) => void) {
  const ids = await db.documents.orderBy('importedAt').primaryKeys();
  const total = await db.annotations.count();
  const entityIds = new Set(entities.map((e) => e.id));
  let written = 0;
  for (const piece of w3cFrame({ documentIds: ids, total, entities, schema, appVersion })) {
    if ('text' in piece) {
      post({ type: 'chunk', text: piece.text });
      continue;
    }
    const w = holeWriter(piece.depth);
    for (const [i, id] of ids.entries()) {
      const doc = await db.documents.get(id);
      if (!doc) continue;
      if (piece.hole === 'documents') post({ type: 'chunk', text: w.document(doc) });
      else {
        const annotations = await db.annotations.where('documentId').equals(id).toArray();
        written += annotations.length;
        const r = w.annotations(doc, annotations, entityIds, schema, appVersion);
        if ('problem' in r) return post({ type: 'error', message: r.problem.message });
        if (r.text) post({ type: 'chunk', text: r.text });
      }
      progress((piece.hole === 'documents' ? 0.2 : 0.2 + 0.8 * ((i + 1) / ids.length)) * (ids.length ? 1 : 0));
    }
    post({ type: 'chunk', text: w.close() });
  }
  // Annotations whose document is gone were counted in `total` but never written: the file would lie.
  if (written !== total) return post({ type: 'error', message: `${total - written} annotation(s) point to a missing document; export stopped.` });
  post({ type: 'done', documents: ids.length, annotations: total });
}
