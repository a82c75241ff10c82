/// <reference lib="webworker" />
import { importFormat } from '../../../shared/formats/registry';
import { planMerge } from '../../../shared/formats/w3c-jsonld/merge';
import type { AnnotationRecord } from '../../../shared/model/annotation';
import { unionSchema } from '../../../shared/model/label-schema';
import { openDatabase } from '../../db/database';
import { createWorkspaceRepo } from '../../db/workspace-repo';
import type { ImportMessage, ImportRequest } from './import-protocol';

/**
 * Imports are parsed and planned here, off the main thread: the format's importer reads the files, the label
 * schema gains the file's entity types, and the plan matches everything against what IndexedDB holds. Nothing is
 * written here: the app applies the plan (one transaction) once the annotator has decided the conflicts.
 * Cancelling terminates the worker.
 */
const post = (m: ImportMessage) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

self.onmessage = async (e: MessageEvent<ImportRequest>) => {
  const { formatId, files, fileName, now } = e.data;
  const format = importFormat(formatId);
  if (!format) return post({ type: 'error', message: `Unknown import format ${formatId}.` });
  const db = openDatabase();
  try {
    post({ type: 'progress', step: 'reading' });
    const result = format.run(files, { fileName, now, newId: () => crypto.randomUUID() });
    if (!result.ok) return post({ type: 'failed', issues: result.issues });
    post({ type: 'progress', step: 'matching' });
    const current = await createWorkspaceRepo(db).loadSchema();
    const { schema, idFor, dropped } = unionSchema(current, result.corpus.schema);
    if (dropped.length)
      return post({
        type: 'failed',
        issues: [
          ...result.issues,
          { severity: 'error', message: `The file's labels do not fit in the schema (at most 200 per layer): ${dropped.join(', ')}.` },
        ],
      });
    const annotations = result.corpus.annotations.map((a): AnnotationRecord => {
      if (a.kind === 'mention') return { ...a, entityType: idFor.entityTypes.get(a.entityType) ?? a.entityType };
      if (a.kind === 'claim') return { ...a, stance: idFor.claimStances.get(a.stance) ?? a.stance };
      return { ...a, sourceType: idFor.sourceTypes.get(a.sourceType) ?? a.sourceType };
    });
    const [docs, anns, ents] = await Promise.all([db.documents.toArray(), db.annotations.toArray(), db.entities.toArray()]);
    const plan = planMerge(
      {
        documentsBySha: new Map(docs.map((d) => [d.sha256, d])),
        annotationsById: new Map(anns.map((a) => [a.id, a])),
        entitiesById: new Map(ents.map((x) => [x.id, x])),
      },
      { ...result.corpus, annotations },
    );
    post({ type: 'planned', plan, schema, issues: result.issues });
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  } finally {
    db.close();
  }
};
