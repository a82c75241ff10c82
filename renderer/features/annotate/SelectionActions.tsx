import type { LabelSchema } from '../../../shared/model/label-schema';
import type { Span } from '../../../shared/text/words';
import { useI18n } from '../../app/i18n';
import type { Layer } from './commands';

interface Props {
  text: string;
  schema: LabelSchema;
  pending: Span | null;
  linkMode: boolean;
  onCreate(layer: Layer, labelId: string): void;
}

/** What can be done with the current selection: one button per entity type, plus claim and source. */
export function SelectionActions({ text, schema, pending, linkMode, onCreate }: Props) {
  const { t, name } = useI18n();
  return (
    <section aria-label={t('selection.region')} className="labels">
      <h2>{t('selection.title')}</h2>
      {linkMode && (
        <p className="link-hint" role="status">
          {t('link.hint')}
        </p>
      )}
      <p className="selection-preview" aria-live="polite">
        {pending ? (
          <span dir="rtl" lang="ar">{`«${text.slice(pending.start, pending.end)}»`}</span>
        ) : (
          t('selection.none')
        )}
      </p>
      <div className="label-buttons">
        {schema.entityTypes.map((l) => (
          <button key={l.id} type="button" disabled={!pending} onClick={() => onCreate('mention', l.id)} aria-keyshortcuts={l.key} style={{ borderInlineStartColor: l.color }}>
            {l.key && <kbd>{l.key}</kbd>} {name(l)}
          </button>
        ))}
        <button type="button" className="layer-claim" disabled={!pending} onClick={() => onCreate('claim', schema.claimStances[0]!.id)} aria-keyshortcuts="C">
          <kbd>C</kbd> {t('layer.claim')}
        </button>
        <button type="button" className="layer-source" disabled={!pending} onClick={() => onCreate('source', schema.sourceTypes[0]!.id)} aria-keyshortcuts="S">
          <kbd>S</kbd> {t('layer.source')}
        </button>
      </div>
    </section>
  );
}
