import { compareByPosition, isAnchored, type AnnotationRecord, type TextSpan, groupByDocument } from '../../model/annotation';
import { labelIdOf } from '../../model/layers';
import { checkIntegrity } from '../../model/edits';
import type { DocumentRecord } from '../../model/document';
import type { KbEntity } from '../../model/kb-entity';
import { findDef, type LabelSchema } from '../../model/label-schema';
import { fail, ok, type Problem, type Result } from '../../result';
import { makeCodePointIndex } from '../../text/offsets';
import type { Corpus, ExportFile } from '../corpus';
import { bratAnnotationConf, bratVisualConf } from './conf';
import { bratBaseNames } from './file-names';
import { BRAT, PY_LINE_BREAK } from './vocabulary';

/**
 * The corpus as a brat collection: `annotation.conf` and `visual.conf`, then per document `<name>.txt` (the
 * canonical text, byte for byte) and `<name>.ann`. Offsets count code points, as brat (Python) does. Like the W3C
 * export it stops at the first annotation whose quote is not at its offsets or whose link or label is broken, so
 * that it never writes a file brat would reject or read wrongly.
 */
export function exportBrat(corpus: Corpus): Result<ExportFile[], Problem> {
  const docs = [...corpus.documents].sort(byImport);
  const names = bratBaseNames(docs);
  const entities = new Map(corpus.entities.map((e) => [e.id, e]));
  const byDoc = groupByDocument(corpus.annotations);
  const files: ExportFile[] = [
    { path: 'annotation.conf', content: bratAnnotationConf(corpus.schema) },
    { path: 'visual.conf', content: bratVisualConf(corpus.schema) },
  ];
  for (const doc of docs) {
    const ann = bratAnn(doc, byDoc.get(doc.id) ?? [], corpus.schema, entities);
    byDoc.delete(doc.id);
    if (!ann.ok) return ann;
    const name = names.get(doc.id)!;
    files.push({ path: `${name}.txt`, content: doc.text }, { path: `${name}.ann`, content: ann.value });
  }
  const orphan = byDoc.keys().next();
  if (!orphan.done) return fail({ code: 'orphan', message: `Annotations point to a missing document ${orphan.value}; export stopped.` });
  return ok(files);
}

/** Documents in import order, so that names and file order do not depend on how the caller listed them. */
export function byImport(a: DocumentRecord, b: DocumentRecord): number {
  return a.importedAt < b.importedAt ? -1 : a.importedAt > b.importedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

interface Bound extends TextSpan {
  id: string;
  type: string;
}

/** The `.ann` of one document: T lines in text order, then R, A, N and # lines. */
export function bratAnn(
  doc: DocumentRecord,
  annotations: readonly AnnotationRecord[],
  schema: LabelSchema,
  entities: ReadonlyMap<string, KbEntity>,
): Result<string, Problem> {
  const where = (a: AnnotationRecord) => `${a.kind} ${a.id} «${a.quote}» in "${doc.title}"`;
  const broken = checkIntegrity(annotations, new Set(entities.keys()))[0];
  if (broken) return fail({ ...broken, message: `${broken.message} (in "${doc.title}"); export stopped.` });
  const bounds: Bound[] = [];
  for (const a of annotations) {
    if (!isAnchored(doc.text, a))
      return fail({ code: 'unanchored', message: `${where(a)}: the text at ${a.start}–${a.end} is «${doc.text.slice(a.start, a.end)}»; export stopped.` });
    const type = bratType(a, schema);
    if (!type) return fail({ code: 'unknown-label', message: `${where(a)} has the unknown label "${labelIdOf(a)}"; export stopped.` });
    bounds.push({ id: a.id, type, start: a.start, end: a.end, quote: a.quote });
    if (a.kind === 'claim' && a.cue) bounds.push({ id: cueKey(a.id), type: BRAT.cue, ...a.cue });
  }
  bounds.sort(compareByPosition);
  const toCp = makeCodePointIndex(doc.text);
  const tOf = new Map<string, string>();
  const lines: string[] = [];
  for (const b of bounds) {
    const parts = fragments(doc.text, b.start, b.end);
    if (!parts.length)
      return fail({ code: 'blank-span', message: `Annotation ${b.id} in "${doc.title}" covers only line breaks, which brat cannot show; export stopped.` });
    const t = `T${tOf.size + 1}`;
    tOf.set(b.id, t);
    const offsets = parts.map(([s, e]) => `${toCp(s)} ${toCp(e)}`).join(';');
    lines.push(`${t}\t${b.type} ${offsets}\t${parts.map(([s, e]) => doc.text.slice(s, e)).join(' ')}`);
  }
  const rel: string[] = [];
  const attr: string[] = [];
  const norm: string[] = [];
  const notes: string[] = [];
  const normalise = (type: string, target: string, entity: KbEntity) => {
    const name = oneLine(entity.name);
    norm.push(`N${norm.length + 1}\t${type} ${target} ${BRAT.hamishDb}:${entity.id}\t${name}`);
    if (entity.externalId) {
      const db = /^Q\d+$/.test(entity.externalId) ? BRAT.wikidataDb : BRAT.urlDb;
      norm.push(`N${norm.length + 1}\t${type} ${target} ${db}:${entity.externalId}\t${name}`);
    }
  };
  for (const a of [...annotations].sort(compareByPosition)) {
    const t = tOf.get(a.id)!;
    if (a.kind !== 'claim') {
      if (a.entityId) normalise(BRAT.reference, t, entities.get(a.entityId)!);
      continue;
    }
    const link = (type: string, id: string | undefined) => id && rel.push(`R${rel.length + 1}\t${type} Arg1:${t} Arg2:${tOf.get(id)}`);
    link(BRAT.claimant, a.claimantId);
    link(BRAT.cueRelation, a.cue ? cueKey(a.id) : undefined);
    link(BRAT.reportedBy, a.sourceId);
    attr.push(`A${attr.length + 1}\t${BRAT.stance} ${t} ${a.stance}`);
    if (a.claimantEntityId && !a.claimantId) normalise(BRAT.claimantEntity, t, entities.get(a.claimantEntityId)!);
    if (a.claimDate) notes.push(`#${notes.length + 1}\t${BRAT.notes} ${t}\t${BRAT.claimDateNote}${oneLine(a.claimDate)}`);
  }
  const all = [...lines, ...rel, ...attr, ...norm, ...notes];
  return ok(all.length ? `${all.join('\n')}\n` : '');
}

function bratType(a: AnnotationRecord, schema: LabelSchema): string | undefined {
  if (a.kind === 'mention') return findDef(schema.entityTypes, a.entityType)?.tag;
  if (a.kind === 'source') return findDef(schema.sourceTypes, a.sourceType) && `${BRAT.sourcePrefix}${a.sourceType}`;
  return findDef(schema.claimStances, a.stance) && BRAT.claim;
}

const cueKey = (claimId: string) => `${claimId}\u0000cue`;

/** The pieces of a span between line breaks: brat's text field is one line, so a span across lines is discontinuous. */
export function fragments(text: string, start: number, end: number): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i === end || PY_LINE_BREAK.test(text[i]!)) {
      if (i > from) parts.push([from, i]);
      from = i + 1;
    }
  }
  return parts;
}

function oneLine(s: string): string {
  return s.replace(new RegExp(PY_LINE_BREAK.source, 'g'), ' ').replace(/\t/g, ' ');
}
