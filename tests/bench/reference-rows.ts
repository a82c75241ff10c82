// The limit and the peer for open-50k-2000, and the storage baseline: same data, no app code in the way.
import type { Page } from '@playwright/test';
import { APP_FONT_SAMPLE, APP_FONTS } from '../../renderer/app/fonts';
import type { AnnotationRecord } from '../../shared/model/annotation';
import { labelIdOf } from '../../shared/model/layers';
import { limitRun } from './pages/limit';
import type { BenchSpan } from './pages/text-page';
import { median, PLAN, QUICK, rowOf, type Row, type Task } from './measure';
import { heapMB, type Session } from './session';

/** The spans with the highlight names the app paints them under (renderer/features/reader/highlights.ts). */
export function benchSpans(annotations: readonly AnnotationRecord[]): BenchSpan[] {
  return annotations.map((a) => ({ id: a.id, start: a.start, end: a.end, quote: a.quote, layer: `hamish-${a.kind}-${labelIdOf(a)}` }));
}

/**
 * Wait for the same faces the app loads at start-up (renderer/app/fonts.ts: Arabic and Latin subsets of both
 * weights), so that only layout and paint are timed, as in the app rows.
 */
export async function fontsReady(page: Page): Promise<void> {
  const missing = await page.evaluate(
    async ({ fonts, sample }) => {
      await Promise.all(fonts.map((f) => document.fonts.load(f, sample)));
      await document.fonts.ready;
      return fonts.filter((f) => !document.fonts.check(f, sample));
    },
    { fonts: APP_FONTS, sample: APP_FONT_SAMPLE },
  );
  if (missing.length) throw new Error(`fonts not loaded on the reference page: ${missing.join(', ')}`);
}

/** A blank page of the app's origin (the HTML is answered by the harness), the text and spans with bare highlights. */
export async function limitTask(page: Page, session: Session, text: string, spans: readonly BenchSpan[], html: string): Promise<Task> {
  const url = `${session.appUrl}__bench__/limit.html`;
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  let base = 0;
  return {
    label: 'limit-css-highlight-50k-2000',
    async run() {
      await page.bringToFront();
      await page.goto(url);
      await fontsReady(page);
      base = await heapMB(page);
      return page.evaluate(limitRun, { text, spans });
    },
    async done(samples) {
      const heap = (await heapMB(page)) - base;
      await page.unroute(url);
      return rowOf(
        'limit-css-highlight-50k-2000',
        `limit: same text + ${spans.length.toLocaleString('en')} spans, bare CSS Custom Highlight API (Range per span, Highlight per label) → painted`,
        samples,
        heap,
      );
    },
  };
}

/** @recogito/text-annotator on the same text and spans, in a page bundled by esbuild and served by the bench. */
export function peerTask(page: Page, session: Session, text: string, spans: readonly BenchSpan[], version: string): Task {
  const url = `${session.pagesUrl}pages/recogito.html`;
  let base = 0;
  return {
    label: 'peer-recogito-50k-2000',
    async run() {
      await page.bringToFront();
      await page.goto(url);
      await fontsReady(page);
      base = await heapMB(page);
      return page.evaluate(({ text, spans }) => window.__page!.run(text, spans), { text, spans });
    },
    async done(samples) {
      return rowOf(
        'peer-recogito-50k-2000',
        `peer: @recogito/text-annotator ${version} (default SPANS renderer), same text + ${spans.length.toLocaleString('en')} spans → first highlights painted`,
        samples,
        (await heapMB(page)) - base,
      );
    },
  };
}

/**
 * idb-raw-put-100k and store-put-100k, run alternately (raw, store, raw, store…) so that both see the same disk
 * and machine load; each run writes into a scratch database deleted afterwards. The warm-up of each writes the
 * first 10,000 records only: it warms the same code, and a full one would cost ~40 s of the quick run's 5
 * minutes for nothing (the first full write was measured no slower than the next ones).
 */
export async function storageRows(page: Page, session: Session, bytesPerRecord: number): Promise<Row[]> {
  await page.goto(`${session.pagesUrl}pages/store.html`);
  const n = await page.evaluate((url) => window.__store!.load(url), `${session.pagesUrl}pages/records.json`);
  const base = await heapMB(page);
  const once = async (kind: 'rawPut' | 'storePut', i: number) => {
    const name = `hamish-bench-${kind}-${i}`;
    const count = i < PLAN.warmups ? Math.min(n, 10_000) : n;
    try {
      const ms = await page.evaluate(({ kind, name, count }) => window.__store![kind](name, count), { kind, name, count });
      process.stderr.write(
        `  ${kind === 'rawPut' ? 'idb-raw-put-100k' : 'store-put-100k'} ${i < PLAN.warmups ? `warm-up (${count} records)` : `run ${i - PLAN.warmups + 1}`}: ${ms.toFixed(1)} ms\n`,
      );
      return ms;
    } finally {
      await page.evaluate((name) => window.__store!.drop(name), name);
    }
  };
  const raw: number[] = [];
  const store: number[] = [];
  for (let i = 0; i < PLAN.warmups + PLAN.runs; i++) {
    const r = await once('rawPut', i);
    const s = await once('storePut', i);
    if (i >= PLAN.warmups) {
      raw.push(r);
      store.push(s);
    }
  }
  const heap = (await heapMB(page)) - base;
  const size = `${n.toLocaleString('en')} annotation records (~${bytesPerRecord} bytes of JSON each)`;
  return [
    rowOf(
      'idb-raw-put-100k',
      `baseline: ${size}, bare IndexedDB put loop in one readwrite transaction (durability strict, the app's indexes), on-disk profile`,
      raw,
      heap,
    ),
    rowOf(
      'store-put-100k',
      `the same records through the app's storage layer: HamishDatabase (Dexie) annotations.bulkPut; runs alternate with the baseline's`,
      store,
      heap,
    ),
  ];
}

/** The automatic backup's cost per edit at 100,000 stored annotations (BENCH.md backup-journal-append). */
export async function backupRow(page: Page, session: Session): Promise<Row> {
  await page.goto(`${session.pagesUrl}pages/store.html`);
  const n = await page.evaluate((url) => window.__store!.load(url), `${session.pagesUrl}pages/records.json`);
  const changes = QUICK ? 40 : 100;
  const r = await page.evaluate(({ n, changes }) => window.__store!.backupAppend('hamish-bench-backup', n, changes), { n, changes });
  await page.evaluate(() => window.__store!.drop('hamish-bench-backup'));
  const warm = r.append.slice(5);
  process.stderr.write(
    `  backup-journal-append: median ${median(warm).toFixed(1)} ms per edit (commit ${median(r.commit.slice(5)).toFixed(1)} ms), journal ${r.journalBytes} bytes\n`,
  );
  return rowOf(
    'backup-journal-append',
    `ms per edit for the automatic backup to take it in (OPFS journal append + manifest, flushed at once) with ${n.toLocaleString('en')} annotations stored; ${changes} one-annotation edits through the app's write path, the first 5 left out; the edit's own commit: ${median(r.commit.slice(5)).toFixed(1)} ms`,
    warm,
    null,
  );
}
