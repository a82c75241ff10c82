import { describe, expect, it } from 'vitest';
import type { MentionRecord } from './annotation';
import type { DocumentRecord } from './document';
import { invert } from './edits';
import type { KbEntity } from './kb-entity';
import { DEFAULT_LABEL_SCHEMA } from './label-schema';
import { docOf, entityOf, mentionOf, workspaceOf } from './records.fixture';
import { planReplace } from './replace';

const mention = (id: string, documentId: string, entityType = 'person') => mentionOf(id, documentId, { entityType });
const entity = entityOf('e1', 'حفتر');
const workspace = (docs: DocumentRecord[], anns: MentionRecord[], ents: KbEntity[]) => workspaceOf(docs, anns, ents);

describe('planReplace', () => {
  const A = docOf('a', 'قال حفتر');
  const B = docOf('b', 'قال سلامة');
  const C = docOf('c', 'قال خوري');

  it('removes what the backup lacks, writes what differs, and leaves what is the same', () => {
    const now = workspace([A, B], [mention('m1', 'a'), mention('m2', 'b')], [entity]);
    const backup = {
      documents: [A, { ...C }, { ...B, status: 'done' as const }],
      annotations: [mention('m1', 'a', 'location')],
      entities: [],
      schema: DEFAULT_LABEL_SCHEMA,
    };
    const { change, summary } = planReplace(now, DEFAULT_LABEL_SCHEMA, backup);
    expect(change.documents).toEqual([
      [undefined, C],
      [B, { ...B, status: 'done' }],
    ]);
    expect(change.annotations).toEqual([
      [mention('m2', 'b'), undefined],
      [mention('m1', 'a'), mention('m1', 'a', 'location')],
    ]);
    expect(change.entities).toEqual([[entity, undefined]]);
    expect(change.schema).toBeUndefined();
    expect(summary).toEqual({
      removed: { documents: 0, annotations: 1, entities: 1 },
      written: { documents: 2, annotations: 1, entities: 0 },
      backup: { documents: 3, annotations: 1, entities: 0 },
    });
  });

  it('takes the backup’s label schema, and undoes to the workspace as it was', () => {
    const schema = { ...DEFAULT_LABEL_SCHEMA, entityTypes: DEFAULT_LABEL_SCHEMA.entityTypes.slice(0, 3) };
    const now = workspace([A], [mention('m1', 'a')], []);
    const { change } = planReplace(now, DEFAULT_LABEL_SCHEMA, { documents: [B], annotations: [], entities: [], schema });
    expect(change.schema).toEqual([DEFAULT_LABEL_SCHEMA, schema]);
    const back = invert(change);
    // Undone: B goes, A comes back.
    expect(back.documents).toHaveLength(2);
    expect(back.documents).toEqual(
      expect.arrayContaining([
        [B, undefined],
        [undefined, A],
      ]),
    );
    expect(back.schema).toEqual([schema, DEFAULT_LABEL_SCHEMA]);
  });

  it('is empty when the workspace already is the backup', () => {
    const now = workspace([A], [mention('m1', 'a')], [entity]);
    const { change } = planReplace(now, DEFAULT_LABEL_SCHEMA, {
      documents: [{ ...A }],
      annotations: [mention('m1', 'a')],
      entities: [{ ...entity }],
      schema: DEFAULT_LABEL_SCHEMA,
    });
    expect([change.documents, change.annotations, change.entities, change.schema]).toEqual([[], [], [], undefined]);
  });
});
