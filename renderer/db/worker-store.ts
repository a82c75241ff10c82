import type { CorpusSource } from '../../shared/formats/source';
import type { LabelSchema } from '../../shared/model/label-schema';
import type { MergeWorkspace } from '../../shared/model/merge';
import { dexieCorpusSource } from './corpus-source';
import { openDatabase } from './database';
import { createWorkspaceRepo } from './workspace-repo';

/**
 * What the export and import workers read, on a connection of their own (a worker has no composition point to be
 * handed one): the corpus as an export source, the label schema, and the workspace indexed for an import's merge.
 * Workers only read; every write goes through the Workbench.
 */
export interface WorkerStore {
  source: CorpusSource;
  loadSchema(): Promise<LabelSchema>;
  mergeWorkspace(): Promise<MergeWorkspace>;
  close(): void;
}

export function openWorkerStore(name?: string): WorkerStore {
  const db = openDatabase(name);
  return {
    source: dexieCorpusSource(db),
    loadSchema: () => createWorkspaceRepo(db).loadSchema(),
    async mergeWorkspace() {
      const [docs, anns, ents] = await Promise.all([db.documents.toArray(), db.annotations.toArray(), db.entities.toArray()]);
      return {
        documentsBySha: new Map(docs.map((d) => [d.sha256, d])),
        annotationsById: new Map(anns.map((a) => [a.id, a])),
        entitiesById: new Map(ents.map((x) => [x.id, x])),
      };
    },
    close: () => db.close(),
  };
}
