import { exportFormat } from '../../shared/formats/registry';
import type { Workbench } from '../features/annotate/workbench';
import { RestoreDialog } from '../features/export-import/RestoreDialog';
import { startExport } from '../features/export-import/run-export';
import type { Platform } from '../platform/platform';
import { useI18n } from '../ui/i18n';

/**
 * Backup and restore by hand, beside the automatic backup's state: "Back up now…" writes the whole workspace to one
 * file (the W3C JSON-LD export, streamed from a worker, once every edit is written); "Restore from backup…" reads
 * such a file back (RestoreDialog).
 */
export function BackupCommands({
  platform,
  workbench,
  restoring,
  setRestoring,
  notify,
}: {
  platform: Platform;
  workbench: Workbench;
  restoring: boolean;
  setRestoring(open: boolean): void;
  notify(message: string): void;
}) {
  const { t } = useI18n();
  async function backUpNow() {
    await workbench.whenSaved();
    const run = startExport(
      platform,
      exportFormat('w3c-jsonld')!,
      { appVersion: __APP_VERSION__ },
      () => {},
      (day) => `hamish-backup-${day}.jsonld`,
    );
    const r = await run.done;
    notify(r.status === 'saved' ? t('backup.nowDone', r) : r.status === 'cancelled' ? t('export.cancelled') : t('export.failed', { message: r.message }));
  }
  return (
    <>
      <button type="button" className="link" onClick={() => void backUpNow()}>
        {t('backup.now')}
      </button>
      <button type="button" className="link" onClick={() => setRestoring(true)}>
        {t('backup.restore')}
      </button>
      {restoring && <RestoreDialog platform={platform} workbench={workbench} onClose={() => setRestoring(false)} onDone={notify} />}
    </>
  );
}
