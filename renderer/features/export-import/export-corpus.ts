import { exportW3C, serializeW3C } from '../../../shared/formats/w3c-jsonld/export';
import type { AnnotationsRepo } from '../../db/annotations-repo';
import type { DocumentsRepo } from '../../db/documents-repo';
import type { WorkspaceRepo } from '../../db/workspace-repo';
import type { Platform } from '../../platform/platform';

export type ExportOutcome =
  | { status: 'saved'; documents: number; annotations: number }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string };

/** Export the whole corpus as W3C JSON-LD and hand it to the platform to save. */
export async function exportCorpus(documents: DocumentsRepo, annotations: AnnotationsRepo, workspace: WorkspaceRepo, platform: Platform, appVersion: string): Promise<ExportOutcome> {
  const [docs, anns, entities, schema] = await Promise.all([documents.listAll(), annotations.listAll(), workspace.listEntities(), workspace.loadSchema()]);
  const result = exportW3C({ documents: docs, annotations: anns, entities, schema, appVersion });
  if (!result.ok) return { status: 'failed', message: result.error.message };
  const day = new Date().toISOString().slice(0, 10);
  const outcome = await platform.saveText({
    suggestedName: `hamish-corpus-${day}.jsonld`,
    data: serializeW3C(result.value),
    mimeType: 'application/ld+json',
    filterName: 'W3C Web Annotation JSON-LD',
    extensions: ['jsonld', 'json'],
  });
  return outcome === 'saved' ? { status: 'saved', documents: docs.length, annotations: anns.length } : { status: 'cancelled' };
}
