/**
 * Word snapping for selections. A "word" is a run of letters, combining marks, digits, tatweel and the joiners
 * ZWNJ/ZWJ, so a selection never splits a letter from its diacritics. Inside an Arabic word one more boundary is
 * allowed: right after a chain of proclitics (و ف ب ك ل, the article ال, and لل), so «لحفتر» can be tagged as
 * «حفتر» and «والحكومة» as «الحكومة» or «حكومة» — the span a CoNLL clitic split produces.
 */
const WORD_CHAR = /[\p{L}\p{M}\p{N}\u200c\u200d]/u;

export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

export interface Span {
  start: number;
  end: number;
}

/** Start of the word containing `i` (or `i` when the text before `i` is not a word character). */
export function wordStartAt(text: string, i: number): number {
  let s = i;
  while (s > 0 && isWordChar(charBefore(text, s))) s -= charBefore(text, s)!.length;
  return s;
}

/** End of the word containing the character before `i` (or `i` when the text after `i` is not a word char). */
export function wordEndAt(text: string, i: number): number {
  let e = i;
  while (e < text.length && isWordChar(charAt(text, e))) e += charAt(text, e)!.length;
  return e;
}

const PROCLITIC_CHAINS = buildProcliticChains();

function buildProcliticChains(): Set<string> {
  // Conjunction (و ف), then preposition (ب ك ل) or the future/particle-free form, then the article (ال).
  // «لل» is ل + ال with the alef dropped, as Arabic spelling requires.
  const chains = new Set<string>();
  for (const conj of ['', 'و', 'ف']) {
    for (const prep of ['', 'ب', 'ك', 'ل']) {
      for (const art of ['', 'ال']) {
        const chain = conj + prep + art;
        if (chain) chains.add(chain);
      }
    }
    chains.add(conj + 'لل');
  }
  return chains;
}

/** Offsets inside `word` (relative) where a proclitic chain ends and at least two letters remain. */
export function procliticBoundaries(word: string): number[] {
  const out: number[] = [];
  for (let k = 1; k <= Math.min(4, word.length - 2); k++) {
    if (PROCLITIC_CHAINS.has(word.slice(0, k))) out.push(k);
  }
  return out;
}

/**
 * Snap a selection to word boundaries: a start inside a word moves back to the word's start (unless it sits
 * right after a proclitic chain), an end inside a word moves forward to the word's end; whitespace at either edge
 * is dropped. Returns null when nothing but whitespace was selected.
 */
export function snapToWords(text: string, span: Span): Span | null {
  let { start, end } = span;
  if (end < start) [start, end] = [end, start];
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  if (start >= end) return null;
  if (isWordChar(charBefore(text, start)) && isWordChar(charAt(text, start))) {
    const ws = wordStartAt(text, start);
    const word = text.slice(ws, wordEndAt(text, start));
    if (!procliticBoundaries(word).includes(start - ws)) start = ws;
  }
  if (isWordChar(charBefore(text, end)) && isWordChar(charAt(text, end))) end = wordEndAt(text, end);
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
