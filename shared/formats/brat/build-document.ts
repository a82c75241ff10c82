import { makeSpan, type AnnotationRecord, type ClaimRecord, type MentionRecord, type SourceRecord, type TextSpan } from '../../model/annotation';
import { findDef, type LabelSchema } from '../../model/label-schema';
import type { ImportIssue } from '../corpus';
import type { EntityPool, EntityRef } from './entity-pool';
import { printable, type SchemaGrowth } from './label-growth';
import type { AnnLine } from './parse-ann';
import type { RawText } from './raw-text';
import { BRAT } from './vocabulary';

type Bound = { kind: 'cue'; span: TextSpan; used: boolean } | { kind: 'record'; record: AnnotationRecord };

export interface BratDocumentInput {
  path: string;
  documentId: string;
  text: RawText;
  lines: readonly AnnLine[];
  schema: LabelSchema;
  growth: SchemaGrowth;
  pool: EntityPool;
  newId(): string;
  now: string;
}

/** The annotations of one brat document; every line that cannot become part of the model is reported and skipped. */
export function buildBratDocument(input: BratDocumentInput): { annotations: AnnotationRecord[]; issues: ImportIssue[] } {
  const { path, text, schema } = input;
  const issues: ImportIssue[] = [];
  const report = (severity: ImportIssue['severity'], line: number, message: string) =>
    issues.push({ severity, line, message: `${path} line ${line}: ${message}` });
  const byT = new Map<string, Bound>();
  const stanceSet = new Set<ClaimRecord>();
  const stanceSeen = new Set<ClaimRecord>();
  const claimLines = new Map<ClaimRecord, number>();
  const base = { documentId: input.documentId, created: input.now, modified: input.now };

  for (const t of input.lines) {
    if (t.kind !== 'T') continue;
    const span = spanOf(t, text, (sev, msg) => report(sev, t.line, `${t.id} ${msg}`));
    if (!span) continue;
    if (t.type === BRAT.cue) {
      byT.set(t.id, { kind: 'cue', span, used: false });
    } else if (t.type === BRAT.claim) {
      const claim: ClaimRecord = { ...base, id: input.newId(), kind: 'claim', ...span, stance: schema.claimStances[0]!.id };
      claimLines.set(claim, t.line);
      byT.set(t.id, { kind: 'record', record: claim });
    } else if (t.type.startsWith(BRAT.sourcePrefix) && findDef(schema.sourceTypes, t.type.slice(BRAT.sourcePrefix.length))) {
      byT.set(t.id, { kind: 'record', record: { ...base, id: input.newId(), kind: 'source', ...span, sourceType: t.type.slice(BRAT.sourcePrefix.length) } });
    } else {
      const type = input.growth.entityTypeFor(t.type);
      if (!type.ok) report('error', t.line, `${t.id}: ${type.error}; skipped.`);
      else byT.set(t.id, { kind: 'record', record: { ...base, id: input.newId(), kind: 'mention', ...span, entityType: type.value } });
    }
  }
  const claimOf = (id: string) => {
    const b = byT.get(id);
    return b?.kind === 'record' && b.record.kind === 'claim' ? b.record : undefined;
  };

  const refs = new Map<string, { line: number; type: string; target: string; refs: EntityRef[] }>();
  for (const l of input.lines) {
    if (l.kind === 'T') continue;
    const missing = [...(l.kind === 'R' ? l.args : [l.target])].find((id) => !byT.has(id));
    if (missing) {
      report('error', l.line, `${l.id} refers to ${printable(missing)}, which is not a span of this file (or was skipped); skipped.`);
      continue;
    }
    if (l.kind === 'R') relate(l, byT, (sev, msg) => report(sev, l.line, `${l.id} ${msg}`));
    else if (l.kind === 'A') {
      const claim = claimOf(l.target);
      if (claim && l.type === BRAT.stance) stanceSeen.add(claim);
      if (l.type !== BRAT.stance || !claim)
        report('warning', l.line, `${l.id}: the attribute ${printable(l.type)} on ${l.target} is not part of Hamish's model; skipped.`);
      else if (!l.value || !findDef(schema.claimStances, l.value))
        report(
          'warning',
          l.line,
          `${l.id}: "${printable(l.value ?? '')}" is not a stance of the schema (${schema.claimStances.map((s) => s.id).join(', ')}); the claim keeps "${claim.stance}".`,
        );
      else if (stanceSet.has(claim)) report('warning', l.line, `${l.id}: ${l.target} already has a stance; this one is ignored.`);
      else {
        claim.stance = l.value;
        stanceSet.add(claim);
      }
    } else if (l.kind === 'N') {
      const entry = refs.get(`${l.type} ${l.target}`) ?? { line: l.line, type: l.type, target: l.target, refs: [] };
      entry.refs.push({ db: l.db, ref: l.ref, name: l.text });
      refs.set(`${l.type} ${l.target}`, entry);
    } else {
      const claim = claimOf(l.target);
      const date = l.text.trim().startsWith(BRAT.claimDateNote) ? l.text.trim().slice(BRAT.claimDateNote.length) : undefined;
      if (claim && date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(date)) claim.claimDate = date;
      else if (date !== undefined) report('warning', l.line, `${l.id}: a claim date must be a claim's note "${BRAT.claimDateNote}YYYY-MM-DD"; skipped.`);
    }
  }

  for (const entry of refs.values()) {
    const b = byT.get(entry.target);
    const rec = b?.kind === 'record' ? b.record : undefined;
    if (rec && rec.kind !== 'claim' && entry.type === BRAT.reference) {
      rec.entityId = input.pool.link(entry.refs, rec.quote, rec.kind === 'mention' ? rec.entityType : input.growth.typeTagged('ORG'));
    } else if (rec?.kind === 'claim' && entry.type === BRAT.claimantEntity) {
      if (rec.claimantId) report('warning', entry.line, `${entry.target} already has a claimant mention; its claimant entity is ignored.`);
      else rec.claimantEntityId = input.pool.link(entry.refs, entry.refs[0]!.ref, input.growth.typeTagged('PER'));
    } else {
      report('warning', entry.line, `the normalisation ${printable(entry.type)} on ${entry.target} is not part of Hamish's model; skipped.`);
    }
  }

  const annotations: AnnotationRecord[] = [];
  for (const [id, b] of byT) {
    if (b.kind === 'record') annotations.push(b.record);
    else if (!b.used) report('warning', lineOf(input.lines, id), `${id} is a cue that no claim links to (R… Cue Arg1:<claim> Arg2:${id}); skipped.`);
  }
  const unset = [...claimLines].filter(([claim]) => !stanceSeen.has(claim));
  if (unset.length) {
    report(
      'warning',
      unset[0]![1],
      `${unset.length} claim(s) have no ${BRAT.stance} attribute (lines ${unset.map(([, line]) => line).join(', ')}) and were set to "${schema.claimStances[0]!.id}".`,
    );
  }
  return { annotations, issues };
}

function relate(
  r: Extract<AnnLine, { kind: 'R' }>,
  byT: ReadonlyMap<string, Bound>,
  report: (severity: ImportIssue['severity'], message: string) => void,
): void {
  const [a, b] = r.args.map((id) => byT.get(id)!);
  const claimFirst = a?.kind === 'record' && a.record.kind === 'claim';
  const claim = (claimFirst ? a : b) as Bound;
  const other = (claimFirst ? b : a) as Bound;
  if (claim.kind !== 'record' || claim.record.kind !== 'claim') return report('warning', `(${printable(r.type)}) links no claim; skipped.`);
  const c = claim.record;
  const kind = other.kind === 'cue' ? 'cue' : other.record.kind;
  const wanted = r.type === BRAT.claimant ? 'mention' : r.type === BRAT.cueRelation ? 'cue' : r.type === BRAT.reportedBy ? 'source' : undefined;
  if (!wanted)
    return report(
      'warning',
      `: the relation type ${printable(r.type)} is not part of Hamish's model (${BRAT.claimant}, ${BRAT.cueRelation}, ${BRAT.reportedBy}); skipped.`,
    );
  if (kind !== wanted) return report('warning', `: a ${r.type} relation must link a claim to a ${wanted}, not a ${kind}; skipped.`);
  const slot = wanted === 'mention' ? c.claimantId : wanted === 'cue' ? c.cue : c.sourceId;
  if (slot) return report('warning', `: the claim already has a ${r.type}; this one is ignored.`);
  if (other.kind === 'cue') {
    c.cue = { start: other.span.start, end: other.span.end, quote: other.span.quote };
    other.used = true;
  } else if (wanted === 'mention') c.claimantId = (other.record as MentionRecord).id;
  else c.sourceId = (other.record as SourceRecord).id;
}

/** A T line's span on the canonical text, after checking its offsets and text against the raw `.txt`. */
function spanOf(t: Extract<AnnLine, { kind: 'T' }>, text: RawText, report: (severity: ImportIssue['severity'], message: string) => void): TextSpan | null {
  const bad = (message: string) => {
    report('error', message);
    return null;
  };
  const frags = [...t.fragments].sort((x, y) => x[0] - y[0]);
  const offsets = t.fragments.map(([s, e]) => `${s} ${e}`).join(';');
  const last = Math.max(...frags.map((f) => f[1]));
  if (last > text.codePoints) return bad(`(${offsets}) goes past the end of the text (${text.codePoints} code points); skipped.`);
  const expected = t.fragments.map(([s, e]) => text.slicePoints(s, e)).join(' ');
  if (t.text !== undefined && t.text !== expected) {
    return bad(`says «${printable(t.text)}» but the text at ${offsets} (code points) is «${printable(expected)}»; skipped.`);
  }
  const gaps = frags
    .slice(1)
    .map((f, i) => text.slicePoints(frags[i]![1], f[0]))
    .filter((g) => /\S/.test(g));
  if (gaps.length)
    report(
      'warning',
      `is discontinuous (${offsets}); imported as one span from ${frags[0]![0]} to ${last}, which now includes «${printable(gaps.join('…'))}».`,
    );
  const span = makeSpan(text.canonical, text.toCanonical(text.rawIndexOf(frags[0]![0])), text.toCanonical(text.rawIndexOf(last)));
  if (!span.ok) return bad(`(${offsets}): ${span.error.message} Skipped.`);
  return span.value;
}

function lineOf(lines: readonly AnnLine[], id: string): number {
  return lines.find((l) => l.id === id)?.line ?? 1;
}
