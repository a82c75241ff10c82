import { memo } from 'react';
import { useI18n } from '../../ui/i18n';
import type { DocumentSummary } from '../../db/documents-repo';

interface DocumentListProps {
  documents: readonly DocumentSummary[];
  selectedId: string | null;
  onOpen(id: string): void;
}

/** Memoised: an annotation edit re-renders the workbench, never the (possibly thousands of) titles. */
export const DocumentList = memo(function DocumentList({ documents, selectedId, onOpen }: DocumentListProps) {
  const { t } = useI18n();
  return (
    <nav className="documents" aria-label={t('docs.region')}>
      <h2>
        {t('docs.title')} <span className="count">{documents.length}</span>
      </h2>
      {documents.length === 0 ? (
        <p className="empty">{t('docs.empty')}</p>
      ) : (
        <ul>
          {documents.map((d) => (
            <li key={d.id} className={`status-${d.status}`}>
              <button type="button" dir="auto" aria-current={d.id === selectedId ? 'page' : undefined} title={d.fileName} onClick={() => onOpen(d.id)}>
                {d.title}
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
});
