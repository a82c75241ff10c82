/**
 * The reader shows the canonical text as one `<p>` per line, each holding a single text node, so that a DOM point
 * maps to a text offset with one lookup and back with one binary search. The `\n` between lines belongs to no
 * paragraph.
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

const LINE_ATTR = 'data-line';

/** Text offset of a DOM boundary point inside the reader, or null when the point is outside it. */
export function offsetOfPoint(root: Element, layout: TextLayout, node: Node, offset: number): number | null {
  if (!root.contains(node)) return null;
  if (node === root) {
    // A point between paragraphs: the start of the next one, or the end of the text.
    const next = root.childNodes[offset];
    if (next instanceof Element && next.hasAttribute(LINE_ATTR)) return layout.starts[Number(next.getAttribute(LINE_ATTR))]!;
    const last = layout.lines.length - 1;
    return layout.starts[last]! + layout.lines[last]!.length;
  }
  const p = (node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element))?.closest(`[${LINE_ATTR}]`);
  if (!p || !root.contains(p)) return null;
  const line = Number(p.getAttribute(LINE_ATTR));
  const start = layout.starts[line]!;
  if (node.nodeType === Node.TEXT_NODE) return start + offset;
  return offset === 0 ? start : start + layout.lines[line]!.length;
}

/** A DOM Range over the text span [start, end). */
export function rangeOf(root: Element, layout: TextLayout, start: number, end: number): Range {
  const range = document.createRange();
  const [sn, so] = pointOf(root, layout, start);
  const [en, eo] = pointOf(root, layout, end);
  range.setStart(sn, so);
  range.setEnd(en, eo);
  return range;
}

function pointOf(root: Element, layout: TextLayout, offset: number): [Node, number] {
  const line = lineOf(layout, offset);
  const p = root.children[line]!;
  const within = Math.min(offset - layout.starts[line]!, layout.lines[line]!.length);
  return p.firstChild ? [p.firstChild, within] : [p, 0];
}

export { LINE_ATTR };
