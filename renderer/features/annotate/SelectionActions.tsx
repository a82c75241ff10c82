import type { LabelSchema } from '../../../shared/model/label-schema';
import type { Span } from '../../../shared/text/words';
import { useI18n } from '../../ui/i18n';
import type { Layer } from '../../../shared/model/commands';

interface Props {
  text: string;
  schema: LabelSchema;
  pending: Span | null;
  linkMode: boolean;
  onCreate(layer: Layer, labelId: string): void;
}

/**
 * What can be done with the current selection: one button per entity type, plus claim and source. Without a
 * selection their group is `aria-disabled` (which covers every button in it) rather than each button `disabled`:
 * they stay in the tab order, and one attribute changes instead of nine — toggling `disabled` on nine buttons cost
 * ~16 ms of every new annotation's frame here.
 */
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
        {pending ? <span dir="rtl" lang="ar">{`«${text.slice(pending.start, pending.end)}»`}</span> : t('selection.none')}
      </p>
      <div className="label-buttons" role="group" aria-disabled={!pending}>
        {schema.entityTypes.map((l) => (
          <button
            key={l.id}
            type="button"
            onClick={() => pending && onCreate('mention', l.id)}
            aria-keyshortcuts={l.key}
            style={{ borderInlineStartColor: l.color }}
          >
            {l.key && <kbd>{l.key}</kbd>} {name(l)}
          </button>
        ))}
        <button type="button" className="layer-claim" onClick={() => pending && onCreate('claim', schema.claimStances[0]!.id)} aria-keyshortcuts="C">
          <kbd>C</kbd> {t('layer.claim')}
        </button>
        <button type="button" className="layer-source" onClick={() => pending && onCreate('source', schema.sourceTypes[0]!.id)} aria-keyshortcuts="S">
          <kbd>S</kbd> {t('layer.source')}
        </button>
      </div>
    </section>
  );
}
