import type { AnnotationRecord } from '../../../shared/model/annotation';
import type { LabelSchema } from '../../../shared/model/label-schema';
import { useI18n } from '../../app/i18n';
import { labelColor, labelName } from './describe';

interface Props {
  annotations: readonly AnnotationRecord[];
  schema: LabelSchema;
  focusedId: string | null;
  onOpen(a: AnnotationRecord): void;
  onDelete(a: AnnotationRecord): void;
}

/** The document's annotations in text order; Enter/click reveals one in the article, Delete removes it. */
export function AnnotationList({ annotations, schema, focusedId, onOpen, onDelete }: Props) {
  const { t, name } = useI18n();
  const layerName = (layer: 'claim' | 'source') => t(layer === 'claim' ? 'layer.claim' : 'layer.source');
  return (
    <section aria-label={t('list.region')} className="annotation-list">
      <h2>
        {t('list.title')} <span className="count">{annotations.length}</span>
      </h2>
      {annotations.length === 0 ? (
        <p className="empty">{t('list.empty')}</p>
      ) : (
        <ol>
          {annotations.map((a) => {
            const label = labelName(a, schema, name, layerName);
            return (
              <li key={a.id} className={`${a.kind}${a.id === focusedId ? ' focused' : ''}`}>
                <button
                  type="button"
                  className="annotation"
                  data-annotation-id={a.id}
                  aria-label={`${a.quote} — ${label}`}
                  aria-current={a.id === focusedId ? 'true' : undefined}
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
                    {a.quote}
                  </span>
                  <span className={`tag ${a.kind}`} style={{ borderColor: labelColor(a, schema) }}>
                    {label}
                  </span>
                </button>
                <button type="button" className="delete" aria-label={t('list.delete', { quote: a.quote })} onClick={() => onDelete(a)}>
                  ×
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
