import type { AnnotationRecord } from '../model/annotation';
import type { DocumentRecord } from '../model/document';
import type { KbEntity } from '../model/kb-entity';
import type { LabelSchema } from '../model/label-schema';

/**
 * The automatic backup of a workspace, kept outside IndexedDB (TRUST.md F10, F11): a snapshot of every table, a
 * journal of what each committed transaction wrote since, and a manifest that says what the workspace held. Pure:
 * the files are written by the platform (OPFS in the browser, userData in Electron) and read back here.
 *
 * Order: every transaction that writes the workspace bumps a commit number in the same transaction (database.ts
 * `meta`), so the journal replays in the order IndexedDB committed, whichever window appended first.
 */
export const TABLES = ['documents', 'annotations', 'entities', 'schemas'] as const;
export type TableName = (typeof TABLES)[number];

/** The label schema as stored: one row. */
export interface StoredSchema extends LabelSchema {
  id: 'corpus';
  modified: string;
}

export interface Tables {
  documents: DocumentRecord[];
  annotations: AnnotationRecord[];
  entities: KbEntity[];
  schemas: StoredSchema[];
}

type Keyed = { id: string };

/** What one committed transaction wrote: the records as stored after it, and the ids it deleted. */
export interface Written {
  commit: number;
  at: string;
  puts: { [T in TableName]?: Tables[T] };
  deletes: { [T in TableName]?: string[] };
}

/** How many records a table holds and an order-free checksum of their contents. */
export interface TableSummary {
  count: number;
  checksum: string;
}
export type Summary = Record<TableName, TableSummary>;

/** Keys sorted at every level, so the same record always serialises, and hashes, the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** Two independent 32-bit hashes of a record's canonical JSON (FNV-1a and a multiply-xorshift), as unsigned ints. */
function recordHash(record: unknown): [number, number] {
  const s = canonicalJson(record);
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a >>> 0, b >>> 0];
}

/**
 * A table's checksum is the sum of its records' hashes modulo 2³² in each lane: independent of order, and kept
 * current by adding the hash of what a write stored and subtracting that of what it replaced.
 */
class Sum {
  constructor(
    private a = 0,
    private b = 0,
  ) {}
  static parse(hex: string): Sum {
    return new Sum(parseInt(hex.slice(0, 8), 16) || 0, parseInt(hex.slice(8, 16), 16) || 0);
  }
  add(record: unknown, sign: 1 | -1): void {
    const [x, y] = recordHash(record);
    this.a = (this.a + sign * x) >>> 0;
    this.b = (this.b + sign * y) >>> 0;
  }
  toString(): string {
    return this.a.toString(16).padStart(8, '0') + this.b.toString(16).padStart(8, '0');
  }
}

export function emptySummary(): Summary {
  return Object.fromEntries(TABLES.map((t) => [t, { count: 0, checksum: new Sum().toString() }])) as Summary;
}

export function summarize(tables: Tables): Summary {
  const out = emptySummary();
  for (const t of TABLES) {
    const sum = new Sum();
    for (const r of tables[t]) sum.add(r, 1);
    out[t] = { count: tables[t].length, checksum: sum.toString() };
  }
  return out;
}

/**
 * The summary after a write, from what it replaced (`before`: the stored record for each id it put or deleted,
 * undefined where there was none) and what it stored: the work is the size of the write, not of the workspace.
 */
export function summaryAfter(summary: Summary, written: Written, before: { [T in TableName]?: (Keyed | undefined)[] }): Summary {
  const out = { ...summary };
  for (const t of TABLES) {
    const puts: Keyed[] = written.puts[t] ?? [];
    const olds = before[t] ?? [];
    if (puts.length === 0 && olds.length === 0) continue;
    const sum = Sum.parse(summary[t].checksum);
    let count = summary[t].count;
    for (const old of olds) {
      if (!old) continue;
      sum.add(old, -1);
      count--;
    }
    for (const r of puts) {
      sum.add(r, 1);
      count++;
    }
    out[t] = { count, checksum: sum.toString() };
  }
  return out;
}

/** The tables after replaying journal entries (in commit order) on a snapshot's. */
export function replay(tables: Tables, entries: readonly Written[]): Tables {
  const maps = Object.fromEntries(TABLES.map((t) => [t, new Map<string, Keyed>((tables[t] as Keyed[]).map((r) => [r.id, r]))])) as Record<
    TableName,
    Map<string, Keyed>
  >;
  for (const w of [...entries].sort((x, y) => x.commit - y.commit)) {
    for (const t of TABLES) {
      for (const id of w.deletes[t] ?? []) maps[t].delete(id);
      for (const r of (w.puts[t] ?? []) as Keyed[]) maps[t].set(r.id, r);
    }
  }
  return Object.fromEntries(TABLES.map((t) => [t, [...maps[t].values()]])) as unknown as Tables;
}

/** Which tables hold fewer records than the backup says they should: what a recovery screen must tell. */
export function missingFrom(stored: Record<TableName, number>, expected: Summary): { table: TableName; stored: number; expected: number }[] {
  return TABLES.filter((t) => stored[t] < expected[t].count).map((t) => ({ table: t, stored: stored[t], expected: expected[t].count }));
}
