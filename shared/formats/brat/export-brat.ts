import { compareByPosition, type AnnotationRecord, type TextSpan } from '../../model/annotation';
import type { DocumentRecord } from '../../model/document';
import type { KbEntity } from '../../model/kb-entity';
import { findDef, type LabelSchema } from '../../model/label-schema';
import { fail, ok, type Problem, type Result } from '../../result';
import { makeCodePointIndex } from '../../text/offsets';
import type { ExportFile } from '../corpus';
import { eachExportable, exportHead, type ExportOutcome } from '../exportable';
import type { CorpusSource } from '../source';
import { bratAnnotationConf, bratVisualConf } from './conf';
import { bratBaseNames } from './file-names';
import { BRAT, PY_LINE_BREAK } from './vocabulary';

/**
 * The corpus as a brat collection: `annotation.conf` and `visual.conf`, then per document `<name>.txt` (the
 * canonical text, byte for byte) and `<name>.ann`, handed to `file` one by one (the format packs them in a tar, the
 * CLI writes them to a folder). Offsets count code points, as brat (Python) does. Every document is checked as all
 * exports check it (`exportProblem`), so that it never writes a file brat would reject or read wrongly.
 */
export async function bratFiles(source: CorpusSource, file: (f: ExportFile) => void | Promise<void>, progress?: (f: number) => void): Promise<ExportOutcome> {
  const head = await exportHead(source);
  // File names are made unique over the whole corpus, so every title is read before the first file.
  const metas = [];
  for (const id of head.documentIds) {
    const doc = await source.document(id);
    if (doc) metas.push({ id: doc.id, title: doc.title, fileName: doc.fileName });
  }
  const names = bratBaseNames(metas);
  const entities = new Map(head.entities.map((e) => [e.id, e]));
  await file({ path: 'annotation.conf', content: bratAnnotationConf(head.schema) });
  await file({ path: 'visual.conf', content: bratVisualConf(head.schema) });
  return eachExportable(
    source,
    head,
    async (doc, annotations) => {
      const ann = bratAnn(doc, annotations, head.schema, entities);
      if (!ann.ok) return ann.error;
      const name = names.get(doc.id)!;
      await file({ path: `${name}.txt`, content: doc.text });
      await file({ path: `${name}.ann`, content: ann.value });
    },
    progress,
  );
}

interface Bound extends TextSpan {
  id: string;
  type: string;
}

/** The `.ann` of one document, checked by `exportProblem`: T lines in text order, then R, A, N and # lines. */
export function bratAnn(
  doc: DocumentRecord,
  annotations: readonly AnnotationRecord[],
  schema: LabelSchema,
  entities: ReadonlyMap<string, KbEntity>,
): Result<string, Problem> {
  const bounds: Bound[] = [];
  for (const a of annotations) {
    // Known: the export checked every label (exportProblem).
    const type = bratType(a, schema)!;
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
