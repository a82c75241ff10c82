import { bratAnnotationConf, bratVisualConf } from '../../../shared/formats/brat/conf';
import { bratAnn } from '../../../shared/formats/brat/export-brat';
import { bratBaseNames } from '../../../shared/formats/brat/file-names';
import { labelStudioArrayWriter, labelStudioTask } from '../../../shared/formats/label-studio/export-label-studio';
import type { ExportFormat, ExportOptions } from '../../../shared/formats/registry';
import { tarEnd, tarEntry } from '../../../shared/formats/tar';
import { holeWriter, w3cFrame } from '../../../shared/formats/w3c-jsonld/frame';
import type { KbEntity } from '../../../shared/model/kb-entity';
import type { LabelSchema } from '../../../shared/model/label-schema';
import type { HamishDatabase } from '../../db/database';

/**
 * Exports driven from IndexedDB one document at a time, so memory stays flat however large the corpus: each
 * writes the same bytes as the format's whole-corpus export (the tests beside each format hold them to it).
 * `emit` sends a chunk on; a returned string is a problem that stopped the export.
 */
export interface FlatExport {
  db: HamishDatabase;
  entities: KbEntity[];
  schema: LabelSchema;
  options: ExportOptions;
  emit(chunk: string): void;
  progress(fraction: number): void;
}

export type FlatResult = { documents: number; annotations: number } | { problem: string };

const documentIds = (db: HamishDatabase) => db.documents.orderBy('importedAt').primaryKeys();

/** Annotations whose document is gone are never written: the export stops rather than leave them out quietly. */
async function allWritten(db: HamishDatabase, documents: number, annotations: number): Promise<FlatResult> {
  const total = await db.annotations.count();
  return total === annotations ? { documents, annotations } : { problem: `${total - annotations} annotation(s) point to a missing document; export stopped.` };
}
const annotationsOf = (db: HamishDatabase, id: string) => db.annotations.where('documentId').equals(id).toArray();

/** Formats whose corpus export is the concatenation of their documents' exports (CoNLL, JSONL). */
export async function exportPerDocument(format: ExportFormat, x: FlatExport): Promise<FlatResult> {
  const ids = await documentIds(x.db);
  let annotations = 0;
  for (const [i, id] of ids.entries()) {
    const [doc, anns] = await Promise.all([x.db.documents.get(id), annotationsOf(x.db, id)]);
    if (!doc) continue;
    annotations += anns.length;
    const run = format.run({ documents: [doc], annotations: anns, entities: x.entities, schema: x.schema }, x.options);
    if (!run.ok) return { problem: run.error.message };
    for (const chunk of run.value) x.emit(chunk);
    x.progress((i + 1) / ids.length);
  }
  return allWritten(x.db, ids.length, annotations);
}

/** W3C JSON-LD: the collection's frame, its documents and annotation arrays filled one document at a time. */
export async function exportW3CFlat(x: FlatExport): Promise<FlatResult> {
  const ids = await documentIds(x.db);
  const total = await x.db.annotations.count();
  const entityIds = new Set(x.entities.map((e) => e.id));
  let written = 0;
  for (const piece of w3cFrame({ documentIds: ids, total, entities: x.entities, schema: x.schema, appVersion: x.options.appVersion })) {
    if ('text' in piece) {
      x.emit(piece.text);
      continue;
    }
    const w = holeWriter(piece.depth);
    for (const [i, id] of ids.entries()) {
      const doc = await x.db.documents.get(id);
      if (!doc) continue;
      if (piece.hole === 'documents') x.emit(w.document(doc));
      else {
        const anns = await annotationsOf(x.db, id);
        written += anns.length;
        const r = w.annotations(doc, anns, entityIds, x.schema, x.options.appVersion);
        if ('problem' in r) return { problem: r.problem.message };
        if (r.text) x.emit(r.text);
      }
      x.progress(piece.hole === 'documents' ? 0.2 * ((i + 1) / ids.length) : 0.2 + 0.8 * ((i + 1) / ids.length));
    }
    x.emit(w.close());
  }
  // Annotations whose document is gone were counted in `total` but never written: the file would lie.
  if (written !== total) return { problem: `${total - written} annotation(s) point to a missing document; export stopped.` };
  return { documents: ids.length, annotations: total };
}

/** Label Studio: the tasks array, one task per document. */
export async function exportLabelStudioFlat(x: FlatExport): Promise<FlatResult> {
  const ids = await documentIds(x.db);
  const entities = new Map(x.entities.map((e) => [e.id, e]));
  const w = labelStudioArrayWriter();
  let annotations = 0;
  for (const [i, id] of ids.entries()) {
    const [doc, anns] = await Promise.all([x.db.documents.get(id), annotationsOf(x.db, id)]);
    if (!doc) continue;
    annotations += anns.length;
    const task = labelStudioTask(doc, anns, x.schema, entities, i + 1);
    if (!task.ok) return { problem: task.error.message };
    x.emit(w.task(task.value));
    x.progress((i + 1) / ids.length);
  }
  x.emit(w.close());
  return allWritten(x.db, ids.length, annotations);
}

/** brat: a tar of the .conf files, then each document's .txt and .ann (names need every title first). */
export async function exportBratFlat(x: FlatExport): Promise<FlatResult> {
  const ids = await documentIds(x.db);
  const metas = [];
  for (const id of ids) {
    const doc = await x.db.documents.get(id);
    if (doc) metas.push({ id: doc.id, title: doc.title, fileName: doc.fileName });
  }
  const names = bratBaseNames(metas);
  const entities = new Map(x.entities.map((e) => [e.id, e]));
  for (const chunk of tarEntry({ path: 'annotation.conf', content: bratAnnotationConf(x.schema) })) x.emit(chunk);
  for (const chunk of tarEntry({ path: 'visual.conf', content: bratVisualConf(x.schema) })) x.emit(chunk);
  let annotations = 0;
  for (const [i, id] of ids.entries()) {
    const [doc, anns] = await Promise.all([x.db.documents.get(id), annotationsOf(x.db, id)]);
    if (!doc) continue;
    annotations += anns.length;
    const ann = bratAnn(doc, anns, x.schema, entities);
    if (!ann.ok) return { problem: ann.error.message };
    const name = names.get(doc.id)!;
    for (const chunk of tarEntry({ path: `${name}.txt`, content: doc.text })) x.emit(chunk);
    for (const chunk of tarEntry({ path: `${name}.ann`, content: ann.value })) x.emit(chunk);
    x.progress((i + 1) / ids.length);
  }
  x.emit(tarEnd());
  return allWritten(x.db, ids.length, annotations);
}
