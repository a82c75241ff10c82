import { groupByDocument, type AnnotationRecord } from '../model/annotation';
import type { DocumentRecord } from '../model/document';
import type { KbEntity } from '../model/kb-entity';
import type { LabelSchema } from '../model/label-schema';
import type { Corpus } from './corpus';

/**
 * Where an export reads the corpus from, one document at a time: every format is written once, against this port,
 * and runs the same on a corpus in memory (an import in the CLI, a test) and on IndexedDB (the app's export
 * worker, renderer/db/corpus-source.ts), where holding the whole corpus is not an option.
 */
export interface CorpusSource {
  schema(): Promise<LabelSchema>;
  entities(): Promise<readonly KbEntity[]>;
  /** Every document's id in export order: import time, then id (how IndexedDB orders the `importedAt` index). */
  documentIds(): Promise<readonly string[]>;
  document(id: string): Promise<DocumentRecord | undefined>;
  /** One document's annotations, in no particular order. */
  annotationsOf(documentId: string): Promise<readonly AnnotationRecord[]>;
  /** How many annotations the corpus holds: an export checks it wrote them all (one of a missing document is an error). */
  annotationCount(): Promise<number>;
  /** The ids of the documents annotations point to (to tell an orphan from a corpus that changed during an export). */
  annotatedDocumentIds(): Promise<readonly string[]>;
}

/** The export order of documents: import time, then id — the same in memory and in IndexedDB. */
export function byImport(a: DocumentRecord, b: DocumentRecord): number {
  return a.importedAt < b.importedAt ? -1 : a.importedAt > b.importedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A corpus held in memory as a source. */
export function corpusSource(corpus: Corpus): CorpusSource {
  const documents = new Map([...corpus.documents].sort(byImport).map((d) => [d.id, d]));
  const byDoc = groupByDocument(corpus.annotations);
  return {
    schema: async () => corpus.schema,
    entities: async () => corpus.entities,
    documentIds: async () => [...documents.keys()],
    document: async (id) => documents.get(id),
    annotationsOf: async (id) => byDoc.get(id) ?? [],
    annotationCount: async () => corpus.annotations.length,
    annotatedDocumentIds: async () => [...byDoc.keys()],
  };
}
