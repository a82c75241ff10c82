import { useVirtualizer, defaultRangeExtractor, type Range as VirtualRange } from '@tanstack/react-virtual';
import { memo, useCallback, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type Ref } from 'react';
import type { AnnotationRecord, TextSpan } from '../../../shared/model/annotation';
import type { LabelSchema } from '../../../shared/model/label-schema';
import { growEnd, growStart, shrinkEnd, shrinkStart, snapToWords, trimSpan, wordAt, type Span } from '../../../shared/text/words';
import { blockOfOffset, blocksOf, estimateHeight, type Block, type LineMetrics } from './blocks';
import { HIGHLIGHT, HIGHLIGHT_PRIORITY, installLabelStyles, paintAnnotations, paintSpans, unpaint } from './highlights';
import { LINE_ATTR, layoutText, wordPieces, type TextLayout } from './layout';
import { MountedText } from './mounted';
import { Overlay, type Connection, type LinkRole } from './Overlay';
import { annotationsAt, cycleKey } from './pick';

export interface ReaderHandle {
  /** Scroll a span into view and flash it. */
  reveal(span: TextSpan): void;
}

interface ReaderProps {
  text: string;
  label: string;
  annotations: readonly AnnotationRecord[];
  schema: LabelSchema;
  pending: Span | null;
  focused: AnnotationRecord | null;
  /** The links drawn over the article: the focused annotation's, or every claim's when links are shown. */
  connections: readonly Connection[];
  roleNames: Record<LinkRole, string>;
  onPending(span: Span | null): void;
  /**
   * A click on annotated text: the innermost annotation under the pointer; clicking again on the same spot picks
   * the next one out, so every nested span can be reached.
   */
  onPick(annotation: AnnotationRecord): void;
  ref?: Ref<ReaderHandle>;
}

/** Until the article is measured: the reader's type (styles.css: 1.25rem, line-height 2.1) on a 38em column. */
const DEFAULT_METRICS: LineMetrics = { charsPerRow: 80, rowHeight: 42, lineGap: 12, blankHeight: 10 };
/** Blocks mounted beyond the viewport on each side (about half a screen), so a scroll or a drag reaches text already laid
 * out; more would register more highlight ranges, which every frame pays for. */
const OVERSCAN = 1;
const FLASH_MS = 1200;
/** Blocks are keyed by index; one function for the article's life, so the virtualiser's measurements stay memoised. */
const blockKey = (i: number) => i;

/**
 * The article, right to left. Its text is cut into blocks of whole lines (blocks.ts) and only the blocks near the
 * viewport are in the DOM (TanStack Virtual, in the reader pane that scrolls it: the article's parent). Blocks that
 * must stay — the selection's, the focused annotation's, the one a drag started in, a revealed span's — are
 * pinned. Offsets never depend on what is mounted: the DOM is only a view of the canonical text.
 */
export function Reader({ text, label, annotations, schema, pending, focused, connections, roleNames, onPending, onPick, ref }: ReaderProps) {
  const root = useRef<HTMLElement>(null);
  const [rootEl, setRootEl] = useState<HTMLElement | null>(null);
  const layout = useMemo(() => layoutText(text), [text]);
  const blocks = useMemo(() => blocksOf(layout), [layout]);
  const mounted = useMemo(() => new MountedText(layout, blocks), [layout, blocks]);
  // Where a keyboard selection starts when nothing is selected yet: the last click, or the top of the article.
  const caret = useRef(0);
  // The annotations under the last click, which of them it picked, and what was focused when it did: the next click
  // there picks the next one out — as long as the focus has not moved since (Esc, the list, N/P start afresh).
  const lastPick = useRef<{ key: string; index: number; pickedId: string; focusedId: string | null } | null>(null);
  const [hover, setHover] = useState<AnnotationRecord | null>(null);
  const hoverFrame = useRef(0);
  const [dragBlock, setDragBlock] = useState<number | null>(null);
  const [flash, setFlash] = useState<{ span: TextSpan; id: number } | null>(null);
  const [metrics, setMetrics] = useState(DEFAULT_METRICS);
  const [scrollMargin, setScrollMargin] = useState(0);

  // A stable callback: an inline one is called again on every render and made each commit render twice.
  const attach = useCallback((el: HTMLElement | null) => {
    root.current = el;
    setRootEl(el);
  }, []);

  const pins = useMemo(() => {
    const out = new Set<number>();
    const pin = (offset: number) => out.add(blockOfOffset(blocks, offset));
    // Both ends: a span across a block edge is measured (outline, links, reveal) from its first to its last piece.
    if (pending) [pending.start, pending.end].forEach(pin);
    if (focused) [focused.start, focused.end].forEach(pin);
    if (flash) [flash.span.start, flash.span.end].forEach(pin);
    if (dragBlock !== null) out.add(dragBlock);
    return out;
  }, [blocks, pending, focused, flash, dragBlock]);

  const rangeExtractor = useCallback(
    (range: VirtualRange) => {
      const near = defaultRangeExtractor(range);
      if (pins.size === 0) return near;
      return [...new Set([...near, ...pins])].filter((i) => i < range.count).sort((a, b) => a - b);
    },
    [pins],
  );

  // The rule warns that the React Compiler cannot memoise around this hook; the project does not use the compiler,
  // and what the virtualiser returns is read fresh on every render here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: blocks.length,
    getScrollElement: () => root.current?.parentElement ?? null,
    estimateSize: (i) => estimateHeight(layout, blocks[i]!, metrics),
    overscan: OVERSCAN,
    scrollMargin,
    rangeExtractor,
    // Blocks are keyed by index: the same text always cuts into the same blocks.
    getItemKey: blockKey,
    // The first render already holds the blocks of the first screen (the pane is about the window's height), so
    // the article is laid out once, not once empty and again with its text.
    initialRect: { width: 800, height: window.innerHeight },
  });
  const items = virtualizer.getVirtualItems();
  const mountedKey = items.map((i) => i.index).join(',');

  // Measure where the article starts in its scroller, and how many characters fit on a row, once laid out.
  useLayoutEffect(() => {
    const el = root.current;
    const scroller = el?.parentElement;
    if (!el || !scroller) return;
    const measure = () => {
      const top = el.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
      setScrollMargin((m) => (Math.abs(m - top) < 1 ? m : top));
      const style = getComputedStyle(el);
      const size = parseFloat(style.fontSize) || 20;
      const rowHeight = parseFloat(style.lineHeight) || size * 2.1;
      const width = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      // Naskh at this size averages under half an em per character, spaces included.
      const charsPerRow = Math.max(10, Math.floor(width / (size * 0.45)));
      setMetrics((m) =>
        m.charsPerRow === charsPerRow && m.rowHeight === rowHeight ? m : { charsPerRow, rowHeight, lineGap: size * 0.6, blankHeight: size * 0.5 },
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    return () => observer.disconnect();
  }, []);

  // Each block's annotations (a span across blocks is listed in each), so a repaint touches only mounted ones.
  const byBlock = useMemo(() => {
    const out = new Map<number, AnnotationRecord[]>();
    for (const a of annotations) {
      const lo = Math.min(a.start, a.kind === 'claim' && a.cue ? a.cue.start : a.start);
      const hi = Math.max(a.end, a.kind === 'claim' && a.cue ? a.cue.end : a.end);
      for (let b = blockOfOffset(blocks, lo), last = blockOfOffset(blocks, hi); b <= last; b++) {
        const list = out.get(b);
        if (list) list.push(a);
        else out.set(b, [a]);
      }
    }
    return out;
  }, [annotations, blocks]);

  useLayoutEffect(() => installLabelStyles(schema), [schema]);
  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    const near = new Set<AnnotationRecord>();
    for (const b of mounted.mounted()) for (const a of byBlock.get(b) ?? []) near.add(a);
    paintAnnotations(el, mounted, [...near]);
  }, [mounted, mountedKey, byBlock]);
  useLayoutEffect(() => {
    if (root.current) paintSpans(HIGHLIGHT.pending, root.current, mounted, pending ? [pending] : null, HIGHLIGHT_PRIORITY.pending);
  }, [mounted, mountedKey, pending]);
  useLayoutEffect(() => {
    if (root.current) paintSpans(HIGHLIGHT.flash, root.current, mounted, flash ? [flash.span] : null, HIGHLIGHT_PRIORITY.flash);
  }, [mounted, mountedKey, flash]);
  // A selection grown by keyboard past the edge of the view brings its moving end into view.
  const lastPending = useRef<Span | null>(null);
  useLayoutEffect(() => {
    const before = lastPending.current;
    lastPending.current = pending;
    const scroller = root.current?.parentElement;
    if (!pending || !scroller) return;
    const startMoved = before !== null && before.start !== pending.start && before.end === pending.end;
    const at = startMoved ? pending.start : Math.max(pending.start, pending.end - 1);
    const end = mounted.range(at, Math.min(at + 1, pending.end))?.getClientRects()[0];
    if (!end) return;
    const view = scroller.getBoundingClientRect();
    // What the pane keeps over its top (the legend) hides text too.
    const top = scroller.querySelector('.reader-head')?.getBoundingClientRect().bottom ?? view.top;
    if (end.bottom > view.bottom) scroller.scrollTop += end.bottom - view.bottom + end.height;
    else if (end.top < top) scroller.scrollTop -= top - end.top + end.height;
  }, [mounted, pending]);
  // A revealed span: once its pinned block is mounted, scroll it to the middle; the flash then fades.
  useLayoutEffect(() => {
    if (!flash) return;
    const scroller = root.current?.parentElement;
    const first = mounted.pieces(flash.span.start, flash.span.end)[0];
    const box = first && mounted.range(first[0], first[1])?.getClientRects()[0];
    // The span itself to the middle (a long paragraph centred whole could leave it off screen).
    if (scroller && box) scroller.scrollTop += box.top + box.height / 2 - (scroller.getBoundingClientRect().top + scroller.clientHeight / 2);
    const timer = window.setTimeout(() => setFlash((f) => (f === flash ? null : f)), FLASH_MS);
    return () => window.clearTimeout(timer);
  }, [mounted, flash]);
  // A layout-effect cleanup runs before the next document's article paints (a passive one ran after it and wiped
  // the new highlights), and unpaint removes only this article's own highlights.
  useLayoutEffect(() => {
    const el = root.current;
    return () => {
      if (el) unpaint(el);
    };
  }, []);

  const flashes = useRef(0);
  useImperativeHandle(ref, () => ({ reveal: (span) => setFlash({ span, id: ++flashes.current }) }), []);

  const blockRef = useCallback(
    (el: HTMLElement | null) => {
      if (!el) return;
      const index = Number(el.dataset.index);
      mounted.attach(index, el);
      virtualizer.measureElement(el);
      return () => mounted.detach(index, el);
    },
    [mounted, virtualizer],
  );

  function pointOffset(node: Node, offset: number): number | null {
    return root.current ? mounted.offsetOfPoint(root.current, node, offset) : null;
  }

  function selectionSpan(): Span | null {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || !root.current) return null;
    const r = sel.getRangeAt(0);
    const start = pointOffset(r.startContainer, r.startOffset);
    const end = pointOffset(r.endContainer, r.endOffset);
    return start === null || end === null ? null : { start, end };
  }

  function onMouseDown(e: React.MouseEvent) {
    // The block a drag starts in stays mounted however far the drag scrolls.
    const block = (e.target as Element).closest?.('[data-index]');
    if (!block || !root.current?.contains(block)) return;
    setDragBlock(Number((block as HTMLElement).dataset.index));
    // A drag may end outside the article.
    window.addEventListener('mouseup', () => setDragBlock(null), { once: true });
  }

  function onMouseUp(e: React.MouseEvent) {
    setDragBlock(null);
    const raw = selectionSpan();
    if (!raw) return;
    if (raw.start === raw.end) {
      caret.current = raw.start;
      // The character under the pointer, as the hover outline showed it (the caret may sit just past a span's end).
      const offset = offsetUnder(e.clientX, e.clientY) ?? raw.start;
      const next = nextPick(offset);
      lastPick.current = next && { key: next.key, index: next.index, pickedId: next.annotation.id, focusedId: focused?.id ?? null };
      if (next) onPick(next.annotation);
      return;
    }
    // Alt keeps the exact characters selected; otherwise the selection snaps to whole words (README).
    const span = e.altKey ? trimSpan(text, raw) : snapToWords(text, raw);
    window.getSelection()?.removeAllRanges();
    onPending(span);
  }

  /** What a click at this offset picks: the innermost annotation, or the next one out after a click on the same spot. */
  function nextPick(offset: number): { annotation: AnnotationRecord; key: string; index: number } | null {
    const here = annotationsAt(byBlock.get(blockOfOffset(blocks, offset)) ?? [], offset);
    if (here.length === 0) return null;
    const key = cycleKey(here);
    const last = lastPick.current;
    const again = last?.key === key && (focused?.id === last.pickedId || (focused?.id ?? null) === last.focusedId);
    const index = again ? (last.index + 1) % here.length : 0;
    return { annotation: here[index]!, key, index };
  }

  /** The pointer's character, if the pointer is on it (not just nearest to it). */
  function offsetUnder(x: number, y: number): number | null {
    const pos = document.caretPositionFromPoint?.(x, y);
    if (!pos) return null;
    const at = pointOffset(pos.offsetNode, pos.offset);
    if (at === null) return null;
    // The caret is between two characters: the one under the pointer is whichever of them holds the point.
    for (const offset of [at, at - 1]) {
      if (offset < 0 || offset >= text.length) continue;
      for (const r of mounted.range(offset, offset + 1)?.getClientRects() ?? []) {
        if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return offset;
      }
    }
    return null;
  }

  function onMouseMove(e: React.MouseEvent) {
    const { clientX, clientY } = e;
    cancelAnimationFrame(hoverFrame.current);
    hoverFrame.current = requestAnimationFrame(() => {
      const offset = offsetUnder(clientX, clientY);
      const next = offset === null ? null : (nextPick(offset)?.annotation ?? null);
      setHover((h) => (h === next ? h : next));
    });
  }

  function onMouseLeave() {
    cancelAnimationFrame(hoverFrame.current);
    setHover(null);
  }

  function onKeyDown(e: React.KeyboardEvent) {
    if (!e.shiftKey || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return;
    e.preventDefault();
    if (!pending) {
      onPending(wordAt(text, caret.current));
      return;
    }
    // The article runs right to left: ← reads on (grow), → reads back (shrink). With Ctrl the start moves instead.
    const forward = e.key === 'ArrowLeft';
    const next =
      e.ctrlKey || e.metaKey ? (forward ? shrinkStart(text, pending) : growStart(text, pending)) : forward ? growEnd(text, pending) : shrinkEnd(text, pending);
    onPending(next);
  }

  // Mounted blocks in flow, with spacers for the blocks between them: the article keeps its full height and text
  // selection runs through the DOM in reading order.
  const children: React.ReactNode[] = [];
  let at = scrollMargin;
  for (const item of items) {
    if (item.start > at) children.push(<div key={`gap-${item.index}`} className="spacer" aria-hidden="true" style={{ height: item.start - at }} />);
    children.push(<BlockView key={item.index} block={blocks[item.index]!} layout={layout} blockRef={blockRef} />);
    at = item.end;
  }
  const end = scrollMargin + virtualizer.getTotalSize();
  if (end > at) children.push(<div key="gap-end" className="spacer" aria-hidden="true" style={{ height: end - at }} />);

  return (
    <article
      ref={attach}
      className="reader"
      dir="rtl"
      lang="ar"
      tabIndex={0}
      aria-label={label}
      onMouseDown={onMouseDown}
      onMouseUp={onMouseUp}
      onMouseMove={onMouseMove}
      onMouseLeave={onMouseLeave}
      onKeyDown={onKeyDown}
    >
      {children}
      <Overlay
        root={rootEl}
        text={mounted}
        mountedKey={mountedKey}
        focused={focused}
        hover={hover && hover.id !== focused?.id ? hover : null}
        connections={connections}
        roleNames={roleNames}
      />
    </article>
  );
}

/**
 * One block of lines, rendered once: highlights never re-render it, so live Ranges into it stay valid. Each line's
 * words are text nodes of their own (layout.ts says why); React makes one text node per string.
 */
const BlockView = memo(function BlockView({ block, layout, blockRef }: { block: Block; layout: TextLayout; blockRef(el: HTMLElement | null): void }) {
  const lines: React.ReactNode[] = [];
  for (let i = block.firstLine; i < block.firstLine + block.lineCount; i++) {
    const line = layout.lines[i]!;
    lines.push(
      <p key={i} {...{ [LINE_ATTR]: i }} className={line.trim() ? 'line' : 'line blank'}>
        {wordPieces(line)}
      </p>,
    );
  }
  return (
    <div ref={blockRef} data-index={block.index} className="block">
      {lines}
    </div>
  );
});
