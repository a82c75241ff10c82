// The ANT corpus through the app: import every article with the Import button, then search it.
import type { Page } from '@playwright/test';
import { rowOf, sample, type Row } from './measure';
import { dropAppDatabase, heapMB, loadApp, type Session } from './session';

const NOTICE = '[role="status"][aria-label="Notice"]';
const SEARCH_SUMMARY = '[role="status"][aria-label="Search results"]';

export interface ImportOutcome {
  row: Row;
  /** Documents stored by the last run (duplicate texts are reported, not stored). */
  stored: number;
}

/**
 * Each run on an empty database: Import articles… → the file chooser → every path at once. Timed in the page from
 * just before setFiles to the notice «Imported n of m files.» painted.
 */
export async function importAnt(page: Page, session: Session, files: readonly string[]): Promise<ImportOutcome> {
  let stored = 0;
  let base = 0;
  const longest: number[] = [];
  const samples = await sample('import-ant', async () => {
    await dropAppDatabase(page, session);
    await loadApp(page, session, 0);
    base = await heapMB(page);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import articles…' }).click();
    const picker = await chooser;
    const t0 = await page.evaluate((notice) => {
      // The longest main-thread task while importing: what the annotator feels as a frozen window.
      const w = window as unknown as { __hbLongest: number };
      w.__hbLongest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__hbLongest = Math.max(w.__hbLongest, e.duration);
      }).observe({ type: 'longtask' });
      window.__hbPending = window.__hb.until(() => /^Imported /.test(document.querySelector(notice)?.textContent ?? ''));
      return performance.now();
    }, NOTICE);
    await picker.setFiles([...files], { timeout: 300_000 });
    const t1 = await page.evaluate(() => window.__hbPending!);
    longest.push(await page.evaluate(() => (window as unknown as { __hbLongest: number }).__hbLongest));
    const notice = await page.locator(NOTICE).textContent();
    const m = /^Imported (\d+) of (\d+) files\.$/.exec(notice ?? '');
    if (!m || Number(m[2]) !== files.length) throw new Error(`unexpected import notice: ${notice}`);
    stored = Number(m[1]);
    return t1 - t0;
  });
  const median = [...samples].sort((a, b) => a - b)[samples.length >> 1]!;
  const row = rowOf(
    'import-ant',
    `import ${files.length.toLocaleString('en')} ANT articles with Import articles… (one setFiles) → notice painted; ${stored.toLocaleString('en')} stored (the rest same text)`,
    samples,
    (await heapMB(page)) - base,
    {
      docsPerSec: Math.round(files.length / (median / 1000)),
      stored,
      longestTaskMs: Math.round(Math.max(...longest)),
    },
  );
  row.what += `; ${row.docsPerSec as number} files/s; longest main-thread task ${row.longestTaskMs as number} ms`;
  return { row, stored };
}

export interface SearchOutcome {
  rows: Row[];
  summary: string;
}

async function openCorpusSearch(page: Page, session: Session, docs: number, query: string): Promise<void> {
  await loadApp(page, session, docs);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Corpus' }).click();
  await page.getByRole('searchbox', { name: 'Search text' }).fill(query);
}

function armSearch(page: Page, previous: string | null): Promise<void> {
  return page.evaluate(
    ({ summary, previous }) => {
      window.__hbPending = window.__hb.timeFrom(
        'submit',
        () => true,
        () => {
          const text = document.querySelector(summary)?.textContent ?? '';
          return text !== '' && text !== previous;
        },
      );
    },
    { summary: SEARCH_SUMMARY, previous },
  );
}

/**
 * `corpus-search`: on a freshly loaded Corpus view, submit «query» → the results summary painted (the first search
 * loads every text and folds it). `corpus-search-warm`: the same view after another search, so the folded index
 * is reused.
 */
export async function corpusSearch(page: Page, session: Session, docs: number, query: string, other: string): Promise<SearchOutcome> {
  let summary = '';
  let base = 0;
  const first = await sample('corpus-search', async () => {
    await openCorpusSearch(page, session, docs, query);
    base = await heapMB(page);
    await armSearch(page, null);
    await page.getByRole('searchbox', { name: 'Search text' }).press('Enter');
    const ms = await page.evaluate(() => window.__hbPending!);
    summary = (await page.locator(SEARCH_SUMMARY).textContent()) ?? '';
    return ms;
  });
  const heapFirst = (await heapMB(page)) - base;
  const box = page.getByRole('searchbox', { name: 'Search text' });
  const warm = await sample('corpus-search-warm', async () => {
    await box.fill(other);
    await box.press('Enter');
    await page.locator(SEARCH_SUMMARY).filter({ hasNotText: summary }).waitFor();
    const previous = await page.locator(SEARCH_SUMMARY).textContent();
    await box.fill(query);
    await armSearch(page, previous);
    await box.press('Enter');
    return page.evaluate(() => window.__hbPending!);
  });
  return {
    summary,
    rows: [
      rowOf(
        'corpus-search',
        `Corpus view freshly loaded, ${docs.toLocaleString('en')} docs: submit «${query}» → results painted (builds the folded index); ${summary}`,
        first,
        heapFirst,
      ),
      rowOf('corpus-search-warm', `the same view after another search: submit «${query}» → results painted (index reused)`, warm, (await heapMB(page)) - base),
    ],
  };
}
