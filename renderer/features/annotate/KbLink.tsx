import type { MentionRecord, SourceRecord } from '../../../shared/model/annotation';
import { findDef, type LabelSchema } from '../../../shared/model/label-schema';
import type { KbEntity } from '../../../shared/model/kb-entity';
import { useDraft } from '../../ui/drafts';
import { useI18n } from '../../ui/i18n';
import type { EditorActions } from './AnnotationEditor';

interface Props {
  annotation: MentionRecord | SourceRecord;
  entities: readonly KbEntity[];
  schema: LabelSchema;
  actions: EditorActions;
}

/** The knowledge-base entity a mention or source refers to: pick one, make one, or edit the linked one. */
export function KbLink({ annotation, entities, schema, actions }: Props) {
  const { t, name } = useI18n();
  const linked = entities.find((e) => e.id === annotation.entityId);
  return (
    <div className="kb">
      <label className="field">
        <span>{t('kb.entity')}</span>
        <select value={linked?.id ?? ''} onChange={(e) => actions.linkEntity(annotation, e.target.value)}>
          <option value="">{t('kb.none')}</option>
          <option value="new">{t('kb.new', { quote: annotation.quote })}</option>
          {entities.map((e) => {
            const type = findDef(schema.entityTypes, e.entityType);
            return (
              <option key={e.id} value={e.id}>
                {e.name}
                {type ? ` · ${name(type)}` : ''}
              </option>
            );
          })}
        </select>
      </label>
      {linked && <EntityFields key={linked.id + linked.modified} entity={linked} actions={actions} />}
    </div>
  );
}

function EntityFields({ entity, actions }: { entity: KbEntity; actions: EditorActions }) {
  const { t } = useI18n();
  // Saved as the annotator types (TRUST.md F13), not only when the field loses focus.
  const name = useDraft(entity.name, (v) => void (v !== entity.name && actions.updateEntity(entity, { name: v })));
  const externalId = useDraft(entity.externalId ?? '', (v) => void (v !== (entity.externalId ?? '') && actions.updateEntity(entity, { externalId: v })));
  return (
    <>
      <label className="field">
        <span>{t('kb.name')}</span>
        <input dir="auto" {...name} />
      </label>
      <label className="field">
        <span>{t('kb.externalId')}</span>
        <input dir="ltr" placeholder="Q19878" {...externalId} />
      </label>
      {entity.aliases.length > 0 && (
        <p className="aliases">
          {t('kb.aliases')}:{' '}
          <span dir="rtl" lang="ar">
            {entity.aliases.join('، ')}
          </span>
        </p>
      )}
    </>
  );
}
