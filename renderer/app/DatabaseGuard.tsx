import { useEffect, useState, type ReactNode } from 'react';
import type { BackupHealth, BackupKeeper, RestoreReport } from '../db/backup-keeper';
import type { HamishDatabase } from '../db/database';
import { drafts } from '../ui/drafts';
import { useI18n } from '../ui/i18n';
import { Recovery } from './Recovery';

export interface ReadableSaved {
  documents: number;
  annotations: number;
  entities: number;
  problems: string[];
}

/** How long another window's upgrade may wait for our last writes. */
const SETTLE_MS = 3000;

type GuardState =
  | { status: 'opening' | 'open' | 'reload' | 'blocked' | 'closed' }
  | { status: 'failed'; error: string }
  | { status: 'recover'; health: Extract<BackupHealth, { status: 'missing' }> };

/**
 * Opens the database before the app and watches it (TRUST.md): a failure to open shows what happened and never
 * answers it by deleting anything; a database that holds less than the automatic backup says is offered a restore
 * (F11) instead of opening empty; a newer version opened in another window closes this connection, so this window
 * asks to reload instead of failing on its next write; an old window holding the upgrade up is named.
 */
export function DatabaseGuard({
  db,
  backup,
  onSaveReadable,
  settle,
  freeze,
  children,
}: {
  db: HamishDatabase;
  backup: BackupKeeper | null;
  /** Resolves once every edit handed over so far is written: awaited before another window's upgrade closes us. */
  settle(): Promise<void>;
  /** Take no more edits (shortcuts and menu commands included): called once the typed text is handed over. */
  freeze(): void;
  /** Save what the database that failed to open still holds, as a file (TRUST.md F7); null when cancelled. */
  onSaveReadable(): Promise<ReadableSaved | null>;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const [state, setState] = useState<GuardState>({ status: 'opening' });
  const [restored, setRestored] = useState<RestoreReport | null>(null);
  const [saved, setSaved] = useState('');
  useEffect(() => {
    // Another window opens a newer version: hand over what is typed, let the writes commit (the upgrade waits for
    // this connection to close), then close and ask for a reload, with the workspace inert so nothing more is typed
    // into a closed database (TRUST.md F5). Bounded, so the other window's upgrade never waits long.
    const onVersionChange = () => {
      setState({ status: 'reload' });
      drafts.flushAll();
      freeze();
      void Promise.race([settle().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, SETTLE_MS))]).finally(() => db.close());
      return false;
    };
    const onBlocked = () => setState({ status: 'blocked' });
    // The browser itself closed the connection (a storage error, a full disk): what was saved is on disk. Dexie opens
    // it again on the next write, which may fail while the disk is full; the banner says what to do.
    const onClosed = () => setState((s) => (s.status === 'reload' ? s : { status: 'closed' }));
    db.on('versionchange', onVersionChange);
    db.on('blocked', onBlocked);
    db.on('close', onClosed);
    db.open().then(
      async () => {
        const health = backup ? await backup.start() : null;
        setState((s) => {
          if (s.status !== 'opening' && s.status !== 'blocked') return s;
          return health?.status === 'missing' ? { status: 'recover', health } : { status: 'open' };
        });
      },
      (err: unknown) => {
        const e = err as { name?: string; message?: string };
        setState({ status: 'failed', error: `${e?.name ?? 'Error'}: ${e?.message ?? String(err)}` });
      },
    );
    return () => {
      db.on('versionchange').unsubscribe(onVersionChange);
      db.on('blocked').unsubscribe(onBlocked);
      db.on('close').unsubscribe(onClosed);
    };
  }, [db, backup, settle, freeze]);

  if (state.status === 'recover' && backup) {
    return (
      <Recovery
        health={state.health}
        backup={backup}
        onDone={(report) => {
          setRestored(report);
          setState({ status: 'open' });
        }}
      />
    );
  }
  if (state.status === 'failed') {
    return (
      <main className="recovery" role="alert" aria-label={t('db.failedTitle')}>
        <h1>{t('db.failedTitle')}</h1>
        <p>{t('db.failedBody')}</p>
        <pre dir="ltr">{state.error}</pre>
        <div className="dialog-actions">
          <button
            type="button"
            autoFocus
            onClick={() =>
              void onSaveReadable().then(
                (r) =>
                  r &&
                  setSaved(
                    [
                      t('db.saved', { documents: r.documents, annotations: r.annotations, entities: r.entities }),
                      r.problems.length ? t('db.savedProblems', { problems: r.problems.join('; ') }) : '',
                    ]
                      .join(' ')
                      .trim(),
                  ),
                (err: unknown) => setSaved(t('db.saveFailed', { message: err instanceof Error ? err.message : String(err) })),
              )
            }
          >
            {t('db.saveReadable')}
          </button>
          <button type="button" onClick={() => location.reload()}>
            {t('db.reload')}
          </button>
        </div>
        <p role="status">{saved}</p>
      </main>
    );
  }
  return (
    <>
      {(state.status === 'reload' || state.status === 'blocked' || state.status === 'closed') && (
        <div className="banner" role="alert">
          {t(state.status === 'reload' ? 'db.reloadNeeded' : state.status === 'closed' ? 'db.closedByBrowser' : 'db.blocked')}{' '}
          <button type="button" onClick={() => location.reload()}>
            {t('db.reload')}
          </button>
        </div>
      )}
      {restored && (
        <div className="banner" role="status">
          {t(restored.verified ? 'recover.done' : 'recover.unverified', { ...restored.counts, file: restored.from })}
        </div>
      )}
      {/* One element always, so the workspace keeps its state (and the typed text it shows) when it turns inert. */}
      <div className="guarded" inert={state.status === 'reload'}>
        {state.status === 'opening' ? <p className="empty">…</p> : children}
      </div>
    </>
  );
}
