// Rows, runs and the printed table (BENCH.md: row id, what, median, min–max, runs, heap MB).
import { writeFileSync } from 'node:fs';

export interface Row {
  id: string;
  what: string;
  unit: 'ms';
  median: number | null;
  min: number | null;
  max: number | null;
  runs: number;
  /** JS heap risen over the row's baseline, both after a forced GC (CDP HeapProfiler.collectGarbage / Node gc). */
  heapMB: number | null;
  note?: string;
  /** The row this one is paired with in the same run, and median / baseline median. */
  baseline?: string;
  ratio?: number;
  [extra: string]: unknown;
}

export interface RunPlan {
  warmups: number;
  runs: number;
}

export const QUICK = process.env.BENCH_QUICK === '1';
export const PLAN: RunPlan = QUICK ? { warmups: 1, runs: 3 } : { warmups: 1, runs: 5 };

const round = (x: number) => Math.round(x * 10) / 10;

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function rowOf(id: string, what: string, samples: readonly number[], heapMB: number | null, extra: Record<string, unknown> = {}): Row {
  return {
    id,
    what,
    unit: 'ms',
    median: round(median(samples)),
    min: round(Math.min(...samples)),
    max: round(Math.max(...samples)),
    runs: samples.length,
    heapMB: heapMB === null ? null : round(heapMB),
    ...extra,
  };
}

export function naRow(id: string, what: string, note: string): Row {
  return { id, what, unit: 'ms', median: null, min: null, max: null, runs: 0, heapMB: null, note };
}

/** One warm-up and PLAN.runs timed runs; `run` returns milliseconds measured where the work happens. */
export async function sample(label: string, run: (i: number) => Promise<number>, plan: RunPlan = PLAN): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < plan.warmups + plan.runs; i++) {
    const ms = await run(i);
    if (i >= plan.warmups) out.push(ms);
    process.stderr.write(`  ${label} ${i < plan.warmups ? 'warm-up' : `run ${i - plan.warmups + 1}`}: ${ms.toFixed(1)} ms\n`);
  }
  return out;
}

/** One row's runs, for `interleave`: `done` runs right after the task's last run (its heap, its clean-up). */
export interface Task {
  label: string;
  plan?: RunPlan;
  run(i: number): Promise<number>;
  done(samples: number[]): Promise<Row>;
}

/**
 * Run i of every task in turn (A B C A B C …), so that a baseline and its rows see the same machine and warm-up
 * state; order alone moved a storage ratio from 1.30× to 0.97× (BENCH.md). A task that throws is dropped from the
 * rotation and reported as its Error; the others go on.
 */
export async function interleave(tasks: readonly Task[]): Promise<(Row | Error)[]> {
  const out: (Row | Error | null)[] = tasks.map(() => null);
  const samples: number[][] = tasks.map(() => []);
  const total = (t: Task) => (t.plan ?? PLAN).warmups + (t.plan ?? PLAN).runs;
  const rounds = Math.max(...tasks.map(total));
  for (let i = 0; i < rounds; i++) {
    for (const [k, t] of tasks.entries()) {
      if (out[k] || i >= total(t)) continue;
      const plan = t.plan ?? PLAN;
      try {
        const ms = await t.run(i);
        if (i >= plan.warmups) samples[k]!.push(ms);
        process.stderr.write(`  ${t.label} ${i < plan.warmups ? 'warm-up' : `run ${i - plan.warmups + 1}`}: ${ms.toFixed(1)} ms\n`);
        if (i === total(t) - 1) out[k] = await t.done(samples[k]!);
      } catch (err) {
        out[k] = err instanceof Error ? err : new Error(String(err));
      }
    }
  }
  return out.map((r) => r ?? new Error('no runs'));
}

export function pair(rows: Row[], id: string, baseline: string): void {
  const r = rows.find((x) => x.id === id);
  const b = rows.find((x) => x.id === baseline);
  if (!r || !b || r.median === null || !b.median) return;
  r.baseline = baseline;
  r.ratio = Math.round((r.median / b.median) * 100) / 100;
}

const fmt = (x: number | null) => (x === null ? 'n/a' : x >= 100 ? Math.round(x).toLocaleString('en') : x.toFixed(1));

export function printTable(rows: readonly Row[]): string {
  const body = rows.map((r) => [
    r.id,
    r.what + (r.note ? ` — ${r.note}` : ''),
    fmt(r.median),
    r.min === null ? 'n/a' : `${fmt(r.min)}–${fmt(r.max)}`,
    String(r.runs),
    r.heapMB === null ? '' : r.heapMB.toFixed(1),
  ]);
  const head = ['row', 'what', 'median ms', 'min–max', 'runs', 'heap +MB'];
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const numeric = [false, false, true, true, true, true];
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const ratios = rows.filter((r) => r.ratio !== undefined).map((r) => `  ${r.id} = ${r.ratio}× ${r.baseline}`);
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line), ...(ratios.length ? ['', 'Ratios within this run:', ...ratios] : [])].join(
    '\n',
  );
}

export function writeResults(path: string, machine: Record<string, unknown>, rows: readonly Row[]): void {
  const doc = { schema: 1, date: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), quick: QUICK, machine, rows };
  writeFileSync(path, `${JSON.stringify(doc, null, 2)}\n`);
}
