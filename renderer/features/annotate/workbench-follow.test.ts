import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importTxt } from '../../../shared/formats/txt/import-txt';
import { createMention, type AnnotationRecord, type ClaimRecord, type MentionRecord } from '../../../shared/model/annotation';
import { addAnnotation, linkClaim, relabel, remove, type Layer } from '../../../shared/model/commands';
import type { DocumentRecord } from '../../../shared/model/document';
import { change } from '../../../shared/model/edits';
import type { KbEntity } from '../../../shared/model/kb-entity';
import { DEFAULT_LABEL_SCHEMA } from '../../../shared/model/label-schema';
import { NEWS_DIR } from '../../../tests/support/paths';
import { createAnnotationsRepo } from '../../db/annotations-repo';
import { openDatabase, type HamishDatabase } from '../../db/database';
import { createDocumentsRepo } from '../../db/documents-repo';
import { PACK_MIN } from '../../db/packs';
import { createWorkspaceRepo } from '../../db/workspace-repo';
import { Workbench, type WorkbenchRepos } from './workbench';

// Two windows on one profile: two connections to one database, each with its workbench, as the app has.
const NOW = '2026-11-23T10:00:00.000Z';
let name: string;
let doc: DocumentRecord;
let other: DocumentRecord;
const closers: (() => Promise<void> | void)[] = [];
let ids = 0;
const newId = () => `id-${++ids}`;

function reposOf(db: HamishDatabase): WorkbenchRepos {
  return {
    documents: createDocumentsRepo(db),
    annotations: createAnnotationsRepo(db),
    workspace: createWorkspaceRepo(db),
  };
}

/** A window: its own connection and workbench, the document open. */
async function window(afterPaint?: () => Promise<void>, wrap: (r: WorkbenchRepos) => WorkbenchRepos = (r) => r) {
  const db = openDatabase(name);
  const repos = wrap(reposOf(db));
  const wb = new Workbench(repos, afterPaint);
  closers.push(() => {
    wb.dispose();
    db.close();
  });
  await wb.load();
  await wb.open(doc.id);
  return { wb, repos };
}

beforeEach(async () => {
  name = `follow-${crypto.randomUUID()}`;
  const db = openDatabase(name);
  const files = readdirSync(NEWS_DIR).filter((f) => f.startsWith('002_') || f.startsWith('003_'));
  const records = files.sort().map((f): DocumentRecord => {
    const bytes = readFileSync(`${NEWS_DIR}${f}`);
    const r = importTxt({ name: f, size: bytes.length, bytes });
    if (!r.ok) throw new Error(r.error.message);
    return { ...r.value, id: newId(), importedAt: NOW, status: 'new', meta: {} };
  });
  await reposOf(db).workspace.applyChange(change({ documents: records.map((d) => [undefined, d] as const) }));
  [doc, other] = records as [DocumentRecord, DocumentRecord];
  closers.push(async () => {
    db.close();
    await db.delete();
  });
});
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

const span = (quote: string) => ({ start: doc.text.indexOf(quote), end: doc.text.indexOf(quote) + quote.length });
const ctx = (wb: Workbench) => ({ ...wb.getSnapshot(), document: wb.getSnapshot().document!, newId, now: () => NOW });
function mark<T extends AnnotationRecord>(wb: Workbench, layer: Layer, quote: string, label: string): T {
  const r = addAnnotation(ctx(wb), layer, span(quote), label);
  if (!r.ok) throw new Error(r.error.message);
  wb.apply(r.value.change);
  return r.value.record as T;
}
const byStart = (list: readonly AnnotationRecord[]) => [...list].sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
const shownIn = (wb: Workbench) => byStart(wb.getSnapshot().annotations);
/** Within a second, as the app must show another window's edit. */
const soon = (check: () => void) => vi.waitFor(check, { timeout: 1000, interval: 10 });

describe('A workbench follows what another window stores', () => {
  it('corrects, just after the open, a pack that a writer unaware of packs left stale', async () => {
    const db = openDatabase(name);
    closers.push(() => db.close());
    const workspace = createWorkspaceRepo(db);
    const at = span('خليفة حفتر');
    const many = Array.from({ length: PACK_MIN }, (_, i) => {
      const m = createMention(doc.text, { id: `m-${String(i).padStart(5, '0')}`, documentId: doc.id, ...at, entityType: 'person', now: NOW });
      if (!m.ok) throw new Error(m.error.message);
      return m.value;
    });
    await workspace.applyChange(change({ annotations: many.map((m) => [undefined, m] as const) }));
    const first = await window();
    await vi.waitFor(async () => expect(await db.packs.get(doc.id)).toBeDefined(), { timeout: 5000 });
    first.wb.dispose();
    // Written while no Hamish of this build watches (an older build after a downgrade): the pack is not dropped.
    await db.annotations.delete(many[0]!.id);
    const { wb } = await window();
    await soon(() => expect(shownIn(wb).map((a) => a.id)).toEqual(many.slice(1).map((m) => m.id)));
    expect(await db.packs.get(doc.id)).toBeUndefined();
  });

  it('shows an annotation the other window adds, edits and deletes in the open document, and stays equal to the store', async () => {
    const [a, b] = [await window(), await window()];
    const m = mark<MentionRecord>(a.wb, 'mention', 'خليفة حفتر', 'person');
    await soon(() => expect(shownIn(b.wb)).toEqual([m]));

    a.wb.apply(relabel({ ...ctx(a.wb), now: () => '2026-11-23T11:00:00.000Z' }, m, 'gpe'));
    await soon(() => expect(shownIn(b.wb)).toEqual([{ ...m, entityType: 'gpe', modified: '2026-11-23T11:00:00.000Z' }]));

    a.wb.apply(remove(ctx(a.wb), shownIn(a.wb)[0]!));
    await soon(() => expect(shownIn(b.wb)).toEqual([]));
    expect(await b.repos.annotations.listByDocument(doc.id)).toEqual([]);
  });

  it('reads the whole document back after a write too large for Dexie to name its records', async () => {
    const [a, b] = [await window(), await window()];
    const words = [...doc.text.matchAll(/[\u0621-\u064a]{4,}/g)].slice(0, 60);
    const made = words.map((w) => {
      const m = createMention(doc.text, { id: newId(), documentId: doc.id, start: w.index, end: w.index + w[0].length, entityType: 'person', now: NOW });
      if (!m.ok) throw new Error(m.error.message);
      return m.value;
    });
    expect(made).toHaveLength(60);
    a.wb.apply(change({ annotations: made.map((m) => [undefined, m] as const) }));
    await soon(() => expect(shownIn(b.wb)).toEqual(byStart(made)));
    a.wb.undo();
    await soon(() => expect(shownIn(b.wb)).toEqual([]));
  });

  it('ignores the other window’s edits of another document', async () => {
    const [a, b] = [await window(), await window()];
    await a.wb.open(other.id);
    const r = addAnnotation({ ...ctx(a.wb), document: other }, 'mention', { start: 0, end: other.text.indexOf(' ') }, 'person');
    if (!r.ok) throw new Error(r.error.message);
    const before = b.wb.getContentSnapshot();
    a.wb.apply(r.value.change);
    await a.wb.whenSaved();
    await new Promise((done) => setTimeout(done, 50));
    expect(b.wb.getContentSnapshot()).toBe(before);
  });

  it('follows the KB entities, the label schema and the open document’s status', async () => {
    const [a, b] = [await window(), await window()];
    const entity: KbEntity = { id: 'e1', name: 'خليفة حفتر', entityType: 'person', aliases: [], created: NOW, modified: NOW };
    a.wb.apply(change({ entities: [[undefined, entity]] }));
    await soon(() => expect(b.wb.getSnapshot().entities).toEqual([entity]));

    const schema = { ...DEFAULT_LABEL_SCHEMA, entityTypes: DEFAULT_LABEL_SCHEMA.entityTypes.map((t) => (t.id === 'person' ? { ...t, nameEn: 'Human' } : t)) };
    a.wb.apply(change({ schema: [DEFAULT_LABEL_SCHEMA, schema] }));
    await soon(() => expect(b.wb.getSnapshot().schema).toEqual(schema));

    a.wb.apply(change({ documents: [[doc, { ...doc, status: 'done' }]] }));
    await soon(() => expect(b.wb.getSnapshot().document).toEqual({ ...doc, status: 'done' }));
  });

  it('closes the open document when the other window removes it (undoing its import), once nothing annotates it', async () => {
    const [a, b] = [await window(), await window()];
    const added: DocumentRecord = { ...doc, id: 'doc-imported', sha256: 'f'.repeat(64), fileName: 'imported.txt' };
    a.wb.apply(change({ documents: [[undefined, added]] }));
    await a.wb.whenSaved();
    await b.wb.open(added.id);
    const m = mark(b.wb, 'mention', 'خليفة حفتر', 'person');
    await b.wb.whenSaved();
    // A's undo would leave B's mark pointing nowhere: refused, nothing written, B keeps the document and its mark.
    a.wb.undo();
    await a.wb.whenSaved();
    expect(a.wb.getSnapshot().save).toMatchObject({ status: 'failed', message: expect.stringContaining('still have 1 annotation') });
    expect(b.wb.getSnapshot()).toMatchObject({ document: { id: added.id }, annotations: [m] });
    // Once B has undone its mark, A's undo (kept on its stack) removes the document, and B closes it.
    b.wb.undo();
    await b.wb.whenSaved();
    a.wb.undo();
    await a.wb.whenSaved();
    expect(a.wb.getSnapshot().save).toEqual({ status: 'saved' });
    await soon(() => expect(b.wb.getSnapshot()).toMatchObject({ document: null, annotations: [], canUndo: false, canRedo: false }));
  });

  it('never hides an edit of its own that is not written yet, and adopts the other window’s once it is', async () => {
    let paint!: () => void;
    const a = await window();
    const b = await window(() => new Promise<void>((r) => (paint = r)));
    const mine = mark(b.wb, 'mention', 'الجيش الليبي', 'organisation');
    let hidden = false;
    b.wb.subscribe(() => (hidden ||= !b.wb.getSnapshot().annotations.some((x) => x.id === mine.id)));
    const theirs = mark(a.wb, 'mention', 'خليفة حفتر', 'person');
    await a.wb.whenSaved();
    await new Promise((done) => setTimeout(done, 50));
    // B's edit waits for its paint: what B shows is its own edit, not the store (which lacks it).
    expect(shownIn(b.wb)).toEqual([mine]);
    paint();
    await b.wb.whenSaved();
    await soon(() => expect(shownIn(b.wb)).toEqual(byStart([mine, theirs])));
    expect(byStart(await b.repos.annotations.listByDocument(doc.id))).toEqual(shownIn(b.wb));
    expect(hidden).toBe(false);
    expect(b.wb.getSnapshot().canUndo).toBe(true); // the two edits touch different records
  });

  it('reads back only the records its own edits wrote, never the whole document', async () => {
    const getMany = vi.fn();
    const listByDocument = vi.fn();
    const forOpen = vi.fn();
    const { wb } = await window(undefined, (r) => ({
      ...r,
      annotations: {
        ...r.annotations,
        getMany: (ids: readonly string[]) => (getMany(ids), r.annotations.getMany(ids)),
        listByDocument: (id: string) => (listByDocument(id), r.annotations.listByDocument(id)),
        forOpen: (id: string) => (forOpen(id), r.annotations.forOpen(id)),
      },
    }));
    expect([forOpen.mock.calls.length, listByDocument.mock.calls.length]).toEqual([1, 0]); // opening the document
    const m = mark(wb, 'mention', 'خليفة حفتر', 'person');
    await wb.whenSaved();
    mark(wb, 'claim', 'طلب وقتا', 'reported');
    await wb.whenSaved();
    await soon(() => expect(getMany).toHaveBeenCalledTimes(2));
    expect(getMany.mock.calls[0]).toEqual([[m.id]]);
    expect([forOpen.mock.calls.length, listByDocument.mock.calls.length]).toEqual([1, 0]);
    const before = wb.getContentSnapshot();
    await new Promise((done) => setTimeout(done, 50));
    expect(wb.getContentSnapshot()).toBe(before); // what was read back equals what is shown: nothing renders again
  });
});

describe('Undo after another window’s change', () => {
  it('drops the steps that wrote a record the other window changed, keeps the others, and never overwrites its edit', async () => {
    const [a, b] = [await window(), await window()];
    const m = mark<MentionRecord>(b.wb, 'mention', 'خليفة حفتر', 'person');
    const s = mark(b.wb, 'source', 'الجيش الليبي', 'official-body');
    await b.wb.whenSaved();
    await soon(() => expect(shownIn(a.wb)).toHaveLength(2));
    a.wb.apply(
      relabel(
        { ...ctx(a.wb), now: () => '2026-11-23T11:00:00.000Z' },
        shownIn(a.wb).find((x) => x.id === m.id)!,
        'gpe',
      ),
    );
    await soon(() => expect(b.wb.getSnapshot().annotations.find((x) => x.id === m.id)).toMatchObject({ entityType: 'gpe' }));

    // B's first step made the mention A has just relabelled: undoing it would delete A's edit. Its second step stays.
    b.wb.undo();
    await b.wb.whenSaved();
    expect(shownIn(b.wb).map((x) => x.id)).toEqual([m.id]);
    expect(b.wb.getSnapshot()).toMatchObject({ canUndo: false, canRedo: true });
    b.wb.undo(); // nothing left to undo
    await b.wb.whenSaved();
    expect(await b.repos.annotations.listByDocument(doc.id)).toEqual([{ ...m, entityType: 'gpe', modified: '2026-11-23T11:00:00.000Z' }]);
    b.wb.redo();
    await b.wb.whenSaved();
    expect(byStart(await b.repos.annotations.listByDocument(doc.id)).map((x) => x.id)).toEqual(byStart([m, s]).map((x) => x.id));
  });

  it('drops a step whose undo would delete a record the other window now links to', async () => {
    const [a, b] = [await window(), await window()];
    const m = mark<MentionRecord>(b.wb, 'mention', 'خليفة حفتر', 'person');
    await soon(() => expect(shownIn(a.wb)).toHaveLength(1));
    const claim = mark<ClaimRecord>(a.wb, 'claim', 'طلب وقتا', 'reported');
    const linked = linkClaim(
      ctx(a.wb),
      claim,
      shownIn(a.wb).find((x) => x.id === m.id)!,
    );
    if (!linked.ok) throw new Error(linked.error.message);
    a.wb.apply(linked.value.change);
    await soon(() => expect(b.wb.getSnapshot().annotations.find((x) => x.id === claim.id)).toMatchObject({ claimantId: m.id }));
    expect(b.wb.getSnapshot().canUndo).toBe(false);
  });

  it('clears both stacks when the other window changes the label schema', async () => {
    const [a, b] = [await window(), await window()];
    mark(b.wb, 'mention', 'خليفة حفتر', 'person');
    b.wb.undo();
    mark(b.wb, 'source', 'الجيش الليبي', 'official-body');
    await b.wb.whenSaved();
    expect(b.wb.getSnapshot()).toMatchObject({ canUndo: true, canRedo: false });
    const schema = { ...DEFAULT_LABEL_SCHEMA, claimStances: DEFAULT_LABEL_SCHEMA.claimStances.map((t) => ({ ...t, color: t.color })) };
    schema.claimStances[0] = { ...schema.claimStances[0]!, nameEn: 'Said' };
    a.wb.apply(change({ schema: [DEFAULT_LABEL_SCHEMA, schema] }));
    await soon(() => expect(b.wb.getSnapshot()).toMatchObject({ schema, canUndo: false, canRedo: false }));
    expect(b.wb.getSnapshot().annotations).toHaveLength(1); // nothing stored or shown is lost
  });
});
