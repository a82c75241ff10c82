import { describe, expect, it } from 'vitest';
import { CORPUS, NOW } from '../../tests/support/news-corpus';
import { canonicalJson, emptySummary, missingFrom, replay, summarize, summaryAfter, TABLES, type Tables, type Written } from './backup';
import { JOURNAL, journalLine, parseJournal, parseManifest, parseSnapshot, snapshotLines, snapshotName, type Manifest } from './files';

const tables = (): Tables => ({
  documents: CORPUS.documents.map((d) => ({ ...d })),
  annotations: CORPUS.annotations.map((a) => ({ ...a })),
  entities: CORPUS.entities.map((e) => ({ ...e })),
  schemas: [{ id: 'corpus', ...CORPUS.schema, modified: NOW }],
});

/** Apply a write to tables the plain way, returning what it replaced (the `before` a transaction reads). */
function write(t: Tables, w: Written) {
  const before: Record<string, ({ id: string } | undefined)[]> = {};
  for (const name of TABLES) {
    const list = t[name] as { id: string }[];
    const olds: ({ id: string } | undefined)[] = [];
    for (const id of w.deletes[name] ?? []) {
      const i = list.findIndex((r) => r.id === id);
      olds.push(i >= 0 ? list.splice(i, 1)[0] : undefined);
    }
    for (const r of (w.puts[name] ?? []) as { id: string }[]) {
      const i = list.findIndex((x) => x.id === r.id);
      olds.push(i >= 0 ? list.splice(i, 1)[0] : undefined);
      list.push(r);
    }
    before[name] = olds;
  }
  return before;
}

describe('backup summary', () => {
  it('is the same whatever the order of records or of their keys', () => {
    const t = tables();
    const shuffled: Tables = { ...t, annotations: [...t.annotations].reverse().map((a) => Object.fromEntries(Object.entries(a).reverse()) as typeof a) };
    expect(summarize(shuffled)).toEqual(summarize(t));
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined }] })).toBe('{"a":[{"d":2}],"b":1}');
  });

  it('kept current write by write equals the summary of the tables after them', () => {
    const t = tables();
    let summary = summarize(t);
    const [a0, a1, a2] = t.annotations;
    const edits: Written[] = [
      { commit: 1, at: NOW, puts: { annotations: [{ ...a0!, quote: a0!.quote, modified: '2026-12-01T00:00:00Z' }] }, deletes: {} },
      { commit: 2, at: NOW, puts: {}, deletes: { annotations: [a1!.id, 'no-such-id'] } },
      { commit: 3, at: NOW, puts: { documents: [{ ...t.documents[0]!, status: 'done' }], entities: [] }, deletes: { entities: [t.entities[0]!.id] } },
      { commit: 4, at: NOW, puts: { annotations: [{ ...a2!, id: 'a-new' }], schemas: [{ ...t.schemas[0]!, modified: '2026-12-02T00:00:00Z' }] }, deletes: {} },
    ];
    for (const w of edits) summary = summaryAfter(summary, w, write(t, w));
    expect(summary).toEqual(summarize(t));
    expect(summary.annotations.count).toBe(CORPUS.annotations.length);
    expect(summary.entities.count).toBe(CORPUS.entities.length - 1);
  });

  it('tells a changed record from an unchanged one', () => {
    const t = tables();
    const changed = { ...t, documents: [{ ...t.documents[0]!, title: t.documents[0]!.title + '.' }, ...t.documents.slice(1)] };
    expect(summarize(changed).documents.checksum).not.toBe(summarize(t).documents.checksum);
    expect(summarize(changed).documents.count).toBe(summarize(t).documents.count);
  });

  it('names the tables that hold fewer records than the backup', () => {
    const expected = summarize(tables());
    expect(missingFrom({ documents: expected.documents.count - 1, annotations: 0, entities: expected.entities.count, schemas: 1 }, expected)).toEqual([
      { table: 'documents', stored: expected.documents.count - 1, expected: expected.documents.count },
      { table: 'annotations', stored: 0, expected: expected.annotations.count },
    ]);
  });
});

describe('backup replay', () => {
  it('replays the journal in commit order, whatever order the windows appended it in', () => {
    const t = tables();
    const a = t.annotations[0]!;
    const first: Written = { commit: 7, at: NOW, puts: { annotations: [{ ...a, modified: 'first' }] }, deletes: {} };
    const second: Written = { commit: 8, at: NOW, puts: { annotations: [{ ...a, modified: 'second' }] }, deletes: {} };
    const gone: Written = { commit: 9, at: NOW, puts: {}, deletes: { documents: [t.documents[1]!.id] } };
    const out = replay(t, [gone, second, first]);
    expect(out.annotations.find((x) => x.id === a.id)!.modified).toBe('second');
    expect(out.documents.map((d) => d.id)).not.toContain(t.documents[1]!.id);
    expect(out.documents).toHaveLength(t.documents.length - 1);
  });
});

describe('backup files', () => {
  it('a snapshot written line by line reads back to the same tables, texts and emoji intact', () => {
    const t = tables();
    const text = [...snapshotLines(t, 42, NOW)].join('');
    const back = parseSnapshot(text, snapshotName(42));
    expect(back.ok && back.value.commit).toBe(42);
    expect(back.ok && summarize(back.value.tables)).toEqual(summarize(t));
    expect(back.ok && back.value.tables.documents.map((d) => d.text)).toEqual(t.documents.map((d) => d.text));
  });

  it('refuses a snapshot cut short or damaged, naming the file and line', () => {
    const text = [...snapshotLines(tables(), 3, NOW)].join('');
    const cut = parseSnapshot(text.slice(0, text.length - 40), 'snapshot-000000000003.jsonl');
    expect(cut.ok).toBe(false);
    if (!cut.ok) expect(cut.error.message).toMatch(/^snapshot-000000000003\.jsonl(:\d+)?: /);
    const lines = text.split('\n');
    lines[3] = lines[3]!.slice(0, 10);
    const damaged = parseSnapshot(lines.join('\n'), 'snapshot-000000000003.jsonl');
    expect(!damaged.ok && damaged.error.message).toBe('snapshot-000000000003.jsonl:4: not valid JSON; the snapshot is damaged.');
  });

  it('drops a journal line torn by a crash, and only that one', () => {
    const w = (commit: number): Written => ({ commit, at: NOW, puts: {}, deletes: { annotations: [`a${commit}`] } });
    const text = journalLine(w(1)) + journalLine(w(2)) + journalLine(w(3)).slice(0, 15);
    const back = parseJournal(text);
    expect(back.ok && back.value.entries.map((e) => e.commit)).toEqual([1, 2]);
    expect(back.ok && back.value.torn).toBe(true);
    const inside = parseJournal(journalLine(w(1)).slice(0, 10) + '\n' + journalLine(w(2)));
    expect(!inside.ok && inside.error.message).toBe(`${JOURNAL}:1: not valid JSON inside the journal.`);
  });

  it('reads a manifest back and names what is wrong with a bad one by JSON pointer', () => {
    const m: Manifest = {
      format: 'hamish-backup',
      version: 1,
      updated: NOW,
      commit: 5,
      summary: emptySummary(),
      snapshots: [{ name: snapshotName(5), commit: 5, at: NOW, summary: emptySummary() }],
      journal: { entries: 2, chars: 300 },
    };
    expect(parseManifest(JSON.stringify(m))).toEqual({ ok: true, value: m });
    const bad = { ...m, snapshots: [{ ...m.snapshots[0], summary: { ...emptySummary(), annotations: { count: -1, checksum: '' } } }] };
    const r = parseManifest(JSON.stringify(bad));
    expect(!r.ok && r.error.pointer).toBe('/snapshots/0/summary/annotations');
    expect(!r.ok && r.error.message).toMatch(/^manifest\.json: /);
  });
});
