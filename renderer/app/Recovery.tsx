import { useState } from 'react';
import type { BackupHealth, BackupKeeper, RestoreReport } from '../db/backup-keeper';
import { useI18n } from '../ui/i18n';

type Missing = Extract<BackupHealth, { status: 'missing' }>;

/**
 * Shown instead of an empty workspace when the database holds less than the automatic backup says it held
 * (TRUST.md F11): what was found, table by table, and a restore from the newest backup that reads whole. Nothing is
 * written until the annotator chooses.
 */
export function Recovery({ health, backup, onDone }: { health: Missing; backup: BackupKeeper; onDone(report: RestoreReport | null): void }) {
  const { t } = useI18n();
  const [state, setState] = useState<{ status: 'asking' } | { status: 'restoring' } | { status: 'failed'; message: string }>({ status: 'asking' });
  const time = new Date(health.updated).toLocaleString();
  async function restore() {
    setState({ status: 'restoring' });
    try {
      onDone(await backup.restore());
    } catch (err) {
      setState({ status: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  }
  async function keep() {
    if (!window.confirm(t('recover.keepConfirm'))) return;
    setState({ status: 'restoring' });
    // From here the backup follows the workspace as stored (a new snapshot of it), before the app opens.
    await backup.adopt();
    onDone(null);
  }
  return (
    <main className="recovery" role="alert" aria-label={t('recover.title')}>
      <h1>{t('recover.title')}</h1>
      <p>{t('recover.body', { time })}</p>
      <ul>
        {health.missing.map((m) => (
          <li key={m.table}>{t('recover.table', { table: t(`table.${m.table}`), stored: m.stored, expected: m.expected })}</li>
        ))}
        {health.behind && <li>{t('recover.behind')}</li>}
      </ul>
      <p className="where">{t('backup.title', { where: health.where })}</p>
      {state.status === 'restoring' && <p role="status">{t('recover.restoring')}</p>}
      {state.status === 'failed' && <p role="status">{t('recover.failed', { message: state.message })}</p>}
      <div className="dialog-actions">
        <button type="button" onClick={() => void restore()} disabled={state.status === 'restoring'} autoFocus>
          {t('recover.restore', { time })}
        </button>
        <button type="button" onClick={() => void keep()} disabled={state.status === 'restoring'}>
          {t('recover.keep')}
        </button>
      </div>
    </main>
  );
}
