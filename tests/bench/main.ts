// `npm run bench` (BENCH.md): scripts/bench.mjs builds the app and bundles this file and the bench pages, then runs
// it. Drives Debian's Chromium with Playwright directly (not the test runner), prints one table and writes
// bench-results.json. Cleans up the browser and servers on every path; exits non-zero only if a row failed.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config';
import { MAX_TXT_BYTES } from '../../shared/formats/txt/import-txt';
import { addAnnotation } from './add-rows';
import { coldStart, openDoc, openTask, openUntimed, putDocs, reopenRow, seed, switchRow, type BenchDoc } from './app-rows';
import { corpusSearch, importAnt } from './corpus-rows';
import { benchText, benchTextOfBytes, documentRecord, exportCorpus, fakeSha, listArticles, planAnnotations, TEXT_CHARS, uuidOf } from './fixtures';
import { interleave, naRow, pair, PLAN, printTable, QUICK, writeResults, type Row, type RunPlan, type Task } from './measure';
import { corpusSearchNodeRows, exportConllRow, exportJsonLdRow, importJsonLdRow } from './node-rows';
import { pageHtml } from './pages/text-page';
import { installProbe } from './probe';
import { backupRow, benchSpans, limitTask, peerTask, storageRows } from './reference-rows';
import { startAppServer, startStaticServer } from './servers';
import type { Session } from './session';

const ROOT = process.env.BENCH_ROOT ?? process.cwd();
const TMP = process.env.BENCH_TMP ?? join(ROOT, 'tests/bench/.tmp');
const ANT = join(ROOT, '../shared/corpora/ant-jawharafm/plain');
const APP_PORT = 5179;
const PAGES_PORT = 5180;
const QUERY = 'حفتر';
const OTHER_QUERY = 'تونس';
const ORDER = [
  'cold-start',
  'cold-start-ant',
  'open-50k-0',
  'open-50k-2000',
  'open-50k-10000',
  'reopen-50k-2000',
  'switch-50k-2000',
  'open-1m-2000',
  'open-10m-0',
  'limit-css-highlight-50k-2000',
  'peer-recogito-50k-2000',
  'add-annotation-paint',
  'add-annotation-probe',
  'add-annotation-over-probe',
  'add-annotation-commit',
  'add-annotation-paint-1m',
  'add-annotation-probe-1m',
  'add-annotation-over-probe-1m',
  'add-annotation-commit-1m',
  'corpus-search',
  'corpus-search-warm',
  'corpus-search-node',
  'corpus-search-node-warm',
  'import-ant',
  'idb-raw-put-100k',
  'store-put-100k',
  'backup-journal-append',
  'export-jsonld-100k',
  'export-conll-100k',
  'monaco-open',
];

/** For working on the bench: BENCH_ONLY=reopen,add-annotation runs only the row groups with an id starting so. */
const ONLY = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
/** The 10 MB open takes seconds a run on 2 cores: fewer runs in quick mode, so the quick bench stays under 5 minutes. */
const BIG_PLAN: RunPlan = QUICK ? { warmups: 0, runs: 2 } : PLAN;

const cleanups: (() => Promise<unknown>)[] = [];
let interrupted = false;
async function cleanUp(): Promise<void> {
  while (cleanups.length) {
    try {
      await cleanups.pop()!();
    } catch (err) {
      process.stderr.write(`cleanup: ${String(err)}\n`);
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    process.stderr.write(`\n${signal}: closing the browser and servers; no results written.\n`);
    void cleanUp().finally(() => process.exit(130));
  });
}

/** The Noto Naskh Arabic faces of the built app, with URLs that work from /assets/ on either server. */
function fontFaces(): string {
  const css = readdirSync(join(ROOT, 'dist-web/assets')).find((f) => /^index-.*\.css$/.test(f));
  if (!css) throw new Error('dist-web has no stylesheet: did the web build run?');
  const faces = readFileSync(join(ROOT, 'dist-web/assets', css), 'utf8').match(/@font-face\{[^}]*\}/g) ?? [];
  return faces.map((f) => f.replaceAll('url(./', 'url(/assets/')).join('\n');
}

function peerVersion(): string | null {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'node_modules/@recogito/text-annotator/package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return null;
  }
}

async function main(): Promise<number> {
  const started = performance.now();
  const rows: Row[] = [];
  let failed = 0;
  const attempt = async (ids: string[], what: string, f: () => Promise<Row | Row[]>) => {
    if (interrupted) throw new Error('interrupted');
    if (ONLY.length && !ids.some((id) => ONLY.some((o) => id.startsWith(o)))) {
      for (const id of ids) rows.push(naRow(id, what, 'skipped: not in BENCH_ONLY'));
      return;
    }
    try {
      const r = await f();
      rows.push(...(Array.isArray(r) ? r : [r]));
    } catch (err) {
      if (interrupted) throw new Error('interrupted', { cause: err });
      failed++;
      const message = (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
      process.stderr.write(`! ${ids.join(', ')} failed: ${err instanceof Error ? (err.stack ?? message) : message}\n`);
      for (const id of ids) rows.push(naRow(id, what, `failed: ${message}`));
    }
  };

  // ---- data (not timed) ----
  const files = listArticles(ANT);
  const text = benchText(files);
  const firstLine = text.slice(0, text.indexOf('\n'));
  const docs: BenchDoc[] = [0, 2000, 10000].map((n, i) => {
    const id = uuidOf(i + 1);
    const plan = planAnnotations(text, id, n, 1000 + n);
    return { record: documentRecord(id, `Bench 50k · ${n} annotations · ${firstLine}`, text, fakeSha(i + 1), `bench-50k-${n}.txt`), ...plan };
  });
  const doc2000 = docs[1]!;
  // Seeded after the rows above, so that cold start and the first opens see the same three documents as before.
  let skip = 0;
  for (let n = 0; n < TEXT_CHARS; skip++) n += readFileSync(files[skip]!, 'utf8').length + 1;
  const twinText = benchText(files, TEXT_CHARS, skip);
  const text1m = benchText(files, 1_000_000);
  const text10m = benchTextOfBytes(files, MAX_TXT_BYTES - 1);
  const bigDoc = (n: number, title: string, t: string, count: number, file: string): BenchDoc => {
    const id = uuidOf(n);
    const plan = count ? planAnnotations(t, id, count, 1000 + n * 7919) : { annotations: [], freeWords: [] };
    return { record: documentRecord(id, `${title} · ${t.slice(0, t.indexOf('\n'))}`, t, fakeSha(n), file), ...plan };
  };
  const twin2000 = bigDoc(4, 'Bench 50k (second) · 2000 annotations', twinText, 2000, 'bench-50k-2000-b.txt');
  const doc1m = bigDoc(5, 'Bench 1M · 2000 annotations', text1m, 2000, 'bench-1m-2000.txt');
  const doc10m = bigDoc(6, 'Bench 10 MB · 0 annotations', text10m, 0, 'bench-10mb-0.txt');
  const allDocs = docs.length + 3;
  const exportData = exportCorpus(files, 1000, 100);
  writeFileSync(join(TMP, 'records.json'), JSON.stringify(exportData.annotations));
  const bytesPerRecord = Math.round(exportData.annotations.reduce((n, a) => n + Buffer.byteLength(JSON.stringify(a)), 0) / exportData.annotations.length);
  const faces = fontFaces();
  const version = peerVersion();
  writeFileSync(join(TMP, 'recogito.html'), pageHtml(faces, '<link rel="stylesheet" href="recogito.css">', '<script src="recogito.js"></script>'));
  writeFileSync(join(TMP, 'store.html'), pageHtml('', '', '<script src="store.js"></script>'));
  const limitHtml = pageHtml(faces);
  const spans2000 = benchSpans(doc2000.annotations);
  process.stderr.write(
    `bench text: ${text.length.toLocaleString('en')} chars, ${text.split('\n').length} lines; ${files.length} ANT files; ${QUICK ? 'quick' : 'full'} (${PLAN.warmups} warm-up + ${PLAN.runs} runs)\n`,
  );

  // ---- servers and browser ----
  const app = await startAppServer(ROOT, APP_PORT);
  cleanups.push(app.stop);
  const pages = await startStaticServer(PAGES_PORT, { '/pages/': TMP, '/assets/': join(ROOT, 'dist-web/assets') });
  cleanups.push(pages.stop);
  const profile = mkdtempSync(join(tmpdir(), 'hamish-bench-profile-'));
  cleanups.push(async () => rmSync(profile, { recursive: true, force: true }));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1400, height: 900 },
  });
  cleanups.push(() => context.close());
  await context.addInitScript(installProbe);
  const session: Session = { context, appUrl: app.url, pagesUrl: pages.url, blankUrl: `${app.url}__bench__/blank` };
  const page: Page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  const chromiumVersion = ((await cdp.send('Browser.getVersion')) as { product: string }).product;
  await cdp.detach();

  // ---- the app on the three 50k documents ----
  await seed(page, session, docs);
  await attempt(['cold-start'], 'cold start', () =>
    coldStart(session, 'cold-start', `new tab, HTTP cache off: navigation → Documents list painted with its ${docs.length} buttons`, docs.length),
  );
  // The floor, the rows, the limit and the peer, interleaved run by run (BENCH.md): one page each.
  const limitPage = await context.newPage();
  const peerPage = await context.newPage();
  cleanups.push(
    () => limitPage.close(),
    () => peerPage.close(),
  );
  const openTasks: { id: string; what: string; task: () => Promise<Task> }[] = docs.map((d) => {
    const id = `open-50k-${d.annotations.length}`;
    const what = d.annotations.length
      ? `click title → 50,000-char article + all ${d.annotations.length.toLocaleString('en')} highlights (${d.annotations.filter((a) => a.kind === 'claim').length.toLocaleString('en')} claims linked to mentions) painted, read from the pack the first open made; runs interleaved with the floor, limit and peer`
      : 'click title → 50,000-char article painted, no annotations (the floor)';
    return { id, what, task: async () => openTask(page, session, id, what, d, docs.length) };
  });
  openTasks.push({ id: 'limit-css-highlight-50k-2000', what: 'limit', task: () => limitTask(limitPage, session, text, spans2000, limitHtml) });
  const peerWhat = '@recogito/text-annotator rendering the same text and spans';
  if (!version) rows.push(naRow('peer-recogito-50k-2000', peerWhat, 'n/a: @recogito/text-annotator is not installed (npm install)'));
  else openTasks.push({ id: 'peer-recogito-50k-2000', what: peerWhat, task: async () => peerTask(peerPage, session, text, spans2000, version) });
  const chosen = openTasks.filter((t) => !ONLY.length || ONLY.some((o) => t.id.startsWith(o)));
  for (const t of openTasks) if (!chosen.includes(t)) rows.push(naRow(t.id, t.what, 'skipped: not in BENCH_ONLY'));
  const results = await interleave(await Promise.all(chosen.map((t) => t.task())));
  results.forEach((r, k) => {
    if (!(r instanceof Error)) return void rows.push(r);
    if (interrupted) throw new Error('interrupted', { cause: r });
    failed++;
    process.stderr.write(`! ${chosen[k]!.id} failed: ${r.stack ?? r.message}\n`);
    rows.push(naRow(chosen[k]!.id, chosen[k]!.what, `failed: ${r.message.split('\n')[0]!}`));
  });
  await limitPage.close();
  await peerPage.close();
  await attempt(
    ['add-annotation-paint', 'add-annotation-probe', 'add-annotation-over-probe', 'add-annotation-commit'],
    'add one annotation by keyboard',
    async () => {
      await openUntimed(page, session, doc2000, docs.length);
      return addAnnotation(page, doc2000);
    },
  );

  // ---- second and later opens, long articles (three more documents) ----
  await page.goto(session.blankUrl);
  await putDocs(page, [twin2000, doc1m, doc10m]);
  await attempt(['reopen-50k-2000'], 'reopen', () => reopenRow(page, session, doc2000, docs[0]!, allDocs));
  await attempt(['switch-50k-2000'], 'switch', () => switchRow(page, session, doc2000, twin2000, allDocs));
  await attempt(['open-1m-2000'], 'open 1M', () =>
    openDoc(
      page,
      session,
      'open-1m-2000',
      `click title → ${text1m.length.toLocaleString('en')}-char article (${text1m.split('\n').length.toLocaleString('en')} lines) + its 2,000 highlights painted`,
      doc1m,
      allDocs,
    ),
  );
  // A mark on the 1 MB article: only the blocks near the view hold ranges, so it costs what it does at 50k.
  await attempt(
    ['add-annotation-paint-1m', 'add-annotation-probe-1m', 'add-annotation-over-probe-1m', 'add-annotation-commit-1m'],
    'add one annotation on the 1 MB article',
    async () => {
      await openUntimed(page, session, doc1m, allDocs);
      return addAnnotation(page, doc1m, '-1m');
    },
  );
  await attempt(['open-10m-0'], 'open 10 MB', () =>
    openDoc(
      page,
      session,
      'open-10m-0',
      `click title → ${(Buffer.byteLength(text10m) / 2 ** 20).toFixed(2)} MB article (${text10m.length.toLocaleString('en')} chars, ${text10m.split('\n').length.toLocaleString('en')} lines), no annotations, painted (import limit ${MAX_TXT_BYTES / 2 ** 20} MB)`,
      doc10m,
      allDocs,
      BIG_PLAN,
    ),
  );

  // ---- storage baseline and the app's storage layer (the bench's own origin) ----
  await attempt(['idb-raw-put-100k', 'store-put-100k'], '100,000 annotation records put', async () => {
    const p = await context.newPage();
    try {
      return await storageRows(p, session, bytesPerRecord);
    } finally {
      await p.close();
    }
  });
  await attempt(['backup-journal-append'], 'the automatic backup per edit', async () => {
    const p = await context.newPage();
    try {
      return await backupRow(p, session);
    } finally {
      await p.close();
    }
  });

  // ---- the ANT corpus through the app (replaces the bench documents) ----
  let stored = 0;
  await attempt(['import-ant'], 'import the ANT corpus', async () => {
    const r = await importAnt(page, session, files);
    stored = r.stored;
    return r.row;
  });
  if (stored > 0) {
    await attempt(['cold-start-ant'], 'cold start with the ANT corpus', () =>
      coldStart(session, 'cold-start-ant', `the same with the ANT corpus imported: Documents list painted with ${stored.toLocaleString('en')} buttons`, stored),
    );
    await attempt(['corpus-search', 'corpus-search-warm'], 'corpus search', async () => (await corpusSearch(page, session, stored, QUERY, OTHER_QUERY)).rows);
  } else {
    const skipped = ONLY.length && !ONLY.some((o) => 'import-ant'.startsWith(o) || 'corpus-search'.startsWith(o));
    rows.push(naRow('corpus-search', 'corpus search in the app', skipped ? 'skipped: not in BENCH_ONLY' : 'n/a: the import failed'));
  }

  // ---- Node ----
  await attempt(['corpus-search-node', 'corpus-search-node-warm'], 'corpus search in Node', () => corpusSearchNodeRows(files, QUERY));
  await attempt(['export-jsonld-100k'], 'export W3C JSON-LD', () => exportJsonLdRow(exportData));
  await attempt(['export-conll-100k'], 'export CoNLL', () => exportConllRow(exportData));
  await attempt(['import-jsonld-100k'], 'import W3C JSON-LD', () => importJsonLdRow(exportData));
  rows.push(naRow('monaco-open', 'open the label-schema editor for the first time (Monaco lazily loaded)', 'n/a: schema editor not built yet'));

  // ---- report ----
  if (interrupted) throw new Error('interrupted');
  rows.sort((a, b) => (ORDER.indexOf(a.id) >>> 0) - (ORDER.indexOf(b.id) >>> 0));
  pair(rows, 'open-50k-2000', 'limit-css-highlight-50k-2000');
  pair(rows, 'peer-recogito-50k-2000', 'limit-css-highlight-50k-2000');
  pair(rows, 'open-50k-10000', 'open-50k-0');
  pair(rows, 'reopen-50k-2000', 'open-50k-2000');
  pair(rows, 'switch-50k-2000', 'open-50k-2000');
  pair(rows, 'add-annotation-paint', 'add-annotation-probe');
  pair(rows, 'add-annotation-paint-1m', 'add-annotation-probe-1m');
  pair(rows, 'store-put-100k', 'idb-raw-put-100k');
  pair(rows, 'corpus-search', 'corpus-search-node');
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `\nHamish bench — ${QUICK ? 'BENCH_QUICK=1: ' : ''}${PLAN.warmups} warm-up + ${PLAN.runs} runs per row; ${chromiumVersion}; Node ${process.version}; ${cpus().length} CPUs\n`,
  );
  console.log(printTable(rows));
  writeResults(join(ROOT, 'bench-results.json'), { cpus: cpus().length, node: process.version, chromium: chromiumVersion }, rows);
  console.log(`\nbench-results.json written; ${seconds.toFixed(0)} s in the bench itself${failed ? `; ${failed} row group(s) FAILED` : ''}.`);
  return failed ? 1 : 0;
}

let code = 1;
try {
  code = await main();
} catch (err) {
  if (interrupted) code = 130;
  else process.stderr.write(`bench harness failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
} finally {
  await cleanUp();
}
process.exit(code);
