import { useRef, useState } from 'react';
import { makeCorpusIndex, searchCorpus, type CorpusIndex, type CorpusResult } from '../../../shared/text/arabic-match';
import { useI18n } from '../../ui/i18n';

export interface SearchTarget {
  documentId: string;
  span?: { start: number; end: number };
}

interface Props {
  loadTexts(): Promise<{ id: string; text: string }[]>;
  titles: ReadonlyMap<string, string>;
  /** Number of documents: the index is rebuilt when it changes (texts never change once imported). */
  size: number;
  onOpen(target: SearchTarget): void;
}

/** Arabic-aware search over the whole corpus; each hit is shown in context and opens its document there. */
export function CorpusSearch({ loadTexts, titles, size, onOpen }: Props) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<CorpusResult | null>(null);
  const index = useRef<{ size: number; index: CorpusIndex } | null>(null);

  async function run(e: React.FormEvent) {
    e.preventDefault();
    if (!index.current || index.current.size !== size) index.current = { size, index: makeCorpusIndex(await loadTexts()) };
    setResult(searchCorpus(index.current.index, query, { limit: 200, contextChars: 40 }));
  }

  return (
    <div className="corpus-search">
      <form role="search" aria-label={t('search.region')} onSubmit={(e) => void run(e)}>
        <input type="search" dir="auto" aria-label={t('search.query')} value={query} onChange={(e) => setQuery(e.target.value)} />
        <button type="submit">{t('search.go')}</button>
      </form>
      {result && (
        <>
          <p role="status" aria-label={t('search.summary')}>
            {t('search.found', { total: result.total, documents: result.documents })}
          </p>
          <ol className="hits" aria-label={t('search.hits')}>
            {result.hits.map((h) => (
              <li key={`${h.documentId}:${h.start}`}>
                <button type="button" className="hit" onClick={() => onOpen({ documentId: h.documentId, span: { start: h.start, end: h.end } })}>
                  <span dir="rtl" lang="ar" className="kwic">
                    {h.before}
                    <mark>{h.match}</mark>
                    {h.after}
                  </span>
                  <small dir="auto">{titles.get(h.documentId)}</small>
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
