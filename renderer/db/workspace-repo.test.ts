import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { importTxt } from '../../shared/formats/txt/import-txt';
import { createMention } from '../../shared/model/annotation';
import type { DocumentRecord } from '../../shared/model/document';
import { change, invert } from '../../shared/model/edits';
import { DEFAULT_LABEL_SCHEMA, type LabelSchema } from '../../shared/model/label-schema';
import { NEWS_DIR } from '../../tests/support/paths';
import { openDatabase, type HamishDatabase } from './database';
import { ChangeRefused, createWorkspaceRepo } from './workspace-repo';

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

/** The schema part of a change (the only way the schema is written), from the stored schema to `next`. */
async function saveSchema(repo: ReturnType<typeof setup>, next: LabelSchema) {
  return repo.applyChange(change({ schema: [await repo.loadSchema(), next] })).then(
    () => ({ ok: true as const }),
    (err: unknown) => {
      if (!(err instanceof ChangeRefused)) throw err;
      return { ok: false as const, error: err.problems };
    },
  );
}

describe('a change of the label schema', () => {
  it('stores a valid schema and loads it back', async () => {
    const repo = setup();
    const renamed: LabelSchema = {
      ...DEFAULT_LABEL_SCHEMA,
      entityTypes: DEFAULT_LABEL_SCHEMA.entityTypes.map((d) => (d.id === 'person' ? { ...d, nameEn: 'Human' } : d)),
    };
    expect((await saveSchema(repo, renamed)).ok).toBe(true);
    expect((await repo.loadSchema()).entityTypes.find((d) => d.id === 'person')!.nameEn).toBe('Human');
  });

  it('refuses to drop a label that an annotation uses, and keeps the stored schema', async () => {
    const repo = setup();
    await storeMention(repo, 'event');
    const withoutEvent = { ...DEFAULT_LABEL_SCHEMA, entityTypes: DEFAULT_LABEL_SCHEMA.entityTypes.filter((d) => d.id !== 'event') };
    const result = await saveSchema(repo, withoutEvent);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error[0]!.message).toContain('"event" is used by 1 annotation');
    expect((await repo.loadSchema()).entityTypes.map((d) => d.id)).toContain('event');
  });

  it('allows dropping a label nobody uses', async () => {
    const repo = setup();
    await storeMention(repo, 'person');
    const withoutEvent = { ...DEFAULT_LABEL_SCHEMA, entityTypes: DEFAULT_LABEL_SCHEMA.entityTypes.filter((d) => d.id !== 'event') };
    expect((await saveSchema(repo, withoutEvent)).ok).toBe(true);
    expect((await repo.loadSchema()).entityTypes.map((d) => d.id)).not.toContain('event');
  });

  it('refuses an invalid schema with every problem, each with its code and JSON pointer', async () => {
    const repo = setup();
    const bad = {
      ...DEFAULT_LABEL_SCHEMA,
      entityTypes: [
        { ...DEFAULT_LABEL_SCHEMA.entityTypes[0]!, color: 'red;}', key: '1' },
        { ...DEFAULT_LABEL_SCHEMA.entityTypes[1]!, key: '1' },
      ],
    };
    const result = await saveSchema(repo, bad);
    expect(result.ok ? [] : result.error.map((p) => p.code).sort()).toEqual(['bad-color', 'duplicate-key']);
    expect(result.ok ? [] : result.error.map((p) => p.pointer).sort()).toEqual(expect.arrayContaining(['/entityTypes/0/color']));
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

describe('applyChange adding documents', () => {
  const news = (file: string, id: string): DocumentRecord => {
    const bytes = readFileSync(`${NEWS_DIR}${file}`);
    const r = importTxt({ name: file, size: bytes.length, bytes });
    if (!r.ok) throw new Error(r.error.message);
    return { id, importedAt: NOW, ...r.value, status: 'new', meta: {} };
  };
  const adding = (...docs: DocumentRecord[]) => change({ documents: docs.map((d) => [undefined, d] as const) });
  const storedIds = async () => (await db.documents.toArray()).map((d) => d.id).sort();

  it('leaves out, when asked, the texts already stored or added earlier in the change, and says under which title', async () => {
    const repo = setup();
    const a = news('000_d8c24643563608ab.txt', 'a');
    const b = news('002_1243eb3aa8ecf769.txt', 'b');
    await repo.applyChange(adding(a));
    const again = { ...a, id: 'a2', fileName: 'again.txt' };
    const copy = { ...b, id: 'b2', fileName: 'copy.txt', title: 'another first line' };
    const applied = await repo.applyChange(adding(again, b, copy), { skipStoredDocuments: true });
    expect(applied.change).toEqual(adding(b));
    expect(applied.skipped).toEqual([
      { document: again, existingTitle: a.title },
      { document: copy, existingTitle: b.title },
    ]);
    expect(await storedIds()).toEqual(['a', 'b']);
  });

  it('otherwise refuses a change that adds a stored text, and writes none of it', async () => {
    const repo = setup();
    const a = news('000_d8c24643563608ab.txt', 'a');
    await repo.applyChange(adding(a));
    const b = news('003_e3d42777f53ff652.txt', 'b');
    await expect(repo.applyChange(adding(b, { ...a, id: 'a2' }))).rejects.toThrow(/ConstraintError/);
    expect(await storedIds()).toEqual(['a']);
  });

  it('will not skip a document the same change annotates (its annotations would point nowhere)', async () => {
    const repo = setup();
    const a = news('000_d8c24643563608ab.txt', 'a');
    await repo.applyChange(adding(a));
    const m = createMention(a.text, { id: 'm1', documentId: 'a2', start: 0, end: 3, entityType: 'person', now: NOW });
    if (!m.ok) throw new Error(m.error.message);
    const c = change({ documents: [[undefined, { ...a, id: 'a2' }]], annotations: [[undefined, m.value]] });
    await expect(repo.applyChange(c, { skipStoredDocuments: true })).rejects.toThrow(/annotates/);
    expect(await db.annotations.count()).toBe(0);
  });

  it('replaces a document by one with the same text under another id in one change (a restore), and undoes it', async () => {
    const repo = setup();
    const a = news('000_d8c24643563608ab.txt', 'a');
    await repo.applyChange(adding(a));
    const swap = change({
      documents: [
        [a, undefined],
        [undefined, { ...a, id: 'a-from-backup' }],
      ],
    });
    await repo.applyChange(swap);
    expect(await storedIds()).toEqual(['a-from-backup']);
    await repo.applyChange(invert(swap));
    expect(await storedIds()).toEqual(['a']);
  });

  it('refuses to remove a document that still has annotations (made in another window after the import), writing nothing', async () => {
    const repo = setup();
    const a = news('000_d8c24643563608ab.txt', 'a');
    const b = news('002_1243eb3aa8ecf769.txt', 'b');
    const imported = adding(a, b);
    await repo.applyChange(imported);
    const m = createMention(b.text, { id: 'm1', documentId: 'b', start: 0, end: 3, entityType: 'person', now: NOW });
    if (!m.ok) throw new Error(m.error.message);
    await createWorkspaceRepo(db).applyChange(change({ annotations: [[undefined, m.value]] }));
    await expect(repo.applyChange(invert(imported))).rejects.toThrow('the documents to remove still have 1 annotation');
    expect(await storedIds()).toEqual(['a', 'b']);
    // With the annotation taken back first, as the undo stack orders it, the documents go.
    await repo.applyChange(change({ annotations: [[m.value, undefined]] }));
    await repo.applyChange(invert(imported));
    expect(await storedIds()).toEqual([]);
  });
});
