import { useSyncExternalStore } from 'react';
import type { BackupKeeper } from '../db/backup-keeper';
import { useI18n } from '../ui/i18n';

const NONE = () => () => {};

/** The footer's word on the automatic backup: when it last took a write in, and where it lives. */
export function BackupState({ backup }: { backup: BackupKeeper | null }) {
  const { t } = useI18n();
  const health = useSyncExternalStore(backup?.subscribe ?? NONE, () => backup?.health() ?? null);
  if (!health) return <span className="backup none">{t('backup.none')}</span>;
  const where = health.status === 'starting' ? '' : health.where;
  const text =
    health.status === 'current' || health.status === 'missing'
      ? t('backup.current', { time: new Date(health.updated).toLocaleTimeString() })
      : health.status === 'failed'
        ? t('backup.failed', { message: health.message })
        : t('backup.starting');
  return (
    <span className={`backup ${health.status}`} role="status" aria-label={t('backup.region')} title={t('backup.title', { where })}>
      {text}
    </span>
  );
}
