import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createMention, type AnnotationRecord } from '../../shared/model/annotation';
import { change, type Change } from '../../shared/model/edits';
import { createAnnotationsRepo } from './annotations-repo';
import { openDatabase, type HamishDatabase } from './database';
import { packDocument, PACK_MIN } from './packs';
import { createWorkspaceRepo } from './workspace-repo';

let db: HamishDatabase;
afterEach(async () => {
  db.close();
  await db.delete();
});

const WORD = 'كلمة ';
const TEXT = WORD.repeat(3000);
const NOW = '2026-12-03T10:00:00.000Z';

function mention(documentId: string, i: number): AnnotationRecord {
  const m = createMention(TEXT, {
    id: `${documentId}-${String(i).padStart(5, '0')}`,
    documentId,
    start: i * WORD.length,
    end: i * WORD.length + 4,
    entityType: 'person',
    now: NOW,
  });
  if (!m.ok) throw new Error(m.error.message);
  return m.value;
}

/** The repos with the background packing queued, to run when the test says (as the worker would, later). */
function setup() {
  db = openDatabase(`packs-${crypto.randomUUID()}`);
  const idleTasks: Array<() => Promise<void>> = [];
  const annotations = createAnnotationsRepo(db, {
    pack: (documentId) => {
      idleTasks.push(() => packDocument(db, documentId));
      return Promise.resolve();
    },
  });
  const runIdle = async () => {
    while (idleTasks.length) await idleTasks.shift()!();
  };
  return { annotations, workspace: createWorkspaceRepo(db), runIdle };
}

const add = (anns: AnnotationRecord[]): Change => change({ annotations: anns.map((a) => [undefined, a] as const) });

describe('packs: a large document read in one get, never stale', () => {
  it('makes a pack when idle after reading a large document record by record, and reads the same from it next time', async () => {
    const { annotations, workspace, runIdle } = setup();
    const many = Array.from({ length: PACK_MIN + 200 }, (_, i) => mention('big', i));
    await workspace.applyChange(add([...many, mention('small', 1)]));
    const first = await annotations.forOpen('big');
    expect(await db.packs.get('big')).toBeUndefined();
    await runIdle();
    expect((await db.packs.get('big'))?.annotations).toHaveLength(many.length);
    expect(await annotations.forOpen('big')).toEqual(first);
    expect(first).toEqual(await annotations.listByDocument('big'));
    // A small document is quick to read as it is: no pack.
    await annotations.forOpen('small');
    await runIdle();
    expect(await db.packs.get('small')).toBeUndefined();
  });

  it('drops the pack in the transaction that writes the document, so the next open sees the write', async () => {
    const { annotations, workspace, runIdle } = setup();
    const many = Array.from({ length: PACK_MIN }, (_, i) => mention('big', i));
    await workspace.applyChange(add(many));
    await annotations.forOpen('big');
    await runIdle();
    expect(await db.packs.get('big')).toBeDefined();
    const extra = mention('big', 2500);
    await workspace.applyChange(add([extra]));
    expect(await db.packs.get('big')).toBeUndefined();
    expect((await annotations.forOpen('big')).map((a) => a.id)).toContain(extra.id);
    await runIdle();
    const edited = { ...many[0]!, entityType: 'organisation' };
    await workspace.applyChange(change({ annotations: [[many[0]!, edited]] }));
    expect((await annotations.forOpen('big')).find((a) => a.id === edited.id)).toEqual(edited);
  });

  it('drops a pack that a writer unaware of packs (an older build) left behind, and says so after serving it', async () => {
    const { annotations, workspace, runIdle } = setup();
    const many = Array.from({ length: PACK_MIN }, (_, i) => mention('big', i));
    await workspace.applyChange(add(many));
    await annotations.forOpen('big');
    await runIdle();
    const behind = mention('big', 2000);
    await db.annotations.put(behind);
    let told = 0;
    const served = await annotations.forOpen('big', () => told++);
    expect(served).toHaveLength(PACK_MIN);
    await expect.poll(() => told).toBe(1);
    expect(await db.packs.get('big')).toBeUndefined();
    expect((await annotations.forOpen('big')).map((a) => a.id)).toContain(behind.id);
    // A current pack is not reported.
    await runIdle();
    expect(await db.packs.get('big')).toBeDefined();
    await annotations.forOpen('big', () => told++);
    await new Promise((done) => setTimeout(done, 50));
    expect(told).toBe(1);
  });

  it('is always what is stored, whatever the order of reads, edits and idle packing', async () => {
    const { annotations, workspace, runIdle } = setup();
    const stored = new Map<string, AnnotationRecord>();
    const initial = Array.from({ length: PACK_MIN + 50 }, (_, i) => mention('big', i));
    await workspace.applyChange(add(initial));
    for (const a of initial) stored.set(a.id, a);
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let step = 0; step < 60; step++) {
      const r = random();
      if (r < 0.3) {
        const a = mention('big', 1100 + step);
        stored.set(a.id, a);
        await workspace.applyChange(add([a]));
      } else if (r < 0.5) {
        const victim = [...stored.values()][Math.floor(random() * stored.size)]!;
        stored.delete(victim.id);
        await workspace.applyChange(change({ annotations: [[victim, undefined]] }));
      } else if (r < 0.75) {
        // The pack is made while an edit is on its way: one of them waits for the other.
        const a = mention('big', 1200 + step);
        stored.set(a.id, a);
        await Promise.all([runIdle(), workspace.applyChange(add([a]))]);
      } else {
        const read = await annotations.forOpen('big');
        expect(read.map((a) => a.id).sort()).toEqual([...stored.keys()].sort());
        if (random() < 0.5) await runIdle();
      }
    }
    await runIdle();
    expect((await annotations.forOpen('big')).map((a) => a.id).sort()).toEqual([...stored.keys()].sort());
  });
});
