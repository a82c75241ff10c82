import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { AnnotationRecord, MentionRecord } from '../../../shared/model/annotation';
import type { Ctx } from '../../../shared/model/commands';
import type { DocumentRecord } from '../../../shared/model/document';
import { change } from '../../../shared/model/edits';
import { addAnnotation } from '../../../shared/model/commands';
import { createIn, ctxOf, newId, NOW, settledIn, spanIn, storedIn, workbenchBed } from '../../../tests/support/workbench-bed';
import { Workbench } from './workbench';

// The Workbench when writes fail, and when documents are opened or removed under it.
const bed = workbenchBed();
const ctx = () => ctxOf(bed);
const spanOf = (quote: string, from = 0) => spanIn(bed.d2, quote, from);
const create = <T extends AnnotationRecord = MentionRecord>(layer: Parameters<typeof createIn>[1], quote: string, label: string) =>
  createIn<T>(bed, layer, quote, label);
const shown = () => bed.wb.getSnapshot().annotations;
const stored = (docId?: string) => storedIn(bed, docId);
const settled = () => settledIn(bed);
const byId = (list: readonly AnnotationRecord[], id: string) => list.find((a) => a.id === id);

describe('Workbench when a write fails', () => {
  it('ends "failed", does not show the edit and does not keep it for undo', async () => {
    const kept = create<MentionRecord>('mention', 'خليفة حفتر', 'person');
    await settled();
    bed.db.close();
    const lost = create<MentionRecord>('mention', 'الجيش الليبي', 'organisation');
    expect(byId(shown(), lost.id)).toBeDefined(); // shown before the write is known to fail
    await bed.wb.whenSaved();
    const snap = bed.wb.getSnapshot();
    expect(snap.save.status).toBe('failed');
    expect(snap.save.status === 'failed' && snap.save.message).toMatch(/^Not saved: /);
    expect(snap.annotations).toEqual([kept]);
    expect(snap.canUndo).toBe(true); // the earlier, saved edit
    expect(snap.canRedo).toBe(false);
    bed.wb.undo(); // takes back the saved edit, not the failed one
    expect(shown()).toEqual([]);
    await bed.wb.whenSaved();
    await bed.db.open();
    expect(await stored()).toEqual([kept]);
  });

  it('with nothing saved before, leaves nothing to undo', async () => {
    bed.db.close();
    create('mention', 'خليفة حفتر', 'person');
    await bed.wb.whenSaved();
    expect(bed.wb.getSnapshot()).toMatchObject({ annotations: [], canUndo: false, canRedo: false, save: { status: 'failed' } });
  });

  it('says "saved" again after the next edit succeeds', async () => {
    const failing = { ...bed.repos.workspace, applyChange: () => Promise.reject(new DOMException('full', 'QuotaExceededError')) };
    const flaky = new Workbench({ ...bed.repos, workspace: failing });
    await flaky.open(bed.d2.id);
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
      ...bed.repos.workspace,
      applyChange: (c: Parameters<typeof bed.repos.workspace.applyChange>[0]) =>
        ++calls === 1 ? Promise.reject(new Error('disk')) : bed.repos.workspace.applyChange(c),
    };
    const flaky = new Workbench({ ...bed.repos, workspace: once });
    await flaky.open(bed.d2.id);
    const c = (): Ctx => ({ document: bed.d2, annotations: flaky.getSnapshot().annotations, schema: flaky.getSnapshot().schema, newId, now: () => NOW });
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
      ...bed.repos.workspace,
      applyChange: (c: Parameters<typeof bed.repos.workspace.applyChange>[0]) =>
        fail ? Promise.reject(new Error('disk')) : bed.repos.workspace.applyChange(c),
    };
    const flaky = new Workbench({ ...bed.repos, workspace: switchable });
    await flaky.open(bed.d2.id);
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
    const d3 = bed.docs.find((d) => d.fileName.startsWith('003_'))!;
    create('mention', 'خليفة حفتر', 'person');
    await settled();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slowA = {
      ...bed.repos.documents,
      get: async (id: string) => (id === bed.d2.id ? gate.then(() => bed.repos.documents.get(id)) : bed.repos.documents.get(id)),
    };
    const racing = new Workbench({ ...bed.repos, documents: slowA });
    const openingA = racing.open(bed.d2.id);
    await racing.open(d3.id);
    release();
    await openingA;
    expect(racing.getSnapshot().document?.id).toBe(d3.id);
    expect(racing.getSnapshot().annotations).toEqual([]);
    await racing.open(bed.d2.id);
    expect(racing.getSnapshot().annotations).toHaveLength(1);
    await racing.open(null);
    expect(racing.getSnapshot()).toMatchObject({ document: null, annotations: [] });
  });
});

describe('Workbench when the open document is removed', () => {
  it('closes it (undoing the import that added it)', async () => {
    const added: DocumentRecord = { ...bed.d2, id: 'doc-imported', sha256: 'f'.repeat(64), fileName: 'imported.txt' };
    bed.wb.apply(change({ documents: [[undefined, added]] }));
    await settled();
    await bed.wb.open(added.id);
    bed.wb.undo();
    await settled();
    expect(await bed.repos.documents.get(added.id)).toBeUndefined();
    expect(bed.wb.getSnapshot()).toMatchObject({ document: null, annotations: [] });
  });
});
