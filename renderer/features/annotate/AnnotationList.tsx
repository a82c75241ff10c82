import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { AnnotationRecord } from '../../../shared/model/annotation';
import type { LabelSchema } from '../../../shared/model/label-schema';
import { useI18n } from '../../ui/i18n';
import { labelColor, labelName } from './describe';

interface Props {
  annotations: readonly AnnotationRecord[];
  schema: LabelSchema;
  focusedId: string | null;
  onOpen(a: AnnotationRecord): void;
  onDelete(a: AnnotationRecord): void;
}

/** The document's annotations in text order; Enter/click reveals one in the article, Delete removes it. */
export const AnnotationList = memo(function AnnotationList({ annotations, schema, focusedId, onOpen, onDelete }: Props) {
  const { t, name } = useI18n();
  // Stable handlers, so that adding one annotation re-renders one row, not thousands.
  const handlers = useRef({ onOpen, onDelete });
  useLayoutEffect(() => {
    handlers.current = { onOpen, onDelete };
  });
  const open = useCallback((a: AnnotationRecord) => handlers.current.onOpen(a), []);
  const remove = useCallback((a: AnnotationRecord) => handlers.current.onDelete(a), []);
  const layerName = (layer: 'claim' | 'source') => t(layer === 'claim' ? 'layer.claim' : 'layer.source');
  const byId = useMemo(() => new Map(annotations.map((a) => [a.id, a])), [annotations]);
  // A claim's row says who claims it and through which source, so a claim never looks unlinked when it is not.
  const linksOf = (a: AnnotationRecord): string | undefined => {
    if (a.kind !== 'claim') return undefined;
    const parts: string[] = [];
    const claimant = a.claimantId ? byId.get(a.claimantId)?.quote : undefined;
    if (claimant) parts.push(`${t('link.role.claimant')}: ${claimant}`);
    else if (a.claimantEntityId) parts.push(`${t('link.role.claimant')}: ${t('kb.entity')}`);
    const source = a.sourceId ? byId.get(a.sourceId)?.quote : undefined;
    if (source) parts.push(`${t('link.role.source')}: ${source}`);
    return parts.length ? parts.join(' · ') : undefined;
  };
  return (
    <section aria-label={t('list.region')} className="annotation-list">
      <h2>
        {t('list.title')} <span className="count">{annotations.length}</span>
      </h2>
      {annotations.length === 0 ? (
        <p className="empty">{t('list.empty')}</p>
      ) : (
        <Rows count={annotations.length} focusedIndex={annotations.findIndex((a) => a.id === focusedId)}>
          {(from, to) =>
            annotations
              .slice(from, to)
              .map((a) => (
                <Row
                  key={a.id}
                  annotation={a}
                  label={labelName(a, schema, name, layerName)}
                  color={labelColor(a, schema)}
                  links={linksOf(a)}
                  focused={a.id === focusedId}
                  deleteLabel={t('list.delete', { quote: a.quote })}
                  onOpen={open}
                  onDelete={remove}
                />
              ))
          }
        </Rows>
      )}
    </section>
  );
});

/** Up to this many rows the whole list is in the DOM; past it only the rows in view (and a margin) are. */
const WINDOW_FROM = 200;
const ROW_HEIGHT = 34;
const OVERSCAN = 12;

/**
 * The list, windowed when long: a 10,000-annotation article must open as fast as a short one, so only the rows in
 * view are rendered, at a fixed height, in a scroll box of the panel; the focused row is scrolled into view.
 */
function Rows({ count, focusedIndex, children }: { count: number; focusedIndex: number; children(from: number, to: number): React.ReactNode }) {
  const box = useRef<HTMLOListElement>(null);
  // The box is 60vh high (styles.css); its scroll position decides which rows exist.
  const [view, setView] = useState(() => ({ top: 0, height: window.innerHeight * 0.6 }));
  const windowed = count > WINDOW_FROM;
  useLayoutEffect(() => {
    const el = box.current;
    if (!windowed || !el || focusedIndex < 0) return;
    const top = focusedIndex * ROW_HEIGHT;
    // Setting scrollTop fires a scroll event, which brings the rows there into the DOM.
    if (top < el.scrollTop || top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = Math.max(0, top - el.clientHeight / 2);
  }, [windowed, focusedIndex]);
  if (!windowed) return <ol>{children(0, count)}</ol>;
  const visible = Math.ceil(view.height / ROW_HEIGHT);
  const from = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN);
  const to = Math.min(count, from + visible + 2 * OVERSCAN);
  return (
    <ol ref={box} className="windowed" onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}>
      <li aria-hidden="true" style={{ height: from * ROW_HEIGHT }} className="spacer" />
      {children(from, to)}
      <li aria-hidden="true" style={{ height: (count - to) * ROW_HEIGHT }} className="spacer" />
    </ol>
  );
}

interface RowProps {
  annotation: AnnotationRecord;
  label: string;
  color: string | undefined;
  /** A claim's claimant and source, shown under its quote. */
  links: string | undefined;
  focused: boolean;
  deleteLabel: string;
  onOpen(a: AnnotationRecord): void;
  onDelete(a: AnnotationRecord): void;
}

const Row = memo(function Row({ annotation: a, label, color, links, focused, deleteLabel, onOpen, onDelete }: RowProps) {
  const linksId = `links-${a.id}`;
  return (
    <li className={`${a.kind}${focused ? ' focused' : ''}`}>
      <button
        type="button"
        className="annotation"
        data-annotation-id={a.id}
        aria-label={`${a.quote} — ${label}`}
        aria-current={focused ? 'true' : undefined}
        aria-describedby={links ? linksId : undefined}
        onClick={() => onOpen(a)}
        onKeyDown={(e) => {
          if (e.key === 'Delete' || e.key === 'Backspace') {
            e.preventDefault();
            e.stopPropagation();
            onDelete(a);
          }
        }}
      >
        <span className="quote" dir="rtl" lang="ar">
          <span className="text">{a.quote}</span>
          {links && (
            <span id={linksId} className="links">
              {links}
            </span>
          )}
        </span>
        <span className={`tag ${a.kind}`} style={{ borderColor: color }}>
          {label}
        </span>
      </button>
      <button type="button" className="delete" aria-label={deleteLabel} onClick={() => onDelete(a)}>
        ×
      </button>
    </li>
  );
});
