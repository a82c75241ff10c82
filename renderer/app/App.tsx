import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { MenuCommand } from '../../shared/ipc/contract';
import { change } from '../../shared/model/edits';
import type { DocumentStatus } from '../../shared/model/document';
import type { DocumentSummary } from '../db/documents-repo';
import { Workspace } from '../features/annotate/Workspace';
import type { Workbench } from '../features/annotate/workbench';
import { CheatSheet } from '../features/help/CheatSheet';
import { CorpusView } from '../features/corpus/CorpusView';
import type { SearchTarget } from '../features/corpus/CorpusSearch';
import { DocumentList } from '../features/corpus/DocumentList';
import { ExportDialog } from '../features/export-import/ExportDialog';
import { ImportDialog } from '../features/export-import/ImportDialog';
import { importArticles, parseArticlesInWorker, TXT_PICK } from '../features/export-import/import-articles';
import type { OpenedFile } from '../platform/platform';
import { readBrowserFiles } from '../platform/web';
import type { Services } from './compose';
import { drafts, useDraftsPending } from '../ui/drafts';
import { useI18n } from '../ui/i18n';
import { isTypingTarget } from '../ui/keys';
import { BackupCommands } from './BackupCommands';
import { BackupState } from './BackupState';
import { StorageState } from './StorageState';

type View = 'annotate' | 'corpus';

const NO_DOCS: DocumentSummary[] = [];

export function App({ services }: { services: Services }) {
  const { platform, documents, annotations, workbench, newId, now } = services;
  const { t, lang, setLang } = useI18n();
  const snapshot = useSyncExternalStore(workbench.subscribe, workbench.getContentSnapshot);
  // The document list is a live query: any write to the documents table — an import, a status change, undo, another
  // window on the same profile — shows without being refreshed by hand.
  const docs: DocumentSummary[] = useLiveQuery(() => documents.listSummaries(), [documents]) ?? NO_DOCS;
  const [view, setView] = useState<View>('annotate');
  // The corpus view's counts follow the annotations table the same way, while it is shown; in the annotate view the
  // query reads nothing, so it watches nothing and costs nothing on each edit.
  const counts = useLiveQuery(() => (view === 'corpus' ? annotations.countsByDocument() : undefined), [view, annotations]);
  const [target, setTarget] = useState<SearchTarget | null>(null);
  const [notice, setNotice] = useState('');
  const [showLinks, setShowLinks] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [helpOpen, setHelpOpen] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [importing, setImporting] = useState(false);
  const [restoring, setRestoring] = useState(false);

  // Leaving while a write is on its way or a field holds typed text asks first (TRUST.md F13).
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (drafts.pending() || workbench.getSaveState().status === 'saving') e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [workbench]);

  useEffect(() => {
    void workbench.load();
    return () => workbench.dispose();
  }, [workbench]);

  const open = useCallback(
    (next: SearchTarget) => {
      setTarget(next);
      setView('annotate');
      void workbench.open(next.documentId);
    },
    [workbench],
  );

  const openById = useCallback((id: string) => open({ documentId: id }), [open]);

  const runImport = useCallback(
    async (files: readonly OpenedFile[]) => {
      if (files.length === 0) return;
      setNotice(t('import.running', { count: files.length }));
      const report = await importArticles(files, workbench, { newId, now, parse: parseArticlesInWorker }).catch((err: unknown) => ({
        stored: [],
        problems: [errorText(err)],
      }));
      setProblems(report.problems);
      setNotice(t('import.done', { stored: report.stored.length, count: files.length }));
      if (!workbench.getSnapshot().document && report.stored[0]) open({ documentId: report.stored[0].id });
    },
    [workbench, newId, now, open, t],
  );

  const onCommand = useCallback(
    (command: MenuCommand) => {
      if (command === 'import') void platform.pickFiles(TXT_PICK).then(runImport, (err: unknown) => setProblems([errorText(err)]));
      else if (command === 'import-annotations') setImporting(true);
      else if (command === 'export') setExporting(true);
      else if (command === 'undo') workbench.undo();
      else workbench.redo();
    },
    [platform, runImport, workbench],
  );
  useEffect(() => platform.onMenuCommand(onCommand), [platform, onCommand]);

  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (isTypingTarget(e.target)) return;
      if (e.key === '?' && !(e.target as Element | null)?.closest?.('dialog')) {
        e.preventDefault();
        setHelpOpen(true);
        return;
      }
      if (!(e.ctrlKey || e.metaKey)) return;
      const command: MenuCommand | null =
        e.code === 'KeyZ'
          ? e.shiftKey
            ? 'redo'
            : 'undo'
          : e.code === 'KeyY'
            ? 'redo'
            : e.code === 'KeyO'
              ? e.shiftKey
                ? 'import-annotations'
                : 'import'
              : e.code === 'KeyE'
                ? 'export'
                : null;
      if (command) {
        e.preventDefault();
        onCommand(command);
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onCommand]);

  async function onDrop(e: React.DragEvent) {
    e.preventDefault();
    // A folder dropped, or a file gone since: said by name, not left as a notice that never ends.
    const files = await readBrowserFiles(Array.from(e.dataTransfer.files), TXT_PICK.maxBytes).catch((err: unknown) => {
      setProblems([errorText(err)]);
      return [];
    });
    await runImport(files);
  }

  const corpusAccess = useMemo(
    // Read once every shown edit is written: the corpus reader sees the database, not the screen.
    () => ({
      load: async () => {
        await workbench.whenSaved();
        return { documents: await documents.listAll(), annotations: await annotations.listAll() };
      },
    }),
    [workbench, documents, annotations],
  );
  const setStatus = useCallback(
    async (id: string, status: DocumentStatus) => {
      const doc = snapshot.document?.id === id ? snapshot.document : await documents.get(id);
      if (doc) workbench.apply(change({ documents: [[doc, { ...doc, status }]] }));
    },
    [snapshot.document, documents, workbench],
  );
  const loadTexts = useCallback(async () => (await documents.listAll()).map((d) => ({ id: d.id, text: d.text })), [documents]);

  return (
    <div className="app" onDragOver={(e) => e.preventDefault()} onDrop={(e) => void onDrop(e)}>
      <header className="toolbar">
        <h1>
          <span lang="ar">هامش</span> Hamish
        </h1>
        <nav aria-label={t('views.region')} className="views">
          <button type="button" aria-pressed={view === 'corpus'} onClick={() => setView('corpus')}>
            {t('views.corpus')}
          </button>
          <button type="button" aria-pressed={view === 'annotate'} onClick={() => setView('annotate')}>
            {t('views.annotate')}
          </button>
        </nav>
        <button type="button" onClick={() => onCommand('import')} aria-keyshortcuts="Control+O">
          {t('toolbar.import')}
        </button>
        <button type="button" onClick={() => setImporting(true)} aria-keyshortcuts="Control+Shift+O">
          {t('toolbar.importAnnotations')}
        </button>
        <button type="button" onClick={() => onCommand('export')} aria-keyshortcuts="Control+E">
          {t('toolbar.export')}
        </button>
        <button type="button" onClick={() => onCommand('undo')} disabled={!snapshot.canUndo} aria-keyshortcuts="Control+Z">
          {t('toolbar.undo')}
        </button>
        <button type="button" onClick={() => onCommand('redo')} disabled={!snapshot.canRedo} aria-keyshortcuts="Control+Shift+Z">
          {t('toolbar.redo')}
        </button>
        <button type="button" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?" aria-label={t('toolbar.help')}>
          ?
        </button>
        <button type="button" lang={lang === 'en' ? 'ar' : 'en'} onClick={() => setLang(lang === 'en' ? 'ar' : 'en')}>
          {lang === 'en' ? 'العربية' : 'English'}
        </button>
        <SaveStatus workbench={workbench} />
      </header>
      <div className="notices">
        <p role="status" aria-label={t('notice.region')}>
          {notice}
        </p>
        {problems.length > 0 && (
          <ul role="alert" aria-label={t('import.problems')} className="problems">
            {problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        )}
      </div>
      {view === 'corpus' ? (
        <main className="workspace corpus-layout">
          <CorpusView documents={docs} counts={counts} loadTexts={loadTexts} onOpen={open} onStatus={(id, s) => void setStatus(id, s)} />
        </main>
      ) : (
        <main className="workspace">
          <DocumentList documents={docs} selectedId={snapshot.document?.id ?? null} onOpen={openById} />
          {snapshot.document ? (
            <Workspace
              key={snapshot.document.id}
              workbench={workbench}
              snapshot={{ ...snapshot, document: snapshot.document }}
              newId={newId}
              corpus={corpusAccess}
              notify={setNotice}
              keysEnabled={!helpOpen && !exporting && !importing && !restoring}
              target={target?.documentId === snapshot.document.id ? target.span : undefined}
              showLinks={showLinks}
              onShowLinks={setShowLinks}
            />
          ) : (
            <p className="empty reader-pane">{t('reader.none')}</p>
          )}
        </main>
      )}
      {helpOpen && <CheatSheet onClose={() => setHelpOpen(false)} />}
      {importing && <ImportDialog platform={platform} workbench={workbench} onClose={() => setImporting(false)} onDone={setNotice} />}
      {exporting && (
        <ExportDialog
          platform={platform}
          saved={() => workbench.whenSaved()}
          onClose={() => setExporting(false)}
          onDone={(r) =>
            setNotice(
              r.status === 'saved' ? t('export.done', r) : r.status === 'cancelled' ? t('export.cancelled') : t('export.failed', { message: r.message }),
            )
          }
        />
      )}
      <footer className="statusbar">
        <StorageState />
        <BackupState backup={services.backup} />
        <BackupCommands platform={platform} workbench={workbench} restoring={restoring} setRestoring={setRestoring} notify={setNotice} />
        <span>
          {platform.kind === 'electron' ? t('footer.desktop') : t('footer.web')} · v{__APP_VERSION__}
        </span>
      </footer>
    </div>
  );
}

/**
 * The save state, subscribed on its own: "Saving…" and "Saved" re-render this element and nothing else. "Saved" only
 * when every write has committed and no field holds typed text not yet handed over (TRUST.md F13).
 */
function SaveStatus({ workbench }: { workbench: Workbench }) {
  const { t } = useI18n();
  const save = useSyncExternalStore(workbench.subscribe, workbench.getSaveState);
  const typing = useDraftsPending();
  return (
    <span className="save-state" role="status" aria-label={t('toolbar.saveState')}>
      {save.status === 'failed' ? save.message : typing ? t('save.unsaved') : save.status === 'saved' ? t('save.saved') : t('save.saving')}
    </span>
  );
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));
