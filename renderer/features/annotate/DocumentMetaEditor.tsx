import { useState } from 'react';
import { safeHttpUrl, type DocumentMeta, type DocumentRecord, type DocumentStatus } from '../../../shared/model/document';
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
  const [publisher, setPublisher] = useState(doc.meta.publisher ?? '');
  const [published, setPublished] = useState(doc.meta.published ?? '');
  const [url, setUrl] = useState(doc.meta.url ?? '');
  const [urlError, setUrlError] = useState('');
  const save = () => {
    const cleanUrl = url.trim() ? safeHttpUrl(url) : undefined;
    if (url.trim() && !cleanUrl) {
      setUrlError(t('meta.badUrl'));
      return;
    }
    setUrlError('');
    const next: DocumentMeta = {
      ...(publisher.trim() ? { publisher: publisher.trim() } : {}),
      ...(published ? { published } : {}),
      ...(cleanUrl ? { url: cleanUrl } : {}),
    };
    if (JSON.stringify(next) !== JSON.stringify(doc.meta)) onMeta(next);
  };
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
        <input dir="auto" value={publisher} onChange={(e) => setPublisher(e.target.value)} onBlur={save} />
      </label>
      <label className="field">
        <span>{t('meta.published')}</span>
        <input type="date" value={published} onChange={(e) => setPublished(e.target.value)} onBlur={save} />
      </label>
      <label className="field">
        <span>{t('meta.url')}</span>
        <input dir="ltr" type="url" value={url} onChange={(e) => setUrl(e.target.value)} onBlur={save} aria-invalid={urlError ? true : undefined} />
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
