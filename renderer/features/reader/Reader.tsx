import { memo, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, type Ref } from 'react';
import type { AnnotationRecord } from '../../../shared/model/annotation';
import type { EntityLabel } from '../../../shared/model/label-set';
import { snapToWords, trimSpan, wordEndAt, wordStartAt, type Span } from '../../../shared/text/words';
import { FLASH, FOCUS, PENDING, installLabelStyles, paintAnnotations, paintSpan } from './highlights';
import { LINE_ATTR, layoutText, offsetOfPoint, rangeOf, type TextLayout } from './layout';

export interface ReaderHandle {
  /** Scroll a span into view and flash it. */
  reveal(span: Span): void;
}

interface ReaderProps {
  text: string;
  title: string;
  annotations: readonly AnnotationRecord[];
  labels: readonly EntityLabel[];
  pending: Span | null;
  focused: AnnotationRecord | null;
  onPending(span: Span | null): void;
  /** A click on highlighted text: the innermost annotation under the pointer. */
  onPick(annotation: AnnotationRecord): void;
  ref?: Ref<ReaderHandle>;
}

export function Reader({ text, title, annotations, labels, pending, focused, onPending, onPick, ref }: ReaderProps) {
  const root = useRef<HTMLElement>(null);
  const layout = useMemo(() => layoutText(text), [text]);
  // Keyboard selection: where a Shift+Arrow extension starts from when nothing is selected yet.
  const caret = useRef(0);

  useLayoutEffect(() => installLabelStyles(labels), [labels]);
  useLayoutEffect(() => {
    if (root.current) paintAnnotations(root.current, layout, annotations, labels);
  }, [layout, annotations, labels]);
  useLayoutEffect(() => {
    if (root.current) paintSpan(PENDING, root.current, layout, pending);
  }, [layout, pending]);
  useLayoutEffect(() => {
    if (root.current) paintSpan(FOCUS, root.current, layout, focused);
  }, [layout, focused]);
  useEffect(() => () => {
    for (const name of [PENDING, FOCUS, FLASH]) CSS.highlights.delete(name);
  }, []);

  useImperativeHandle(ref, () => ({
    reveal(span) {
      const el = root.current;
      if (!el) return;
      const range = rangeOf(el, layout, span.start, span.end);
      const line = range.startContainer.parentElement ?? el;
      line.scrollIntoView({ block: 'center', behavior: 'instant' });
      paintSpan(FLASH, el, layout, span);
      window.setTimeout(() => CSS.highlights.delete(FLASH), 1200);
    },
  }), [layout]);

  function selectionSpan(): Span | null {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || !root.current) return null;
    const r = sel.getRangeAt(0);
    const start = offsetOfPoint(root.current, layout, r.startContainer, r.startOffset);
    const end = offsetOfPoint(root.current, layout, r.endContainer, r.endOffset);
    if (start === null || end === null) return null;
    return { start, end };
  }

  function onMouseUp(e: React.MouseEvent) {
    const raw = selectionSpan();
    if (!raw) return;
    if (raw.start === raw.end) {
      caret.current = raw.start;
      const hit = innermostAt(annotations, raw.start);
      if (hit) onPick(hit);
      return;
    }
    // Alt keeps the exact characters selected; otherwise the selection snaps to whole words (README).
    const span = e.altKey ? trimSpan(text, raw) : snapToWords(text, raw);
    window.getSelection()?.removeAllRanges();
    onPending(span);
  }

  function onKeyDown(e: React.KeyboardEvent) {
    if (!e.shiftKey || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return;
    e.preventDefault();
    // The article is RTL: the left arrow reads forward, the right arrow back.
    const forward = e.key === 'ArrowLeft';
    const from = pending ?? { start: caret.current, end: caret.current };
    let end = from.end;
    if (forward) {
      let i = end;
      while (i < text.length && !/[\p{L}\p{N}]/u.test(text[i]!)) i++;
      end = wordEndAt(text, i);
    } else {
      let i = end;
      while (i > from.start && !/[\p{L}\p{N}\p{M}]/u.test(text[i - 1]!)) i--;
      end = Math.max(from.start, wordStartAt(text, i) === i ? i : wordStartAt(text, i));
      if (end === from.end && end > from.start) end = wordStartAt(text, end - 1);
    }
    const start = from.start === from.end ? wordStartAt(text, Math.min(from.start, end)) : from.start;
    onPending(trimSpan(text, { start, end }));
  }

  return (
    <article
      ref={root}
      className="reader"
      dir="rtl"
      lang="ar"
      tabIndex={0}
      aria-label={`Article: ${title}`}
      onMouseUp={onMouseUp}
      onKeyDown={onKeyDown}
    >
      <Lines layout={layout} />
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

function innermostAt(annotations: readonly AnnotationRecord[], offset: number): AnnotationRecord | null {
  let best: AnnotationRecord | null = null;
  for (const a of annotations) {
    if (a.start <= offset && offset < a.end && (!best || a.end - a.start < best.end - best.start)) best = a;
  }
  return best;
}
