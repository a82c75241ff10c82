import type { AnnotationRecord, TextSpan } from '../../model/annotation';
import type { DocumentRecord } from '../../model/document';
import type { KbEntity } from '../../model/kb-entity';
import { findDef, type LabelSchema } from '../../model/label-schema';
import { makeCodePointIndex } from '../../text/offsets';
import { eachExportable, exportHead, type ExportOutcome, type ExportSink } from '../exportable';
import { jsonArray } from '../json-stream';
import type { CorpusSource } from '../source';
import { LS } from './vocabulary';

type Json = Record<string, unknown>;

/**
 * The corpus as a Label Studio JSON import file: one task per document (`data.text` is the canonical text, with its
 * title, Hamish id and sha256), its annotations as one pre-made annotation. Offsets count code points, as Label
 * Studio ≥ 1.0 does. Region ids are the annotation ids (a cue's is `<claim id>-cue`), so re-exports are identical;
 * task ids count from 1 in export order. The tasks array is written one task at a time.
 */
export async function writeLabelStudio(source: CorpusSource, sink: ExportSink): Promise<ExportOutcome> {
  const head = await exportHead(source);
  const entities = new Map(head.entities.map((e) => [e.id, e]));
  const tasks = jsonArray(0);
  const outcome = await eachExportable(
    source,
    head,
    (doc, annotations, i) => sink.write(tasks.element(labelStudioTask(doc, annotations, head.schema, entities, i + 1))),
    sink.progress,
  );
  if (outcome.ok) await sink.write(`${tasks.close()}\n`);
  return outcome;
}

/** One document's task, its annotations checked by `exportProblem` and in text order. */
function labelStudioTask(
  doc: DocumentRecord,
  annotations: readonly AnnotationRecord[],
  schema: LabelSchema,
  entities: ReadonlyMap<string, KbEntity>,
  id: number,
): Json {
  return {
    id,
    data: { text: doc.text, title: doc.title, hamish_id: doc.id, sha256: doc.sha256 },
    annotations: [{ result: taskResult(doc, annotations, schema, entities) }],
  };
}

function taskResult(doc: DocumentRecord, annotations: readonly AnnotationRecord[], schema: LabelSchema, entities: ReadonlyMap<string, KbEntity>): Json[] {
  const toCp = makeCodePointIndex(doc.text);
  const value = (s: TextSpan) => ({ start: toCp(s.start), end: toCp(s.end), text: s.quote });
  const region = (id: string, s: TextSpan, label: string) => ({
    id,
    from_name: LS.labels,
    to_name: LS.text,
    type: 'labels',
    value: { ...value(s), labels: [label] },
  });
  const perRegion = (id: string, s: TextSpan, fromName: string, type: string, v: Json) => ({
    id,
    from_name: fromName,
    to_name: LS.text,
    type,
    value: { start: toCp(s.start), end: toCp(s.end), ...v },
  });
  const entityText = (e: KbEntity) => [e.name, `urn:uuid:${e.id}`, ...(e.externalId ? [e.externalId] : [])];
  const out: Json[] = [];
  const relations: Json[] = [];
  const relate = (from: string, to: string | undefined, label: string) =>
    to && relations.push({ from_id: from, to_id: to, type: 'relation', direction: 'right', labels: [label] });
  for (const a of annotations) {
    // Known: the export checked every label (exportProblem).
    const label = labelFor(a, schema)!;
    out.push(region(a.id, a, label));
    if (a.kind !== 'claim') {
      if (a.entityId) out.push(perRegion(a.id, a, LS.entity, 'textarea', { text: entityText(entities.get(a.entityId)!) }));
      continue;
    }
    out.push(perRegion(a.id, a, LS.stance, 'choices', { choices: [a.stance] }));
    if (a.claimDate) out.push(perRegion(a.id, a, LS.claimDate, 'textarea', { text: [a.claimDate] }));
    if (a.claimantEntityId && !a.claimantId)
      out.push(perRegion(a.id, a, LS.claimantEntity, 'textarea', { text: entityText(entities.get(a.claimantEntityId)!) }));
    if (a.cue) out.push(region(`${a.id}-cue`, a.cue, LS.cue));
    relate(a.id, a.claimantId, LS.claimant);
    relate(a.id, a.cue ? `${a.id}-cue` : undefined, LS.cueRelation);
    relate(a.id, a.sourceId, LS.reportedBy);
  }
  return [...out, ...relations];
}

function labelFor(a: AnnotationRecord, schema: LabelSchema): string | undefined {
  if (a.kind === 'mention') return findDef(schema.entityTypes, a.entityType)?.tag;
  if (a.kind === 'source') return findDef(schema.sourceTypes, a.sourceType) && `${LS.sourcePrefix}${a.sourceType}`;
  return findDef(schema.claimStances, a.stance) && LS.claim;
}
