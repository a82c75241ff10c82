import { useEffect, useState, type ReactNode } from 'react';
import type { HamishDatabase } from '../db/database';
import { useI18n } from '../ui/i18n';

/**
 * Opens the database before the app and watches it (TRUST.md): a failure to open shows what happened and never
 * answers it by deleting anything; a newer version opened in another window closes this connection, so this
 * window asks to reload instead of failing on its next write; an old window holding the upgrade up is named.
 */
export function DatabaseGuard({ db, children }: { db: HamishDatabase; children: ReactNode }) {
  const { t } = useI18n();
  const [state, setState] = useState<{ status: 'opening' | 'open' | 'reload' | 'blocked' } | { status: 'failed'; error: string }>({ status: 'opening' });
  useEffect(() => {
    const onVersionChange = () => {
      db.close();
      setState({ status: 'reload' });
      return false;
    };
    const onBlocked = () => setState({ status: 'blocked' });
    db.on('versionchange', onVersionChange);
    db.on('blocked', onBlocked);
    db.open().then(
      () => setState((s) => (s.status === 'opening' || s.status === 'blocked' ? { status: 'open' } : s)),
      (err: unknown) => {
        const e = err as { name?: string; message?: string };
        setState({ status: 'failed', error: `${e?.name ?? 'Error'}: ${e?.message ?? String(err)}` });
      },
    );
    return () => {
      db.on('versionchange').unsubscribe(onVersionChange);
      db.on('blocked').unsubscribe(onBlocked);
    };
  }, [db]);

  if (state.status === 'failed') {
    return (
      <main className="recovery" role="alert" aria-label={t('db.failedTitle')}>
        <h1>{t('db.failedTitle')}</h1>
        <p>{t('db.failedBody')}</p>
        <pre dir="ltr">{state.error}</pre>
        <button type="button" onClick={() => location.reload()}>
          {t('db.reload')}
        </button>
      </main>
    );
  }
  return (
    <>
      {(state.status === 'reload' || state.status === 'blocked') && (
        <div className="banner" role="alert">
          {t(state.status === 'reload' ? 'db.reloadNeeded' : 'db.blocked')}{' '}
          <button type="button" onClick={() => location.reload()}>
            {t('db.reload')}
          </button>
        </div>
      )}
      {state.status === 'opening' ? <p className="empty">…</p> : children}
    </>
  );
}
