import type { LabelSchema } from '../../../shared/model/label-schema';
import { useI18n } from '../../ui/i18n';
import { HIGHLIGHT } from '../reader/highlights';

/**
 * The key to the article's colours, always in view above it: each label's name in the exact style the article
 * paints it (the swatch carries the class `installLabelStyles` styles like the label's highlight), with its digit.
 * Entity digits label a new selection; claim and source digits choose the focused claim's stance or source's type.
 */
export function Legend({ schema }: { schema: LabelSchema }) {
  const { t, name } = useI18n();
  const layers = [
    { title: t('layer.mention'), defs: schema.entityTypes, cls: HIGHLIGHT.mention },
    { title: `${t('layer.claim')} (C)`, defs: schema.claimStances, cls: HIGHLIGHT.claim },
    { title: `${t('layer.source')} (S)`, defs: schema.sourceTypes, cls: HIGHLIGHT.source },
  ];
  return (
    <div className="legend" role="group" aria-label={t('legend.region')}>
      {layers.map((layer) => (
        <ul key={layer.title} aria-label={layer.title}>
          <li className="layer-name" aria-hidden="true">
            {layer.title}
          </li>
          {layer.defs.map((d) => (
            <li key={d.id}>
              {d.key && <kbd>{d.key}</kbd>}
              <span className={`swatch ${layer.cls(d.id)}`}>{name(d)}</span>
            </li>
          ))}
        </ul>
      ))}
    </div>
  );
}
