import { fail, ok, type Problem, type Result } from '../result';
import { TABLES, type Summary, type TableName, type Tables, type Written } from './backup';

/**
 * The backup's files, each a text a person can read: `manifest.json`; snapshots `snapshot-<commit>.jsonl` (a header
 * line, then one record per line, written and read a line at a time so a large corpus never becomes one string);
 * and `journal.jsonl`, one line per committed write since the newest snapshot. A line torn by a crash mid-append is
 * the last one: it is dropped (with a warning), never the ones before it.
 */
export const MANIFEST = 'manifest.json';
export const JOURNAL = 'journal.jsonl';
export const snapshotName = (commit: number) => `snapshot-${String(commit).padStart(12, '0')}.jsonl`;

export interface SnapshotInfo {
  name: string;
  commit: number;
  at: string;
  summary: Summary;
}

export interface Manifest {
  format: 'hamish-backup';
  version: 1;
  /** When the backup last took a write in (the footer's "last backup"). */
  updated: string;
  /** The last commit the backup holds. */
  commit: number;
  /** What the workspace held after that commit. */
  summary: Summary;
  /** Newest first; the journal continues the first. */
  snapshots: SnapshotInfo[];
  /** How much the newest snapshot's journal holds, so that folding it needs no read of it. */
  journal: { entries: number; chars: number };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const problem = (code: string, message: string, pointer?: string): Problem => (pointer === undefined ? { code, message } : { code, message, pointer });

function checkSummary(x: unknown, file: string, at: string): Problem | null {
  if (!isObject(x)) return problem('backup-manifest', `${file}: ${at} is not a table summary.`, at);
  for (const t of TABLES) {
    const s = x[t];
    if (!isObject(s) || typeof s.count !== 'number' || !Number.isInteger(s.count) || s.count < 0 || typeof s.checksum !== 'string') {
      return problem('backup-manifest', `${file}: ${at}/${t} needs a whole count and a checksum.`, `${at}/${t}`);
    }
  }
  return null;
}

export function parseManifest(text: string, file = MANIFEST): Result<Manifest> {
  let x: unknown;
  try {
    x = JSON.parse(text);
  } catch (err) {
    return fail(problem('backup-manifest', `${file}: not valid JSON (${(err as Error).message}).`));
  }
  if (!isObject(x) || x.format !== 'hamish-backup' || x.version !== 1)
    return fail(problem('backup-manifest', `${file}: not a Hamish backup manifest of version 1.`, ''));
  if (typeof x.updated !== 'string' || typeof x.commit !== 'number') return fail(problem('backup-manifest', `${file}: needs "updated" and "commit".`, ''));
  const bad = checkSummary(x.summary, file, '/summary');
  if (bad) return fail(bad);
  const j = x.journal;
  if (!isObject(j) || !Number.isInteger(j.entries) || !Number.isInteger(j.chars))
    return fail(problem('backup-manifest', `${file}: "journal" needs whole "entries" and "chars".`, '/journal'));
  if (!Array.isArray(x.snapshots)) return fail(problem('backup-manifest', `${file}: "snapshots" must be a list.`, '/snapshots'));
  for (const [i, s] of x.snapshots.entries()) {
    if (!isObject(s) || typeof s.name !== 'string' || !/^snapshot-\d{12}\.jsonl$/.test(s.name) || typeof s.commit !== 'number' || typeof s.at !== 'string') {
      return fail(problem('backup-manifest', `${file}: snapshot ${i} needs a name, a commit and a time.`, `/snapshots/${i}`));
    }
    const badSummary = checkSummary(s.summary, file, `/snapshots/${i}/summary`);
    if (badSummary) return fail(badSummary);
  }
  return ok(x as unknown as Manifest);
}

/**
 * A snapshot file's text in pieces of about 64 KB of whole lines: a header, then `{"t": table, "r": record}` per
 * record (pieces, so that a corpus of 100,000 records is a few hundred writes, not 100,000, nor one string).
 */
export function* snapshotLines(tables: Tables, commit: number, at: string): Generator<string> {
  let piece = JSON.stringify({ format: 'hamish-backup-snapshot', version: 1, commit, at }) + '\n';
  for (const t of TABLES) {
    for (const r of tables[t]) {
      piece += JSON.stringify({ t, r }) + '\n';
      if (piece.length >= 65_536) {
        yield piece;
        piece = '';
      }
    }
  }
  if (piece) yield piece;
}

export interface ParsedSnapshot {
  commit: number;
  at: string;
  tables: Tables;
}

/** A snapshot read back; any bad line makes the whole snapshot unusable (a restore must be all of it or none). */
export function parseSnapshot(text: string, file: string): Result<ParsedSnapshot> {
  const lines = text.split('\n');
  let header: unknown;
  try {
    header = JSON.parse(lines[0] ?? '');
  } catch {
    return fail(problem('backup-snapshot', `${file}:1: not a snapshot header.`));
  }
  if (!isObject(header) || header.format !== 'hamish-backup-snapshot' || header.version !== 1 || typeof header.commit !== 'number') {
    return fail(problem('backup-snapshot', `${file}:1: not a Hamish snapshot of version 1.`));
  }
  const tables: Tables = { documents: [], annotations: [], entities: [], schemas: [] };
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') {
      if (i === lines.length - 1) break;
      return fail(problem('backup-snapshot', `${file}:${i + 1}: empty line inside the snapshot.`));
    }
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      return fail(problem('backup-snapshot', `${file}:${i + 1}: not valid JSON; the snapshot is damaged.`));
    }
    if (!isObject(row) || !TABLES.includes(row.t as TableName) || !isObject(row.r) || typeof row.r.id !== 'string') {
      return fail(problem('backup-snapshot', `${file}:${i + 1}: not a record of a known table.`));
    }
    (tables[row.t as TableName] as unknown[]).push(row.r);
  }
  if (!text.endsWith('\n')) return fail(problem('backup-snapshot', `${file}: ends mid-line; the snapshot was not written to the end.`));
  return ok({ commit: header.commit, at: String(header.at), tables });
}

export function journalLine(w: Written): string {
  return JSON.stringify(w) + '\n';
}

export interface ParsedJournal {
  entries: Written[];
  /** A last line cut short by a crash mid-append: dropped; the write it held is still in IndexedDB or lost with it. */
  torn: boolean;
}

export function parseJournal(text: string, file = JOURNAL): Result<ParsedJournal> {
  const lines = text.split('\n');
  const entries: Written[] = [];
  let torn = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    let w: unknown;
    try {
      w = JSON.parse(line);
    } catch {
      if (i === lines.length - 1) {
        torn = true;
        break;
      }
      return fail(problem('backup-journal', `${file}:${i + 1}: not valid JSON inside the journal.`));
    }
    if (!isObject(w) || typeof w.commit !== 'number' || !isObject(w.puts) || !isObject(w.deletes)) {
      return fail(problem('backup-journal', `${file}:${i + 1}: not a journal entry.`));
    }
    entries.push(w as unknown as Written);
  }
  return ok({ entries, torn });
}
