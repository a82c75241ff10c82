import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createMention } from '../../shared/model/annotation';
import { change, invert } from '../../shared/model/edits';
import { DEFAULT_LABEL_SCHEMA, type LabelSchema } from '../../shared/model/label-schema';
import { openDatabase, type HamishDatabase } from './database';
import { createWorkspaceRepo } from './workspace-repo';

let db: HamishDatabase;
afterEach(async () => {
  db.close();
  await db.delete();
});

const TEXT = 'قال المشير خليفة حفتر في بنغازي';
const NOW = '2026-11-23T10:00:00.000Z';

function setup() {
  db = openDatabase(`test-${crypto.randomUUID()}`);
  return createWorkspaceRepo(db);
}

async function storeMention(repo: ReturnType<typeof setup>, entityType: string) {
  const m = createMention(TEXT, { id: crypto.randomUUID(), documentId: 'd1', start: 11, end: 21, entityType, now: NOW });
  if (!m.ok) throw new Error(m.error.message);
  await repo.applyChange(change({ annotations: [[undefined, m.value]] }));
}

describe('saveSchema', () => {
  it('stores a valid schema and loads it back', async () => {
    const repo = setup();
    const renamed: LabelSchema = {
      ...DEFAULT_LABEL_SCHEMA,
      entityTypes: DEFAULT_LABEL_SCHEMA.entityTypes.map((d) => (d.id === 'person' ? { ...d, nameEn: 'Human' } : d)),
    };
    expect((await repo.saveSchema(renamed, NOW)).ok).toBe(true);
    expect((await repo.loadSchema()).entityTypes.find((d) => d.id === 'person')!.nameEn).toBe('Human');
  });

  it('refuses to drop a label that an annotation uses, and keeps the stored schema', async () => {
    const repo = setup();
    await storeMention(repo, 'event');
    const withoutEvent = { ...DEFAULT_LABEL_SCHEMA, entityTypes: DEFAULT_LABEL_SCHEMA.entityTypes.filter((d) => d.id !== 'event') };
    const result = await repo.saveSchema(withoutEvent, NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error[0]!.message).toContain('"event" is used by 1 annotation');
    expect((await repo.loadSchema()).entityTypes.map((d) => d.id)).toContain('event');
  });

  it('allows dropping a label nobody uses', async () => {
    const repo = setup();
    await storeMention(repo, 'person');
    const withoutEvent = { ...DEFAULT_LABEL_SCHEMA, entityTypes: DEFAULT_LABEL_SCHEMA.entityTypes.filter((d) => d.id !== 'event') };
    expect((await repo.saveSchema(withoutEvent, NOW)).ok).toBe(true);
    expect((await repo.loadSchema()).entityTypes.map((d) => d.id)).not.toContain('event');
  });

  it('refuses an invalid schema with every problem', async () => {
    const repo = setup();
    const bad = {
      ...DEFAULT_LABEL_SCHEMA,
      entityTypes: [
        { ...DEFAULT_LABEL_SCHEMA.entityTypes[0]!, color: 'red;}', key: '1' },
        { ...DEFAULT_LABEL_SCHEMA.entityTypes[1]!, key: '1' },
      ],
    };
    const result = await repo.saveSchema(bad, NOW);
    expect(result.ok ? [] : result.error.map((p) => p.code).sort()).toEqual(['bad-color', 'duplicate-key']);
    expect(await db.schemas.count()).toBe(0);
  });
});

describe('applyChange with a schema part', () => {
  const withMis = (): LabelSchema => ({
    ...DEFAULT_LABEL_SCHEMA,
    entityTypes: [
      ...DEFAULT_LABEL_SCHEMA.entityTypes,
      { id: 'mis1', nameEn: 'MIS1', nameAr: 'MIS1', color: '#123456', key: '', schemaType: 'schema:Thing', tag: 'MIS1' },
    ],
  });
  const mention = (entityType: string) => {
    const m = createMention(TEXT, { id: crypto.randomUUID(), documentId: 'd1', start: 11, end: 21, entityType, now: NOW });
    if (!m.ok) throw new Error(m.error.message);
    return m.value;
  };

  it('writes new labels and the annotations that use them in one transaction, and undoes both', async () => {
    const repo = setup();
    const m = mention('mis1');
    const c = change({ annotations: [[undefined, m]], schema: [DEFAULT_LABEL_SCHEMA, withMis()] });
    await repo.applyChange(c);
    expect((await repo.loadSchema()).entityTypes.map((d) => d.id)).toContain('mis1');
    expect(await db.annotations.count()).toBe(1);
    await repo.applyChange(invert(c));
    expect((await repo.loadSchema()).entityTypes.map((d) => d.id)).not.toContain('mis1');
    expect(await db.annotations.count()).toBe(0);
  });

  it('writes nothing when the new schema is refused: no labels without their annotations, nor the reverse', async () => {
    const repo = setup();
    await storeMention(repo, 'person');
    const bad = { ...withMis(), entityTypes: withMis().entityTypes.filter((d) => d.id !== 'person') };
    const c = change({ annotations: [[undefined, mention('mis1')]], schema: [DEFAULT_LABEL_SCHEMA, bad] });
    await expect(repo.applyChange(c)).rejects.toThrow(/person/);
    expect(await db.annotations.count()).toBe(1);
    expect((await repo.loadSchema()).entityTypes.map((d) => d.id)).toEqual(DEFAULT_LABEL_SCHEMA.entityTypes.map((d) => d.id));
  });
});
