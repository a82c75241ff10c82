import { memo, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type Ref } from 'react';
import type { AnnotationRecord, TextSpan } from '../../../shared/model/annotation';
import type { LabelSchema } from '../../../shared/model/label-schema';
import { growEnd, growStart, shrinkEnd, shrinkStart, snapToWords, trimSpan, wordAt, type Span } from '../../../shared/text/words';
import { Connectors, type Connection } from './Connectors';
import { HIGHLIGHT, installLabelStyles, paintAnnotations, paintSpans, unpaint } from './highlights';
import { LINE_ATTR, layoutText, offsetOfPoint, rangeOf, type TextLayout } from './layout';

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
  /** Spans linked to the focused annotation, and the curves that join them. */
  connections: readonly Connection[];
  onPending(span: Span | null): void;
  /** A click on highlighted text: the innermost annotation under the pointer. */
  onPick(annotation: AnnotationRecord): void;
  ref?: Ref<ReaderHandle>;
}

export function Reader({ text, label, annotations, schema, pending, focused, connections, onPending, onPick, ref }: ReaderProps) {
  const root = useRef<HTMLElement>(null);
  const [rootEl, setRootEl] = useState<HTMLElement | null>(null);
  const layout = useMemo(() => layoutText(text), [text]);
  // Where a keyboard selection starts when nothing is selected yet: the last click, or the top of the article.
  const caret = useRef(0);

  useLayoutEffect(() => installLabelStyles(schema), [schema]);
  useLayoutEffect(() => {
    if (root.current) paintAnnotations(root.current, layout, annotations);
  }, [layout, annotations]);
  useLayoutEffect(() => {
    if (root.current) paintSpans(HIGHLIGHT.pending, root.current, layout, pending ? [{ ...pending, quote: '' }] : null, 4);
  }, [layout, pending]);
  useLayoutEffect(() => {
    if (!root.current) return;
    paintSpans(HIGHLIGHT.focus, root.current, layout, focused ? [focused] : null, 5);
    paintSpans(HIGHLIGHT.linked, root.current, layout, connections.map((c) => c.to), 2);
  }, [layout, focused, connections]);
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
        paintSpans(HIGHLIGHT.flash, el, layout, [span], 6);
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
      ref={(el) => {
        root.current = el;
        setRootEl(el);
      }}
      className="reader"
      dir="rtl"
      lang="ar"
      tabIndex={0}
      aria-label={label}
      onMouseUp={onMouseUp}
      onKeyDown={onKeyDown}
    >
      <Lines layout={layout} />
      <Connectors root={rootEl} layout={layout} connections={connections} />
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
