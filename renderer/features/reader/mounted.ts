import { blockOfLine, blockOfOffset, type Block } from './blocks';
import { LINE_ATTR, lineOf, pieceAt, pieceStarts, type TextLayout } from './layout';

/**
 * The part of an article that is in the DOM: the reader mounts only the blocks near the viewport (and a few it
 * pins), so every DOM lookup — a Range for a span, the offset of a point — goes through this registry of mounted
 * block elements. A span whose blocks are not all mounted is cut into the pieces that are.
 */
export class MountedText {
  private readonly elements = new Map<number, HTMLElement>();
  /** Where the text nodes of a line start (layout.ts: one per word), for the lines looked at so far. */
  private readonly pieces_ = new Map<number, number[]>();

  constructor(
    readonly layout: TextLayout,
    readonly blocks: readonly Block[],
  ) {}

  attach(index: number, el: HTMLElement): void {
    this.elements.set(index, el);
  }

  detach(index: number, el: HTMLElement): void {
    if (this.elements.get(index) === el) this.elements.delete(index);
  }

  isMounted(block: number): boolean {
    return this.elements.has(block);
  }

  /** The mounted block indexes, ascending. */
  mounted(): number[] {
    return [...this.elements.keys()].sort((a, b) => a - b);
  }

  lineElement(line: number): Element | null {
    const b = blockOfLine(this.blocks, line);
    return this.elements.get(b)?.children[line - this.blocks[b]!.firstLine] ?? null;
  }

  /** A DOM Range over [start, end), or null when either end lies in a block that is not mounted. */
  range(start: number, end: number): Range | null {
    const s = this.pointOf(start);
    const e = this.pointOf(end);
    if (!s || !e) return null;
    const range = document.createRange();
    range.setStart(s[0], s[1]);
    range.setEnd(e[0], e[1]);
    return range;
  }

  /** The parts of [start, end) that lie in runs of mounted blocks: the whole span when its blocks are mounted. */
  pieces(start: number, end: number): Array<[number, number]> {
    const b0 = blockOfOffset(this.blocks, start);
    const b1 = blockOfOffset(this.blocks, end);
    if (b0 === b1) return this.elements.has(b0) ? [[start, end]] : [];
    const out: Array<[number, number]> = [];
    let run: number | null = null;
    for (let b = b0; b <= b1 + 1; b++) {
      const here = b <= b1 && this.elements.has(b);
      if (here && run === null) run = b;
      if (!here && run !== null) {
        out.push([Math.max(start, this.blocks[run]!.start), Math.min(end, this.blocks[b - 1]!.end)]);
        run = null;
      }
    }
    return out.filter(([s, e]) => e > s);
  }

  private pieceStartsOf(line: number): number[] {
    let starts = this.pieces_.get(line);
    if (!starts) this.pieces_.set(line, (starts = pieceStarts(this.layout.lines[line]!)));
    return starts;
  }

  private pointOf(offset: number): [Node, number] | null {
    const line = lineOf(this.layout, offset);
    const p = this.lineElement(line);
    if (!p) return null;
    const within = Math.min(offset - this.layout.starts[line]!, this.layout.lines[line]!.length);
    const starts = this.pieceStartsOf(line);
    if (starts.length === 0) return [p, 0];
    const k = pieceAt(starts, within);
    const node = p.childNodes[k];
    return node ? [node, within - starts[k]!] : null;
  }

  /** Text offset of a DOM boundary point inside the article, or null when the point is outside it. */
  offsetOfPoint(root: Element, node: Node, offset: number): number | null {
    if (!root.contains(node)) return null;
    const { starts, lines } = this.layout;
    const p = (node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element))?.closest(`[${LINE_ATTR}]`);
    if (p && root.contains(p)) {
      const line = Number(p.getAttribute(LINE_ATTR));
      if (node.nodeType === Node.TEXT_NODE) {
        const k = Array.prototype.indexOf.call(p.childNodes, node) as number;
        return starts[line]! + (this.pieceStartsOf(line)[k] ?? 0) + offset;
      }
      if (node === p) return starts[line]! + (offset < p.childNodes.length ? (this.pieceStartsOf(line)[offset] ?? lines[line]!.length) : lines[line]!.length);
      return offset === 0 ? starts[line]! : starts[line]! + lines[line]!.length;
    }
    // A point between lines, blocks or spacers: the start of the next mounted line, else the end of the last one.
    const at = document.createRange();
    at.setStart(node, offset);
    let before: number | null = null;
    for (const el of root.querySelectorAll(`[${LINE_ATTR}]`)) {
      const line = Number(el.getAttribute(LINE_ATTR));
      if (at.comparePoint(el, 0) > 0) return starts[line]!;
      before = line;
    }
    return before === null ? 0 : starts[before]! + lines[before]!.length;
  }
}
