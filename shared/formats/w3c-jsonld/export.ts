import { uuidFromName } from '../../text/uuid';
import { eachExportable, exportHead, type ExportHead, type ExportOutcome, type ExportSink } from '../exportable';
import { Hole, jsonArray, jsonPieces } from '../json-stream';
import type { CorpusSource } from '../source';
import { annotationNode, documentNode, entityNode, generatorNode, iriOf, labelDef, labelSchemaNode, selectorMaker } from './nodes';
import { ANNO_CONTEXT, HAMISH_CONTEXT } from './vocabulary';

export { iriOf } from './nodes';

/**
 * The corpus as one W3C AnnotationCollection with a single embedded AnnotationPage. Its two long arrays — the
 * documents and the annotations — are written one element at a time as each document is read from the source,
 * so memory stays flat however large the corpus. Key order is fixed by construction and the collection's id
 * derives from its documents, so unchanged data exports to identical bytes. Every document is checked
 * (`exportProblem`) before its annotations are written: a selector whose quote is not at its offsets is never
 * written.
 */
export async function writeW3C(source: CorpusSource, appVersion: string, sink: ExportSink): Promise<ExportOutcome> {
  const head = await exportHead(source);
  const generator = generatorNode(appVersion);
  let outcome: ExportOutcome | undefined;
  for (const piece of jsonPieces(collectionFrame(head, generator))) {
    if ('text' in piece) {
      await sink.write(piece.text);
      continue;
    }
    const array = jsonArray(piece.depth);
    if (piece.hole === 'documents') {
      for (const [i, id] of head.documentIds.entries()) {
        const doc = await source.document(id);
        if (doc) await sink.write(array.element(documentNode(doc)));
        sink.progress?.((0.2 * (i + 1)) / head.documentIds.length);
      }
    } else {
      outcome = await eachExportable(
        source,
        head,
        async (doc, annotations) => {
          const selectors = selectorMaker(doc);
          for (const a of annotations) await sink.write(array.element(annotationNode(a, labelDef(a, head.schema)!, selectors, generator)));
        },
        (f) => sink.progress?.(0.2 + 0.8 * f),
      );
      if (!outcome.ok) return outcome;
    }
    await sink.write(array.close());
  }
  return outcome!;
}

function collectionFrame(head: ExportHead, generator: object): object {
  const collectionId = iriOf(uuidFromName(`collection:${head.documentIds.join(',')}`));
  const pageId = iriOf(uuidFromName(`page:1:${collectionId}`));
  return {
    '@context': [ANNO_CONTEXT, HAMISH_CONTEXT],
    id: collectionId,
    type: 'AnnotationCollection',
    label: 'Hamish corpus',
    total: head.total,
    generator,
    labelSchema: labelSchemaNode(head.schema),
    documents: new Hole('documents'),
    entities: head.entities.map((e) => entityNode(e, head.schema)),
    first: { id: pageId, type: 'AnnotationPage', partOf: { id: collectionId }, startIndex: 0, items: new Hole('annotations') },
    last: pageId,
  };
}
