import { useEffect, useState } from 'react';
import type { AnnotationRecord, MentionRecord } from '../../../shared/model/annotation';
import type { DocumentRecord } from '../../../shared/model/document';
import { useI18n } from '../../ui/i18n';
import { Modal } from '../../ui/Modal';
import { acceptCandidates, findCandidates, type Candidate } from '../../../shared/model/apply-all';
import type { Workbench, WorkbenchSnapshot } from './workbench';

export interface CorpusReader {
  load(): Promise<{ documents: DocumentRecord[]; annotations: AnnotationRecord[] }>;
}

interface Props {
  mention: MentionRecord;
  workbench: Workbench;
  snapshot: WorkbenchSnapshot;
  corpus: CorpusReader;
  newId(): string;
  notify(message: string): void;
  onClose(): void;
}

type Scope = 'document' | 'corpus';

/** "Apply to all mentions": review the other occurrences of a name and accept them all or one by one. */
export function ApplyAllDialog({ mention, workbench, snapshot, corpus, newId, notify, onClose }: Props) {
  const { t } = useI18n();
  const [scope, setScope] = useState<Scope>('document');
  const [found, setFound] = useState<{ scope: Scope; candidates: Candidate[]; documents: DocumentRecord[] } | null>(null);
  const [rejected, setRejected] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    let live = true;
    const load =
      scope === 'document' && snapshot.document
        ? Promise.resolve({ documents: [snapshot.document], annotations: [...snapshot.annotations] })
        : corpus.load().then(({ documents, annotations }) => {
            // The open document's unsaved-yet edits are in memory: they win over what was read.
            const others = annotations.filter((a) => a.documentId !== snapshot.document?.id);
            return { documents, annotations: [...others, ...snapshot.annotations] };
          });
    void load.then(({ documents, annotations }) => {
      if (live) setFound({ scope, candidates: findCandidates(mention, documents, annotations), documents });
    });
    return () => {
      live = false;
    };
  }, [scope, mention, corpus, snapshot.document, snapshot.annotations]);

  const candidates = found?.scope === scope ? found.candidates : null;
  const accept = (list: Candidate[]) => {
    if (!found || list.length === 0) return;
    workbench.apply(acceptCandidates(mention, list, found.documents, newId, new Date().toISOString()));
    notify(t('applyAll.done', { count: list.length }));
    onClose();
  };

  return (
    <Modal title={t('applyAll.title', { quote: mention.quote })} onClose={onClose} className="apply-all">
      <fieldset className="scope">
        <legend>{t('applyAll.scope')}</legend>
        {(['document', 'corpus'] as const).map((s) => (
          <label key={s}>
            <input type="radio" name="scope" checked={scope === s} onChange={() => setScope(s)} /> {t(`applyAll.scope.${s}`)}
          </label>
        ))}
      </fieldset>
      {candidates === null ? (
        <p role="status">{t('applyAll.searching')}</p>
      ) : (
        <>
          <p role="status" aria-label={t('applyAll.count')}>
            {t('applyAll.found', { count: candidates.length, documents: new Set(candidates.map((c) => c.documentId)).size })}
          </p>
          <ul className="candidates" aria-label={t('applyAll.list')}>
            {candidates.map((c) => (
              <li key={c.key}>
                <label>
                  <input
                    type="checkbox"
                    checked={!rejected.has(c.key)}
                    onChange={(e) => {
                      const next = new Set(rejected);
                      if (e.target.checked) next.delete(c.key);
                      else next.add(c.key);
                      setRejected(next);
                    }}
                  />
                  <span dir="rtl" lang="ar" className="kwic">
                    {c.before}
                    <mark>{c.match}</mark>
                    {c.after}
                  </span>
                  {scope === 'corpus' && <small dir="auto"> — {c.documentTitle}</small>}
                </label>
              </li>
            ))}
          </ul>
          <div className="dialog-actions">
            <button type="button" onClick={() => accept(candidates)} disabled={candidates.length === 0}>
              {t('applyAll.acceptAll', { count: candidates.length })}
            </button>
            <button type="button" onClick={() => accept(candidates.filter((c) => !rejected.has(c.key)))} disabled={candidates.length === rejected.size}>
              {t('applyAll.acceptChecked', { count: candidates.filter((c) => !rejected.has(c.key)).length })}
            </button>
            <button type="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}
