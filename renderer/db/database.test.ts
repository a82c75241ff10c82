import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnnotationRecord } from '../../shared/model/annotation';
import { DEFAULT_LABEL_SCHEMA, type LabelSchema } from '../../shared/model/label-schema';
import { openDatabase, type HamishDatabase } from './database';

const NOW = '2026-11-23T10:00:00.000Z';
const V1_DOCS = [
  { id: 'd1', title: 'حفتر يطلب وقتا', text: 'حفتر يطلب وقتا\nنص المقال', sha256: 'a'.repeat(64), fileName: '002.txt', importedAt: NOW },
  { id: 'd2', title: 'ليبيا', text: 'ليبيا\nنص آخر', sha256: 'b'.repeat(64), fileName: 'ليبيا.txt', importedAt: '2026-11-23T10:00:01.000Z' },
];
const V1_MENTIONS = [
  { id: 'a1', documentId: 'd1', kind: 'mention', start: 0, end: 4, quote: 'حفتر', label: 'person', created: NOW, modified: NOW },
  { id: 'a2', documentId: 'd1', kind: 'mention', start: 15, end: 17, quote: 'نص', label: 'other', created: NOW, modified: '2026-11-23T10:05:00.000Z' },
  { id: 'a3', documentId: 'd2', kind: 'mention', start: 0, end: 5, quote: 'ليبيا', label: 'location', created: NOW, modified: NOW },
];

const names: string[] = [];
const open: Dexie[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) db.close();
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** A database as version 1 of the app left it: only the v1 stores and v1-shaped records. */
async function makeV1(docs: object[], mentions: object[]): Promise<string> {
  const name = `v1-${crypto.randomUUID()}`;
  names.push(name);
  const v1 = new Dexie(name);
  v1.version(1).stores({ documents: 'id, &sha256, importedAt', annotations: 'id, documentId, [documentId+start]' });
  await v1.table('documents').bulkAdd(docs);
  await v1.table('annotations').bulkAdd(mentions);
  v1.close();
  return name;
}

function reopen(name: string): HamishDatabase {
  const db = openDatabase(name);
  open.push(db);
  return db;
}

describe('HamishDatabase upgrade from v1', () => {
  it('gives documents a status and metadata, keeping every other field', async () => {
    const db = reopen(await makeV1(V1_DOCS, V1_MENTIONS));
    const docs = await db.documents.orderBy('id').toArray();
    expect(docs).toStrictEqual(V1_DOCS.map((d) => ({ ...d, status: 'new', meta: {} })));
    expect(await db.documents.where('status').equals('new').count()).toBe(2);
    expect(await db.documents.where('sha256').equals('b'.repeat(64)).first()).toMatchObject({ id: 'd2' });
  });

  it('renames the mention label to entityType, keeping every other field and the count', async () => {
    const db = reopen(await makeV1(V1_DOCS, V1_MENTIONS));
    const anns = await db.annotations.orderBy('id').toArray();
    expect(anns).toStrictEqual(V1_MENTIONS.map(({ label, ...rest }) => ({ ...rest, entityType: label })));
    for (const a of anns) expect(a).not.toHaveProperty('label');
    expect(await db.annotations.where('kind').equals('mention').count()).toBe(3);
    const inD1 = await db.annotations.where('[documentId+start]').between(['d1', -Infinity], ['d1', Infinity]).toArray();
    expect(inD1.map((a) => a.id)).toEqual(['a1', 'a2']);
  });

  it('creates the entities, schemas, packs and meta tables, empty and usable', async () => {
    const db = reopen(await makeV1(V1_DOCS, V1_MENTIONS));
    expect(db.verno).toBe(5);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['annotations', 'documents', 'entities', 'meta', 'packs', 'schemas']);
    expect(await db.entities.count()).toBe(0);
    expect(await db.schemas.count()).toBe(0);
    expect(await db.packs.count()).toBe(0);
    expect(await db.meta.get('commit')).toBeUndefined();
    await db.entities.add({ id: 'e1', name: 'خليفة حفتر', entityType: 'person', aliases: [], created: NOW, modified: NOW });
    await db.annotations.put({ ...(await db.annotations.get('a1'))!, entityId: 'e1' } as AnnotationRecord);
    expect((await db.annotations.where('entityId').equals('e1').toArray()).map((a) => a.id)).toEqual(['a1']);
  });

  it('upgrades an empty v1 database', async () => {
    const db = reopen(await makeV1([], []));
    expect([await db.documents.count(), await db.annotations.count(), await db.entities.count()]).toEqual([0, 0, 0]);
  });

  it('keeps the upgraded records on the next opening', async () => {
    const name = await makeV1(V1_DOCS, V1_MENTIONS);
    const first = reopen(name);
    await first.documents.update('d1', { status: 'done' });
    first.close();
    const second = reopen(name);
    expect((await second.documents.get('d1'))?.status).toBe('done');
    expect(await second.annotations.count()).toBe(3);
    expect(await second.annotations.get('a3')).toMatchObject({ entityType: 'location' });
  });

  it('opens a fresh database at version 5 with all six tables', async () => {
    const name = `fresh-${crypto.randomUUID()}`;
    names.push(name);
    const db = reopen(name);
    await db.open();
    expect(db.verno).toBe(5);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['annotations', 'documents', 'entities', 'meta', 'packs', 'schemas']);
  });
});

describe('HamishDatabase upgrade from v2', () => {
  it('moves stored label colours still at the old default to the new palette, keeping chosen ones', async () => {
    const name = `v2-${crypto.randomUUID()}`;
    names.push(name);
    const v2 = new Dexie(name);
    v2.version(2).stores({
      documents: 'id, &sha256, importedAt, status',
      annotations: 'id, documentId, [documentId+start], kind, entityId, claimantEntityId',
      entities: 'id, name',
      schemas: 'id',
    });
    const old = (layer: keyof LabelSchema, colors: string[]) => DEFAULT_LABEL_SCHEMA[layer].map((d, i) => ({ ...d, color: colors[i] ?? '#000000' }));
    const row = {
      id: 'corpus',
      modified: NOW,
      entityTypes: old('entityTypes', ['#f2a65a', '#0a0b0c', '#7bc47f']),
      claimStances: old('claimStances', ['#7a3ea1']),
      sourceTypes: old('sourceTypes', ['#0f7b6c']),
    };
    await v2.table('schemas').put(row);
    await v2.table('documents').bulkAdd(V1_DOCS.map((d) => ({ ...d, status: 'new', meta: {} })));
    v2.close();

    const db = reopen(name);
    expect(db.verno).toBe(5);
    const stored = (await db.schemas.get('corpus'))!;
    expect(stored.entityTypes.slice(0, 3).map((d) => d.color)).toEqual(['#ff8d00', '#0a0b0c', '#51d06e']);
    expect(stored.entityTypes[3]!.color).toBe('#000000');
    expect(stored.claimStances[0]!.color).toBe('#511081');
    expect(stored.sourceTypes[0]!.color).toBe('#084f49');
    expect(stored.modified).toBe(NOW);
    expect(await db.documents.count()).toBe(2);
  });
});
