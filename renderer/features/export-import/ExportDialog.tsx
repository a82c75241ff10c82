import { useRef, useState } from 'react';
import { EXPORT_FORMATS } from '../../../shared/formats/registry';
import { Modal } from '../../ui/Modal';
import { useI18n } from '../../ui/i18n';
import type { Platform } from '../../platform/platform';
import { startExport, type ExportOutcome } from './run-export';

/** Export the corpus in a chosen format, in a worker, with progress and cancel. */
/** `saved` resolves once every edit shown has been written: the export reads the database, not the screen. */
export function ExportDialog({
  platform,
  saved,
  onClose,
  onDone,
}: {
  platform: Platform;
  saved(): Promise<void>;
  onClose(): void;
  onDone(outcome: ExportOutcome): void;
}) {
  const { t } = useI18n();
  const [formatId, setFormatId] = useState(EXPORT_FORMATS[0]!.id);
  const [splitClitics, setSplitClitics] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const running = useRef<ReturnType<typeof startExport> | null>(null);
  const format = EXPORT_FORMATS.find((f) => f.id === formatId)!;

  async function run() {
    setProgress(0);
    await saved();
    running.current = startExport(platform, format, { splitClitics, appVersion: __APP_VERSION__ }, setProgress);
    const outcome = await running.current.done;
    running.current = null;
    onDone(outcome);
    onClose();
  }

  return (
    <Modal title={t('export.title')} onClose={() => (running.current ? running.current.cancel() : onClose())}>
      <fieldset className="formats" disabled={progress !== null}>
        <legend>{t('export.format')}</legend>
        {EXPORT_FORMATS.map((f) => (
          <label key={f.id}>
            <input type="radio" name="format" checked={f.id === formatId} onChange={() => setFormatId(f.id)} /> {f.name} <small>(.{f.extension})</small>
          </label>
        ))}
        {format.options.includes('splitClitics') && (
          <label>
            <input type="checkbox" checked={splitClitics} onChange={(e) => setSplitClitics(e.target.checked)} /> {t('export.splitClitics')}
          </label>
        )}
      </fieldset>
      {progress !== null && <progress aria-label={t('export.progress')} max={1} value={progress} />}
      <div className="dialog-actions">
        {progress === null ? (
          <>
            <button type="button" onClick={() => void run()} autoFocus>
              {t('export.run')}
            </button>
            <button type="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
          </>
        ) : (
          <button type="button" onClick={() => running.current?.cancel()}>
            {t('export.cancel')}
          </button>
        )}
      </div>
    </Modal>
  );
}
