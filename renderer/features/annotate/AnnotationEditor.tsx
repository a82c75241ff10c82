import type { AnnotationRecord, ClaimRecord, MentionRecord, SourceRecord } from '../../../shared/model/annotation';
import type { KbEntity } from '../../../shared/model/kb-entity';
import type { LabelDef, LabelSchema } from '../../../shared/model/label-schema';
import { useDraft } from '../../ui/drafts';
import { useI18n } from '../../ui/i18n';
import { KbLink } from './KbLink';
import { labelIdOf, labelsOf } from '../../../shared/model/layers';

export interface EditorActions {
  relabel(a: AnnotationRecord, labelId: string): void;
  setClaimant(claim: ClaimRecord, value: string): void;
  setSource(claim: ClaimRecord, sourceId: string): void;
  clearCue(claim: ClaimRecord): void;
  setCueFromSelection(claim: ClaimRecord): void;
  setClaimDate(claim: ClaimRecord, date: string): void;
  toggleLinkMode(): void;
  linkEntity(a: MentionRecord | SourceRecord, entityId: string | 'new' | ''): void;
  updateEntity(entity: KbEntity, patch: { name?: string; externalId?: string }): void;
  applyToAll(a: MentionRecord): void;
  remove(a: AnnotationRecord): void;
}

interface Props {
  annotation: AnnotationRecord;
  annotations: readonly AnnotationRecord[];
  entities: readonly KbEntity[];
  schema: LabelSchema;
  hasSelection: boolean;
  linkMode: boolean;
  actions: EditorActions;
}

/** Everything about the focused annotation: its label, links and KB entity. */
export function AnnotationEditor({ annotation: a, annotations, entities, schema, hasSelection, linkMode, actions }: Props) {
  const { t } = useI18n();
  const defs: LabelDef[] = labelsOf(schema, a.kind);
  const current = labelIdOf(a);
  return (
    <section className="editor" aria-label={t('editor.region')}>
      <h2>
        {t(`layer.${a.kind}`)}:{' '}
        <q dir="rtl" lang="ar">
          {a.quote}
        </q>
      </h2>
      <LabelSelect label={t(`editor.label.${a.kind}`)} defs={defs} value={current} onChange={(id) => actions.relabel(a, id)} />
      {a.kind === 'claim' && (
        <ClaimLinks claim={a} annotations={annotations} entities={entities} hasSelection={hasSelection} linkMode={linkMode} actions={actions} />
      )}
      {a.kind !== 'claim' && <KbLink annotation={a} entities={entities} schema={schema} actions={actions} />}
      <div className="editor-actions">
        {a.kind === 'mention' && (
          <button type="button" onClick={() => actions.applyToAll(a)} aria-keyshortcuts="A">
            {t('editor.applyAll')}
          </button>
        )}
        <button type="button" className="danger" onClick={() => actions.remove(a)} aria-keyshortcuts="Delete">
          {t('editor.delete')}
        </button>
      </div>
    </section>
  );
}

function LabelSelect({ label, defs, value, onChange }: { label: string; defs: LabelDef[]; value: string; onChange(id: string): void }) {
  const { name } = useI18n();
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {defs.map((d) => (
          <option key={d.id} value={d.id}>
            {d.key ? `${d.key} · ` : ''}
            {name(d)}
          </option>
        ))}
      </select>
    </label>
  );
}

function ClaimLinks({ claim, annotations, entities, hasSelection, linkMode, actions }: Omit<Props, 'annotation' | 'schema'> & { claim: ClaimRecord }) {
  const { t } = useI18n();
  const mentions = annotations.filter((x): x is MentionRecord => x.kind === 'mention');
  const sources = annotations.filter((x): x is SourceRecord => x.kind === 'source');
  const claimant = claim.claimantId ? `m:${claim.claimantId}` : claim.claimantEntityId ? `e:${claim.claimantEntityId}` : '';
  // Saved as the annotator types (TRUST.md F13), not only when the field loses focus.
  const date = useDraft(claim.claimDate ?? '', (v) => void (v !== (claim.claimDate ?? '') && actions.setClaimDate(claim, v)));
  return (
    <>
      <label className="field">
        <span>{t('claim.claimant')}</span>
        <select value={claimant} onChange={(e) => actions.setClaimant(claim, e.target.value)}>
          <option value="">{t('claim.anonymous')}</option>
          <optgroup label={t('claim.mentions')}>
            {mentions.map((m) => (
              <option key={m.id} value={`m:${m.id}`}>
                {m.quote}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('claim.entities')}>
            {entities.map((e) => (
              <option key={e.id} value={`e:${e.id}`}>
                {e.name}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <div className="field">
        <span>{t('claim.cue')}</span>
        <span className="cue" dir="rtl" lang="ar" aria-label={t('claim.cue')}>
          {claim.cue ? claim.cue.quote : '—'}
        </span>
        <button type="button" disabled={!hasSelection} onClick={() => actions.setCueFromSelection(claim)}>
          {t('claim.cueFromSelection')}
        </button>
        {claim.cue && (
          <button type="button" onClick={() => actions.clearCue(claim)}>
            {t('claim.clearCue')}
          </button>
        )}
      </div>
      <label className="field">
        <span>{t('claim.source')}</span>
        <select value={claim.sourceId ?? ''} onChange={(e) => actions.setSource(claim, e.target.value)}>
          <option value="">{t('claim.noSource')}</option>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.quote}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('claim.date')}</span>
        <input type="date" {...date} />
      </label>
      <button type="button" aria-pressed={linkMode} onClick={actions.toggleLinkMode} aria-keyshortcuts="L">
        <kbd>L</kbd> {t('claim.link')}
      </button>
    </>
  );
}
