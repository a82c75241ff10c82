import { quoteMatches } from '../anchoring/quote';
import { fail, ok, type Problem, type Result } from '../result';
import { splitsSurrogatePair } from '../text/offsets';

/**
 * A span of one document's canonical text. `start`/`end` are UTF-16 code-unit offsets into the canonical text
 * (end exclusive); `quote` is always the exact text between them.
 */
export interface TextSpan {
  start: number;
  end: number;
  quote: string;
}

interface AnnotationBase extends TextSpan {
  id: string;
  documentId: string;
  /** ISO 8601 with time zone. */
  created: string;
  modified: string;
}

/** A mention of an entity, typed, optionally linked to a knowledge-base entity of the corpus. */
export interface MentionRecord extends AnnotationBase {
  kind: 'mention';
  entityType: string;
  entityId?: string;
}

/**
 * Something asserted in the article. All links are ids: the claimant is a mention in the same document (or,
 * when the claimant is not named in this span, a KB entity), the source is a source annotation of the document.
 */
export interface ClaimRecord extends AnnotationBase {
  kind: 'claim';
  stance: string;
  claimantId?: string;
  claimantEntityId?: string;
  /** The attribution cue (قال، أكد، شدد…), a span of the same document. */
  cue?: TextSpan;
  sourceId?: string;
  /** YYYY-MM-DD when the claim was made, if the article says. */
  claimDate?: string;
}

/** Where information comes from: «(رويترز)», «المصدر : الجزيرة + وكالات». */
export interface SourceRecord extends AnnotationBase {
  kind: 'source';
  sourceType: string;
  entityId?: string;
}

export type AnnotationRecord = MentionRecord | ClaimRecord | SourceRecord;
export type AnnotationKind = AnnotationRecord['kind'];

/** Text order: by start, then longer spans first so an enclosing span precedes what it contains. */
export function compareByPosition(a: TextSpan & { id: string }, b: TextSpan & { id: string }): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function checkSpan(text: string, start: number, end: number): Problem | null {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    return { code: 'bad-span', message: `Span ${start}–${end} is not a non-empty range inside the text (length ${text.length}).` };
  }
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    return { code: 'split-character', message: `Span ${start}–${end} cuts a character in half.` };
  }
  return null;
}

/** A span of `text`, refusing spans that are empty, out of range or split a character. */
export function makeSpan(text: string, start: number, end: number): Result<TextSpan> {
  const bad = checkSpan(text, start, end);
  return bad ? fail(bad) : ok({ start, end, quote: text.slice(start, end) });
}

interface NewAnnotation {
  id: string;
  documentId: string;
  start: number;
  end: number;
  now: string;
}

export function createMention(text: string, m: NewAnnotation & { entityType: string; entityId?: string }): Result<MentionRecord> {
  const span = makeSpan(text, m.start, m.end);
  if (!span.ok) return span;
  return ok({
    id: m.id,
    documentId: m.documentId,
    kind: 'mention',
    ...span.value,
    entityType: m.entityType,
    ...(m.entityId ? { entityId: m.entityId } : {}),
    created: m.now,
    modified: m.now,
  });
}

export function createClaim(text: string, c: NewAnnotation & { stance: string }): Result<ClaimRecord> {
  const span = makeSpan(text, c.start, c.end);
  if (!span.ok) return span;
  return ok({ id: c.id, documentId: c.documentId, kind: 'claim', ...span.value, stance: c.stance, created: c.now, modified: c.now });
}

export function createSource(text: string, s: NewAnnotation & { sourceType: string }): Result<SourceRecord> {
  const span = makeSpan(text, s.start, s.end);
  if (!span.ok) return span;
  return ok({ id: s.id, documentId: s.documentId, kind: 'source', ...span.value, sourceType: s.sourceType, created: s.now, modified: s.now });
}

/** An annotation is anchored when its quote (and its cue's) still equal the text at their offsets. */
export function isAnchored(text: string, a: AnnotationRecord): boolean {
  if (!quoteMatches(text, a.start, a.end, a.quote)) return false;
  return a.kind !== 'claim' || !a.cue || quoteMatches(text, a.cue.start, a.cue.end, a.cue.quote);
}

/** Annotations grouped by document, each group in the order given (exports sort them as they need). */
export function groupByDocument<T extends { documentId: string }>(annotations: Iterable<T>): Map<string, T[]> {
  const byDoc = new Map<string, T[]>();
  for (const a of annotations) {
    const list = byDoc.get(a.documentId);
    if (list) list.push(a);
    else byDoc.set(a.documentId, [a]);
  }
  return byDoc;
}
