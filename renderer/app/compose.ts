import { createAnnotationsRepo } from '../db/annotations-repo';
import { createBackupKeeper } from '../db/backup-keeper';
import { readWhatIsReadable } from '../db/readable';
import { exportCorpus, exportFormat } from '../../shared/formats/registry';
import { openDatabase } from '../db/database';
import { createDocumentsRepo } from '../db/documents-repo';
import { createWorkspaceRepo } from '../db/workspace-repo';
import { Workbench } from '../features/annotate/workbench';
import { createElectronPlatform } from '../platform/electron';
import type { Platform } from '../platform/platform';
import { createWebPlatform } from '../platform/web';
import { afterNextPaint } from '../ui/after-paint';

/**
 * Packs of large documents (renderer/db/packs.ts) are made by a worker, one job at a time, so reading never waits;
 * a document already waiting for its pack is not queued twice.
 */
function packInWorker(): (documentId: string) => Promise<void> {
  let worker: Worker | null = null;
  const waiting = new Map<string, { done: Promise<void>; resolve: () => void }>();
  return (documentId) => {
    if (!worker) {
      worker = new Worker(new URL('../db/pack.worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (e: MessageEvent<{ done: string }>) => {
        waiting.get(e.data.done)?.resolve();
        waiting.delete(e.data.done);
      };
    }
    const pending = waiting.get(documentId);
    if (pending) return pending.done;
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    waiting.set(documentId, { done, resolve });
    worker.postMessage({ documentId });
    return done;
  };
}

/** The composition point: the only place that knows which host we run in. */
export function compose() {
  const platform: Platform = window.hamish ? createElectronPlatform(window.hamish) : createWebPlatform();
  const db = openDatabase();
  const newId = () => crypto.randomUUID();
  const now = () => new Date().toISOString();
  const documents = createDocumentsRepo(db);
  const annotations = createAnnotationsRepo(db, { pack: packInWorker() });
  // The automatic backup outside IndexedDB (TRUST.md F10, F11) takes every committed write in.
  const backup = platform.backups ? createBackupKeeper(db, platform.backups) : null;
  const workspace = createWorkspaceRepo(db, { onCommitted: backup ? (c) => backup.record(c) : undefined });
  if (backup) addEventListener('pagehide', () => void backup.flush());
  const workbench = new Workbench({ documents, annotations, workspace }, afterNextPaint);
  /** TRUST.md F7: a database that fails to open is never the end; what it still holds is saved as W3C JSON-LD. */
  async function saveReadable() {
    const { corpus, problems } = await readWhatIsReadable();
    const out = await exportCorpus(exportFormat('w3c-jsonld')!, corpus, { appVersion: __APP_VERSION__ });
    if (!out.ok) throw new Error(out.error.message);
    const options = {
      suggestedName: `hamish-readable-${now().slice(0, 10)}.jsonld`,
      mimeType: 'application/ld+json',
      filterName: 'W3C Web Annotation JSON-LD',
      extensions: ['jsonld'],
    };
    const saved = await platform.saveStream(options, async (write) => {
      for (const chunk of out.value.chunks) await write(chunk);
    });
    const { documents: d, annotations: a, entities: e } = corpus;
    return saved === 'saved' ? { documents: d.length, annotations: a.length, entities: e.length, problems } : null;
  }
  return { platform, db, newId, now, documents, annotations, workspace, workbench, backup, saveReadable };
}

export type Services = ReturnType<typeof compose>;
