// Rows that drive the production app: cold start, opening the 50k article, adding one annotation by keyboard.
import type { Page } from '@playwright/test';
import type { AnnotationRecord } from '../../shared/model/annotation';
import type { DocumentRecord } from '../../shared/model/document';
import type { Word } from './fixtures';
import { median, PLAN, rowOf, sample, type Row, type RunPlan, type Task } from './measure';
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
  return {
    label: id,
    plan,
    async run() {
      // Interleaved with rows on other pages: a page behind another one gets no animation frames.
      await page.bringToFront();
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

/** Where a word sits in the reader: its line (one <p> per line) and offsets in that line's text node. */
function lineSpan(text: string, w: Word): { line: number; from: number; to: number } {
  const before = text.slice(0, w.start);
  const line = before.split('\n').length - 1;
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line, from: w.start - lineStart, to: w.end - lineStart };
}

interface KeyTiming {
  /** Event Timing `duration` of the keydown (key press → next paint, 8 ms granularity); null below its 16 ms threshold. */
  event: number | null;
  /** Key press (the event's timeStamp) → the end of the main thread's rendering of the frame showing the result. */
  frame: number;
  /** The record committed in IndexedDB, from the key press (the real key only). */
  commit: number | null;
}

/**
 * Arm the page for the next keydown of `code`: Event Timing (PerformanceObserver 'event', durationThreshold 16)
 * for its interaction, and — for sub-threshold interactions and sub-frame resolution — the key's timeStamp to
 * the end of the rendering of the first frame in which `paint` holds (its rAF, then a task posted from it).
 * `paint` null: a key that does no work, the probe. With `commit`, the annotations store is polled for one more
 * record (raw IndexedDB, back to back).
 */
async function armKey(page: Page, code: string, real: boolean): Promise<void> {
  await page.evaluate(
    async ({ code, real }) => {
      const open = indexedDB.open('hamish');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const count = () =>
        new Promise<number>((resolve, reject) => {
          const req = db.transaction('annotations').objectStore('annotations').count();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      const stored = await count();
      if (!real) db.close();
      const person = () => CSS.highlights.get('hamish-mention-person')?.size ?? 0;
      const painted = person();
      if (!window.__hbEvents) {
        const events: PerformanceEventTiming[] = [];
        window.__hbEvents = events;
        new PerformanceObserver((list) => events.push(...(list.getEntries() as PerformanceEventTiming[]))).observe({
          type: 'event',
          durationThreshold: 16,
        } as PerformanceObserverInit);
      }
      const events = window.__hbEvents;
      window.__hbKey = new Promise((resolve, reject) => {
        const onKey = (e: KeyboardEvent) => {
          if (e.code !== code) return;
          window.removeEventListener('keydown', onKey, true);
          const ts = e.timeStamp;
          const frameDone = new Promise<number>((done) => {
            const tick = () => {
              if (real && person() !== painted + 1) return void requestAnimationFrame(tick);
              const ch = new MessageChannel();
              ch.port1.onmessage = () => done(performance.now() - ts);
              ch.port2.postMessage(null);
            };
            requestAnimationFrame(tick);
          });
          const commit = real
            ? (async () => {
                while ((await count()) !== stored + 1) {
                  if (performance.now() - ts > 30_000) throw new Error('the new annotation was not stored within 30 s');
                }
                db.close();
                return performance.now() - ts;
              })()
            : Promise.resolve(null);
          Promise.all([frameDone, commit])
            .then(async ([frame, commit]) => {
              // Entries come after the frame is presented; one under 16 ms never comes.
              const entry = () => events.find((x) => x.name === 'keydown' && Math.abs(x.startTime - ts) < 0.5);
              const until = performance.now() + 500;
              while (!entry() && performance.now() < until) await new Promise((r) => setTimeout(r, 20));
              resolve({ event: entry()?.duration ?? null, frame, commit });
            })
            .catch(reject);
        };
        window.addEventListener('keydown', onKey, true);
      });
    },
    { code, real },
  );
}

declare global {
  interface Window {
    __hbEvents?: PerformanceEventTiming[];
    __hbKey?: Promise<KeyTiming>;
  }
}

/** Median that keeps Event Timing honest: a missing entry counts as "under 16 ms", i.e. at the threshold. */
const eventOr16 = (t: KeyTiming) => t.event ?? 16;

/**
 * On the open article: select a word no annotation touches (a Selection plus the mouseup the reader listens to);
 * then, with the same selection pending, press Q (the probe: no shortcut, no work) and 1 (Person), in that order
 * on every run (A B A B). Both are timed by Event Timing (key press → next paint) and by the key's timeStamp →
 * the frame showing the result rendered; commit: key 1 → the annotations store counts one more record.
 */
export async function addAnnotation(page: Page, doc: BenchDoc, suffix = ''): Promise<[Row, Row, Row]> {
  // Words near the top of the article (in the blocks the reader mounts at open), one per run, spaced out.
  const words = doc.freeWords.filter((_, i) => i % 7 === 0).slice(40);
  const base = await heapMB(page);
  const real: KeyTiming[] = [];
  const probe: KeyTiming[] = [];
  await sample('add-annotation (commit)', async (i) => {
    const w = words[i];
    if (!w) throw new Error('no free word left to annotate');
    await page.evaluate(
      ({ line, from, to }) => {
        const p = document.querySelector(`article.reader p[data-line="${line}"]`)!;
        p.scrollIntoView({ block: 'center', behavior: 'instant' });
        window.getSelection()!.setBaseAndExtent(p.firstChild!, from, p.firstChild!, to);
        p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, cancelable: true, view: window, button: 0 }));
      },
      lineSpan(doc.record.text, w),
    );
    await page.waitForFunction(() => CSS.highlights.has('hamish-pending'));
    await page.evaluate(() => window.__hb.frame());
    await armKey(page, 'KeyQ', false);
    await page.keyboard.press('q');
    const p = await page.evaluate(() => window.__hbKey!);
    await armKey(page, 'Digit1', true);
    await page.keyboard.press('1');
    const r = await page.evaluate(() => window.__hbKey!);
    if (i >= PLAN.warmups) {
      probe.push(p);
      real.push(r);
    }
    const ev = (t: KeyTiming) => (t.event === null ? '<16' : t.event.toFixed(0));
    process.stderr.write(`    probe: event ${ev(p)} ms, frame ${p.frame.toFixed(1)} ms; key 1: event ${ev(r)} ms, frame ${r.frame.toFixed(1)} ms\n`);
    await page.getByRole('status', { name: 'Save state' }).filter({ hasText: 'Saved' }).waitFor();
    return r.commit!;
  });
  const heap = (await heapMB(page)) - base;
  const extra = (ts: KeyTiming[]) => ({
    eventTiming: ts.map((t) => t.event),
    belowThreshold: ts.filter((t) => t.event === null).length,
    frame: ts.map((t) => Math.round(t.frame * 10) / 10),
    frameMedian: Math.round(median(ts.map((t) => t.frame)) * 10) / 10,
  });
  const note = (ts: KeyTiming[]) => {
    const below = ts.filter((t) => t.event === null).length;
    return `; key → frame rendered ${median(ts.map((t) => t.frame)).toFixed(1)} ms${below ? `; ${below} of ${ts.length} under Event Timing's 16 ms threshold, counted as 16` : ''}`;
  };
  return [
    rowOf(
      `add-annotation-paint${suffix}`,
      `open ${doc.record.text.length.toLocaleString('en')}-char, ${doc.annotations.length}-annotation article: key 1 on a selected word → new highlight painted, Event Timing duration (8 ms steps)${note(real)}`,
      real.map(eventOr16),
      heap,
      extra(real),
    ),
    rowOf(
      `add-annotation-probe${suffix}`,
      `the same, a key press that does no work (Q, same selection, before each key 1): Event Timing duration${note(probe)}`,
      probe.map(eventOr16),
      heap,
      extra(probe),
    ),
    rowOf(
      `add-annotation-commit${suffix}`,
      'the same key 1 → the record committed in IndexedDB (raw count polled)',
      real.map((t) => t.commit!),
      heap,
    ),
  ];
}
