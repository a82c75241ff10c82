/**
 * The reader shows the canonical text as one `<p>` per line, each holding a single text node, so that a DOM point
 * maps to a text offset with one lookup and back with one binary search (mounted.ts). The `\n` between lines
 * belongs to no paragraph.
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
  let lo = 0;
  let hi = layout.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (layout.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export const LINE_ATTR = 'data-line';
