import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importTxt } from '../../../shared/formats/txt/import-txt';
import type { AnnotationRecord, ClaimRecord, MentionRecord, SourceRecord } from '../../../shared/model/annotation';
import type { DocumentRecord } from '../../../shared/model/document';
import { change } from '../../../shared/model/edits';
import { NEWS_DIR } from '../../../tests/support/paths';
import { createAnnotationsRepo } from '../../db/annotations-repo';
import { openDatabase, type HamishDatabase } from '../../db/database';
import { createDocumentsRepo, type DocumentsRepo } from '../../db/documents-repo';
import { createWorkspaceRepo } from '../../db/workspace-repo';
import { acceptCandidates, findCandidates } from '../../../shared/model/apply-all';
import { addAnnotation, linkClaim, relabel, remove, type Ctx, type Layer } from '../../../shared/model/commands';
import { Workbench } from './workbench';

const FILES = readdirSync(NEWS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const NOW = '2026-11-23T10:00:00.000Z';

let db: HamishDatabase;
let name: string;
let docs: DocumentRecord[];
let d2: DocumentRecord;
let wb: Workbench;
let repos: { documents: DocumentsRepo; annotations: ReturnType<typeof createAnnotationsRepo>; workspace: ReturnType<typeof createWorkspaceRepo> };
let ids = 0;
const newId = () => `id-${++ids}`;

beforeEach(async () => {
  name = `wb-${crypto.randomUUID()}`;
  db = openDatabase(name);
  docs = FILES.map((f, n): DocumentRecord => {
    const bytes = readFileSync(`${NEWS_DIR}${f}`);
    const r = importTxt({ name: f, size: bytes.length, bytes });
    if (!r.ok) throw new Error(r.error.message);
    return { id: `doc-${n}`, importedAt: NOW, ...r.value, status: 'new', meta: {} };
  });
  d2 = docs.find((d) => d.fileName.startsWith('002_'))!;
  repos = { documents: createDocumentsRepo(db), annotations: createAnnotationsRepo(db), workspace: createWorkspaceRepo(db) };
  await repos.workspace.applyChange(change({ documents: docs.map((d) => [undefined, d] as const) }));
  wb = new Workbench(repos);
  await wb.load();
  await wb.open(d2.id);
});
afterEach(async () => {
  wb.dispose();
  db.close();
  await db.delete();
});

const ctx = (): Ctx => ({
  document: wb.getSnapshot().document!,
  annotations: wb.getSnapshot().annotations,
  schema: wb.getSnapshot().schema,
  newId,
  now: () => NOW,
});
const spanOf = (quote: string, from = 0) => ({ start: d2.text.indexOf(quote, from), end: d2.text.indexOf(quote, from) + quote.length });
function create<T extends AnnotationRecord>(layer: Layer, quote: string, label: string): T {
  const r = addAnnotation(ctx(), layer, spanOf(quote), label);
  if (!r.ok) throw new Error(r.error.message);
  wb.apply(r.value.change);
  return r.value.record as T;
}
const shown = () => wb.getSnapshot().annotations;
const stored = async (docId = d2.id) => (await repos.annotations.listByDocument(docId)).sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
const byId = (list: readonly AnnotationRecord[], id: string) => list.find((a) => a.id === id);
/** What is shown equals what IndexedDB holds, once every write has committed. */
async function settled(): Promise<readonly AnnotationRecord[]> {
  await wb.whenSaved();
  expect(wb.getSnapshot().save).toEqual({ status: 'saved' });
  const inDb = await stored();
  expect([...shown()].sort((a, b) => a.start - b.start || a.id.localeCompare(b.id))).toEqual(inDb);
  return inDb;
}

describe('Workbench on article 002', () => {
  it('keeps the content snapshot while only the save state changes, so views render once per edit', async () => {
    const before = wb.getContentSnapshot();
    const rec = create('mention', 'خليفة حفتر', 'person');
    const afterEdit = wb.getContentSnapshot();
    expect(afterEdit).not.toBe(before);
    expect(byId(afterEdit.annotations, rec.id)).toEqual(rec);
    expect(wb.getSaveState().status).toBe('saving');
    await wb.whenSaved();
    expect(wb.getSaveState()).toEqual({ status: 'saved' });
    expect(wb.getContentSnapshot()).toBe(afterEdit);
    wb.undo();
    expect(wb.getContentSnapshot()).not.toBe(afterEdit);
    await settled();
  });

  it('opens the document with no annotations', () => {
    expect(wb.getSnapshot()).toMatchObject({ document: { id: d2.id, text: d2.text }, annotations: [], canUndo: false, canRedo: false });
  });

  it.each([
    ['mention', 'خليفة حفتر', 'person'],
    ['claim', 'طلب وقتا', 'reported'],
    ['source', 'الجيش الليبي', 'official-body'],
  ] as const)('creates a %s, shown at once and saved; undo and redo reach the database', async (layer, quote, label) => {
    const statuses: string[] = [];
    wb.subscribe(() => {
      const s = wb.getSnapshot().save.status;
      if (statuses.at(-1) !== s) statuses.push(s);
    });
    const rec = create(layer, quote, label);
    expect(byId(shown(), rec.id)).toEqual(rec);
    expect(wb.getSnapshot().save.status).toBe('saving');
    expect(await settled()).toEqual([rec]);
    expect(statuses).toEqual(['saved', 'saving', 'saved']);
    expect(wb.getSnapshot()).toMatchObject({ canUndo: true, canRedo: false });
    wb.undo();
    expect(shown()).toEqual([]);
    expect(await settled()).toEqual([]);
    expect(wb.getSnapshot()).toMatchObject({ canUndo: false, canRedo: true });
    wb.redo();
    expect(await settled()).toEqual([rec]);
  });

  it('relabels, and undo brings the old label back in memory and on disk', async () => {
    const m = create<MentionRecord>('mention', 'خليفة حفتر', 'person');
    await settled();
    wb.apply(relabel({ ...ctx(), now: () => '2026-11-23T11:00:00.000Z' }, m, 'gpe'));
    expect(byId(await settled(), m.id)).toMatchObject({ entityType: 'gpe', modified: '2026-11-23T11:00:00.000Z' });
    wb.undo();
    expect(byId(await settled(), m.id)).toEqual(m);
    wb.redo();
    expect(byId(await settled(), m.id)).toMatchObject({ entityType: 'gpe' });
  });

  it('links a claim to its claimant, source and cue, each undone on its own', async () => {
    const m = create<MentionRecord>('mention', 'خليفة حفتر', 'person');
    const s = create<SourceRecord>('source', 'الجيش الليبي', 'official-body');
    const c = create<ClaimRecord>('claim', 'طلب وقتا', 'reported');
    await settled();
    const claimNow = () => byId(shown(), c.id) as ClaimRecord;
    const link = (target: AnnotationRecord | { start: number; end: number; quote: string }, role: string) => {
      const r = linkClaim(ctx(), claimNow(), target);
      expect(r.ok && r.value.role).toBe(role);
      if (r.ok) wb.apply(r.value.change);
    };
    link(m, 'claimant');
    link(s, 'source');
    link({ ...spanOf('طلب'), quote: '' }, 'cue');
    const linked = byId(await settled(), c.id) as ClaimRecord;
    expect(linked).toMatchObject({ claimantId: m.id, sourceId: s.id, cue: { ...spanOf('طلب'), quote: 'طلب' } });
    wb.undo();
    expect(byId(await settled(), c.id)).not.toHaveProperty('cue');
    wb.undo();
    expect(byId(await settled(), c.id)).not.toHaveProperty('sourceId');
    wb.undo();
    expect(byId(await settled(), c.id)).toEqual(c);
    wb.redo();
    wb.redo();
    wb.redo();
    expect(byId(await settled(), c.id)).toEqual(linked);
  });

  it('deletes a claimant with the claim unlinked, and undo restores both', async () => {
    const m = create<MentionRecord>('mention', 'خليفة حفتر', 'person');
    const c = create<ClaimRecord>('claim', 'طلب وقتا', 'reported');
    const r = linkClaim(ctx(), c, m);
    if (r.ok) wb.apply(r.value.change);
    const before = await settled();
    wb.apply(remove(ctx(), byId(shown(), m.id)!));
    const after = await settled();
    expect(after.map((a) => a.id)).toEqual([c.id]);
    expect(after[0]).not.toHaveProperty('claimantId');
    wb.undo();
    expect(await settled()).toEqual(before);
    expect(byId(before, c.id)).toHaveProperty('claimantId', m.id);
  });

  it('applies «حفتر» to the whole corpus as one step, stored in other documents, and one undo removes them all', async () => {
    const source = create<MentionRecord>('mention', 'حفتر', 'person');
    await settled();
    const [allDocs, allAnns] = await Promise.all([repos.documents.listAll(), repos.annotations.listAll()]);
    const candidates = findCandidates(source, allDocs, allAnns);
    expect(candidates).toHaveLength(7); // 8 occurrences (tests/unit/arabic-match-corpus.test.ts) minus the source
    wb.apply(acceptCandidates(source, candidates, allDocs, newId, NOW));
    expect(shown().filter((a) => a.quote === 'حفتر')).toHaveLength(3); // only article 002's are shown
    await settled();
    const countIn = async () => Promise.all(docs.map(async (d) => (await stored(d.id)).length));
    expect(await countIn()).toEqual([0, 3, 3, 2, 0]);
    for (const a of await repos.annotations.listAll()) expect(a).toMatchObject({ kind: 'mention', quote: 'حفتر', entityType: 'person' });
    wb.undo();
    expect(shown()).toEqual([source]);
    await settled();
    expect(await countIn()).toEqual([0, 0, 1, 0, 0]);
    wb.redo();
    await settled();
    expect(await countIn()).toEqual([0, 3, 3, 2, 0]);
  });
});

describe('Workbench when a write fails', () => {
  it('ends "failed", does not show the edit and does not keep it for undo', async () => {
    const kept = create<MentionRecord>('mention', 'خليفة حفتر', 'person');
    await settled();
    db.close();
    const lost = create<MentionRecord>('mention', 'الجيش الليبي', 'organisation');
    expect(byId(shown(), lost.id)).toBeDefined(); // shown before the write is known to fail
    await wb.whenSaved();
    const snap = wb.getSnapshot();
    expect(snap.save.status).toBe('failed');
    expect(snap.save.status === 'failed' && snap.save.message).toMatch(/^Not saved: /);
    expect(snap.annotations).toEqual([kept]);
    expect(snap.canUndo).toBe(true); // the earlier, saved edit
    expect(snap.canRedo).toBe(false);
    wb.undo(); // takes back the saved edit, not the failed one
    expect(shown()).toEqual([]);
    await wb.whenSaved();
    await db.open();
    expect(await stored()).toEqual([kept]);
  });

  it('with nothing saved before, leaves nothing to undo', async () => {
    db.close();
    create('mention', 'خليفة حفتر', 'person');
    await wb.whenSaved();
    expect(wb.getSnapshot()).toMatchObject({ annotations: [], canUndo: false, canRedo: false, save: { status: 'failed' } });
  });

  it('says "saved" again after the next edit succeeds', async () => {
    const failing = { ...repos.workspace, applyChange: () => Promise.reject(new DOMException('full', 'QuotaExceededError')) };
    const flaky = new Workbench({ ...repos, workspace: failing });
    await flaky.open(d2.id);
    const r = addAnnotation({ ...ctx(), annotations: [] }, 'mention', spanOf('حفتر'), 'person');
    if (r.ok) flaky.apply(r.value.change);
    await flaky.whenSaved();
    expect(flaky.getSnapshot().save).toEqual({ status: 'failed', message: 'Not saved: storage is full' });
    expect(flaky.getSnapshot().annotations).toEqual([]);
    create('mention', 'حفتر', 'person');
    await settled();
  });
});

describe('Workbench when one of two queued writes fails', () => {
  it('stays "failed" and shows exactly what is stored', async () => {
    let calls = 0;
    const once = {
      ...repos.workspace,
      applyChange: (c: Parameters<typeof repos.workspace.applyChange>[0]) =>
        ++calls === 1 ? Promise.reject(new Error('disk')) : repos.workspace.applyChange(c),
    };
    const flaky = new Workbench({ ...repos, workspace: once });
    await flaky.open(d2.id);
    const c = (): Ctx => ({ document: d2, annotations: flaky.getSnapshot().annotations, schema: flaky.getSnapshot().schema, newId, now: () => NOW });
    const first = addAnnotation(c(), 'mention', spanOf('خليفة حفتر'), 'person');
    if (first.ok) flaky.apply(first.value.change);
    const second = addAnnotation(c(), 'mention', spanOf('الجيش الليبي'), 'organisation');
    if (second.ok) flaky.apply(second.value.change);
    await flaky.whenSaved();
    expect(flaky.getSnapshot().save).toEqual({ status: 'failed', message: 'Not saved: disk' });
    const inDb = await stored();
    expect(inDb.map((a) => a.quote)).toEqual(['الجيش الليبي']);
    expect(flaky.getSnapshot().annotations).toEqual(inDb);
    expect(flaky.getSnapshot().canUndo).toBe(true);
  });
});

describe('Workbench when an undo cannot be written', () => {
  it('keeps the edit it could not undo on the undo stack', async () => {
    let fail = false;
    const switchable = {
      ...repos.workspace,
      applyChange: (c: Parameters<typeof repos.workspace.applyChange>[0]) => (fail ? Promise.reject(new Error('disk')) : repos.workspace.applyChange(c)),
    };
    const flaky = new Workbench({ ...repos, workspace: switchable });
    await flaky.open(d2.id);
    const r = addAnnotation({ ...ctx(), annotations: [] }, 'mention', spanOf('خليفة حفتر'), 'person');
    if (r.ok) flaky.apply(r.value.change);
    await flaky.whenSaved();
    fail = true;
    flaky.undo();
    await flaky.whenSaved();
    expect(await stored()).toHaveLength(1);
    expect(flaky.getSnapshot()).toMatchObject({ annotations: await stored(), canUndo: true, canRedo: false, save: { status: 'failed' } });
    fail = false;
    flaky.undo();
    await flaky.whenSaved();
    expect(await stored()).toEqual([]);
    expect(flaky.getSnapshot()).toMatchObject({ annotations: [], canUndo: false, canRedo: true, save: { status: 'saved' } });
  });
});

describe('Workbench opening documents', () => {
  it('shows B when A finishes loading after B was opened', async () => {
    const d3 = docs.find((d) => d.fileName.startsWith('003_'))!;
    create('mention', 'خليفة حفتر', 'person');
    await settled();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slowA = { ...repos.documents, get: async (id: string) => (id === d2.id ? gate.then(() => repos.documents.get(id)) : repos.documents.get(id)) };
    const racing = new Workbench({ ...repos, documents: slowA });
    const openingA = racing.open(d2.id);
    await racing.open(d3.id);
    release();
    await openingA;
    expect(racing.getSnapshot().document?.id).toBe(d3.id);
    expect(racing.getSnapshot().annotations).toEqual([]);
    await racing.open(d2.id);
    expect(racing.getSnapshot().annotations).toHaveLength(1);
    await racing.open(null);
    expect(racing.getSnapshot()).toMatchObject({ document: null, annotations: [] });
  });
});

describe('Workbench when the open document is removed', () => {
  it('closes it (undoing the import that added it)', async () => {
    const added: DocumentRecord = { ...d2, id: 'doc-imported', sha256: 'f'.repeat(64), fileName: 'imported.txt' };
    wb.apply(change({ documents: [[undefined, added]] }));
    await settled();
    await wb.open(added.id);
    wb.undo();
    await settled();
    expect(await repos.documents.get(added.id)).toBeUndefined();
    expect(wb.getSnapshot()).toMatchObject({ document: null, annotations: [] });
  });
});

describe('Workbench applying a change and waiting for it', () => {
  const added: DocumentRecord = {
    id: 'doc-new',
    title: 'خبر',
    text: 'خبر\nنص',
    sha256: 'e'.repeat(64),
    fileName: 'new.txt',
    importedAt: NOW,
    status: 'new',
    meta: {},
  };

  it('writes after the edits queued before it, then shows it and puts it on top of the undo stack', async () => {
    let release!: () => void;
    const painted = new Promise<void>((r) => (release = r));
    const deferred = new Workbench(repos, () => painted);
    await deferred.open(d2.id);
    const r = addAnnotation({ ...ctx(), annotations: [] }, 'mention', spanOf('خليفة حفتر'), 'person');
    if (!r.ok) throw new Error(r.error.message);
    deferred.apply(r.value.change);
    const waiting = deferred.applyAndWait(change({ documents: [[undefined, added]] }));
    await new Promise((done) => setTimeout(done, 20));
    expect([await repos.documents.get(added.id), await stored()]).toEqual([undefined, []]);
    release();
    expect((await waiting).change.documents).toEqual([[undefined, added]]);
    expect(await stored()).toHaveLength(1);
    expect(deferred.getSnapshot()).toMatchObject({ canUndo: true, save: { status: 'saved' } });
    deferred.undo();
    await deferred.whenSaved();
    expect([await repos.documents.get(added.id), (await stored()).length]).toEqual([undefined, 1]);
  });

  it('throws a failed write to its caller, with nothing shown and nothing to undo', async () => {
    const failing = { ...repos.workspace, applyChange: () => Promise.reject(new Error('disk')) };
    const flaky = new Workbench({ ...repos, workspace: failing });
    await expect(flaky.applyAndWait(change({ documents: [[undefined, added]] }))).rejects.toThrow('disk');
    expect(flaky.getSnapshot()).toMatchObject({ canUndo: false, save: { status: 'saved' } });
  });
});

describe('Workbench writes after the edit is painted', () => {
  it('shows the edit at once, starts the write only once afterPaint resolves, and says "saved" after the commit', async () => {
    let painted!: () => void;
    let writes = 0;
    const counting = { ...repos.workspace, applyChange: (c: Parameters<typeof repos.workspace.applyChange>[0]) => (writes++, repos.workspace.applyChange(c)) };
    const deferred = new Workbench({ ...repos, workspace: counting }, () => new Promise<void>((r) => (painted = r)));
    await deferred.open(d2.id);
    const r = addAnnotation({ ...ctx(), annotations: [] }, 'mention', spanOf('حفتر'), 'person');
    if (!r.ok) throw new Error(r.error.message);
    deferred.apply(r.value.change);
    expect(deferred.getSnapshot().annotations).toEqual([r.value.record]);
    // Whatever else runs first, nothing is written before the paint.
    await new Promise((done) => setTimeout(done, 20));
    expect([writes, deferred.getSaveState().status]).toEqual([0, 'saving']);
    painted();
    await deferred.whenSaved();
    expect([writes, deferred.getSaveState().status]).toEqual([1, 'saved']);
    expect(await stored()).toEqual([r.value.record]);
  });
});

describe('Workbench reopening a document while its edit waits to be written', () => {
  it('shows the edit that is not stored yet', async () => {
    let painted!: () => void;
    const deferred = new Workbench(repos, () => new Promise<void>((r) => (painted = r)));
    await deferred.load();
    await deferred.open(d2.id);
    const r = addAnnotation({ ...ctx(), annotations: [] }, 'mention', spanOf('حفتر'), 'person');
    if (!r.ok) throw new Error(r.error.message);
    deferred.apply(r.value.change);
    const other = docs.find((d) => d.id !== d2.id)!;
    await deferred.open(other.id);
    await deferred.open(d2.id);
    expect(await stored()).toEqual([]);
    expect(deferred.getSnapshot().annotations).toEqual([r.value.record]);
    painted();
    await deferred.whenSaved();
    expect(await stored()).toEqual([r.value.record]);
    expect(deferred.getSnapshot().annotations).toEqual([r.value.record]);
  });
});
