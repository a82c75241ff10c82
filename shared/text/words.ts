/**
 * Word snapping for selections. A "word" is a run of letters, combining marks, digits, tatweel and the joiners
 * ZWNJ/ZWJ, so a selection never splits a letter from its diacritics; «+ . , / : -» between two digits also join
 * («5+5», «3.5», «2020/10» are one word). Inside an Arabic word one more boundary is allowed: right after the
 * conjunction and preposition proclitics (و ف, then ب ك ل), so «لحفتر» can be tagged as «حفتر» and «والحكومة»
 * as «الحكومة». The article ال is not such a boundary: entity spans keep it (AQMAR, ANERcorp), and a drag that
 * starts inside «اللجنة» means the whole word.
 */
const WORD_CHAR = /[\p{L}\p{M}\p{N}\u200c\u200d]/u;
const DIGIT = /\p{Nd}/u;
const NUMERIC_JOINER = /[+.,/:\-\u066b\u066c]/;

export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

/** Is the character starting at `i` part of a word (a word character, or a joiner between two digits)? */
function inWordAt(text: string, i: number): boolean {
  const ch = charAt(text, i);
  if (isWordChar(ch)) return true;
  return ch !== undefined && NUMERIC_JOINER.test(ch) && DIGIT.test(text[i - 1] ?? '') && DIGIT.test(text[i + 1] ?? '');
}

/** Is the character ending at `i` part of a word? */
function inWordBefore(text: string, i: number): boolean {
  const ch = charBefore(text, i);
  return ch !== undefined && inWordAt(text, i - ch.length);
}

export interface Span {
  start: number;
  end: number;
}

/** Start of the word containing `i` (or `i` when the text before `i` is not a word character). */
export function wordStartAt(text: string, i: number): number {
  let s = i;
  while (s > 0 && inWordBefore(text, s)) s -= charBefore(text, s)!.length;
  return s;
}

/** End of the word containing the character before `i` (or `i` when the text after `i` is not a word char). */
export function wordEndAt(text: string, i: number): number {
  let e = i;
  while (e < text.length && inWordAt(text, e)) e += charAt(text, e)!.length;
  return e;
}

const PROCLITIC_CHAINS = buildProcliticChains();

function buildProcliticChains(): Set<string> {
  const chains = new Set<string>();
  for (const conj of ['', 'و', 'ف']) {
    for (const prep of ['', 'ب', 'ك', 'ل']) {
      if (conj + prep) chains.add(conj + prep);
    }
  }
  return chains;
}

const COMBINING_MARK = /\p{M}/u;

/**
 * Offsets inside `word` (relative) where a proclitic chain ends and at least two letters remain. Never before a
 * combining mark: «بِالحكومة» has no boundary after «ب», which would split the kasra from its letter.
 */
export function procliticBoundaries(word: string): number[] {
  const out: number[] = [];
  for (let k = 1; k <= Math.min(2, word.length - 2); k++) {
    if (PROCLITIC_CHAINS.has(word.slice(0, k)) && !COMBINING_MARK.test(word[k]!)) out.push(k);
  }
  return out;
}

/**
 * Does `word` stand on its own somewhere in `text`? The evidence that a leading و ف ب ك ل is a clitic and not the
 * word's first letter, without a lexicon: «حفتر» stands alone in articles that also write «لحفتر», while «يبيا»
 * never does, so a drag starting on the second letter of «ليبيا» still snaps back to the whole word.
 */
export function occursAsWord(text: string, word: string): boolean {
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    const end = i + word.length;
    if (!inWordBefore(text, i) && !inWordAt(text, end)) return true;
  }
  return false;
}

/**
 * Snap a selection to word boundaries: a start inside a word moves back to the word's start (unless it sits
 * right after a proclitic chain and the rest of the word occurs on its own in the text), an end inside a word
 * moves forward to the word's end; whitespace at either edge is dropped. Returns null for a whitespace-only
 * selection.
 */
export function snapToWords(text: string, span: Span): Span | null {
  let { start, end } = span;
  if (end < start) [start, end] = [end, start];
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  if (start >= end) return null;
  if (inWordBefore(text, start) && inWordAt(text, start)) {
    const ws = wordStartAt(text, start);
    const word = text.slice(ws, wordEndAt(text, start));
    const k = start - ws;
    if (!procliticBoundaries(word).includes(k) || !occursAsWord(text, word.slice(k))) start = ws;
  }
  if (inWordBefore(text, end) && inWordAt(text, end)) end = wordEndAt(text, end);
  return { start, end };
}

/** Whitespace trimmed but no snapping: what a modifier-held selection keeps. */
export function trimSpan(text: string, span: Span): Span | null {
  let { start, end } = span;
  if (end < start) [start, end] = [end, start];
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}

function charAt(text: string, i: number): string | undefined {
  if (i >= text.length) return undefined;
  const cp = text.codePointAt(i)!;
  return String.fromCodePoint(cp);
}

function charBefore(text: string, i: number): string | undefined {
  if (i <= 0) return undefined;
  const c = text.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const h = text.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return text.slice(i - 2, i);
  }
  return text[i - 1];
}

/** The word at `i` (or the next one), for a keyboard selection that starts from a caret. */
export function wordAt(text: string, i: number): Span | null {
  let s = Math.max(0, Math.min(i, text.length));
  while (s < text.length && !inWordAt(text, s)) s++;
  if (s >= text.length) return null;
  return { start: wordStartAt(text, s), end: wordEndAt(text, s) };
}

/** Grow a span by one word at its end (the reader's Shift+←: the article runs right to left). */
export function growEnd(text: string, span: Span): Span {
  let i = span.end;
  while (i < text.length && !inWordAt(text, i)) i++;
  return i < text.length ? { start: span.start, end: wordEndAt(text, i) } : span;
}

/** Drop the last word of a span; a one-word span stays as it is. */
export function shrinkEnd(text: string, span: Span): Span {
  let i = span.end;
  while (i > span.start && !inWordBefore(text, i)) i--;
  i = wordStartAt(text, i);
  while (i > span.start && !inWordBefore(text, i)) i--;
  return i > span.start ? { start: span.start, end: i } : span;
}

/** Grow a span by one word at its start. */
export function growStart(text: string, span: Span): Span {
  let i = span.start;
  while (i > 0 && !inWordBefore(text, i)) i--;
  return i > 0 ? { start: wordStartAt(text, i), end: span.end } : span;
}

/** Drop the first word of a span; a one-word span stays as it is. */
export function shrinkStart(text: string, span: Span): Span {
  let i = wordEndAt(text, span.start);
  while (i < span.end && !inWordAt(text, i)) i++;
  return i < span.end ? { start: i, end: span.end } : span;
}
