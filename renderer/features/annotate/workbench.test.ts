import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { AnnotationRecord, ClaimRecord, MentionRecord, SourceRecord } from '../../../shared/model/annotation';
import type { DocumentRecord } from '../../../shared/model/document';
import { change } from '../../../shared/model/edits';
import { acceptCandidates, findCandidates } from '../../../shared/model/apply-all';
import { addAnnotation, linkClaim, relabel, remove, type Layer } from '../../../shared/model/commands';
import { createIn, ctxOf, newId, NOW, settledIn, spanIn, storedIn, workbenchBed } from '../../../tests/support/workbench-bed';
import { Workbench } from './workbench';

const bed = workbenchBed();
const ctx = () => ctxOf(bed);
const spanOf = (quote: string, from = 0) => spanIn(bed.d2, quote, from);
const create = <T extends AnnotationRecord>(layer: Layer, quote: string, label: string) => createIn<T>(bed, layer, quote, label);
const shown = () => bed.wb.getSnapshot().annotations;
const stored = (docId?: string) => storedIn(bed, docId);
const byId = (list: readonly AnnotationRecord[], id: string) => list.find((a) => a.id === id);
const settled = () => settledIn(bed);

describe('Workbench on article 002', () => {
  it('keeps the content snapshot while only the save state changes, so views render once per edit', async () => {
    const before = bed.wb.getContentSnapshot();
    const rec = create('mention', 'خليفة حفتر', 'person');
    const afterEdit = bed.wb.getContentSnapshot();
    expect(afterEdit).not.toBe(before);
    expect(byId(afterEdit.annotations, rec.id)).toEqual(rec);
    expect(bed.wb.getSaveState().status).toBe('saving');
    await bed.wb.whenSaved();
    expect(bed.wb.getSaveState()).toEqual({ status: 'saved' });
    expect(bed.wb.getContentSnapshot()).toBe(afterEdit);
    bed.wb.undo();
    expect(bed.wb.getContentSnapshot()).not.toBe(afterEdit);
    await settled();
  });

  it('opens the document with no annotations', () => {
    expect(bed.wb.getSnapshot()).toMatchObject({ document: { id: bed.d2.id, text: bed.d2.text }, annotations: [], canUndo: false, canRedo: false });
  });

  it.each([
    ['mention', 'خليفة حفتر', 'person'],
    ['claim', 'طلب وقتا', 'reported'],
    ['source', 'الجيش الليبي', 'official-body'],
  ] as const)('creates a %s, shown at once and saved; undo and redo reach the database', async (layer, quote, label) => {
    const statuses: string[] = [];
    bed.wb.subscribe(() => {
      const s = bed.wb.getSnapshot().save.status;
      if (statuses.at(-1) !== s) statuses.push(s);
    });
    const rec = create(layer, quote, label);
    expect(byId(shown(), rec.id)).toEqual(rec);
    expect(bed.wb.getSnapshot().save.status).toBe('saving');
    expect(await settled()).toEqual([rec]);
    expect(statuses).toEqual(['saved', 'saving', 'saved']);
    expect(bed.wb.getSnapshot()).toMatchObject({ canUndo: true, canRedo: false });
    bed.wb.undo();
    expect(shown()).toEqual([]);
    expect(await settled()).toEqual([]);
    expect(bed.wb.getSnapshot()).toMatchObject({ canUndo: false, canRedo: true });
    bed.wb.redo();
    expect(await settled()).toEqual([rec]);
  });

  it('relabels, and undo brings the old label back in memory and on disk', async () => {
    const m = create<MentionRecord>('mention', 'خليفة حفتر', 'person');
    await settled();
    bed.wb.apply(relabel({ ...ctx(), now: () => '2026-11-23T11:00:00.000Z' }, m, 'gpe'));
    expect(byId(await settled(), m.id)).toMatchObject({ entityType: 'gpe', modified: '2026-11-23T11:00:00.000Z' });
    bed.wb.undo();
    expect(byId(await settled(), m.id)).toEqual(m);
    bed.wb.redo();
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
      if (r.ok) bed.wb.apply(r.value.change);
    };
    link(m, 'claimant');
    link(s, 'source');
    link({ ...spanOf('طلب'), quote: '' }, 'cue');
    const linked = byId(await settled(), c.id) as ClaimRecord;
    expect(linked).toMatchObject({ claimantId: m.id, sourceId: s.id, cue: { ...spanOf('طلب'), quote: 'طلب' } });
    bed.wb.undo();
    expect(byId(await settled(), c.id)).not.toHaveProperty('cue');
    bed.wb.undo();
    expect(byId(await settled(), c.id)).not.toHaveProperty('sourceId');
    bed.wb.undo();
    expect(byId(await settled(), c.id)).toEqual(c);
    bed.wb.redo();
    bed.wb.redo();
    bed.wb.redo();
    expect(byId(await settled(), c.id)).toEqual(linked);
  });

  it('deletes a claimant with the claim unlinked, and undo restores both', async () => {
    const m = create<MentionRecord>('mention', 'خليفة حفتر', 'person');
    const c = create<ClaimRecord>('claim', 'طلب وقتا', 'reported');
    const r = linkClaim(ctx(), c, m);
    if (r.ok) bed.wb.apply(r.value.change);
    const before = await settled();
    bed.wb.apply(remove(ctx(), byId(shown(), m.id)!));
    const after = await settled();
    expect(after.map((a) => a.id)).toEqual([c.id]);
    expect(after[0]).not.toHaveProperty('claimantId');
    bed.wb.undo();
    expect(await settled()).toEqual(before);
    expect(byId(before, c.id)).toHaveProperty('claimantId', m.id);
  });

  it('applies «حفتر» to the whole corpus as one step, stored in other documents, and one undo removes them all', async () => {
    const source = create<MentionRecord>('mention', 'حفتر', 'person');
    await settled();
    const [allDocs, allAnns] = await Promise.all([bed.repos.documents.listAll(), bed.repos.annotations.listAll()]);
    const candidates = findCandidates(source, allDocs, allAnns);
    expect(candidates).toHaveLength(7); // 8 occurrences (tests/unit/arabic-match-corpus.test.ts) minus the source
    bed.wb.apply(acceptCandidates(source, candidates, allDocs, newId, NOW));
    expect(shown().filter((a) => a.quote === 'حفتر')).toHaveLength(3); // only article 002's are shown
    await settled();
    const countIn = async () => Promise.all(bed.docs.map(async (d) => (await stored(d.id)).length));
    expect(await countIn()).toEqual([0, 3, 3, 2, 0]);
    for (const a of await bed.repos.annotations.listAll()) expect(a).toMatchObject({ kind: 'mention', quote: 'حفتر', entityType: 'person' });
    bed.wb.undo();
    expect(shown()).toEqual([source]);
    await settled();
    expect(await countIn()).toEqual([0, 0, 1, 0, 0]);
    bed.wb.redo();
    await settled();
    expect(await countIn()).toEqual([0, 3, 3, 2, 0]);
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
    const deferred = new Workbench(bed.repos, () => painted);
    await deferred.open(bed.d2.id);
    const r = addAnnotation({ ...ctx(), annotations: [] }, 'mention', spanOf('خليفة حفتر'), 'person');
    if (!r.ok) throw new Error(r.error.message);
    deferred.apply(r.value.change);
    const waiting = deferred.applyAndWait(change({ documents: [[undefined, added]] }));
    await new Promise((done) => setTimeout(done, 20));
    expect([await bed.repos.documents.get(added.id), await stored()]).toEqual([undefined, []]);
    release();
    expect((await waiting).change.documents).toEqual([[undefined, added]]);
    expect(await stored()).toHaveLength(1);
    expect(deferred.getSnapshot()).toMatchObject({ canUndo: true, save: { status: 'saved' } });
    deferred.undo();
    await deferred.whenSaved();
    expect([await bed.repos.documents.get(added.id), (await stored()).length]).toEqual([undefined, 1]);
  });

  it('throws a failed write to its caller, with nothing shown and nothing to undo', async () => {
    const failing = { ...bed.repos.workspace, applyChange: () => Promise.reject(new Error('disk')) };
    const flaky = new Workbench({ ...bed.repos, workspace: failing });
    await expect(flaky.applyAndWait(change({ documents: [[undefined, added]] }))).rejects.toThrow('disk');
    expect(flaky.getSnapshot()).toMatchObject({ canUndo: false, save: { status: 'saved' } });
  });
});

describe('Workbench writes after the edit is painted', () => {
  it('shows the edit at once, starts the write only once afterPaint resolves, and says "saved" after the commit', async () => {
    let painted!: () => void;
    let writes = 0;
    const counting = {
      ...bed.repos.workspace,
      applyChange: (c: Parameters<typeof bed.repos.workspace.applyChange>[0]) => (writes++, bed.repos.workspace.applyChange(c)),
    };
    const deferred = new Workbench({ ...bed.repos, workspace: counting }, () => new Promise<void>((r) => (painted = r)));
    await deferred.open(bed.d2.id);
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
    const deferred = new Workbench(bed.repos, () => new Promise<void>((r) => (painted = r)));
    await deferred.load();
    await deferred.open(bed.d2.id);
    const r = addAnnotation({ ...ctx(), annotations: [] }, 'mention', spanOf('حفتر'), 'person');
    if (!r.ok) throw new Error(r.error.message);
    deferred.apply(r.value.change);
    const other = bed.docs.find((d) => d.id !== bed.d2.id)!;
    await deferred.open(other.id);
    await deferred.open(bed.d2.id);
    expect(await stored()).toEqual([]);
    expect(deferred.getSnapshot().annotations).toEqual([r.value.record]);
    painted();
    await deferred.whenSaved();
    expect(await stored()).toEqual([r.value.record]);
    expect(deferred.getSnapshot().annotations).toEqual([r.value.record]);
  });
});
