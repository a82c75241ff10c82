import { compareByPosition, type AnnotationRecord } from '../../model/annotation';
import type { DocumentRecord } from '../../model/document';
import type { KbEntity } from '../../model/kb-entity';
import { DEFAULT_LABEL_SCHEMA, type LabelSchema } from '../../model/label-schema';
import type { Problem } from '../../result';
import { uuidFromName } from '../../text/uuid';
import { checkDocumentAnnotations, collectionOf, type ExportPlan } from './export';
import { annotationNode, documentNode, generatorNode, iriOf, labelDef, selectorMaker } from './nodes';

/**
 * The W3C export for a corpus too large to hold: the collection is written around two holes — its documents and
 * its annotations — that the caller fills one document at a time (reading each from storage as it goes). The
 * bytes are exactly those of `streamW3C` on the whole corpus (frame.test.ts holds them to it). Documents must be
 * given in export order (import time, then id), both times.
 */
export interface FrameInput {
  /** Every document id, in export order: the collection id derives from them. */
  documentIds: readonly string[];
  /** How many annotations the corpus holds. */
  total: number;
  entities: readonly KbEntity[];
  schema?: LabelSchema;
  appVersion: string;
}

export type FramePiece = { text: string } | { hole: 'documents' | 'annotations'; depth: number };

const HOLE = Symbol('hole');
const pad = (depth: number) => '  '.repeat(depth);
const nested = (v: unknown, depth: number) => JSON.stringify(v, null, 2).replace(/\n/g, `\n${pad(depth)}`);

export function w3cFrame(input: FrameInput): FramePiece[] {
  const schema = input.schema ?? DEFAULT_LABEL_SCHEMA;
  const collectionId = iriOf(uuidFromName(`collection:${input.documentIds.join(',')}`));
  const plan: ExportPlan = {
    schema,
    documents: [],
    annotationsOf: new Map(),
    entities: [...input.entities].sort((a, b) => (a.id < b.id ? -1 : 1)),
    total: input.total,
    generator: generatorNode(input.appVersion),
    collectionId,
    pageId: iriOf(uuidFromName(`page:1:${collectionId}`)),
  };
  let which = 0;
  const collection = collectionOf(plan, () => ({ [HOLE]: which++ === 0 ? 'documents' : 'annotations' }));
  const pieces: FramePiece[] = [];
  const write = (v: unknown, depth: number) => {
    if (typeof v === 'object' && v !== null && HOLE in v) {
      pieces.push({ hole: (v as { [HOLE]: 'documents' | 'annotations' })[HOLE], depth });
      return;
    }
    if (!holdsHole(v)) {
      pieces.push({ text: nested(v, depth) });
      return;
    }
    let head = '{';
    for (const [key, x] of Object.entries(v as object)) {
      if (x === undefined) continue;
      pieces.push({ text: `${head}\n${pad(depth + 1)}${JSON.stringify(key)}: ` });
      write(x, depth + 1);
      head = ',';
    }
    pieces.push({ text: `\n${pad(depth)}}` });
  };
  write(collection, 0);
  pieces.push({ text: '\n' });
  return pieces;
}

function holdsHole(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  return HOLE in v || Object.values(v).some(holdsHole);
}

/** Writes the elements of one hole, one call per document; `close()` ends the array. */
export function holeWriter(depth: number) {
  let count = 0;
  const element = (node: object) => `${count++ ? ',' : '['}\n${pad(depth + 1)}${nested(node, depth + 1)}`;
  return {
    document: (doc: DocumentRecord) => element(documentNode(doc)),
    /** The annotation nodes of one document, checked first; a problem stops the export. */
    annotations(
      doc: DocumentRecord,
      annotations: readonly AnnotationRecord[],
      entityIds: ReadonlySet<string>,
      schema: LabelSchema,
      appVersion: string,
    ): { text: string } | { problem: Problem } {
      const anns = [...annotations].sort(compareByPosition);
      const problem = checkDocumentAnnotations(doc, anns, entityIds, schema);
      if (problem) return { problem };
      const selectors = selectorMaker(doc);
      const generator = generatorNode(appVersion);
      return { text: anns.map((a) => element(annotationNode(a, labelDef(a, schema)!, selectors, generator))).join('') };
    },
    close: () => (count ? `\n${pad(depth)}]` : '[]'),
  };
}
