/**
 * Sentences and tokens of a document's canonical text, with UTF-16 offsets: `token.text === text.slice(start, end)`
 * always, and whitespace is never part of a token. Used by the token-level exports (CoNLL, JSONL).
 *
 * - `'whitespace'`: a token is a maximal run of non-whitespace (JavaScript `\s`, so a lone U+200F RLM *is* a
 *   token), a sentence is a line. Texts imported from CoNLL are tokens joined by spaces and sentences by line
 *   breaks, so this mode gives their tokens back byte for byte.
 * - `'arabic'` (default): word boundaries from `Intl.Segmenter('ar', { granularity: 'word' })`, then these rules:
 *   punctuation (`\p{P}`: ، ؛ ؟ . , : ! ? ( ) « » " ' “ ” - / … …) is a token of its own, except a numeric joiner
 *   between two digits («5+5», «2020/10», «3.5», «٣٫٥» stay one token, as in words.ts), an apostrophe between two
 *   Latin letters («O'Donnell») and a run of one repeated terminal mark («...», «؟؟»). Format characters (bidi
 *   marks, ZWJ/ZWNJ, ALM) never stand alone unless a whole whitespace-delimited chunk is made of them: they stay
 *   with the word they touch (with the preceding token, or with the following word when punctuation precedes).
 *   Emoji are tokens. Sentences end at line breaks and after a token of . ! ? ؟ … (plus any closing brackets or
 *   quotes) that is followed by whitespace; «3.5» is one token, so numbers never end a sentence. Known limit:
 *   abbreviations («د. محمد») end a sentence too.
 * - `splitClitics`: see `splitClitics` below.
 */
export interface Token {
  start: number;
  end: number;
  text: string;
}

export interface Sentence {
  start: number;
  end: number;
  tokens: Token[];
}

export type TokenizerMode = 'arabic' | 'whitespace';

export interface TokenizeOptions {
  mode?: TokenizerMode;
  splitClitics?: boolean;
  /**
   * Offsets where a clitic split is wanted whatever the text says (an exporter passes its mention starts and
   * ends, so a mention «حفتر» inside «لحفتر» gets a token of its own). Only clitic boundaries are ever split.
   */
  boundaries?: Iterable<number>;
}

const FORMAT = /\p{Cf}/u;
const WORD = /[\p{L}\p{M}\p{N}]/u;
const PUNCT = /\p{P}/u;
const DIGIT = /\p{Nd}/u;
const LATIN = /\p{Script=Latin}/u;
const NUMERIC_JOINER = /^[+.,/:\-\u066b\u066c]$/;
const APOSTROPHE = /^['\u2019]$/;
const TERMINAL_MARK = /^[.!?\u061f]$/;
const SENTENCE_END = /^[.!?\u061f\u2026]+$/u;
const CLOSER = /^[\p{Pe}\p{Pf}"'\u00bb]+$/u;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

export function tokenize(text: string, opts: TokenizeOptions = {}): Sentence[] {
  const arabic = (opts.mode ?? 'arabic') === 'arabic';
  const sentences: Sentence[] = [];
  let current: Token[] = [];
  const flush = () => {
    if (current.length === 0) return;
    sentences.push({ start: current[0]!.start, end: current[current.length - 1]!.end, tokens: current });
    current = [];
  };
  const chunk = /\S+/g;
  let prevEnd = 0;
  for (let m = chunk.exec(text); m; m = chunk.exec(text)) {
    const start = m.index;
    if (LINE_BREAK.test(text.slice(prevEnd, start))) flush();
    prevEnd = start + m[0].length;
    if (!arabic) {
      current.push({ start, end: prevEnd, text: m[0] });
      continue;
    }
    const tokens = splitChunk(m[0], start);
    for (const t of tokens) current.push(t);
    if (endsSentence(tokens)) flush();
  }
  flush();
  return opts.splitClitics ? splitClitics(sentences, opts.boundaries) : sentences;
}

let segmenter: Intl.Segmenter | null | undefined;

function wordSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('ar', { granularity: 'word' }) : null;
  return segmenter;
}

// Letters, marks, digits and format characters only, in no script the segmenter splits by dictionary: one token,
// whatever the segmenter would say (checked to give the same tokens on AQMAR, NewsFANE and the news articles).
const PLAIN_WORD = /^[\p{L}\p{M}\p{Nd}\p{Cf}]+$/u;
const DICTIONARY_SCRIPT = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;

/** Split one whitespace-free chunk of the text (starting at `offset`) into tokens. */
function splitChunk(s: string, offset: number): Token[] {
  if (PLAIN_WORD.test(s) && !DICTIONARY_SCRIPT.test(s)) return [{ start: offset, end: offset + s.length, text: s }];
  const n = s.length;
  const cuts = new Uint8Array(n + 1);
  const seg = wordSegmenter();
  if (seg) for (const x of seg.segment(s)) cuts[x.index] = 1;
  else for (let i = 1; i < n; i++) cuts[i] = WORD.test(s[i - 1]!) && WORD.test(s[i]!) ? 0 : 1;
  const out: Token[] = [];
  let start = 0;
  let prev = ''; // the last non-format character, '' while still in the chunk's leading format run
  let prevPos = -1;
  let runStart = -1; // start of the format run between `prev` and the current character, if any
  for (let i = 0; i < n;) {
    const ch = String.fromCodePoint(s.codePointAt(i)!);
    if (FORMAT.test(ch)) {
      if (prev && runStart < 0) runStart = i;
      i += ch.length;
      continue;
    }
    if (prev && isBoundary(s, prev, prevPos, ch, i, cuts[i] === 1 || (runStart >= 0 && cuts[runStart] === 1))) {
      // A format run between punctuation and a word goes with the word; otherwise with what precedes it.
      const at = runStart >= 0 && WORD.test(ch) && !WORD.test(prev) ? runStart : i;
      out.push({ start: offset + start, end: offset + at, text: s.slice(start, at) });
      start = at;
    }
    runStart = -1;
    prev = ch;
    prevPos = i;
    i += ch.length;
  }
  out.push({ start: offset + start, end: offset + n, text: s.slice(start) });
  return out;
}

function isBoundary(s: string, a: string, aPos: number, b: string, bPos: number, segmenterCut: boolean): boolean {
  const after = s[bPos + b.length] ?? '';
  const before = s[aPos - 1] ?? '';
  if (NUMERIC_JOINER.test(b) && DIGIT.test(a) && DIGIT.test(after)) return false;
  if (NUMERIC_JOINER.test(a) && DIGIT.test(b) && DIGIT.test(before)) return false;
  if (APOSTROPHE.test(b) && LATIN.test(a) && LATIN.test(after)) return false;
  if (APOSTROPHE.test(a) && LATIN.test(b) && LATIN.test(before)) return false;
  if (a === b && TERMINAL_MARK.test(a)) return false;
  if (PUNCT.test(a) || PUNCT.test(b)) return true;
  return segmenterCut;
}

const bare = (s: string) => s.replace(/[\p{Cf}\p{M}\u0640]/gu, '');

/** Does a chunk end a sentence: a terminal mark, then only closing brackets or quotes, then whitespace? */
function endsSentence(tokens: Token[]): boolean {
  let k = tokens.length - 1;
  while (k > 0 && CLOSER.test(bare(tokens[k]!.text))) k--;
  return SENTENCE_END.test(bare(tokens[k]!.text));
}

/**
 * Proclitics split off Arabic tokens: the conjunctions و ف, then the prepositions ب ك ل, then the article ال
 * (after ل written «لل», ل + ال with the alef dropped; its token is then the second «ل»). Each clitic becomes a
 * token of its own (with any harakat or tatweel on it), and only where the rest keeps at least two letters.
 *
 * Splitting blindly would cut names: «ليبيا», «فرنسا», «بريطانيا», «وزير», «المانيا» all start with clitic letters.
 * So a split needs evidence, the same as word snapping (words.ts):
 * - a conjunction or preposition is split when the rest (three letters or more: «كان» is not ك + «ان») also
 *   stands alone as a token of the same text, ignoring harakat, tatweel and bidi marks. «لحفتر» → ل + حفتر in an
 *   article that also writes «حفتر»; «لليبيا» → ل + ليبيا (the name keeps its own ل), «ليبيا» stays whole;
 * - any clitic, the article included, is split where `boundaries` asks for it (a mention starting there).
 * The article is otherwise kept on its word, as entity spans keep it (README; AQMAR), so «للحكومة» stays whole
 * unless a mention «حكومة» requires ل + ل + حكومة.
 */
function splitClitics(sentences: Sentence[], boundaries: Iterable<number> | undefined): Sentence[] {
  const hints = new Set(boundaries ?? []);
  const standalone = new Set<string>();
  for (const s of sentences) for (const t of s.tokens) standalone.add(bare(t.text));
  return sentences.map((s) => ({ ...s, tokens: s.tokens.flatMap((t) => splitToken(t, standalone, hints)) }));
}

const MARK_OR_TATWEEL = /[\p{M}\u0640]/u;

function splitToken(t: Token, standalone: ReadonlySet<string>, hints: ReadonlySet<number>): Token[] {
  const s = t.text;
  let p = 0;
  while (p < s.length && FORMAT.test(s[p]!)) p++;
  const cands: Array<{ end: number; article: boolean }> = [];
  const take = (len: number, article: boolean) => {
    p += len;
    while (p < s.length && MARK_OR_TATWEEL.test(s[p]!)) p++;
    cands.push({ end: p, article });
  };
  if (s[p] === 'و' || s[p] === 'ف') take(1, false);
  const prep = s[p] === 'ب' || s[p] === 'ك' || s[p] === 'ل' ? s[p] : '';
  if (prep) take(1, false);
  if (prep === 'ل' ? s[p] === 'ل' : s.startsWith('ال', p)) take(prep === 'ل' ? 1 : 2, true);
  for (let k = cands.length - 1; k >= 0; k--) {
    const c = cands[k]!;
    const rest = s.slice(c.end);
    const letters = rest.replace(/[^\p{L}]|\u0640/gu, '').length;
    if (letters < 2) continue;
    if (hints.has(t.start + c.end) || (!c.article && letters >= 3 && standalone.has(bare(rest)))) {
      const out: Token[] = [];
      let from = 0;
      for (const cut of [...cands.slice(0, k + 1).map((x) => x.end), s.length]) {
        out.push({ start: t.start + from, end: t.start + cut, text: s.slice(from, cut) });
        from = cut;
      }
      return out;
    }
  }
  return [t];
}
