import { createClaim, createMention, createSource, makeSpan, type AnnotationRecord, type ClaimRecord, type TextSpan } from './annotation';
import type { DocumentRecord } from './document';
import { change, deleteAnnotations, merge, referrersOf, setClaimant, setCue, setSource, update, type Change } from './edits';
import type { LabelSchema } from './label-schema';
import { labelIdOf, withLabel } from './layers';
import { fail, ok, type Problem, type Result } from '../result';

export type Layer = AnnotationRecord['kind'];

export interface Ctx {
  document: DocumentRecord;
  annotations: readonly AnnotationRecord[];
  schema: LabelSchema;
  newId(): string;
  now(): string;
}

/** A new annotation of a layer over a span; refuses an exact duplicate (same span, layer and label). */
export function addAnnotation(
  ctx: Ctx,
  layer: Layer,
  span: { start: number; end: number },
  labelId: string,
): Result<{ change: Change; record: AnnotationRecord }> {
  const base = { id: ctx.newId(), documentId: ctx.document.id, start: span.start, end: span.end, now: ctx.now() };
  const made =
    layer === 'mention'
      ? createMention(ctx.document.text, { ...base, entityType: labelId })
      : layer === 'claim'
        ? createClaim(ctx.document.text, { ...base, stance: labelId })
        : createSource(ctx.document.text, { ...base, sourceType: labelId });
  if (!made.ok) return made;
  const r = made.value;
  const twin = ctx.annotations.find((a) => a.kind === r.kind && a.start === r.start && a.end === r.end && labelIdOf(a) === labelIdOf(r));
  if (twin) return fail({ code: 'duplicate', message: `«${twin.quote}» is already annotated like this.` });
  return ok({ change: change({ annotations: [[undefined, r]] }), record: r });
}

/** Change the label of an annotation within its own layer. */
export function relabel(ctx: Ctx, a: AnnotationRecord, labelId: string): Change {
  return update(a, withLabel(a, labelId), ctx.now());
}

/** The claims that would lose a link if `a` were deleted: the caller asks before going on. */
export function dependentsOf(ctx: Ctx, a: AnnotationRecord): ClaimRecord[] {
  return referrersOf(ctx.annotations, a.id);
}

export function remove(ctx: Ctx, a: AnnotationRecord): Change {
  return deleteAnnotations(ctx.annotations, [a.id], ctx.now());
}

/**
 * Link a claim to a span chosen in link mode, the role following from what was chosen: a mention becomes the
 * claimant, a source annotation the source, and plain text the attribution cue.
 */
export function linkClaim(
  ctx: Ctx,
  claim: ClaimRecord,
  target: AnnotationRecord | TextSpan,
): Result<{ change: Change; role: 'claimant' | 'source' | 'cue' }, Problem> {
  if ('kind' in target) {
    if (target.id === claim.id) return fail({ code: 'self-link', message: 'A claim cannot be linked to itself.' });
    if (target.documentId !== claim.documentId) return fail({ code: 'other-document', message: 'A claim links only to annotations of its own document.' });
    if (target.kind === 'mention') return ok({ change: setClaimant(claim, target, ctx.now()), role: 'claimant' });
    if (target.kind === 'source') return ok({ change: setSource(claim, target, ctx.now()), role: 'source' });
    return fail({ code: 'bad-link', message: 'A claim links to a mention (claimant), a source, or a cue span, not to another claim.' });
  }
  const span = makeSpan(ctx.document.text, target.start, target.end);
  if (!span.ok) return span;
  return ok({ change: setCue(claim, span.value, ctx.now()), role: 'cue' });
}

/**
 * Link mode's "make it and link it": a mention or source made on the spot becomes the focused claim's claimant or
 * source, both in one change (one undo step). `role` is null when the new span cannot be linked; the change then
 * only creates it.
 */
export function addAndLink(
  ctx: Ctx,
  claim: ClaimRecord,
  layer: Exclude<Layer, 'claim'>,
  span: { start: number; end: number },
  labelId: string,
): Result<{ change: Change; record: AnnotationRecord; role: 'claimant' | 'source' | null }> {
  const made = addAnnotation(ctx, layer, span, labelId);
  if (!made.ok) return made;
  const linked = linkClaim({ ...ctx, annotations: [...ctx.annotations, made.value.record] }, claim, made.value.record);
  if (!linked.ok || linked.value.role === 'cue') return ok({ ...made.value, role: null });
  return ok({ change: merge(made.value.change, linked.value.change), record: made.value.record, role: linked.value.role });
}
