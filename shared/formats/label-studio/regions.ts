import { makeSpan, type AnnotationRecord, type ClaimRecord, type TextSpan } from '../../model/annotation';
import { findDef, type LabelSchema } from '../../model/label-schema';
import type { RawText } from '../brat/raw-text';
import type { SchemaGrowth } from '../brat/label-growth';
import { printable } from '../brat/label-growth';
import type { ImportIssue } from '../corpus';
import { isObject, own, seg, shown, type JsonObject } from './json';
import { describeMiss, locateSpan, type OffsetUnit } from './locate';
import { LS } from './vocabulary';

export type Region = { kind: 'cue'; span: TextSpan; used: boolean; pointer: string } | { kind: 'record'; record: AnnotationRecord; pointer: string };

export interface RegionContext {
  text: RawText;
  documentId: string;
  schema: LabelSchema;
  growth: SchemaGrowth;
  newId(): string;
  now: string;
  issue(severity: ImportIssue['severity'], pointer: string, message: string): void;
  /** Counts per task, for one summary warning each. */
  units: Record<OffsetUnit | 'collapsed' | 'unchecked', number>;
}

/** One `labels` result as a region of the canonical text, or null (reported) when it cannot be one. */
export function readRegion(r: JsonObject, p: string, ctx: RegionContext): Region | null {
  const bad = (pointer: string, message: string) => {
    ctx.issue('error', pointer, `${message}; skipped.`);
    return null;
  };
  const value = own(r, 'value');
  if (!isObject(value)) return bad(`${p}/value`, 'a labels result needs a "value" object');
  const start = own(value, 'start');
  const end = own(value, 'end');
  for (const [key, v] of [
    ['start', start],
    ['end', end],
  ] as const) {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) return bad(`${p}/value/${key}`, `${key} must be a whole number ≥ 0, not ${shown(v)}`);
  }
  const [s, e] = [start as number, end as number];
  if (e <= s) return bad(`${p}/value/end`, `the span ${s}–${e} is empty or ends before it starts`);
  const labels = own(value, 'labels');
  if (!Array.isArray(labels) || typeof labels[0] !== 'string') return bad(`${p}/value/labels`, 'labels must be a list of label names');
  if (labels.length > 1) ctx.issue('warning', `${p}/value/labels`, `the region has ${labels.length} labels; imported with the first, ${shown(labels[0])}.`);
  const quote = own(value, 'text');
  if (quote !== undefined && typeof quote !== 'string') return bad(`${p}/value/text`, `text must be a string, not ${shown(quote)}`);
  const at = locateSpan(ctx.text, s, e, quote);
  if (!at) {
    const why =
      quote === undefined
        ? `${s}–${e} is past the end of the text (${ctx.text.codePoints} code points)`
        : `${shown(quote)} is not the text at ${s}–${e} (${describeMiss(ctx.text, s, e)})`;
    return bad(`${p}/value`, why);
  }
  ctx.units[at.unit]++;
  if (at.collapsed) ctx.units.collapsed++;
  if (!at.checked) ctx.units.unchecked++;
  const span = makeSpan(ctx.text.canonical, ctx.text.toCanonical(at.start), ctx.text.toCanonical(at.end));
  if (!span.ok) return bad(`${p}/value`, span.error.message);
  const label = labels[0] as string;
  const base = { id: ctx.newId(), documentId: ctx.documentId, ...span.value, created: ctx.now, modified: ctx.now };
  if (label === LS.cue) return { kind: 'cue', span: span.value, used: false, pointer: p };
  if (label === LS.claim) return { kind: 'record', pointer: p, record: { ...base, kind: 'claim', stance: ctx.schema.claimStances[0]!.id } };
  const sourceType = label.startsWith(LS.sourcePrefix) ? label.slice(LS.sourcePrefix.length) : undefined;
  if (sourceType && findDef(ctx.schema.sourceTypes, sourceType)) return { kind: 'record', pointer: p, record: { ...base, kind: 'source', sourceType } };
  const type = ctx.growth.entityTypeFor(label);
  if (!type.ok) return bad(`${p}/value/labels/0`, type.error);
  return { kind: 'record', pointer: p, record: { ...base, kind: 'mention', entityType: type.value } };
}

/** A relation result as a claim link: claimant (a mention), cue or reportedBy (a source), whichever way it points. */
export function readRelation(r: JsonObject, p: string, regions: ReadonlyMap<string, Region>, issue: RegionContext['issue']): void {
  const [fromId, toId] = [own(r, 'from_id'), own(r, 'to_id')];
  const ends = [fromId, toId].map((id) => (typeof id === 'string' || typeof id === 'number' ? regions.get(String(id)) : undefined));
  const missing = ends.findIndex((x) => !x);
  if (missing >= 0)
    return issue(
      'error',
      `${p}${seg(missing ? 'to_id' : 'from_id')}`,
      `the relation refers to region ${shown(missing ? toId : fromId)}, which is not a (readable) region of this annotation; skipped.`,
    );
  const claimAt = ends.findIndex((x) => x?.kind === 'record' && x.record.kind === 'claim');
  if (claimAt < 0) return issue('warning', p, 'the relation links no claim, so it has no place in Hamish; skipped.');
  const claim = (ends[claimAt] as Extract<Region, { kind: 'record' }>).record as ClaimRecord;
  const other = ends[1 - claimAt]!;
  const kind = other.kind === 'cue' ? 'cue' : other.record.kind;
  const labels = own(r, 'labels');
  const label = Array.isArray(labels) && typeof labels[0] === 'string' ? labels[0] : undefined;
  const implied = kind === 'mention' ? LS.claimant : kind === 'cue' ? LS.cueRelation : kind === 'source' ? LS.reportedBy : undefined;
  if (!implied || (label !== undefined && label !== implied)) {
    return issue(
      'warning',
      p,
      `a ${label ? `"${printable(label)}"` : 'relation'} between a claim and a ${kind} has no place in Hamish (claimant → mention, cue → cue, reportedBy → source); skipped.`,
    );
  }
  const taken = implied === LS.claimant ? claim.claimantId : implied === LS.cueRelation ? claim.cue : claim.sourceId;
  if (taken) return issue('warning', p, `the claim already has a ${implied}; this relation is ignored.`);
  if (other.kind === 'cue') {
    claim.cue = { ...other.span };
    other.used = true;
  } else if (implied === LS.claimant) claim.claimantId = other.record.id;
  else claim.sourceId = other.record.id;
}
