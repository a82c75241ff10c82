import type { AnnotationRecord } from '../../../shared/model/annotation';
import { labelById, type EntityLabel } from '../../../shared/model/label-set';
import type { Span } from '../../../shared/text/words';

interface AnnotationPanelProps {
  text: string;
  annotations: readonly AnnotationRecord[];
  labels: readonly EntityLabel[];
  pending: Span | null;
  focusedId: string | null;
  onLabel(labelId: string): void;
  onOpen(annotation: AnnotationRecord): void;
  onDelete(annotation: AnnotationRecord): void;
}

export function AnnotationPanel({ text, annotations, labels, pending, focusedId, onLabel, onOpen, onDelete }: AnnotationPanelProps) {
  return (
    <aside className="panel" aria-label="Annotations">
      <section aria-label="Label the selection" className="labels">
        <h2>Label</h2>
        <p className="selection-preview" dir="rtl" lang="ar" aria-live="polite">
          {pending ? `«${text.slice(pending.start, pending.end)}»` : <span lang="en" dir="ltr">Select text in the article</span>}
        </p>
        <div className="label-buttons">
          {labels.map((l) => (
            <button
              key={l.id}
              type="button"
              disabled={!pending}
              onClick={() => onLabel(l.id)}
              aria-keyshortcuts={l.key}
              style={{ borderInlineStartColor: l.color }}
            >
              <kbd>{l.key}</kbd> {l.nameEn} <span lang="ar">{l.nameAr}</span>
            </button>
          ))}
        </div>
      </section>
      <section aria-label="Annotations in this article" className="annotation-list">
        <h2>
          Annotations <span className="count">{annotations.length}</span>
        </h2>
        {annotations.length === 0 ? (
          <p className="empty">None yet. Select a name and press a label key.</p>
        ) : (
          <ol>
            {annotations.map((a) => {
              const label = labelById(a.label, labels);
              return (
                <li key={a.id} className={a.id === focusedId ? 'focused' : undefined}>
                  <button
                    type="button"
                    className="annotation"
                    data-annotation-id={a.id}
                    aria-label={`${a.quote} — ${label?.nameEn ?? a.label}`}
                    aria-current={a.id === focusedId ? 'true' : undefined}
                    onClick={() => onOpen(a)}
                    onKeyDown={(e) => {
                      if (e.key === 'Delete' || e.key === 'Backspace') {
                        e.preventDefault();
                        onDelete(a);
                      }
                    }}
                  >
                    <span className="quote" dir="rtl" lang="ar">
                      {a.quote}
                    </span>
                    <span className="tag" style={{ backgroundColor: label?.color }}>
                      {label?.nameEn ?? a.label}
                    </span>
                  </button>
                  <button type="button" className="delete" aria-label={`Delete annotation ${a.quote}`} onClick={() => onDelete(a)}>
                    ×
                  </button>
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </aside>
  );
}
