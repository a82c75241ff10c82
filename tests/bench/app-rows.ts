// Rows that drive the production app: cold start, opening the 50k article, adding one annotation by keyboard.
import type { Page } from '@playwright/test';
import type { AnnotationRecord } from '../../shared/model/annotation';
import type { DocumentRecord } from '../../shared/model/document';
import type { Word } from './fixtures';
import { PLAN, rowOf, sample, type Row } from './measure';
import { DOCUMENTS_NAV, heapMB, loadApp, type Session } from './session';

export interface BenchDoc {
  record: DocumentRecord;
  annotations: AnnotationRecord[];
  freeWords: Word[];
}

declare global {
  interface Window {
    __hbAdd?: Promise<{ paint: number; commit: number }>;
  }
}

/** Let Dexie create the database (version 2), then write the documents and annotations with raw IndexedDB. */
export async function seed(page: Page, session: Session, docs: readonly BenchDoc[]): Promise<void> {
  await loadApp(page, session, 0);
  await page.goto(session.blankUrl);
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
        window.__hbPending = window.__hb.until(() => {
          const el = document.querySelector(nav);
          return !!el && el.querySelectorAll('button').length === n && el.getBoundingClientRect().height > 0;
        }, { fonts: true });
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
  return rowOf(id, what, samples, heap);
}

function armOpen(page: Page, title: string, lines: number, ranges: number): Promise<void> {
  return page.evaluate(
    ({ title, lines, ranges, nav }) => {
      window.__hbPending = window.__hb.timeFrom(
        'click',
        (e) => (e.target as Element | null)?.closest?.(`${nav} button`)?.textContent === title,
        () => {
          const article = document.querySelector('article.reader');
          return !!article && article.querySelectorAll('p[data-line]').length === lines && window.__hb.layerRanges() === ranges;
        },
        { fonts: true },
      );
    },
    { title, lines, ranges, nav: DOCUMENTS_NAV },
  );
}

/** Click the title in the Documents list → the article painted and every highlight registered, on a fresh load. */
export async function openDoc(page: Page, session: Session, id: string, what: string, doc: BenchDoc, docCount: number): Promise<Row> {
  const lines = doc.record.text.split('\n').length;
  const samples = await sample(id, async () => {
    await loadApp(page, session, docCount);
    await armOpen(page, doc.record.title, lines, doc.annotations.length);
    await page.locator(DOCUMENTS_NAV).getByRole('button', { name: doc.record.title, exact: true }).click();
    return page.evaluate(() => window.__hbPending!);
  });
  return rowOf(id, what, samples, await heapMB(page));
}

/** Open `doc` (not timed) and leave it open. */
export async function openUntimed(page: Page, session: Session, doc: BenchDoc, docCount: number): Promise<void> {
  await loadApp(page, session, docCount);
  await armOpen(page, doc.record.title, doc.record.text.split('\n').length, doc.annotations.length);
  await page.locator(DOCUMENTS_NAV).getByRole('button', { name: doc.record.title, exact: true }).click();
  await page.evaluate(() => window.__hbPending!);
}

/** Where a word sits in the reader: its line (one <p> per line) and offsets in that line's text node. */
function lineSpan(text: string, w: Word): { line: number; from: number; to: number } {
  const before = text.slice(0, w.start);
  const line = before.split('\n').length - 1;
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line, from: w.start - lineStart, to: w.end - lineStart };
}

/**
 * On the open article: select a word no annotation touches (a Selection plus the mouseup the reader listens to),
 * then press 1 (Person). Paint: key press → the new range in hamish-mention-person, + one frame. Commit: key
 * press → the annotations store counts one more record (raw IndexedDB reads, polled back to back).
 */
export async function addAnnotation(page: Page, doc: BenchDoc): Promise<[Row, Row]> {
  // Words from the middle of the article on, one per run, spaced out.
  const words = doc.freeWords.filter((_, i) => i % 7 === 0).slice(40);
  const paint: number[] = [];
  const commit = await sample('add-annotation (paint, commit)', async (i) => {
    const w = words[i];
    if (!w) throw new Error('no free word left to annotate');
    await page.evaluate(({ line, from, to }) => {
      const p = document.querySelector(`article.reader p[data-line="${line}"]`)!;
      p.scrollIntoView({ block: 'center', behavior: 'instant' });
      window.getSelection()!.setBaseAndExtent(p.firstChild!, from, p.firstChild!, to);
      p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, cancelable: true, view: window, button: 0 }));
    }, lineSpan(doc.record.text, w));
    await page.waitForFunction(() => CSS.highlights.has('hamish-pending'));
    await page.evaluate(async () => {
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
      const person = () => CSS.highlights.get('hamish-mention-person')?.size ?? 0;
      const painted = person();
      window.__hbAdd = new Promise((resolve, reject) => {
        const onKey = (e: KeyboardEvent) => {
          if (e.code !== 'Digit1') return;
          window.removeEventListener('keydown', onKey, true);
          const t0 = performance.now();
          const paint = window.__hb.until(() => person() === painted + 1).then((t) => t - t0);
          const commit = (async () => {
            while ((await count()) !== stored + 1) {
              if (performance.now() - t0 > 30_000) throw new Error('the new annotation was not stored within 30 s');
            }
            return performance.now() - t0;
          })();
          Promise.all([paint, commit]).then(([p, c]) => {
            db.close();
            resolve({ paint: p, commit: c });
          }, reject);
        };
        window.addEventListener('keydown', onKey, true);
      });
    });
    await page.keyboard.press('1');
    const r = await page.evaluate(() => window.__hbAdd!);
    if (i >= PLAN.warmups) paint.push(r.paint);
    process.stderr.write(`    paint ${r.paint.toFixed(1)} ms\n`);
    await page.getByRole('status', { name: 'Save state' }).filter({ hasText: 'Saved' }).waitFor();
    return r.commit;
  });
  const heap = await heapMB(page);
  return [
    rowOf('add-annotation-paint', `open ${doc.annotations.length}-annotation article: key 1 on a selected word → new highlight painted`, paint, heap),
    rowOf('add-annotation-commit', 'the same key press → the record committed in IndexedDB (raw count polled)', commit, heap),
  ];
}
