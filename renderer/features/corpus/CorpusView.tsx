import { useMemo, useState } from 'react';
import type { DocumentStatus } from '../../../shared/model/document';
import { foldForMatch } from '../../../shared/text/arabic-normalize';
import { useI18n } from '../../ui/i18n';
import type { KindCounts } from '../../db/annotations-repo';
import type { DocumentSummary } from '../../db/documents-repo';
import { CorpusSearch, type SearchTarget } from './CorpusSearch';
import { StatusSelect } from './StatusSelect';

interface Props {
  documents: readonly DocumentSummary[];
  /** Annotations per document and kind, as stored now (undefined until first read). */
  counts: ReadonlyMap<string, KindCounts> | undefined;
  loadTexts(): Promise<{ id: string; text: string }[]>;
  onOpen(target: SearchTarget): void;
  onStatus(id: string, status: DocumentStatus): void;
}

const NO_COUNTS: KindCounts = { mention: 0, claim: 0, source: 0 };

/** Every document with its status and annotation counts, the corpus's progress, filters and search. */
export function CorpusView({ documents, counts, loadTexts, onOpen, onStatus }: Props) {
  const { t } = useI18n();
  const [status, setStatus] = useState<DocumentStatus | 'all'>('all');
  const [filter, setFilter] = useState('');

  const finished = documents.filter((d) => d.status === 'done' || d.status === 'reviewed').length;
  const shown = useMemo(() => {
    const needle = foldForMatch(filter.trim());
    return documents.filter((d) => (status === 'all' || d.status === status) && (!needle || foldForMatch(`${d.title} ${d.fileName}`).includes(needle)));
  }, [documents, status, filter]);

  return (
    <section className="corpus" aria-label={t('corpus.region')}>
      <div className="progress-row">
        <label htmlFor="corpus-progress">{t('corpus.progress', { done: finished, total: documents.length })}</label>
        <progress id="corpus-progress" max={Math.max(1, documents.length)} value={finished} />
      </div>
      <CorpusSearch
        loadTexts={loadTexts}
        titles={useMemo(() => new Map(documents.map((d) => [d.id, d.title])), [documents])}
        size={documents.length}
        onOpen={onOpen}
      />
      <div className="filters">
        <label>
          {t('corpus.filterStatus')} <StatusSelect<DocumentStatus | 'all'> label={t('corpus.filterStatusName')} value={status} onChange={setStatus} withAll />
        </label>
        <label>
          {t('corpus.filterText')}{' '}
          <input type="search" dir="auto" aria-label={t('corpus.filterTextName')} value={filter} onChange={(e) => setFilter(e.target.value)} />
        </label>
        <span role="status">{t('corpus.shown', { shown: shown.length, total: documents.length })}</span>
      </div>
      <table className="documents-table">
        <thead>
          <tr>
            <th scope="col">{t('corpus.col.title')}</th>
            <th scope="col">{t('corpus.col.status')}</th>
            <th scope="col">{t('layer.mention')}</th>
            <th scope="col">{t('layer.claim')}</th>
            <th scope="col">{t('layer.source')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((d) => {
            const c = counts?.get(d.id) ?? NO_COUNTS;
            return (
              <tr key={d.id}>
                <td>
                  <button type="button" className="link" dir="auto" onClick={() => onOpen({ documentId: d.id })}>
                    {d.title}
                  </button>
                </td>
                <td>
                  <StatusSelect label={t('corpus.statusOf', { title: d.title })} value={d.status} onChange={(s) => onStatus(d.id, s)} />
                </td>
                <td className="num">{c.mention}</td>
                <td className="num">{c.claim}</td>
                <td className="num">{c.source}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
