import type { ImportIssue } from '../corpus';
import { printable } from './label-growth';

/** One parsed `.ann` line; `line` is 1-based. Offsets are still brat's (code points into the raw `.txt`). */
export type AnnLine =
  | { kind: 'T'; id: string; line: number; type: string; fragments: Array<[number, number]>; text?: string }
  | { kind: 'R'; id: string; line: number; type: string; args: [string, string] }
  | { kind: 'A'; id: string; line: number; type: string; target: string; value?: string }
  | { kind: 'N'; id: string; line: number; type: string; target: string; db: string; ref: string; text: string }
  | { kind: '#'; id: string; line: number; type: string; target: string; text: string };

export interface ParsedAnn {
  lines: AnnLine[];
  issues: ImportIssue[];
}

const ID = /^([TRAMNE#*])([0-9A-Za-z_-]*)$/;
const OFFSETS = /^(\d{1,15}) (\d{1,15})\s*$/;

/**
 * Parse the text of a brat `.ann` file. Every line that cannot be read is reported with its number and skipped;
 * the rest are kept. A UTF-8 BOM and a CR before each LF are tolerated (Windows editors write both).
 */
export function parseAnn(content: string, path: string): ParsedAnn {
  const lines: AnnLine[] = [];
  const issues: ImportIssue[] = [];
  const seen = new Set<string>();
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  text.split('\n').forEach((rawLine, i) => {
    const line = i + 1;
    const report = (severity: ImportIssue['severity'], message: string) => issues.push({ severity, line, message: `${path} line ${line}: ${message}` });
    const s = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (!s.trim()) return;
    const tab = s.indexOf('\t');
    if (tab < 0) return void report('error', `no tab after the id (brat separates the fields with tabs): «${printable(s.slice(0, 60))}»; skipped.`);
    const id = s.slice(0, tab);
    const m = ID.exec(id);
    if (!m) return void report('error', `"${printable(id.slice(0, 20))}" is not a brat id (T1, R1, A1, N1, #1…); skipped.`);
    if (m[1] === 'E' || m[1] === '*')
      return void report('warning', `${m[1] === 'E' ? 'events' : 'equivalence lines'} are not part of Hamish's model; ${id} skipped.`);
    if (seen.has(id)) return void report('error', `${id} is used twice; this line is skipped and the first ${id} kept.`);
    const rest = s.slice(tab + 1);
    const tab2 = rest.indexOf('\t');
    const data = tab2 < 0 ? rest : rest.slice(0, tab2);
    const tail = tab2 < 0 ? undefined : rest.slice(tab2 + 1);
    const parsed = parseData(m[1]!, id, data, tail, line, report);
    if (parsed) {
      seen.add(id);
      lines.push(parsed);
    }
  });
  return { lines, issues };
}

type Report = (severity: ImportIssue['severity'], message: string) => void;

function parseData(prefix: string, id: string, data: string, tail: string | undefined, line: number, report: Report): AnnLine | null {
  const bad = (message: string) => {
    report('error', `${id}${message}; skipped.`);
    return null;
  };
  const words = data.split(' ');
  if (prefix === 'T') {
    const space = data.indexOf(' ');
    const type = data.slice(0, space);
    if (space <= 0) return bad(` has no type and offsets ("${printable(data.slice(0, 40))}")`);
    const pieces = data.slice(space + 1).split(';');
    if (pieces.length > 1 && !pieces[pieces.length - 1]!.trim()) {
      pieces.pop();
      report('warning', `${id} ends with a dangling ";"; read as if it were not there.`);
    }
    const fragments: Array<[number, number]> = [];
    for (const piece of pieces) {
      const o = OFFSETS.exec(piece);
      if (!o) return bad(`: "${printable(piece.slice(0, 40))}" is not "start end" in whole numbers (is a space used instead of a tab?)`);
      const [start, end] = [Number(o[1]), Number(o[2])];
      if (end <= start) return bad(`: the span ${start}–${end} is empty or ends before it starts`);
      fragments.push([start, end]);
    }
    if (tail === undefined) report('warning', `${id} has no text field after a second tab, so its offsets cannot be checked against the text.`);
    return { kind: 'T', id, line, type, fragments, ...(tail !== undefined ? { text: tail } : {}) };
  }
  if (prefix === 'R') {
    const args = words
      .slice(1)
      .filter(Boolean)
      .map((w) => w.split(':'));
    if (words.length < 2 || args.length !== 2 || args.some((a) => a.length !== 2 || !a[1])) {
      return bad(` is not "Type Arg1:T1 Arg2:T2"`);
    }
    return { kind: 'R', id, line, type: words[0]!, args: [args[0]![1]!, args[1]![1]!] };
  }
  if (prefix === 'A' || prefix === 'M') {
    if (words.length < 2 || words.length > 3 || words.some((w) => !w)) return bad(` is not "Type T1 [value]"`);
    return { kind: 'A', id, line, type: words[0]!, target: words[1]!, ...(words[2] !== undefined ? { value: words[2] } : {}) };
  }
  if (prefix === 'N') {
    const n = /^(\S+) (\S+) (\S+?):(\S+)$/.exec(data);
    if (!n) return bad(` is not "Type T1 Database:Id"`);
    return { kind: 'N', id, line, type: n[1]!, target: n[2]!, db: n[3]!, ref: n[4]!, text: tail ?? '' };
  }
  if (words.length !== 2 || words.some((w) => !w)) return bad(` is not "Type T1" followed by a tab and the note`);
  return { kind: '#', id, line, type: words[0]!, target: words[1]!, text: tail ?? '' };
}
