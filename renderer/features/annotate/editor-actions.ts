import type { AnnotationRecord, ClaimRecord, MentionRecord, SourceRecord } from '../../../shared/model/annotation';
import { change, merge, setClaimant, setCue, setSource, update } from '../../../shared/model/edits';
import { checkEntityName, normaliseExternalId, withAlias, type KbEntity } from '../../../shared/model/kb-entity';
import type { EditorActions } from './AnnotationEditor';
import { relabel } from '../../../shared/model/commands';
import type { Annotate } from './use-annotate';
import type { WorkbenchSnapshot } from './workbench';

/** What the annotation editor's controls do, as changes on the workbench. */
export function makeEditorActions(
  a: Annotate,
  snapshot: WorkbenchSnapshot,
  deps: { newId(): string; now(): string; notify(m: string): void; applyAll(m: MentionRecord): void },
): EditorActions {
  const { now } = deps;
  const byId = (id: string) => snapshot.annotations.find((x) => x.id === id);
  return {
    relabel: (ann, labelId) => a.ctx && a.apply(relabel(a.ctx, ann, labelId)),
    setClaimant(claim, value) {
      const [kind, id] = [value.slice(0, 2), value.slice(2)];
      const target = kind === 'm:' ? (byId(id) as MentionRecord | undefined) : kind === 'e:' ? snapshot.entities.find((e) => e.id === id) : undefined;
      a.apply(setClaimant(claim, target ?? null, now()));
    },
    setSource: (claim, sourceId) => a.apply(setSource(claim, (byId(sourceId) as SourceRecord | undefined) ?? null, now())),
    clearCue: (claim) => a.apply(setCue(claim, null, now())),
    setCueFromSelection(claim: ClaimRecord) {
      if (a.pending) a.linkTo(claim, a.pending);
    },
    setClaimDate: (claim, date) => a.apply(update(claim, /^\d{4}-\d{2}-\d{2}$/.test(date) ? { claimDate: date } : { claimDate: undefined }, now())),
    toggleLinkMode: () => a.setLinkMode(!a.linkMode),
    linkEntity(ann: MentionRecord | SourceRecord, entityId) {
      if (entityId === '') {
        a.apply(update<AnnotationRecord>(ann, { entityId: undefined }, now()));
        return;
      }
      if (entityId === 'new') {
        // A new KB entity named after the mention, typed like it (sources default to an organisation).
        const entity: KbEntity = {
          id: deps.newId(),
          name: ann.quote,
          entityType: ann.kind === 'mention' ? ann.entityType : 'organisation',
          aliases: [],
          created: now(),
          modified: now(),
        };
        a.apply(merge(change({ entities: [[undefined, entity]] }), update<AnnotationRecord>(ann, { entityId: entity.id }, now())));
        return;
      }
      const entity = snapshot.entities.find((e) => e.id === entityId);
      if (!entity) return;
      // Linking a new surface form teaches the entity an alias («حفتر» → خليفة حفتر).
      const learned = withAlias(entity, ann.quote, now());
      a.apply(merge(learned === entity ? change({}) : change({ entities: [[entity, learned]] }), update<AnnotationRecord>(ann, { entityId }, now())));
    },
    updateEntity(entity, patch) {
      const next: KbEntity = { ...entity, modified: now() };
      if (patch.name !== undefined) {
        const bad = checkEntityName(patch.name);
        if (bad) return deps.notify(bad.message);
        next.name = patch.name.trim();
      }
      if (patch.externalId !== undefined) {
        const id = normaliseExternalId(patch.externalId);
        if (!id.ok) return deps.notify(id.error.message);
        if (id.value) next.externalId = id.value;
        else delete next.externalId;
      }
      a.apply(change({ entities: [[entity, next]] }));
    },
    applyToAll: (m) => deps.applyAll(m),
    remove: (ann) => a.requestDelete(ann),
  };
}
