import { memo, useCallback, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type Ref } from 'react';
import type { AnnotationRecord, TextSpan } from '../../../shared/model/annotation';
import type { LabelSchema } from '../../../shared/model/label-schema';
import { growEnd, growStart, shrinkEnd, shrinkStart, snapToWords, trimSpan, wordAt, type Span } from '../../../shared/text/words';
import { HIGHLIGHT, HIGHLIGHT_PRIORITY, installLabelStyles, paintAnnotations, paintSpans, unpaint } from './highlights';
import { LINE_ATTR, layoutText, offsetOfPoint, rangeOf, type TextLayout } from './layout';
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

export function Reader({ text, label, annotations, schema, pending, focused, connections, roleNames, onPending, onPick, ref }: ReaderProps) {
  const root = useRef<HTMLElement>(null);
  const [rootEl, setRootEl] = useState<HTMLElement | null>(null);
  // A stable callback: an inline one is called again on every render and made each commit render twice.
  const attach = useCallback((el: HTMLElement | null) => {
    root.current = el;
    setRootEl(el);
  }, []);
  const layout = useMemo(() => layoutText(text), [text]);
  // Where a keyboard selection starts when nothing is selected yet: the last click, or the top of the article.
  const caret = useRef(0);
  // The annotations under the last click and which of them it picked: the next click there picks the next one out.
  const lastPick = useRef<{ key: string; index: number } | null>(null);
  const [hover, setHover] = useState<AnnotationRecord | null>(null);
  const hoverFrame = useRef(0);

  useLayoutEffect(() => installLabelStyles(schema), [schema]);
  useLayoutEffect(() => {
    if (root.current) paintAnnotations(root.current, layout, annotations);
  }, [layout, annotations]);
  useLayoutEffect(() => {
    if (root.current) paintSpans(HIGHLIGHT.pending, root.current, layout, pending ? [{ ...pending, quote: '' }] : null, HIGHLIGHT_PRIORITY.pending);
  }, [layout, pending]);
  // A layout-effect cleanup runs before the next document's article paints (a passive one ran after it and wiped
  // the new highlights), and unpaint removes only this article's own highlights.
  useLayoutEffect(() => {
    const el = root.current;
    return () => {
      if (el) unpaint(el);
    };
  }, []);

  useImperativeHandle(
    ref,
    () => ({
      reveal(span) {
        const el = root.current;
        if (!el) return;
        const range = rangeOf(el, layout, span.start, span.end);
        (range.startContainer.parentElement ?? el).scrollIntoView({ block: 'center', behavior: 'instant' });
        paintSpans(HIGHLIGHT.flash, el, layout, [span], HIGHLIGHT_PRIORITY.flash);
        window.setTimeout(() => CSS.highlights.delete(HIGHLIGHT.flash), 1200);
      },
    }),
    [layout],
  );

  function selectionSpan(): Span | null {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || !root.current) return null;
    const r = sel.getRangeAt(0);
    const start = offsetOfPoint(root.current, layout, r.startContainer, r.startOffset);
    const end = offsetOfPoint(root.current, layout, r.endContainer, r.endOffset);
    return start === null || end === null ? null : { start, end };
  }

  function onMouseUp(e: React.MouseEvent) {
    const raw = selectionSpan();
    if (!raw) return;
    if (raw.start === raw.end) {
      caret.current = raw.start;
      const next = nextPick(raw.start);
      lastPick.current = next && { key: next.key, index: next.index };
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
    const here = annotationsAt(annotations, offset);
    if (here.length === 0) return null;
    const key = cycleKey(here);
    const index = lastPick.current?.key === key ? (lastPick.current.index + 1) % here.length : 0;
    return { annotation: here[index]!, key, index };
  }

  /** The pointer's character, if the pointer is on it (not just nearest to it). */
  function offsetUnder(x: number, y: number): number | null {
    const el = root.current;
    const pos = el && document.caretPositionFromPoint?.(x, y);
    if (!el || !pos || !el.contains(pos.offsetNode)) return null;
    const at = offsetOfPoint(el, layout, pos.offsetNode, pos.offset);
    if (at === null) return null;
    // The caret is between two characters: the one under the pointer is whichever of them holds the point.
    for (const offset of [at, at - 1]) {
      if (offset < 0 || offset >= text.length) continue;
      for (const r of rangeOf(el, layout, offset, offset + 1).getClientRects()) {
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
    const next = e.ctrlKey || e.metaKey ? (forward ? shrinkStart(text, pending) : growStart(text, pending)) : forward ? growEnd(text, pending) : shrinkEnd(text, pending);
    onPending(next);
  }

  return (
    <article
      ref={attach}
      className="reader"
      dir="rtl"
      lang="ar"
      tabIndex={0}
      aria-label={label}
      onMouseUp={onMouseUp}
      onMouseMove={onMouseMove}
      onMouseLeave={onMouseLeave}
      onKeyDown={onKeyDown}
    >
      <Lines layout={layout} />
      <Overlay root={rootEl} layout={layout} focused={focused} hover={hover && hover.id !== focused?.id ? hover : null} connections={connections} roleNames={roleNames} />
    </article>
  );
}

/** The text itself, rendered once per document: highlights never re-render it, so live Ranges stay valid. */
const Lines = memo(function Lines({ layout }: { layout: TextLayout }) {
  return layout.lines.map((line, i) => (
    <p key={i} {...{ [LINE_ATTR]: i }} className={line.trim() ? 'line' : 'line blank'}>
      {line}
    </p>
  ));
});
