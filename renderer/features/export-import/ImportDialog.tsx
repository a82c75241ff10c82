import { useEffect, useRef, useState } from 'react';
import { formatIssue, type ImportIssue } from '../../../shared/formats/corpus';
import { IMPORT_FORMATS, importFormat } from '../../../shared/formats/registry';
import { applyResolution, type Choice, type MergePlan } from '../../../shared/model/merge';
import { change, merge } from '../../../shared/model/edits';
import { validateLabelSchema, type LabelSchema } from '../../../shared/model/label-schema';
import { Modal } from '../../ui/Modal';
import { useI18n } from '../../ui/i18n';
import type { Workbench } from '../annotate/workbench';
import type { Platform } from '../../platform/platform';
import { startImport } from './run-import';
import { MAX_JSON_BYTES } from '../../../shared/formats/w3c-jsonld/json-safe';
import { storageFailure } from './import-articles';

/** Formats read as one string are refused past this; W3C JSON-LD streams, and its limit is a count of annotations. */
const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
const maxBytesOf = (formatId: string) => (formatId === 'w3c-jsonld' ? MAX_JSON_BYTES : MAX_IMPORT_BYTES);
const SHOWN_ISSUES = 50;

interface Props {
  platform: Platform;
  workbench: Workbench;
  onClose(): void;
  onDone(message: string): void;
}

/**
 * Import annotations from another tool (W3C JSON-LD, CoNLL, Label Studio, brat): parse and check the files,
 * match them against the workspace (documents by sha256, annotations and entities by id), let the user decide
 * every conflict, then apply everything as one change — one transaction, one undo step.
 */
export function ImportDialog({ platform, workbench, onClose, onDone }: Props) {
  const { t } = useI18n();
  const formats = IMPORT_FORMATS.filter((f) => f.id !== 'txt');
  const [formatId, setFormatId] = useState(formats[0]!.id);
  const [issues, setIssues] = useState<ImportIssue[]>([]);
  const [plan, setPlan] = useState<{ plan: MergePlan; schema: LabelSchema; fileName: string } | null>(null);
  const [choices, setChoices] = useState<Map<string, Choice>>(new Map());
  const [step, setStep] = useState<'reading' | 'matching' | null>(null);
  const [read, setRead] = useState<number | null>(null);
  const [applying, setApplying] = useState(false);
  const running = useRef<(() => void) | null>(null);
  // Closed any way (Escape, Cancel) while reading: the worker stops.
  useEffect(() => () => running.current?.(), []);
  const busy = step !== null;

  async function pick() {
    const format = importFormat(formatId)!;
    const maxBytes = maxBytesOf(formatId);
    const files = await platform.pickFiles({ maxBytes, extensions: [...format.extensions, ...(formatId === 'brat' ? ['txt'] : [])] });
    if (files.length === 0) return;
    const fileName = files.length === 1 ? files[0]!.name : `${files.length} files`;
    const tooBig: ImportIssue[] = files
      .filter((f) => !f.bytes)
      .map((f) => ({ severity: 'error', file: f.name, message: t('importFile.tooBig', { mb: Math.round(maxBytes / 2 ** 20) }) }));
    const input = files.flatMap((f) => (f.bytes ? [{ path: f.name, bytes: f.bytes }] : []));
    setStep('reading');
    setRead(null);
    running.current = startImport(
      { formatId, files: input, fileName, now: new Date().toISOString() },
      input.map((f) => f.bytes.buffer as ArrayBuffer),
      (next, share) => {
        setStep(next);
        setRead(share);
      },
      (m) => {
        running.current = null;
        setStep(null);
        if (m.type === 'error') setIssues([...tooBig, { severity: 'error', message: m.message }]);
        else if (m.type === 'failed') setIssues([...tooBig, ...m.issues]);
        else {
          setIssues([...tooBig, ...m.issues]);
          setPlan({ plan: m.plan, schema: m.schema, fileName });
        }
      },
    );
  }

  function cancel() {
    running.current?.();
    running.current = null;
    setStep(null);
  }

  async function apply() {
    if (!plan) return;
    // The new labels and every record that uses them in one change: one transaction, one undo step.
    const checked = validateLabelSchema(plan.schema);
    if (!checked.ok) {
      setIssues(checked.error.map((p) => ({ severity: 'error' as const, message: p.message })));
      return;
    }
    const p = plan.plan;
    const before = workbench.getSnapshot().schema;
    // Waited for: the notice says what was stored, and a failed write (a full disk) says so here, with nothing
    // written — the labels and the records that use them are one transaction.
    setApplying(true);
    try {
      await workbench.applyAndWait(merge(applyResolution(p, choices), change({ schema: [before, checked.value] })));
    } catch (err) {
      setApplying(false);
      setIssues([{ severity: 'error', message: storageFailure(err, p.annotations.add.length + p.documents.add.length, 'records') }]);
      return;
    }
    const theirs = [...choices.values()].filter((c) => c === 'theirs').length;
    onDone(
      t('importFile.done', {
        documents: p.documents.add.length,
        matched: p.documents.matched.length,
        annotations: p.annotations.add.length + theirs,
        identical: p.annotations.identical,
      }),
    );
    onClose();
  }

  const conflicts = plan ? [...plan.plan.annotations.conflicts, ...plan.plan.entities.conflicts] : [];
  return (
    <Modal title={t('importFile.title')} onClose={onClose}>
      {!plan && (
        <fieldset className="formats" disabled={busy}>
          <legend>{t('export.format')}</legend>
          {formats.map((f) => (
            <label key={f.id}>
              <input type="radio" name="import-format" checked={f.id === formatId} onChange={() => setFormatId(f.id)} /> {f.name}{' '}
              <small>({f.extensions.map((e) => `.${e}`).join(' ')})</small>
            </label>
          ))}
        </fieldset>
      )}
      {issues.length > 0 && (
        <ul className="problems" aria-label={t('importFile.issues')}>
          {issues.slice(0, SHOWN_ISSUES).map((i, k) => (
            <li key={k} className={i.severity}>
              {i.severity === 'error' ? '⛔' : '⚠'} {formatIssue(i.file ?? plan?.fileName ?? '', i)}
            </li>
          ))}
          {issues.length > SHOWN_ISSUES && <li>{t('importFile.more', { count: issues.length - SHOWN_ISSUES })}</li>}
        </ul>
      )}
      {step && (
        <p role="status" aria-label={t('importFile.progress')}>
          {/* Determinate while a streamed file says how far it is; indeterminate otherwise. */}
          <progress aria-label={t('importFile.progress')} {...(step === 'reading' && read !== null ? { value: read, max: 1 } : {})} />{' '}
          {t(`importFile.step.${step}`)}
          {step === 'reading' && read !== null && <> {t('importFile.read', { percent: Math.floor(read * 100) })}</>}
        </p>
      )}
      {plan && (
        <div className="import-plan">
          <p role="status" aria-label={t('importFile.summary')}>
            {t('importFile.plan', {
              documents: plan.plan.documents.add.length,
              matched: plan.plan.documents.matched.length,
              annotations: plan.plan.annotations.add.length,
              identical: plan.plan.annotations.identical,
              conflicts: conflicts.length,
            })}
          </p>
          {conflicts.length > 0 && (
            <ul className="conflicts" aria-label={t('importFile.conflicts')}>
              {conflicts.map((c) => (
                <li key={c.id}>
                  <span dir="auto">{'quote' in c.ours ? `«${c.ours.quote}»` : 'name' in c.ours ? c.ours.name : c.id}</span>
                  {(['ours', 'theirs'] as const).map((choice) => (
                    <label key={choice}>
                      <input
                        type="radio"
                        name={`conflict-${c.id}`}
                        checked={(choices.get(c.id) ?? 'ours') === choice}
                        onChange={() => setChoices(new Map(choices).set(c.id, choice))}
                      />{' '}
                      {t(choice === 'ours' ? 'importFile.keepOurs' : 'importFile.takeTheirs')}
                    </label>
                  ))}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="dialog-actions">
        {plan ? (
          <button type="button" onClick={() => void apply()} disabled={applying} autoFocus>
            {/* Refused items are never imported in silence: the button says the import goes on without them. */}
            {t(issues.some((i) => i.severity === 'error') ? 'importFile.applyValid' : 'importFile.apply')}
          </button>
        ) : (
          <button type="button" onClick={() => void pick()} disabled={busy} autoFocus>
            {t('importFile.choose')}
          </button>
        )}
        <button type="button" onClick={busy ? cancel : onClose}>
          {t(busy ? 'importFile.cancel' : 'common.cancel')}
        </button>
      </div>
    </Modal>
  );
}
