import type { IssueSink } from './issues';
import { isUsableClass } from './schema';

/** An entity span of a read document: UTF-16 offsets into its text, the class as the file spelled it. */
export interface ConllSpan {
  cls: string;
  start: number;
  end: number;
  /** The line of its first token. */
  line: number;
}

/** One document as read from CoNLL lines, before ids, schema and records. */
export interface ConllDocument {
  /** The tokens of a sentence joined by single spaces, sentences joined by '\n'. */
  text: string;
  spans: ConllSpan[];
  sentences: number;
  tokens: number;
  /** The first tokens of the first sentence. */
  titleTokens: string[];
}

export const DOCSTART = '-DOCSTART-';
const TITLE_TOKENS = 8;

type Tag = { kind: 'O' } | { kind: 'B' | 'I'; cls: string };
const O: Tag = { kind: 'O' };

/**
 * Read CoNLL text (already decoded and canonical: no BOM, LF line ends) into documents.
 *
 * - A line of whitespace only (empty, or a single TAB as in NewsFANE) ends a sentence; several in a row are one.
 * - Other lines are split on TAB when they hold one, else on U+0020: the first column is the token, the last is
 *   the tag, columns in between are ignored (reported once). Trailing spaces and TABs after the tag are ignored;
 *   the token is never trimmed or normalised (LRM/RLM prefixes and tokens made only of a bidi mark stay exact).
 * - `-DOCSTART-` (any columns) starts a new document when `perDocstart`, else it only ends the sentence.
 * - Tags: `O`, `B-X`, `I-X`, where X is everything after the first hyphen (`I--ORG` → `-ORG`). Anything else
 *   (`OO`, `IO`, an empty tag or type, a class that cannot be a label) is reported and read as O. An `I-X` that
 *   does not continue an X span starts a new one (the conlleval convention), reported with its line.
 */
export function readConll(text: string, perDocstart: boolean, issues: IssueSink): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let parts: string[] = [];
  let offset = 0;
  let spans: ConllSpan[] = [];
  let sentences = 0;
  let tokens = 0;
  let inSentence = 0;
  let titleTokens: string[] = [];
  let open: ConllSpan | null = null;
  let prevTag = '';
  let columns = 0;
  let lineNo = 0;

  const endSentence = () => {
    open = null;
    prevTag = '';
    if (inSentence) sentences++;
    inSentence = 0;
  };
  const endDocument = () => {
    endSentence();
    if (tokens) docs.push({ text: parts.join(''), spans, sentences, tokens, titleTokens });
    parts = [];
    offset = 0;
    spans = [];
    sentences = tokens = 0;
    titleTokens = [];
  };
  const warn = (kind: string, message: string, once = false) => {
    if (!once || issues.count(kind) === 0) issues.add(kind, { severity: 'warning', line: lineNo, message });
  };

  for (let pos = 0; pos < text.length;) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const line = text.slice(pos, nl);
    pos = nl + 1;
    lineNo++;
    if (!/\S/.test(line)) {
      endSentence();
      continue;
    }
    const body = line.replace(/[ \t]+$/, '');
    const sep = body.includes('\t') ? '\t' : ' ';
    const first = body.indexOf(sep);
    const token = first < 0 ? body : body.slice(0, first);
    if (token === DOCSTART) {
      if (perDocstart) endDocument();
      else endSentence();
      continue;
    }
    const cols = first < 0 ? 1 : body.split(sep).length;
    if (cols > 1 && columns === 0) columns = cols;
    else if (cols > 1 && cols !== columns)
      warn(
        'ragged-columns',
        `This line has ${cols} columns where earlier lines have ${columns}; the first column is read as the token and the last as the tag.`,
        true,
      );
    if (cols > 2) warn('extra-columns', `This line has ${cols} columns; the first is read as the token, the last as the tag, the others are ignored.`, true);
    if (token === '') {
      warn('empty-token', 'The line starts with its separator, so its token is empty; the line is skipped.');
      continue;
    }
    if (/\s/.test(token))
      warn('whitespace-token', `The token «${token}» contains whitespace; it is kept, but exports as ${token.split(/\s+/).filter(Boolean).length} tokens.`);
    const rawTag = first < 0 ? '' : body.slice(body.lastIndexOf(sep) + 1);
    const tag = first < 0 ? O : parseTag(rawTag, warn);
    if (first < 0) warn('no-tag', `The line «${token}» has no tag; read as O.`);

    if (inSentence || tokens) {
      parts.push(inSentence ? ' ' : '\n');
      offset++;
    }
    const start = offset;
    parts.push(token);
    offset += token.length;
    if (sentences === 0 && titleTokens.length < TITLE_TOKENS + 1) titleTokens.push(token);
    inSentence++;
    tokens++;

    if (tag.kind === 'O') open = null;
    else if (tag.kind === 'I' && open?.cls === tag.cls) open.end = offset;
    else {
      if (tag.kind === 'I') {
        const after = inSentence === 1 ? 'the start of a sentence' : `"${prevTag}"`;
        warn('stray-i', `"I-${tag.cls}" follows ${after}: read as the start of a new ${tag.cls} span (as conlleval does); it exports as B-${tag.cls}.`);
      }
      open = { cls: tag.cls, start, end: offset, line: lineNo };
      spans.push(open);
    }
    prevTag = rawTag;
  }
  endDocument();
  return docs;
}

function parseTag(raw: string, warn: (kind: string, message: string) => void): Tag {
  if (raw === 'O') return O;
  const prefix = raw.slice(0, 2);
  if (prefix !== 'B-' && prefix !== 'I-') {
    warn('bad-tag', `The tag "${raw}" is not O, B-<class> or I-<class>; read as O.`);
    return O;
  }
  const cls = raw.slice(2);
  if (cls === '') {
    warn('empty-type', `The tag "${raw}" has no class after the hyphen; read as O.`);
    return O;
  }
  if (!isUsableClass(cls)) {
    warn('bad-class', `The class "${cls}" cannot be a label (1–60 visible characters, no spaces, bidi or zero-width marks); read as O.`);
    return O;
  }
  return { kind: prefix === 'B-' ? 'B' : 'I', cls };
}
