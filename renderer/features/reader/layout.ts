/**
 * The reader shows the canonical text as one `<p>` per line, and in it one text node per word with the spaces after
 * it (`wordPieces`), so that a DOM point maps to a text offset with one lookup and back with two binary searches
 * (mounted.ts). The `\n` between lines belongs to no paragraph.
 *
 * Why words: on any change to the DOM or to style — anywhere in the page, a "Saved" in the toolbar included —
 * Chromium rebuilds every highlight marker and repaints and rasters again each text node holding one. With a node per
 * line that is every paragraph with a mark in it, the whole visible article (13.6 ms of raster per key at 2,000
 * marks); with a node per word it is the marked words alone. Pieces end after whitespace, never inside a word, so
 * Arabic letters join as before, and bidi and line breaking run over the whole paragraph as ever.
 */
export interface TextLayout {
  lines: readonly string[];
  /** UTF-16 offset of each line's first character in the canonical text. */
  starts: readonly number[];
}

export function layoutText(text: string): TextLayout {
  const lines = text.split('\n');
  const starts: number[] = [];
  let at = 0;
  for (const line of lines) {
    starts.push(at);
    at += line.length + 1;
  }
  return { lines, starts };
}

/** Index of the line holding `offset` (a line's end offset still belongs to it). */
export function lineOf(layout: TextLayout, offset: number): number {
  return pieceAt(layout.starts, offset);
}

export const LINE_ATTR = 'data-line';

/** Where each piece of a line starts (0 first): a piece is a word with the whitespace after it, or leading spaces. */
export function pieceStarts(line: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < line.length; i++) if (i === 0 || (isSpace(line.charCodeAt(i - 1)) && !isSpace(line.charCodeAt(i)))) starts.push(i);
  return starts;
}

/** The pieces of a line, as `pieceStarts` cuts it; they join back into the line. */
export function wordPieces(line: string): string[] {
  const starts = pieceStarts(line);
  return starts.map((s, i) => line.slice(s, starts[i + 1] ?? line.length));
}

/**
 * Index of the piece holding a position, given the ascending starts of the pieces (a piece's start belongs to it):
 * the last start at or before it. Lines in a text, words in a line.
 */
export function pieceAt(starts: readonly number[], within: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= within) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// The whitespace of String.prototype.trim and \s: Arabic letters never join across any of these.
const isSpace = (c: number) =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;
