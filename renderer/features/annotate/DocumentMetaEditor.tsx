import { useState } from 'react';
import { safeHttpUrl, type DocumentMeta, type DocumentRecord, type DocumentStatus } from '../../../shared/model/document';
import { useDraft } from '../../ui/drafts';
import { useI18n } from '../../ui/i18n';
import { StatusSelect } from '../corpus/StatusSelect';

interface Props {
  document: DocumentRecord;
  onStatus(status: DocumentStatus): void;
  onMeta(meta: DocumentMeta): void;
}

/** Document-level metadata and status. A URL becomes a link only when it is http(s) (TRUST.md). */
export function DocumentMetaEditor({ document: doc, onStatus, onMeta }: Props) {
  const { t } = useI18n();
  const [urlError, setUrlError] = useState('');
  /** The stored metadata with one field replaced; empty fields are left out. Written only when it differs. */
  const saveWith = (patch: Partial<DocumentMeta>) => {
    const merged: Record<string, string | undefined> = { ...doc.meta, ...patch };
    const next = Object.fromEntries(Object.entries(merged).filter(([, v]) => v)) as DocumentMeta;
    if (JSON.stringify(next) !== JSON.stringify(doc.meta)) onMeta(next);
  };
  // Each field is saved as the annotator types (TRUST.md F13), not only when it loses focus.
  const publisher = useDraft(doc.meta.publisher ?? '', (v) => saveWith({ publisher: v.trim() || undefined }));
  const published = useDraft(doc.meta.published ?? '', (v) => saveWith({ published: v || undefined }));
  const url = useDraft(doc.meta.url ?? '', (v) => {
    const clean = v.trim() ? safeHttpUrl(v) : undefined;
    if (v.trim() && !clean) {
      setUrlError(t('meta.badUrl'));
      return false;
    }
    setUrlError('');
    saveWith({ url: clean });
  });
  const link = doc.meta.url ? safeHttpUrl(doc.meta.url) : undefined;
  return (
    <section className="doc-meta" aria-label={t('meta.region')}>
      <h2>{t('meta.title')}</h2>
      <label className="field">
        <span>{t('meta.status')}</span>
        <StatusSelect value={doc.status} onChange={onStatus} />
      </label>
      <label className="field">
        <span>{t('meta.publisher')}</span>
        <input dir="auto" {...publisher} />
      </label>
      <label className="field">
        <span>{t('meta.published')}</span>
        <input type="date" {...published} />
      </label>
      <label className="field">
        <span>{t('meta.url')}</span>
        <input dir="ltr" type="url" {...url} aria-invalid={urlError ? true : undefined} />
      </label>
      {urlError && <p role="alert">{urlError}</p>}
      {link && (
        <a href={link} target="_blank" rel="noopener noreferrer" className="source-link">
          {link}
        </a>
      )}
    </section>
  );
}
