import { useEffect, useRef, useState } from 'react';
import { formatIssue, type ImportIssue } from '../../../shared/formats/corpus';
import { MAX_JSON_BYTES } from '../../../shared/formats/w3c-jsonld/json-safe';
import { change, merge } from '../../../shared/model/edits';
import { applyResolution } from '../../../shared/model/merge';
import type { Platform } from '../../platform/platform';
import { Modal } from '../../ui/Modal';
import { useI18n } from '../../ui/i18n';
import type { Workbench } from '../annotate/workbench';
import { storageFailure } from './import-articles';
import { startImport, type ImportOutcome } from './run-import';

type Planned = Extract<ImportOutcome, { type: 'planned' }> & { fileName: string };

/**
 * "Restore from backup…": a file written by "Back up now…" (the W3C JSON-LD export, which carries everything) is read
 * and planned in the import worker, its counts shown, and nothing changes until the annotator chooses to replace the
 * workspace with it (what it does not hold is removed, and the dialog says how much) or to merge it in. Either is one
 * change: one transaction, one undo step.
 */
export function RestoreDialog({
  platform,
  workbench,
  onClose,
  onDone,
}: {
  platform: Platform;
  workbench: Workbench;
  onClose(): void;
  onDone(message: string): void;
}) {
  const { t } = useI18n();
  const [planned, setPlanned] = useState<Planned | null>(null);
  const [issues, setIssues] = useState<ImportIssue[]>([]);
  const [read, setRead] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [how, setHow] = useState<'replace' | 'merge'>('replace');
  const cancelRead = useRef<(() => void) | null>(null);
  // Closed any way (Escape, Cancel) while reading: the worker stops.
  useEffect(() => () => cancelRead.current?.(), []);
  // A backup with refused items cannot replace the workspace: what it failed to read would count as "not in the
  // backup" and be removed. Merge still adds what it read.
  const refused = issues.some((i) => i.severity === 'error');
  const chosen = refused ? 'merge' : how;

  async function pick() {
    const [file] = await platform.pickFiles({ maxBytes: MAX_JSON_BYTES, extensions: ['jsonld', 'json'] });
    if (!file) return;
    if (!file.bytes) return setIssues([{ severity: 'error', file: file.name, message: t('importFile.tooBig', { mb: Math.round(MAX_JSON_BYTES / 2 ** 20) }) }]);
    setBusy(true);
    setIssues([]);
    setRead(null);
    cancelRead.current = startImport(
      { formatId: 'w3c-jsonld', files: [{ path: file.name, bytes: file.bytes }], fileName: file.name, now: new Date().toISOString(), replace: true },
      [file.bytes.buffer as ArrayBuffer],
      (_step, share) => setRead(share),
      (m) => {
        cancelRead.current = null;
        setBusy(false);
        if (m.type === 'error') setIssues([{ severity: 'error', message: m.message }]);
        else {
          setIssues(m.issues);
          if (m.type === 'planned') setPlanned({ ...m, fileName: file.name });
        }
      },
    );
  }

  async function restore() {
    if (!planned?.replace) return;
    const summary = planned.replace.summary;
    const before = workbench.getSnapshot().schema;
    const write = chosen === 'replace' ? planned.replace.change : merge(applyResolution(planned.plan, new Map()), change({ schema: [before, planned.schema] }));
    setBusy(true);
    try {
      await workbench.applyAndWait(write);
    } catch (err) {
      setBusy(false);
      const count = write.documents.length + write.annotations.length + write.entities.length;
      return setIssues([{ severity: 'error', message: storageFailure(err, count, 'records') }]);
    }
    const merged = {
      documents: planned.plan.documents.add.length,
      annotations: planned.plan.annotations.add.length,
      entities: planned.plan.entities.add.length,
    };
    onDone(t(chosen === 'replace' ? 'restore.done' : 'restore.merged', { file: planned.fileName, ...(chosen === 'replace' ? summary.backup : merged) }));
    onClose();
  }

  const summary = planned?.replace?.summary;
  const conflicts = planned ? planned.plan.annotations.conflicts.length + planned.plan.entities.conflicts.length : 0;
  return (
    <Modal title={t('restore.title')} onClose={onClose}>
      {!planned && <p>{t('restore.intro')}</p>}
      {issues.length > 0 && (
        <ul className="problems" aria-label={t('importFile.issues')}>
          {issues.slice(0, 50).map((i, k) => (
            <li key={k} className={i.severity}>
              {i.severity === 'error' ? '⛔' : '⚠'} {formatIssue(i.file ?? planned?.fileName ?? '', i)}
            </li>
          ))}
        </ul>
      )}
      {busy && !planned && (
        <p role="status" aria-label={t('importFile.progress')}>
          <progress aria-label={t('importFile.progress')} {...(read !== null ? { value: read, max: 1 } : {})} /> {t('importFile.step.reading')}
        </p>
      )}
      {planned && summary && (
        <>
          <p role="status" aria-label={t('importFile.summary')}>
            <bdi>{t('restore.holds', { file: planned.fileName, ...summary.backup })}</bdi>
          </p>
          <fieldset className="formats" disabled={busy}>
            <legend>{t('restore.how')}</legend>
            <label>
              <input type="radio" name="restore-how" checked={chosen === 'replace'} disabled={refused} onChange={() => setHow('replace')} />{' '}
              {t('restore.replace')}
              <small> — {t(refused ? 'restore.replaceRefused' : 'restore.replaceDetail', summary.removed)}</small>
            </label>
            <label>
              <input type="radio" name="restore-how" checked={chosen === 'merge'} onChange={() => setHow('merge')} /> {t('restore.merge')}
              <small>
                {' '}
                —{' '}
                {t('restore.mergeDetail', {
                  documents: planned.plan.documents.add.length,
                  annotations: planned.plan.annotations.add.length,
                  conflicts,
                })}
              </small>
            </label>
          </fieldset>
        </>
      )}
      <div className="dialog-actions">
        {planned ? (
          <button type="button" onClick={() => void restore()} disabled={busy} autoFocus>
            {t('restore.apply')}
          </button>
        ) : (
          <button type="button" onClick={() => void pick()} disabled={busy} autoFocus>
            {t('restore.choose')}
          </button>
        )}
        <button
          type="button"
          disabled={busy && !!planned}
          onClick={() => {
            cancelRead.current?.();
            onClose();
          }}
        >
          {t('common.cancel')}
        </button>
      </div>
    </Modal>
  );
}
