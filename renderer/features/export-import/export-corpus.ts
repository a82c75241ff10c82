import { exportW3C, serializeW3C } from '../../../shared/formats/w3c-jsonld/export';
import type { AnnotationsRepo } from '../../db/annotations-repo';
import type { DocumentsRepo } from '../../db/documents-repo';
import type { WorkspaceRepo } from '../../db/workspace-repo';
import type { Platform } from '../../platform/platform';

/** Export the whole corpus as W3C JSON-LD and hand it to the platform to save. Returns a message for the user. */
export async function exportCorpus(documents: DocumentsRepo, annotations: AnnotationsRepo, workspace: WorkspaceRepo, platform: Platform, appVersion: string): Promise<string> {
  const [docs, anns, entities, schema] = await Promise.all([documents.listAll(), annotations.listAll(), workspace.listEntities(), workspace.loadSchema()]);
  const result = exportW3C({ documents: docs, annotations: anns, entities, schema, appVersion });
  if (!result.ok) return `Export failed: ${result.error.message}`;
  const day = new Date().toISOString().slice(0, 10);
  const outcome = await platform.saveText({
    suggestedName: `hamish-corpus-${day}.jsonld`,
    data: serializeW3C(result.value),
    mimeType: 'application/ld+json',
    filterName: 'W3C Web Annotation JSON-LD',
    extensions: ['jsonld', 'json'],
  });
  return outcome === 'saved' ? `Exported ${anns.length} annotations from ${docs.length} documents as W3C JSON-LD.` : 'Export cancelled.';
}
