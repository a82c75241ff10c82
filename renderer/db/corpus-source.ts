import type { CorpusSource } from '../../shared/formats/source';
import type { HamishDatabase } from './database';
import { createWorkspaceRepo } from './workspace-repo';

/**
 * The corpus in IndexedDB as an export source: documents read one at a time (each with its annotations, by the
 * `documentId` index), so an export's memory stays flat however large the corpus. Ids come from the `importedAt`
 * index, whose ties IndexedDB orders by primary key: the export order of `byImport`.
 */
export function dexieCorpusSource(db: HamishDatabase): CorpusSource {
  return {
    schema: () => createWorkspaceRepo(db).loadSchema(),
    entities: () => db.entities.toArray(),
    documentIds: () => db.documents.orderBy('importedAt').primaryKeys(),
    document: (id) => db.documents.get(id),
    annotationsOf: (id) => db.annotations.where('documentId').equals(id).toArray(),
    annotationCount: () => db.annotations.count(),
    annotatedDocumentIds: async () => (await db.annotations.orderBy('documentId').uniqueKeys()) as string[],
  };
}
