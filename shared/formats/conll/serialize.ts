import { isAnchored, type MentionRecord } from '../../model/annotation';
import type { DocumentRecord } from '../../model/document';
import { tokenize, type TokenizerMode } from '../../text/tokens';
import type { Corpus } from '../corpus';
import { writeEachDocument, type ExportOutcome, type ExportSink } from '../exportable';
import type { CorpusSource } from '../source';
import { DOCSTART } from './read';

export type ConllTokenizer = TokenizerMode | 'auto';

/** Something the export had to change or leave out; the export goes on. */
export interface ConllExportIssue {
  documentId: string;
  annotationId?: string;
  message: string;
}

export interface ConllExportOptions {
  /** Split the proclitics و ف ب ك ل (and ال where a mention needs it) off tokens: see shared/text/tokens.ts. */
  splitClitics?: boolean;
  /**
   * `'arabic'` (default): Intl.Segmenter plus punctuation rules. `'whitespace'`: the text's own space-separated
   * tokens and lines, which gives a corpus imported from CoNLL back token for token. `'auto'`: 'whitespace' for
   * documents whose file name has a CoNLL extension (.conll, .conllu, .iob, .iob2, .bio, .bioes, .tsv, also with
   * the importer's `#n`), else 'arabic'. The model does not record where a document came from, so a CoNLL corpus
   * saved as `.txt` (AQMAR, NewsFANE) needs 'whitespace' chosen explicitly.
   */
  tokenizer?: ConllTokenizer;
  /** Between token and tag; TAB by default. A space gives AQMAR-style lines. */
  separator?: '\t' | ' ';
  onIssue?: (issue: ConllExportIssue) => void;
}

export interface ConllExportSummary {
  documents: number;
  sentences: number;
  tokens: number;
  spans: number;
  issues: number;
}

const CONLL_FILE = /\.(conll|conllu|conll03|conll2003|iob|iob2|bio|bioes|tsv)(#\d+)?$/i;
const CHUNK_CHARS = 1 << 16;

interface Placed {
  m: MentionRecord;
  tag: string;
  first: number;
  last: number;
}

/**
 * The corpus as CoNLL / IOB2, streamed in chunks of about 64 K characters: one `token<TAB>tag` line per token, an
 * empty line after every sentence, LF line ends (so the file ends with a newline). Each document is preceded by
 * `-DOCSTART-<TAB>O` and an empty line: the CoNLL-2003 convention, cut to our two columns. Tags are `B-<tag>` /
 * `I-<tag>` with the entity type's `tag`; only mentions are exported (claims and sources have no place in IOB).
 *
 * IOB holds one layer, so where mentions share a token the outermost wins (longest, then earliest, then by id)
 * and the others are reported. A mention whose start or end falls inside a token tags the whole token (reported;
 * `splitClitics` avoids it for «حفتر» in «لحفتر»). A mention across a sentence break restarts with B- in the next
 * sentence (reported). Returns counts when done.
 */
export function* exportConll(corpus: Corpus, opts: ConllExportOptions = {}): Generator<string, ConllExportSummary, undefined> {
  const sep = opts.separator ?? '\t';
  const { tagOf, byDoc } = mentionIndex(corpus);
  const summary: ConllExportSummary = { documents: 0, sentences: 0, tokens: 0, spans: 0, issues: 0 };
  const report = (issue: ConllExportIssue) => {
    summary.issues++;
    opts.onIssue?.(issue);
  };
  let out: string[] = [];
  let size = 0;
  const write = (s: string) => {
    out.push(s);
    size += s.length;
  };

  for (const doc of corpus.documents) {
    const tagged = tagDocument(doc, byDoc.get(doc.id) ?? [], tagOf, opts, report);
    if (!tagged) continue;
    const { sentences, tokens, tags } = tagged;
    summary.documents++;
    summary.sentences += sentences.length;
    summary.tokens += tokens.length;
    summary.spans += tags.filter((t) => t.startsWith('B-')).length;

    write(`${DOCSTART}${sep}O\n\n`);
    let k = 0;
    for (const s of sentences) {
      for (const t of s.tokens) {
        if (t.text === DOCSTART)
          report({ documentId: doc.id, message: `A token of "${doc.title}" is «${DOCSTART}», which CoNLL readers take for a document boundary.` });
        write(`${t.text}${sep}${tags[k++]!}\n`);
        if (size >= CHUNK_CHARS) {
          yield out.join('');
          out = [];
          size = 0;
        }
      }
      write('\n');
    }
  }
  if (out.length) yield out.join('');
  return summary;
}

/** The CoNLL export of a source: each document checked as every export checks it, then written as `exportConll` does. */
export const writeConll = (source: CorpusSource, opts: ConllExportOptions, sink: ExportSink): Promise<ExportOutcome> =>
  writeEachDocument(source, sink, (one) => exportConll(one, opts));

/** Each entity type's tag, and the mentions of each document: what tagging needs, built once per export. */
export function mentionIndex(corpus: Corpus) {
  const tagOf = new Map(corpus.schema.entityTypes.map((t) => [t.id, t.tag]));
  const byDoc = new Map<string, MentionRecord[]>();
  for (const a of corpus.annotations) {
    if (a.kind !== 'mention') continue;
    const list = byDoc.get(a.documentId);
    if (list) list.push(a);
    else byDoc.set(a.documentId, [a]);
  }
  return { tagOf, byDoc };
}

/**
 * A document's sentences, its tokens (with their sentence) and their IOB2 tags, as CoNLL writes them; JSONL
 * uses the same, so both training formats agree token for token. Null (reported) for a document with no token.
 */
export function tagDocument(
  doc: DocumentRecord,
  mentions: readonly MentionRecord[],
  tagOf: ReadonlyMap<string, string>,
  opts: Pick<ConllExportOptions, 'splitClitics' | 'tokenizer'>,
  report: (issue: ConllExportIssue) => void,
) {
  const auto = opts.tokenizer === 'auto' && (doc.meta.tokenization === 'whitespace' || CONLL_FILE.test(doc.fileName));
  const sentences = tokenize(doc.text, {
    mode: opts.tokenizer === 'whitespace' || auto ? 'whitespace' : 'arabic',
    splitClitics: opts.splitClitics ?? false,
    ...(opts.splitClitics ? { boundaries: mentions.flatMap((m) => [m.start, m.end]) } : {}),
  });
  if (sentences.length === 0) {
    report({ documentId: doc.id, message: `"${doc.title}" has no tokens and is left out.` });
    return null;
  }
  const tokens = sentences.flatMap((s, i) => s.tokens.map((t) => ({ ...t, sentence: i })));
  return { sentences, tokens, tags: placeMentions(doc, mentions, tokens, tagOf, report) };
}

/** The IOB2 tag of every token of a document. */
function placeMentions(
  doc: DocumentRecord,
  mentions: readonly MentionRecord[],
  tokens: ReadonlyArray<{ start: number; end: number; text: string; sentence: number }>,
  tagOf: ReadonlyMap<string, string>,
  report: (issue: ConllExportIssue) => void,
): string[] {
  const tags = new Array<string>(tokens.length).fill('O');
  const issue = (m: MentionRecord, message: string) =>
    report({ documentId: doc.id, annotationId: m.id, message: `«${m.quote}» (${m.start}–${m.end}) in "${doc.title}": ${message}` });
  const placed: Placed[] = [];
  for (const m of mentions) {
    if (!isAnchored(doc.text, m)) {
      issue(m, 'its quote is not at its offsets; left out.');
      continue;
    }
    const tag = tagOf.get(m.entityType);
    if (tag === undefined) {
      issue(m, `its entity type "${m.entityType}" is not in the label schema; left out.`);
      continue;
    }
    const first = firstEndingAfter(tokens, m.start);
    let last = first;
    while (last + 1 < tokens.length && tokens[last + 1]!.start < m.end) last++;
    if (first >= tokens.length || tokens[first]!.start >= m.end) {
      issue(m, 'it covers no token; left out.');
      continue;
    }
    if (tokens[first]!.start < m.start || tokens[last]!.end > m.end) {
      const whole = tokens
        .slice(first, last + 1)
        .map((t) => t.text)
        .join(' ');
      issue(m, `a boundary falls inside a token; the whole token is tagged («${whole}»).`);
    }
    placed.push({ m, tag, first, last });
  }
  placed.sort((a, b) => b.m.end - b.m.start - (a.m.end - a.m.start) || a.m.start - b.m.start || (a.m.id < b.m.id ? -1 : a.m.id > b.m.id ? 1 : 0));
  const owner = new Int32Array(tokens.length).fill(-1);
  placed.forEach((p, i) => {
    for (let k = p.first; k <= p.last; k++) {
      if (owner[k] !== -1) {
        const other = placed[owner[k]!]!.m;
        issue(p.m, `it shares a token with «${other.quote}» (${other.start}–${other.end}), which is kept: CoNLL holds one layer of spans; left out.`);
        return;
      }
    }
    for (let k = p.first; k <= p.last; k++) {
      owner[k] = i;
      tags[k] = `${k === p.first || tokens[k]!.sentence !== tokens[k - 1]!.sentence ? 'B' : 'I'}-${p.tag}`;
    }
    if (tokens[p.first]!.sentence !== tokens[p.last]!.sentence) issue(p.m, 'it runs across a sentence break; each sentence gets its own span.');
  });
  return tags;
}

/** Index of the first token ending after `offset` (tokens are in text order). */
function firstEndingAfter(tokens: ReadonlyArray<{ end: number }>, offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
