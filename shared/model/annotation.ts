import { quoteMatches } from '../anchoring/quote';
import { fail, ok, type Result } from '../result';
import { splitsSurrogatePair } from '../text/offsets';

/**
 * An entity mention: a span of one document's canonical text with a label. `start`/`end` are UTF-16 code-unit
 * offsets into the canonical text (end exclusive); `quote` is always the exact text between them.
 */
export interface MentionRecord {
  id: string;
  documentId: string;
  kind: 'mention';
  start: number;
  end: number;
  quote: string;
  label: string;
  /** ISO 8601 with time zone. */
  created: string;
  modified: string;
}

export type AnnotationRecord = MentionRecord;

export interface NewMention {
  id: string;
  documentId: string;
  start: number;
  end: number;
  label: string;
  now: string;
}

/** Build a mention from a span of `text`, refusing spans that are empty, out of range or split a character. */
export function createMention(text: string, m: NewMention): Result<MentionRecord> {
  const bad = checkSpan(text, m.start, m.end);
  if (bad) return fail(bad);
  return ok({
    id: m.id,
    documentId: m.documentId,
    kind: 'mention',
    start: m.start,
    end: m.end,
    quote: text.slice(m.start, m.end),
    label: m.label,
    created: m.now,
    modified: m.now,
  });
}

export function checkSpan(text: string, start: number, end: number) {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    return { code: 'bad-span', message: `Span ${start}–${end} is not a non-empty range inside the text (length ${text.length}).` };
  }
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    return { code: 'split-character', message: `Span ${start}–${end} cuts a character in half.` };
  }
  return null;
}

/** An annotation is anchored when its quote still equals the text at its offsets. */
export function isAnchored(text: string, a: AnnotationRecord): boolean {
  return quoteMatches(text, a.start, a.end, a.quote);
}

/** Text order: by start, then longer spans first so an enclosing span precedes what it contains. */
export function compareByPosition(a: AnnotationRecord, b: AnnotationRecord): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
