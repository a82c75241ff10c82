// Rows that drive the production app: cold start and opening articles (first open, reopen, switch). Adding an
// annotation by keyboard is in add-rows.ts.
import type { Page } from '@playwright/test';
import type { AnnotationRecord } from '../../shared/model/annotation';
import type { DocumentRecord } from '../../shared/model/document';
import { PACK_MIN } from '../../renderer/db/packs';
import type { Word } from './fixtures';
import { PLAN, rowOf, sample, type Row, type RunPlan, type Task } from './measure';
import { DOCUMENTS_NAV, heapMB, loadApp, type Session } from './session';

export interface BenchDoc {
  record: DocumentRecord;
  annotations: AnnotationRecord[];
  freeWords: Word[];
}

/** Let Dexie create the database (version 2), then write the documents and annotations with raw IndexedDB. */
export async function seed(page: Page, session: Session, docs: readonly BenchDoc[]): Promise<void> {
  await loadApp(page, session, 0);
  await page.goto(session.blankUrl);
  await putDocs(page, docs);
}

/** Put documents and their annotations into the app's database with raw IndexedDB (the page: the blank URL). */
export async function putDocs(page: Page, docs: readonly BenchDoc[]): Promise<void> {
  await page.evaluate(
    async ({ documents, annotations }) => {
      const open = indexedDB.open('hamish'); // no version: whatever Dexie made (Dexie version 2 is IDB version 20)
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      if (!db.objectStoreNames.contains('annotations')) throw new Error(`the app did not create its stores (IDB version ${db.version})`);
      const tx = db.transaction(['documents', 'annotations'], 'readwrite');
      for (const d of documents) tx.objectStore('documents').put(d);
      for (const a of annotations) tx.objectStore('annotations').put(a);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = tx.onabort = () => reject(tx.error);
      });
      db.close();
    },
    { documents: docs.map((d) => d.record), annotations: docs.flatMap((d) => d.annotations) },
  );
}

/** New tab, HTTP cache off: navigation start to the Documents list painted with its `buttons` buttons. */
export async function coldStart(session: Session, id: string, what: string, buttons: number): Promise<Row> {
  let last: Page | null = null;
  const samples = await sample(id, async () => {
    await last?.close();
    const page = await session.context.newPage();
    last = page;
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.addInitScript(
      ({ nav, n }) => {
        window.__hbPending = window.__hb.until(
          () => {
            const el = document.querySelector(nav);
            return !!el && el.querySelectorAll('button').length === n && el.getBoundingClientRect().height > 0;
          },
          { fonts: true },
        );
      },
      { nav: DOCUMENTS_NAV, n: buttons },
    );
    await page.goto(session.appUrl);
    // performance.now() counts from the navigation's start.
    return page.evaluate(() => window.__hbPending!);
  });
  const page = last as Page | null;
  const heap = page ? await heapMB(page) : null;
  await page?.close();
  // The baseline: a new tab on a page of the app's origin that runs no app code.
  const blank = await session.context.newPage();
  const base = await blank
    .goto(session.blankUrl)
    .then(() => heapMB(blank))
    .finally(() => blank.close());
  return rowOf(id, what, samples, heap === null ? null : heap - base);
}

/**
 * Read what the database holds for `doc` (its text's lines and every range the app paints for its annotations,
 * cues included) with raw IndexedDB, untimed, into window.__hbExpect for the probe's openReady.
 */
async function expectOpen(page: Page, doc: BenchDoc): Promise<void> {
  await page.evaluate(
    async ({ id, title }) => {
      const open = indexedDB.open('hamish');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const get = <T>(req: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      try {
        const tx = db.transaction(['documents', 'annotations']);
        const record = (await get(tx.objectStore('documents').get(id))) as { text: string } | undefined;
        if (!record) throw new Error(`document ${id} is not in the database`);
        const anns = (await get(tx.objectStore('annotations').index('documentId').getAll(id))) as {
          start: number;
          end: number;
          cue?: { start: number; end: number };
        }[];
        const starts = [0];
        for (let i = record.text.indexOf('\n'); i !== -1; i = record.text.indexOf('\n', i + 1)) starts.push(i + 1);
        const lineOf = (offset: number) => {
          let lo = 0;
          let hi = starts.length - 1;
          while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (starts[mid]! <= offset) lo = mid;
            else hi = mid - 1;
          }
          return lo;
        };
        const spanLines: number[] = [];
        for (const a of anns) {
          spanLines.push(lineOf(a.start), lineOf(a.end));
          if (a.cue) spanLines.push(lineOf(a.cue.start), lineOf(a.cue.end));
        }
        window.__hbExpect = { title, lines: starts.length, spanLines };
      } finally {
        db.close();
      }
    },
    { id: doc.record.id, title: doc.record.title },
  );
}

/** Time a click on `doc`'s title in the Documents list → open readiness (probe.ts openReady) painted. */
async function armOpen(page: Page, doc: BenchDoc): Promise<void> {
  await expectOpen(page, doc);
  await page.evaluate(
    ({ title, nav }) => {
      const expect = window.__hbExpect!;
      window.__hbPending = window.__hb.timeFrom(
        'click',
        (e) => (e.target as Element | null)?.closest?.(`${nav} button`)?.textContent === title,
        () => window.__hb.openReady(expect),
        { fonts: true },
      );
    },
    { title: doc.record.title, nav: DOCUMENTS_NAV },
  );
}

/** Untimed idle before each reload of an open row (after the first). */
const SETTLE_MS = 2000;

/** Wait (untimed, up to 20 s) until IndexedDB holds the pack of this document (renderer/db/packs.ts). */
async function waitForPack(page: Page, documentId: string): Promise<void> {
  await page.waitForFunction(
    async (id) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('hamish');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      try {
        return await new Promise<boolean>((resolve) => {
          const req = db.transaction('packs').objectStore('packs').count(id);
          req.onsuccess = () => resolve(req.result === 1);
          req.onerror = () => resolve(false);
        });
      } finally {
        db.close();
      }
    },
    documentId,
    { timeout: 20_000, polling: 100 },
  );
}

/** Click `doc`'s title and wait for open readiness; the page's milliseconds from the click. */
async function clickOpen(page: Page, doc: BenchDoc): Promise<number> {
  await armOpen(page, doc);
  await page.locator(DOCUMENTS_NAV).getByRole('button', { name: doc.record.title, exact: true }).click();
  return page.evaluate(() => window.__hbPending!);
}

/**
 * Click the title in the Documents list → the article painted and its highlights registered, on a fresh load.
 * A forced GC before each click (untimed) gives every run the same start and the heap baseline of the row.
 */
export function openTask(page: Page, session: Session, id: string, what: string, doc: BenchDoc, docCount: number, plan: RunPlan = PLAN): Task {
  let base = 0;
  let opened = false;
  return {
    label: id,
    plan,
    async run() {
      // Interleaved with rows on other pages: a page behind another one gets no animation frames.
      await page.bringToFront();
      // A large document is opened from its pack once a first open has made it (in a worker, in the background, as
      // it would be while the annotator reads): wait for it, untimed, rather than reload in the middle of it.
      if (opened && doc.annotations.length >= PACK_MIN) await waitForPack(page, doc.record.id);
      // And the page is left idle a moment, as between an annotator's opens: reloading at once measured the
      // browser's work after the previous open (profiled: up to 2× on the 10,000-annotation row), not this one.
      if (opened) await page.waitForTimeout(SETTLE_MS);
      opened = true;
      await loadApp(page, session, docCount);
      base = await heapMB(page);
      return clickOpen(page, doc);
    },
    async done(samples) {
      return rowOf(id, what, samples, (await heapMB(page)) - base);
    },
  };
}

/** openTask on its own. */
export async function openDoc(page: Page, session: Session, id: string, what: string, doc: BenchDoc, docCount: number, plan: RunPlan = PLAN): Promise<Row> {
  const task = openTask(page, session, id, what, doc, docCount, plan);
  return task.done(await sample(id, (i) => task.run(i), plan));
}

/** Open `doc` (not timed) and leave it open. */
export async function openUntimed(page: Page, session: Session, doc: BenchDoc, docCount: number): Promise<void> {
  await loadApp(page, session, docCount);
  await clickOpen(page, doc);
}

/**
 * `reopen-50k-2000`: in one page load, `doc` opened once (untimed); then each run opens `other` (untimed) and
 * `doc` again, timed to open readiness — the revisit users make every minute, with whatever the app kept warm.
 */
export async function reopenRow(page: Page, session: Session, doc: BenchDoc, other: BenchDoc, docCount: number): Promise<Row> {
  await loadApp(page, session, docCount);
  const base = await heapMB(page);
  await clickOpen(page, doc);
  const samples = await sample('reopen-50k-2000', async () => {
    await clickOpen(page, other);
    await heapMB(page); // the same start for every run
    return clickOpen(page, doc);
  });
  return rowOf(
    'reopen-50k-2000',
    `open another document (${other.annotations.length.toLocaleString('en')} annotations), then the ${doc.annotations.length.toLocaleString('en')}-annotation article again → every highlight painted`,
    samples,
    (await heapMB(page)) - base,
  );
}

/** `switch-50k-2000`: in one page load, `a` and `b` opened alternately, every open timed to open readiness. */
export async function switchRow(page: Page, session: Session, a: BenchDoc, b: BenchDoc, docCount: number): Promise<Row> {
  await loadApp(page, session, docCount);
  const base = await heapMB(page);
  await clickOpen(page, a);
  const samples = await sample('switch-50k-2000', async (i) => {
    await heapMB(page);
    return clickOpen(page, i % 2 === 0 ? b : a);
  });
  return rowOf(
    'switch-50k-2000',
    `alternate two 50,000-char articles of ${a.annotations.length.toLocaleString('en')} and ${b.annotations.length.toLocaleString('en')} annotations (different texts): click → every highlight painted, each switch a run`,
    samples,
    (await heapMB(page)) - base,
  );
}
