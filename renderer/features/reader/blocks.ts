import type { TextLayout } from './layout';

/**
 * The reader renders an article as blocks of whole lines and mounts only the blocks near the viewport, so a 10 MB
 * article costs what a short one does. A block holds up to BLOCK_CHARS characters or BLOCK_LINES lines (a longer
 * line is a block of its own): about half a screen, so that what is mounted — and so the highlight ranges
 * registered, which every frame pays for — stays near the viewport; a 50,000-character article is ~50 blocks.
 * Blocks depend on the text alone, so they never move while annotating.
 */
export interface Block {
  index: number;
  firstLine: number;
  lineCount: number;
  /** Offset of the block's first character, and just past its last (the `\n` after it belongs to no block). */
  start: number;
  end: number;
}

export const BLOCK_CHARS = 1000;
export const BLOCK_LINES = 16;

export function blocksOf(layout: TextLayout, maxChars = BLOCK_CHARS, maxLines = BLOCK_LINES): Block[] {
  const blocks: Block[] = [];
  const { lines, starts } = layout;
  let first = 0;
  let chars = 0;
  const close = (endLine: number) => {
    const last = endLine - 1;
    blocks.push({ index: blocks.length, firstLine: first, lineCount: endLine - first, start: starts[first]!, end: starts[last]! + lines[last]!.length });
    first = endLine;
    chars = 0;
  };
  for (let i = 0; i < lines.length; i++) {
    const n = lines[i]!.length + 1;
    if (i > first && (chars + n > maxChars || i - first >= maxLines)) close(i);
    chars += n;
  }
  close(lines.length);
  return blocks;
}

/** Index of the block holding a line. */
export function blockOfLine(blocks: readonly Block[], line: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[mid]!.firstLine <= line) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Index of the block holding an offset (an offset on a `\n` belongs to the block of the line it ends). */
export function blockOfOffset(blocks: readonly Block[], offset: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** How the reader's lines are set, in pixels, to guess a block's height before it is measured. */
export interface LineMetrics {
  /** Characters that fit on one visual row. */
  charsPerRow: number;
  rowHeight: number;
  /** Space after a line with text, and the height of an empty one. */
  lineGap: number;
  blankHeight: number;
}

export function estimateHeight(layout: TextLayout, block: Block, m: LineMetrics): number {
  let h = 0;
  for (let i = block.firstLine; i < block.firstLine + block.lineCount; i++) {
    const line = layout.lines[i]!;
    h += line.trim() ? Math.max(1, Math.ceil(line.length / m.charsPerRow)) * m.rowHeight + m.lineGap : m.blankHeight;
  }
  return h;
}
