import { expect, test, type Page } from './fixtures';
import { DEFAULT_LABEL_SCHEMA } from '../../shared/model/label-schema';
import { V3_DEFAULT_COLORS } from '../../shared/schema/migrations';
import { dumpTables } from './workspace-state';

// TRUST.md F8: databases as every earlier schema version left them, written with the bare IndexedDB API in the
// browser (Dexie stores version n as IndexedDB version n × 10), are opened by this build: every record is there,
// in today's shape. F6: while an old window holds the v1 database open and ignores `versionchange`, the app says to
// close it within 2 s, and completes the upgrade once it is closed.

const T = '2026-11-23T10:00:00.000Z';
const TEXT = 'قال غسان سلامة إن اللجنة ستجتمع.\nنص ثان';
const DOC_V1 = { id: 'd1', title: 'قال غسان سلامة إن اللجنة ستجتمع.', text: TEXT, sha256: 'a'.repeat(64), fileName: 'a.txt', importedAt: T };
const at = (q: string) => ({ start: TEXT.indexOf(q), end: TEXT.indexOf(q) + q.length, quote: q });
const MENTION_V1 = { id: 'a1', documentId: 'd1', kind: 'mention', ...at('غسان سلامة'), label: 'person', created: T, modified: T };
const MENTION = { ...Object.fromEntries(Object.entries(MENTION_V1).filter(([k]) => k !== 'label')), entityType: 'person' };
const CLAIM = { id: 'a2', documentId: 'd1', kind: 'claim', ...at('اللجنة ستجتمع'), stance: 'asserted', claimantId: 'a1', created: T, modified: T };
const DOC = { ...DOC_V1, status: 'in-progress', meta: { publisher: 'الجزيرة نت' } };
const ENTITY = { id: 'e1', name: 'غسان سلامة', entityType: 'person', aliases: ['سلامة'], externalId: 'Q5553617', created: T, modified: T };
/** The label schema as v2 stored it: the shipped labels with v2's default colour for Person, one colour of the user's. */
const SCHEMA_V2 = {
  ...DEFAULT_LABEL_SCHEMA,
  id: 'corpus',
  modified: T,
  entityTypes: DEFAULT_LABEL_SCHEMA.entityTypes.map((l) =>
    l.id === 'person' ? { ...l, color: '#f2a65a' } : l.id === 'event' ? { ...l, color: '#123456' } : l,
  ),
};
const SCHEMA_V3 = {
  ...SCHEMA_V2,
  entityTypes: SCHEMA_V2.entityTypes.map((l) => (l.id === 'person' ? { ...l, color: V3_DEFAULT_COLORS.entityTypes!.person } : l)),
};

type Stores = Record<string, { keyPath: string; indexes: Array<[string, string | string[], boolean?]> }>;
const V1_STORES: Stores = {
  documents: {
    keyPath: 'id',
    indexes: [
      ['sha256', 'sha256', true],
      ['importedAt', 'importedAt'],
    ],
  },
  annotations: {
    keyPath: 'id',
    indexes: [
      ['documentId', 'documentId'],
      ['[documentId+start]', ['documentId', 'start']],
    ],
  },
};
const V2_STORES: Stores = {
  documents: { keyPath: 'id', indexes: [...V1_STORES.documents!.indexes, ['status', 'status']] },
  annotations: {
    keyPath: 'id',
    indexes: [...V1_STORES.annotations!.indexes, ['kind', 'kind'], ['entityId', 'entityId'], ['claimantEntityId', 'claimantEntityId']],
  },
  entities: { keyPath: 'id', indexes: [['name', 'name']] },
  schemas: { keyPath: 'id', indexes: [] },
};
const V4_STORES: Stores = { ...V2_STORES, packs: { keyPath: 'documentId', indexes: [] } };

const VERSIONS: Array<{ version: number; stores: Stores; rows: Record<string, object[]> }> = [
  { version: 1, stores: V1_STORES, rows: { documents: [DOC_V1], annotations: [MENTION_V1] } },
  { version: 2, stores: V2_STORES, rows: { documents: [DOC], annotations: [MENTION, CLAIM], entities: [ENTITY], schemas: [SCHEMA_V2] } },
  { version: 3, stores: V2_STORES, rows: { documents: [DOC], annotations: [MENTION, CLAIM], entities: [ENTITY], schemas: [SCHEMA_V3] } },
  { version: 4, stores: V4_STORES, rows: { documents: [DOC], annotations: [MENTION, CLAIM], entities: [ENTITY], schemas: [SCHEMA_V3], packs: [] } },
];

/** Write the database as that version left it; with `hold`, keep the connection open and deaf to `versionchange`. */
async function writeOld(page: Page, version: number, stores: Stores, rows: Record<string, object[]>, hold: boolean): Promise<void> {
  await page.evaluate(
    async ({ version, stores, rows, hold }) => {
      await new Promise((resolve, reject) => {
        const del = indexedDB.deleteDatabase('hamish');
        del.onsuccess = resolve;
        del.onerror = () => reject(del.error);
      });
      const open = indexedDB.open('hamish', version * 10);
      open.onupgradeneeded = () => {
        for (const [name, { keyPath, indexes }] of Object.entries(stores)) {
          const store = open.result.createObjectStore(name, { keyPath });
          for (const [index, path, unique] of indexes) store.createIndex(index, path, { unique: !!unique });
          for (const row of rows[name] ?? []) store.put(row);
        }
      };
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      if (hold) (window as unknown as { held: IDBDatabase }).held = db;
      else db.close();
    },
    { version, stores, rows, hold },
  );
}

for (const { version, stores, rows } of VERSIONS) {
  test(`F8${version === 1 ? ' and F6' : ''}: a database of schema v${version} opens with every record, in today’s shape`, async ({ page, context }) => {
    // An old window of the same origin (not the app) writes the old database.
    const old = await context.newPage();
    await old.goto('/favicon.png');
    await writeOld(old, version, stores, rows, version === 1);

    await page.goto('/');
    if (version === 1) {
      await expect(page.getByRole('alert')).toHaveText(/Another Hamish window is still open with an older version\. Close it to go on\./, { timeout: 2000 });
      await old.evaluate(() => (window as unknown as { held: IDBDatabase }).held.close());
    }
    await expect(page.getByRole('button', { name: 'Import articles…' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Documents' }).getByRole('listitem')).toHaveCount(1);

    const tables = await dumpTables(page);
    if (version === 1) {
      expect(tables.documents).toEqual([{ ...DOC_V1, status: 'new', meta: {} }]);
      expect(tables.annotations).toEqual([MENTION]);
      expect([tables.entities, tables.schemas]).toEqual([[], []]);
    } else {
      expect(tables.documents).toEqual([DOC]);
      expect(tables.annotations).toEqual([MENTION, CLAIM]);
      expect(tables.entities).toEqual([ENTITY]);
      // v2's default colour for Person becomes v3's; the user's own colour for Event stays.
      expect(tables.schemas).toEqual([SCHEMA_V3]);
    }
  });
}
