import { createMention, type AnnotationRecord, type MentionRecord } from './annotation';
import type { DocumentRecord } from './document';
import { change, type Change } from './edits';
import { findMentions } from '../text/arabic-match';

export interface Candidate {
  key: string;
  documentId: string;
  documentTitle: string;
  start: number;
  end: number;
  before: string;
  match: string;
  after: string;
}

const CONTEXT = 40;

/**
 * The other occurrences of a mention's name, in the given documents, with Arabic-aware matching. Spans that
 * already carry a mention (or overlap one of the same type) are left out: applying twice adds nothing.
 */
export function findCandidates(source: MentionRecord, documents: readonly DocumentRecord[], annotations: readonly AnnotationRecord[]): Candidate[] {
  const taken = new Map<string, MentionRecord[]>();
  for (const a of annotations) {
    if (a.kind !== 'mention') continue;
    const list = taken.get(a.documentId) ?? [];
    list.push(a);
    taken.set(a.documentId, list);
  }
  const out: Candidate[] = [];
  for (const doc of documents) {
    const existing = taken.get(doc.id) ?? [];
    for (const m of findMentions(doc.text, source.quote)) {
      const clash = existing.some(
        (e) => (e.start === m.start && e.end === m.end) || (e.entityType === source.entityType && e.start < m.end && m.start < e.end),
      );
      if (clash) continue;
      out.push({
        key: `${doc.id}:${m.start}`,
        documentId: doc.id,
        documentTitle: doc.title,
        start: m.start,
        end: m.end,
        before: doc.text.slice(Math.max(0, m.start - CONTEXT), m.start),
        match: doc.text.slice(m.start, m.end),
        after: doc.text.slice(m.end, m.end + CONTEXT),
      });
    }
  }
  return out;
}

/** New mentions for the accepted candidates, typed and KB-linked like the source mention: one undo step. */
export function acceptCandidates(
  source: MentionRecord,
  accepted: readonly Candidate[],
  documents: readonly DocumentRecord[],
  newId: () => string,
  now: string,
): Change {
  const texts = new Map(documents.map((d) => [d.id, d.text]));
  const created: MentionRecord[] = [];
  for (const c of accepted) {
    const text = texts.get(c.documentId);
    if (text === undefined) continue;
    const made = createMention(text, {
      id: newId(),
      documentId: c.documentId,
      start: c.start,
      end: c.end,
      entityType: source.entityType,
      entityId: source.entityId,
      now,
    });
    if (made.ok) created.push(made.value);
  }
  return change({ annotations: created.map((m) => [undefined, m] as const) });
}
