// Test data for the bench (BENCH.md): the ANT articles, the 50,000-character text and annotations on whole words
// chosen with a fixed seed. Pure Node; record shapes exactly as shared/model.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { AnnotationRecord, ClaimRecord, MentionRecord, SourceRecord } from '../../shared/model/annotation';
import type { DocumentRecord } from '../../shared/model/document';
import { wordEndAt, wordStartAt } from '../../shared/text/words';

export const TEXT_CHARS = 50_000;
const ENTITY_TYPES = ['person', 'organisation', 'location'] as const;
const WORD = /[\p{L}\p{M}\p{N}\u200c\u200d]+/gu;
const CREATED = '2026-01-01T00:00:00.000Z';

/** Every plain article of the corpus, sorted by path (relative to `dir`). */
export function listArticles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.txt')) out.push(join(d, e.name));
    }
  };
  walk(dir);
  return out.sort((a, b) => (relative(dir, a) < relative(dir, b) ? -1 : 1));
}

/**
 * Articles in order from the `skip`th, one blank line between them (starting over at the first when the corpus
 * runs out), until `chars`; cut there (never inside a surrogate pair).
 */
export function benchText(files: readonly string[], chars = TEXT_CHARS, skip = 0): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = skip; length < chars; i++) {
    const t = readFileSync(files[i % files.length]!, 'utf8');
    length += (parts.length ? 1 : 0) + t.length;
    parts.push(t);
  }
  const text = parts.join('\n');
  const cut = /[\ud800-\udbff]/.test(text[chars - 1] ?? '') ? chars - 1 : chars;
  return text.slice(0, cut);
}

/**
 * Whole articles in order, one blank line between them (starting over when the corpus runs out), as many as fit
 * in `maxBytes` of UTF-8: a text just below an import limit.
 */
export function benchTextOfBytes(files: readonly string[], maxBytes: number): string {
  const parts: string[] = [];
  let bytes = 0;
  for (let i = 0; ; i++) {
    const t = readFileSync(files[i % files.length]!, 'utf8');
    const more = (parts.length ? 1 : 0) + Buffer.byteLength(t);
    if (bytes + more > maxBytes) break;
    bytes += more;
    parts.push(t);
  }
  return parts.join('\n');
}

/** mulberry32: a tiny PRNG, so the same seed gives the same annotations on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Word {
  start: number;
  end: number;
}

/** Whole words as the app's snapping sees them (a run like «2020/10» is one word there, so it is skipped here). */
export function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    if (wordStartAt(text, start) === start && wordEndAt(text, end) === end) out.push({ start, end });
  }
  return out;
}

function shuffled<T>(items: readonly T[], rnd: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

export interface AnnotationPlan {
  annotations: AnnotationRecord[];
  /** Words no annotation touches, in text order (for adding one by keyboard). */
  freeWords: Word[];
}

/**
 * `total` annotations on `text`: a quarter claims (stance asserted, each spanning 2–5 whole words, its claimant a
 * mention of the same document), one in a hundred sources (news-agency), the rest mentions of person,
 * organisation or location. Mentions and sources take distinct words; claims may contain them.
 */
export function planAnnotations(text: string, documentId: string, total: number, seed: number, idPrefix = ''): AnnotationPlan {
  const rnd = prng(seed);
  const words = wordsOf(text);
  const claims = Math.round(total / 4);
  const sources = total === 0 ? 0 : Math.max(1, Math.round(total / 100));
  const mentions = total - claims - sources;
  if (mentions + sources > words.length) throw new Error(`${mentions + sources} single-word annotations need more than the ${words.length} words of the text`);
  const picked = shuffled(
    words.map((_, i) => i),
    rnd,
  ).slice(0, mentions + sources);
  // From 1: annotation 0 of a document would carry the document's own id.
  let n = 0;
  const id = () => `${idPrefix}${documentId.slice(0, 8)}-${(++n).toString(16).padStart(4, '0')}-4000-8000-${documentId.slice(-12)}`;
  const base = (start: number, end: number) => ({ id: id(), documentId, start, end, quote: text.slice(start, end), created: CREATED, modified: CREATED });
  const out: AnnotationRecord[] = [];
  const mentionIds: string[] = [];
  const covered = new Uint8Array(words.length);
  picked.forEach((wi, k) => {
    const w = words[wi]!;
    covered[wi] = 1;
    if (k < mentions) {
      const m: MentionRecord = { ...base(w.start, w.end), kind: 'mention', entityType: ENTITY_TYPES[Math.floor(rnd() * ENTITY_TYPES.length)]! };
      mentionIds.push(m.id);
      out.push(m);
    } else {
      const s: SourceRecord = { ...base(w.start, w.end), kind: 'source', sourceType: 'news-agency' };
      out.push(s);
    }
  });
  for (let k = 0; k < claims; k++) {
    const first = Math.floor(rnd() * (words.length - 5));
    const last = first + 1 + Math.floor(rnd() * 4);
    for (let i = first; i <= last; i++) covered[i] = 1;
    const c: ClaimRecord = { ...base(words[first]!.start, words[last]!.end), kind: 'claim', stance: 'asserted' };
    if (mentionIds.length) c.claimantId = mentionIds[Math.floor(rnd() * mentionIds.length)]!;
    out.push(c);
  }
  return { annotations: out, freeWords: words.filter((_, i) => !covered[i]) };
}

export function documentRecord(id: string, title: string, text: string, sha256: string, fileName: string): DocumentRecord {
  return { id, title, text, sha256, fileName, importedAt: CREATED, status: 'new', meta: {} };
}

/** A UUID-shaped id from a number (deterministic, so runs are comparable). */
export function uuidOf(n: number): string {
  const h = n.toString(16).padStart(12, '0');
  return `0000be9c-0000-4000-8000-${h}`;
}

/** A fake sha256 (the bench documents share one text; the store only needs them distinct). */
export function fakeSha(n: number): string {
  return n.toString(16).padStart(64, '0');
}

/** 1,000 documents × 100 annotations from the corpus (articles with enough words), for the export rows. */
export function exportCorpus(files: readonly string[], docs: number, perDoc: number): { documents: DocumentRecord[]; annotations: AnnotationRecord[] } {
  const documents: DocumentRecord[] = [];
  const annotations: AnnotationRecord[] = [];
  for (const f of files) {
    if (documents.length === docs) break;
    const text = readFileSync(f, 'utf8');
    // perDoc single-word annotations need about perDoc / 0.74 words; keep a margin.
    if (wordsOf(text).length < perDoc * 1.1) continue;
    const id = uuidOf(0x10000 + documents.length);
    documents.push(documentRecord(id, text.slice(0, text.indexOf('\n')), text, fakeSha(0x10000 + documents.length), f.split('/').pop()!));
    annotations.push(...planAnnotations(text, id, perDoc, documents.length).annotations);
  }
  if (documents.length < docs) throw new Error(`only ${documents.length} articles have enough words for ${perDoc} annotations`);
  return { documents, annotations };
}
