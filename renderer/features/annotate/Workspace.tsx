import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { AnnotationRecord, MentionRecord } from '../../../shared/model/annotation';
import { change } from '../../../shared/model/edits';
import { useAfterPaint } from '../../ui/after-paint';
import { useI18n } from '../../ui/i18n';
import { Modal } from '../../ui/Modal';
import { Reader, type ReaderHandle } from '../reader/Reader';
import { AnnotationEditor } from './AnnotationEditor';
import { AnnotationList } from './AnnotationList';
import { ApplyAllDialog, type CorpusReader } from './ApplyAllDialog';
import { DocumentMetaEditor } from './DocumentMetaEditor';
import { Legend } from './Legend';
import { makeEditorActions } from './editor-actions';
import { SelectionActions } from './SelectionActions';
import { useAnnotate } from './use-annotate';
import { useAnnotateKeys } from './use-annotate-keys';
import type { Workbench, WorkbenchSnapshot } from './workbench';

interface Props {
  workbench: Workbench;
  snapshot: WorkbenchSnapshot & { document: NonNullable<WorkbenchSnapshot['document']> };
  newId(): string;
  corpus: CorpusReader;
  notify(message: string): void;
  /** Off while a dialog of the app (e.g. the cheat sheet) has the keyboard. */
  keysEnabled: boolean;
  /** A span to show when the document opens (a search hit). */
  target?: { start: number; end: number };
  /** Every claim's links drawn (K): kept by the app, so it stays on from one document to the next. */
  showLinks: boolean;
  onShowLinks(on: boolean): void;
}

const now = () => new Date().toISOString();

/** The open document: the article, and beside it the panel that labels, links and lists its annotations. */
export function Workspace({ workbench, snapshot, newId, corpus, notify, keysEnabled, target, showLinks, onShowLinks }: Props) {
  const { t } = useI18n();
  const reader = useRef<ReaderHandle>(null);
  const [applyAll, setApplyAll] = useState<MentionRecord | null>(null);
  const reveal = useCallback((a: AnnotationRecord) => reader.current?.reveal(a), []);
  const onLinked = useCallback((role: 'claimant' | 'source' | 'cue') => notify(t(`link.done.${role}`)), [notify, t]);
  const roleNames = useMemo(() => ({ claimant: t('link.role.claimant'), cue: t('link.role.cue'), source: t('link.role.source') }), [t]);
  const annotate = useAnnotate({ workbench, snapshot, newId, now, notify, onLinked, reveal, showLinks, setShowLinks: onShowLinks });
  const doc = snapshot.document;
  const keyHandlers = useMemo(() => ({ applyAll: () => annotate.focused?.kind === 'mention' && setApplyAll(annotate.focused) }), [annotate.focused]);
  useAnnotateKeys(annotate, snapshot, keyHandlers, keysEnabled && !applyAll && !annotate.confirmDelete);
  // Opened from a search hit: show the hit once the article is laid out.
  useEffect(() => {
    if (target) reader.current?.reveal({ ...target, quote: '' });
  }, [target]);
  const actions = makeEditorActions(annotate, snapshot, { newId, now, notify, applyAll: setApplyAll });
  // The side panel and the focus outline follow the article a frame later, so that the frame answering a key (the new
  // highlight) holds nothing else: the editor, the list and the outline each force a layout of their own.
  const later = useAfterPaint({ annotations: snapshot.annotations, focused: annotate.focused, connections: annotate.connections, pending: annotate.pending });
  const requestDelete = useRef(annotate.requestDelete);
  useLayoutEffect(() => {
    requestDelete.current = annotate.requestDelete;
  });
  const onDelete = useCallback((a: AnnotationRecord) => requestDelete.current(a), []);

  return (
    <>
      <section className="reader-pane" aria-label={t('reader.region')}>
        <div className="reader-head">
          <Legend schema={snapshot.schema} />
          <button type="button" aria-pressed={annotate.showLinks} aria-keyshortcuts="K" onClick={() => annotate.setShowLinks(!annotate.showLinks)}>
            {t('reader.showLinks')}
          </button>
        </div>
        <Reader
          key={doc.id}
          ref={reader}
          text={doc.text}
          label={t('reader.article', { title: doc.title })}
          annotations={snapshot.annotations}
          schema={snapshot.schema}
          pending={annotate.pending}
          focused={later.focused}
          connections={later.connections}
          roleNames={roleNames}
          onPending={annotate.setPending}
          onPick={annotate.pick}
        />
      </section>
      <aside className="panel" aria-label={t('panel.region')}>
        <SelectionActions text={doc.text} schema={snapshot.schema} pending={later.pending} linkMode={annotate.linkMode} onCreate={annotate.create} />
        {later.focused && (
          <AnnotationEditor
            key={later.focused.id}
            annotation={later.focused}
            annotations={later.annotations}
            entities={snapshot.entities}
            schema={snapshot.schema}
            hasSelection={later.pending !== null}
            linkMode={annotate.linkMode}
            actions={actions}
          />
        )}
        <AnnotationList
          annotations={later.annotations}
          schema={snapshot.schema}
          focusedId={later.focused?.id ?? null}
          onOpen={annotate.focus}
          onDelete={onDelete}
        />
        <DocumentMetaEditor
          key={doc.id}
          document={doc}
          onStatus={(status) => workbench.apply(change({ documents: [[doc, { ...doc, status }]] }))}
          onMeta={(meta) => workbench.apply(change({ documents: [[doc, { ...doc, meta }]] }))}
        />
      </aside>
      {annotate.confirmDelete && (
        <Modal title={t('delete.title')} onClose={annotate.cancelDelete}>
          <p>{t('delete.body', { quote: annotate.confirmDelete.annotation.quote, count: annotate.confirmDelete.dependents.length })}</p>
          <ul>
            {annotate.confirmDelete.dependents.map((c) => (
              <li key={c.id} dir="rtl" lang="ar">
                {c.quote}
              </li>
            ))}
          </ul>
          <div className="dialog-actions">
            <button type="button" className="danger" onClick={annotate.confirmDeletion}>
              {t('delete.confirm')}
            </button>
            <button type="button" onClick={annotate.cancelDelete} autoFocus>
              {t('common.cancel')}
            </button>
          </div>
        </Modal>
      )}
      {applyAll && (
        <ApplyAllDialog
          mention={applyAll}
          workbench={workbench}
          snapshot={snapshot}
          corpus={corpus}
          newId={newId}
          onClose={() => setApplyAll(null)}
          notify={notify}
        />
      )}
    </>
  );
}
