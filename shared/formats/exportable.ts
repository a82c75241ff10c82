import { quoteMatches } from '../anchoring/quote';
import { compareByPosition, type AnnotationRecord } from '../model/annotation';
import type { DocumentRecord } from '../model/document';
import { checkIntegrity } from '../model/edits';
import type { KbEntity } from '../model/kb-entity';
import type { LabelSchema } from '../model/label-schema';
import { labelDefOf, labelIdOf } from '../model/layers';
import { fail, ok, type Problem, type Result } from '../result';
import type { Corpus } from './corpus';
import type { CorpusSource } from './source';

/**
 * What every export checks before it writes a document, so that no two formats disagree about what can be
 * exported: each annotation's quote (and a claim's cue) is at its offsets, every link points at a record of the
 * right kind (a claimant at a mention of the same document, a source at a source annotation, an entity link at a
 * KB entity), every label is in the schema. The first problem, naming the annotation and its document, or null.
 */
export function exportProblem(
  doc: DocumentRecord,
  annotations: readonly AnnotationRecord[],
  entityIds: ReadonlySet<string>,
  schema: LabelSchema,
): Problem | null {
  const where = (a: AnnotationRecord) => `${a.kind} ${a.id} «${a.quote}» in "${doc.title}"`;
  for (const a of annotations) {
    const span = !quoteMatches(doc.text, a.start, a.end, a.quote)
      ? a
      : a.kind === 'claim' && a.cue && !quoteMatches(doc.text, a.cue.start, a.cue.end, a.cue.quote)
        ? a.cue
        : null;
    if (span) {
      const what = span === a ? where(a) : `The cue «${span.quote}» of ${where(a)}`;
      return { code: 'unanchored', message: `${what}: the text at ${span.start}–${span.end} is «${doc.text.slice(span.start, span.end)}»; export stopped.` };
    }
  }
  const broken = checkIntegrity(annotations, entityIds)[0];
  if (broken) return { ...broken, message: `${broken.message} (in "${doc.title}"); export stopped.` };
  const unknown = annotations.find((a) => !labelDefOf(schema, a));
  if (unknown) return { code: 'unknown-label', message: `${where(unknown)} has the unknown label "${labelIdOf(unknown)}"; export stopped.` };
  return null;
}

/** Where an export's chunks go: a download, a file, a string. A write may wait (a slow disk), and is awaited. */
export interface ExportSink {
  write(chunk: string): void | Promise<void>;
  /** How far the export is, from 0 to 1. */
  progress?(fraction: number): void;
}

export interface ExportCounts {
  documents: number;
  annotations: number;
}

export type ExportOutcome = Result<ExportCounts, Problem>;

/** What every export reads before its first document. */
export interface ExportHead {
  schema: LabelSchema;
  /** Sorted by id, so that the output does not depend on storage order. */
  entities: KbEntity[];
  entityIds: ReadonlySet<string>;
  documentIds: readonly string[];
  /** How many annotations the corpus holds. */
  total: number;
}

export async function exportHead(source: CorpusSource): Promise<ExportHead> {
  const [schema, entities, documentIds, total] = await Promise.all([source.schema(), source.entities(), source.documentIds(), source.annotationCount()]);
  const sorted = [...entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { schema, entities: sorted, entityIds: new Set(sorted.map((e) => e.id)), documentIds, total };
}

/**
 * Each document in export order with its annotations in text order, checked (`exportProblem`) before `visit` sees
 * it; the first problem stops the export. At the end every annotation of the corpus must have been visited: one
 * whose document is gone would otherwise be left out of the file without a word.
 */
export async function eachExportable(
  source: CorpusSource,
  head: ExportHead,
  /** May return a problem of its own format (brat cannot show a span of line breaks only), which stops the export. */
  visit: (doc: DocumentRecord, annotations: readonly AnnotationRecord[], index: number) => Problem | void | Promise<Problem | void>,
  progress?: (fraction: number) => void,
): Promise<ExportOutcome> {
  let annotations = 0;
  let documents = 0;
  for (const [i, id] of head.documentIds.entries()) {
    const [doc, anns] = await Promise.all([source.document(id), source.annotationsOf(id)]);
    if (!doc) continue;
    const sorted = [...anns].sort(compareByPosition);
    const problem = exportProblem(doc, sorted, head.entityIds, head.schema);
    if (problem) return fail(problem);
    const refused = await visit(doc, sorted, documents++);
    if (refused) return fail(refused);
    annotations += sorted.length;
    progress?.((i + 1) / head.documentIds.length);
  }
  if (annotations !== head.total) {
    const known = new Set(head.documentIds);
    const orphans = (await source.annotatedDocumentIds()).filter((id) => !known.has(id));
    if (orphans.length)
      return fail({ code: 'orphan', message: `Annotations point to ${orphans.length} missing document(s), e.g. ${orphans[0]}; export stopped.` });
    // The file already says how many annotations it holds: one made or removed meanwhile would make it lie.
    return fail({
      code: 'changed',
      message: `The corpus changed while it was exported (${head.total} annotations when it began, ${annotations} written); export again.`,
    });
  }
  return ok({ documents, annotations });
}

/** A format whose corpus file is its documents' files joined (CoNLL, JSONL): each document checked, then written. */
export async function writeEachDocument(source: CorpusSource, sink: ExportSink, serialize: (one: Corpus) => Iterable<string>): Promise<ExportOutcome> {
  const head = await exportHead(source);
  return eachExportable(
    source,
    head,
    async (doc, annotations) => {
      for (const chunk of serialize({ documents: [doc], annotations: [...annotations], entities: head.entities, schema: head.schema })) await sink.write(chunk);
    },
    sink.progress,
  );
}

/** The whole export as chunks in memory (a small corpus, a test), or its problem; nothing half-written comes out. */
export async function collectExport(run: (sink: ExportSink) => Promise<ExportOutcome>): Promise<Result<{ chunks: string[]; counts: ExportCounts }, Problem>> {
  const chunks: string[] = [];
  const outcome = await run({ write: (c) => void chunks.push(c) });
  return outcome.ok ? ok({ chunks, counts: outcome.value }) : outcome;
}
