import { useCallback, useEffect, useRef, useState } from 'react';
import type { MenuCommand } from '../../shared/ipc/contract';
import { DEFAULT_ENTITY_LABELS } from '../../shared/model/label-set';
import type { Span } from '../../shared/text/words';
import type { DocumentSummary } from '../db/documents-repo';
import { AnnotationPanel } from '../features/annotate/AnnotationPanel';
import { useDocumentSession } from '../features/annotate/use-document-session';
import { DocumentList } from '../features/corpus/DocumentList';
import { exportCorpus } from '../features/export-import/export-corpus';
import { importArticles, TXT_PICK } from '../features/export-import/import-articles';
import { readBrowserFile } from '../platform/web';
import type { OpenedFile } from '../platform/platform';
import { Reader, type ReaderHandle } from '../features/reader/Reader';
import type { Services } from './compose';
import { isTypingTarget, labelForKey } from './keys';
import { StorageState } from './StorageState';

const labels = DEFAULT_ENTITY_LABELS;

export function App({ services }: { services: Services }) {
  const { platform, documents, annotations, newId } = services;
  const [docs, setDocs] = useState<DocumentSummary[]>([]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [pending, setPending] = useState<Span | null>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const reader = useRef<ReaderHandle>(null);
  const { session, snapshot } = useDocumentSession(openId, documents, annotations, newId);

  const refreshDocs = useCallback(() => documents.listSummaries().then(setDocs), [documents]);
  useEffect(() => void refreshDocs(), [refreshDocs]);

  const runImport = useCallback(
    async (files: readonly OpenedFile[]) => {
      if (files.length === 0) return;
      setNotice(`Importing ${files.length} file${files.length === 1 ? '' : 's'}…`);
      const report = await importArticles(files, documents);
      await refreshDocs();
      setProblems(report.problems);
      setNotice(`Imported ${report.stored.length} of ${files.length} file${files.length === 1 ? '' : 's'}.`);
      if (!openId && report.stored[0]) setOpenId(report.stored[0].id);
    },
    [documents, refreshDocs, openId],
  );

  const onCommand = useCallback(
    (command: MenuCommand) => {
      if (command === 'import') void platform.pickFiles(TXT_PICK).then(runImport);
      else if (command === 'export') void exportCorpus(documents, annotations, platform, __APP_VERSION__).then(setNotice);
      else if (command === 'undo') session?.undo();
      else session?.redo();
    },
    [platform, runImport, documents, annotations, session],
  );
  useEffect(() => platform.onMenuCommand(onCommand), [platform, onCommand]);

  const applyLabel = useCallback(
    (labelId: string) => {
      if (!session || !pending) return;
      const made = session.addMention(pending.start, pending.end, labelId);
      if (made.ok) {
        setPending(null);
        setFocusedId(made.value.id);
      } else setNotice(made.error.message);
    },
    [session, pending],
  );

  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (isTypingTarget(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.code === 'KeyZ') {
        e.preventDefault();
        onCommand(e.shiftKey ? 'redo' : 'undo');
      } else if (mod && e.code === 'KeyY') {
        e.preventDefault();
        onCommand('redo');
      } else if (mod && e.code === 'KeyO') {
        e.preventDefault();
        onCommand('import');
      } else if (mod && e.code === 'KeyE') {
        e.preventDefault();
        onCommand('export');
      } else if (e.key === 'Escape') {
        setPending(null);
      } else if (!mod && !e.altKey && pending) {
        const label = labelForKey(e, labels);
        if (label) {
          e.preventDefault();
          applyLabel(label.id);
        }
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onCommand, applyLabel, pending]);

  function openDocument(id: string) {
    setPending(null);
    setFocusedId(null);
    setOpenId(id);
  }

  async function onDrop(e: React.DragEvent) {
    e.preventDefault();
    const files = await Promise.all(Array.from(e.dataTransfer.files, (f) => readBrowserFile(f, TXT_PICK.maxBytes)));
    await runImport(files);
  }

  const focused = snapshot?.annotations.find((a) => a.id === focusedId) ?? null;
  return (
    <div className="app" onDragOver={(e) => e.preventDefault()} onDrop={(e) => void onDrop(e)}>
      <header className="toolbar">
        <h1>
          <span lang="ar">هامش</span> Hamish
        </h1>
        <button type="button" onClick={() => onCommand('import')} aria-keyshortcuts="Control+O">
          Import articles…
        </button>
        <button type="button" onClick={() => onCommand('export')} aria-keyshortcuts="Control+E">
          Export JSON-LD…
        </button>
        <button type="button" onClick={() => onCommand('undo')} disabled={!snapshot?.canUndo} aria-keyshortcuts="Control+Z">
          Undo
        </button>
        <button type="button" onClick={() => onCommand('redo')} disabled={!snapshot?.canRedo} aria-keyshortcuts="Control+Shift+Z">
          Redo
        </button>
        <span className="save-state" role="status" aria-label="Save state">
          {snapshot ? (snapshot.save.status === 'saved' ? 'Saved' : snapshot.save.status === 'saving' ? 'Saving…' : snapshot.save.message) : ''}
        </span>
      </header>
      <div className="notices">
        <p role="status" aria-label="Notice">
          {notice}
        </p>
        {problems.length > 0 && (
          <ul role="alert" aria-label="Import problems" className="problems">
            {problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        )}
      </div>
      <main className="workspace">
        <DocumentList documents={docs} selectedId={openId} onOpen={openDocument} />
        <section className="reader-pane" aria-label="Reader">
          {snapshot ? (
            <Reader
              ref={reader}
              text={snapshot.document.text}
              title={snapshot.document.title}
              annotations={snapshot.annotations}
              labels={labels}
              pending={pending}
              focused={focused}
              onPending={setPending}
              onPick={(a) => setFocusedId(a.id)}
            />
          ) : (
            <p className="empty">{openId ? 'Opening…' : 'Open a document from the list.'}</p>
          )}
        </section>
        {snapshot && (
          <AnnotationPanel
            text={snapshot.document.text}
            annotations={snapshot.annotations}
            labels={labels}
            pending={pending}
            focusedId={focusedId}
            onLabel={applyLabel}
            onOpen={(a) => {
              setFocusedId(a.id);
              reader.current?.reveal(a);
            }}
            onDelete={(a) => {
              session?.remove(a.id);
              setFocusedId(null);
            }}
          />
        )}
      </main>
      <footer className="statusbar">
        <StorageState />
        <span>{platform.kind === 'electron' ? 'Desktop' : 'Web'} · v{__APP_VERSION__}</span>
      </footer>
    </div>
  );
}
