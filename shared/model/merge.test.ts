import { describe, expect, it } from 'vitest';
import type { AnnotationRecord, MentionRecord } from './annotation';
import type { DocumentRecord } from './document';
import type { KbEntity } from './kb-entity';
import { DEFAULT_LABEL_SCHEMA, type LabelSchema } from './label-schema';
import { applyResolution, planImport, planMerge, type IncomingRecords } from './merge';
import { docOf, entityOf, mentionOf, workspaceOf } from './records.fixture';

const A = docOf('doc-a', 'قال حفتر');
const B = docOf('doc-b', 'قال سلامة');
const workspace = workspaceOf;
const corpus = (documents: DocumentRecord[], annotations: AnnotationRecord[] = [], entities: KbEntity[] = []): IncomingRecords & { schema: LabelSchema } => ({
  documents,
  annotations,
  entities,
  schema: DEFAULT_LABEL_SCHEMA,
});

describe('planMerge', () => {
  it('adds everything to an empty workspace', () => {
    const plan = planMerge(workspace([]), corpus([A, B], [mentionOf('m1', 'doc-a')], [entityOf('e1', 'حفتر')]));
    expect(plan.documents).toEqual({ add: [A, B], matched: [], conflicts: [] });
    expect(plan.annotations).toEqual({ add: [mentionOf('m1', 'doc-a')], identical: 0, conflicts: [] });
    expect(plan.entities.add).toHaveLength(1);
  });

  it('matches the same text under another id by sha256 and re-points its annotations', () => {
    const mine = { ...A, id: 'doc-mine', title: 'my title' };
    const plan = planMerge(workspace([mine]), corpus([A], [mentionOf('m1', 'doc-a')]));
    expect(plan.documents).toEqual({ add: [], matched: [{ incomingId: 'doc-a', existingId: 'doc-mine' }], conflicts: [] });
    expect(plan.annotations.add).toEqual([mentionOf('m1', 'doc-mine')]);
  });

  it('matches two incoming copies of one text to the first', () => {
    const copy = { ...A, id: 'doc-copy' };
    const plan = planMerge(workspace([]), corpus([A, copy], [mentionOf('m1', 'doc-copy')]));
    expect(plan.documents.add).toEqual([A]);
    expect(plan.documents.matched).toEqual([{ incomingId: 'doc-copy', existingId: 'doc-a' }]);
    expect(plan.annotations.add[0]?.documentId).toBe('doc-a');
  });

  it('counts an annotation with the same id and content as identical, whatever its key order or modified time', () => {
    const ours = mentionOf('m1', 'doc-a');
    const theirs = { modified: '2027-01-01T00:00:00Z', ...Object.fromEntries(Object.entries(ours).reverse()) } as MentionRecord;
    const plan = planMerge(workspace([A], [ours]), corpus([A], [theirs]));
    expect(plan.annotations).toEqual({ add: [], identical: 1, conflicts: [] });
  });

  it('lists the same id with different content as a conflict, and never overwrites it by default', () => {
    const ours = mentionOf('m1', 'doc-a');
    const theirs = mentionOf('m1', 'doc-a', { entityType: 'organisation' });
    const plan = planMerge(workspace([A], [ours], [entityOf('e1', 'حفتر')]), corpus([A], [theirs], [entityOf('e1', 'خليفة حفتر')]));
    expect(plan.annotations.conflicts).toEqual([{ id: 'm1', ours, theirs }]);
    expect(plan.entities.conflicts.map((c) => [c.ours.name, c.theirs.name])).toEqual([['حفتر', 'خليفة حفتر']]);
    expect(applyResolution(plan, new Map())).toEqual({ documents: [], entities: [], annotations: [] });
  });

  it('applies the user’s choices as one change', () => {
    const ours = mentionOf('m1', 'doc-a');
    const theirs = mentionOf('m1', 'doc-a', { entityType: 'organisation' });
    const plan = planMerge(workspace([A], [ours]), corpus([A, B], [theirs, mentionOf('m2', 'doc-b')], [entityOf('e1', 'x')]));
    const keep = applyResolution(plan, new Map([['m1', 'ours']]));
    expect(keep.annotations).toEqual([[undefined, mentionOf('m2', 'doc-b')]]);
    expect(keep.documents).toEqual([[undefined, B]]);
    expect(keep.entities).toEqual([[undefined, entityOf('e1', 'x')]]);
    const take = applyResolution(plan, new Map([['m1', 'theirs']]));
    expect(take.annotations).toEqual([
      [undefined, mentionOf('m2', 'doc-b')],
      [ours, theirs],
    ]);
  });

  it('never replaces a document whose id is taken by another text, nor adds its annotations', () => {
    const edited = { ...docOf('doc-a', 'قال حفتر اليوم') };
    const plan = planMerge(workspace([A]), corpus([edited], [mentionOf('m1', 'doc-a'), mentionOf('m2', 'doc-a')]));
    expect(plan.documents.add).toEqual([]);
    expect(plan.documents.conflicts).toEqual([{ id: 'doc-a', ours: A, theirs: edited, skipped: 2 }]);
    expect(plan.annotations.add).toEqual([]);
    expect(applyResolution(plan, new Map([['doc-a', 'theirs']])).documents).toEqual([]);
  });
});

describe('planImport', () => {
  const conllSchema: LabelSchema = {
    ...DEFAULT_LABEL_SCHEMA,
    entityTypes: [
      { id: 'per', nameEn: 'PER', nameAr: 'PER', color: '#000000', key: '1', schemaType: 'schema:Thing', tag: 'PER' },
      { id: 'mis1', nameEn: 'MIS1', nameAr: 'MIS1', color: '#000000', key: '2', schemaType: 'schema:Thing', tag: 'MIS1' },
    ],
  };

  it('joins the file’s labels to the schema (by tag) and relabels its annotations before matching them', () => {
    const incoming = {
      ...corpus([A], [mentionOf('m1', 'doc-a', { entityType: 'per' }), mentionOf('m2', 'doc-a', { entityType: 'mis1' })]),
      schema: conllSchema,
    };
    const r = planImport(workspace([]), DEFAULT_LABEL_SCHEMA, incoming);
    if (!r.ok) throw new Error(r.dropped.join());
    expect(r.plan.annotations.add.map((a) => (a as MentionRecord).entityType)).toEqual(['person', 'mis1']);
    expect(r.schema.entityTypes.map((t) => t.id)).toEqual([...DEFAULT_LABEL_SCHEMA.entityTypes.map((t) => t.id), 'mis1']);
    expect(r.schema.entityTypes.at(-1)!.key).toBe('');
    // An annotation already held under its mapped label is identical, not a conflict.
    const again = planImport(workspace([A], [mentionOf('m1', 'doc-a')]), r.schema, incoming);
    expect(again.ok && [again.plan.annotations.identical, again.plan.annotations.conflicts.length]).toEqual([1, 0]);
  });

  it('refuses, naming them, labels that do not fit in a layer', () => {
    const many: LabelSchema = {
      ...DEFAULT_LABEL_SCHEMA,
      entityTypes: Array.from({ length: 201 }, (_, i) => ({
        id: `t${i}`,
        nameEn: `T${i}`,
        nameAr: 'x',
        color: '#000000',
        key: '',
        schemaType: 'schema:Thing',
        tag: `T${i}`,
      })),
    };
    const r = planImport(workspace([]), DEFAULT_LABEL_SCHEMA, { ...corpus([A]), schema: many });
    expect(r.ok ? [] : r.dropped.length).toBeGreaterThan(0);
  });
});
