import { compareByPosition, isAnchored, type AnnotationRecord, type TextSpan, groupByDocument } from '../../model/annotation';
import { labelIdOf } from '../../model/layers';
import type { DocumentRecord } from '../../model/document';
import { checkIntegrity } from '../../model/edits';
import type { KbEntity } from '../../model/kb-entity';
import { findDef, type LabelSchema } from '../../model/label-schema';
import { fail, ok, type Problem, type Result } from '../../result';
import { makeCodePointIndex } from '../../text/offsets';
import { byImport } from '../brat/export-brat';
import type { Corpus } from '../corpus';
import { LS } from './vocabulary';

type Json = Record<string, unknown>;

/**
 * The corpus as a Label Studio JSON import file: one task per document (`data.text` is the canonical text, with its
 * title, Hamish id and sha256), its annotations as one pre-made annotation. Offsets count code points, as Label
 * Studio ≥ 1.0 does. Region ids are the annotation ids (a cue's is `<claim id>-cue`), so re-exports are identical.
 * Stops, like the other exports, at an annotation whose quote is not at its offsets or whose link or label is broken.
 */
export function exportLabelStudio(corpus: Corpus): Result<string, Problem> {
  const docs = [...corpus.documents].sort(byImport);
  const entities = new Map(corpus.entities.map((e) => [e.id, e]));
  const byDoc = groupByDocument(corpus.annotations);
  const tasks: Json[] = [];
  for (const doc of docs) {
    const task = labelStudioTask(doc, byDoc.get(doc.id) ?? [], corpus.schema, entities, tasks.length + 1);
    byDoc.delete(doc.id);
    if (!task.ok) return task;
    tasks.push(task.value);
  }
  const orphan = byDoc.keys().next();
  if (!orphan.done) return fail({ code: 'orphan', message: `Annotations point to a missing document ${orphan.value}; export stopped.` });
  return ok(`${JSON.stringify(tasks, null, 2)}\n`);
}

/** One document's task (task ids count from 1 in export order): what the array holds, for writing it piecewise. */
export function labelStudioTask(
  doc: DocumentRecord,
  annotations: readonly AnnotationRecord[],
  schema: LabelSchema,
  entities: ReadonlyMap<string, KbEntity>,
  id: number,
): Result<Json, Problem> {
  const result = taskResult(doc, annotations, schema, entities);
  if (!result.ok) return result;
  return ok({ id, data: { text: doc.text, title: doc.title, hamish_id: doc.id, sha256: doc.sha256 }, annotations: [{ result: result.value }] });
}

/** The tasks array written one task at a time: the same bytes as `exportLabelStudio` on the whole corpus. */
export function labelStudioArrayWriter() {
  let count = 0;
  return {
    task: (task: Json) => `${count++ ? ',' : '['}\n  ${JSON.stringify(task, null, 2).replace(/\n/g, '\n  ')}`,
    close: () => (count ? '\n]\n' : '[]\n'),
  };
}

function taskResult(
  doc: DocumentRecord,
  annotations: readonly AnnotationRecord[],
  schema: LabelSchema,
  entities: ReadonlyMap<string, KbEntity>,
): Result<Json[], Problem> {
  const broken = checkIntegrity(annotations, new Set(entities.keys()))[0];
  if (broken) return fail({ ...broken, message: `${broken.message} (in "${doc.title}"); export stopped.` });
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
  for (const a of [...annotations].sort(compareByPosition)) {
    if (!isAnchored(doc.text, a))
      return fail({
        code: 'unanchored',
        message: `${a.kind} ${a.id} in "${doc.title}" says «${a.quote}» at ${a.start}–${a.end}, but the text there is «${doc.text.slice(a.start, a.end)}»; export stopped.`,
      });
    const label = labelFor(a, schema);
    if (!label) return fail({ code: 'unknown-label', message: `${a.kind} ${a.id} in "${doc.title}" has the unknown label "${labelIdOf(a)}"; export stopped.` });
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
  return ok([...out, ...relations]);
}

function labelFor(a: AnnotationRecord, schema: LabelSchema): string | undefined {
  if (a.kind === 'mention') return findDef(schema.entityTypes, a.entityType)?.tag;
  if (a.kind === 'source') return findDef(schema.sourceTypes, a.sourceType) && `${LS.sourcePrefix}${a.sourceType}`;
  return findDef(schema.claimStances, a.stance) && LS.claim;
}
