/** A rectangle in the article's coordinates. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * The boxes of a span, one per line part: the reader cuts lines into a text node per word (layout.ts), and a Range
 * over several gives one client rect per word, which an outline would draw as a box per word with a double bar in
 * each space. Boxes on the same line (same top and height) that touch are joined; a gap, as bidi reordering can leave
 * between parts of one span, keeps them apart.
 */
export function joinLineBoxes(boxes: readonly Box[]): Box[] {
  const out: Box[] = [];
  for (const b of boxes) {
    const last = out.at(-1);
    const sameLine = last && Math.abs(last.y - b.y) < 1 && Math.abs(last.h - b.h) < 1;
    const touching = last && b.x <= last.x + last.w + 1 && b.x + b.w >= last.x - 1;
    if (last && sameLine && touching) {
      const x = Math.min(last.x, b.x);
      last.w = Math.max(last.x + last.w, b.x + b.w) - x;
      last.x = x;
    } else out.push({ ...b });
  }
  return out;
}
