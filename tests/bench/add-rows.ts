// The add-annotation rows: one annotation added by keyboard on an open article, timed with Event Timing against a
// key press that does no work, and to its commit in IndexedDB.
import type { Page } from '@playwright/test';
import type { BenchDoc } from './app-rows';
import type { Word } from './fixtures';
import { median, PLAN, rowOf, sample, type Row } from './measure';
import { heapMB } from './session';

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
export async function addAnnotation(page: Page, doc: BenchDoc, suffix = ''): Promise<[Row, Row, Row, Row]> {
  // Words near the top of the article, one per run, spaced out, each on a line the reader has mounted (it mounts
  // only the blocks near the viewport).
  const words = doc.freeWords.filter((_, i) => i % 7 === 0).slice(40);
  let next = 0;
  const nextWord = async (): Promise<Word | undefined> => {
    const mounted = new Set(
      await page.evaluate(() => [...document.querySelectorAll('article.reader p[data-line]')].map((p) => Number(p.getAttribute('data-line')))),
    );
    for (; next < words.length; next++) if (mounted.has(lineSpan(doc.record.text, words[next]!).line)) return words[next++];
    return undefined;
  };
  const base = await heapMB(page);
  const real: KeyTiming[] = [];
  const probe: KeyTiming[] = [];
  await sample('add-annotation (commit)', async (i) => {
    const w = await nextWord();
    if (!w) throw new Error('no free word left to annotate on the mounted lines');
    await page.evaluate(
      ({ line, from, to }) => {
        const p = document.querySelector(`article.reader p[data-line="${line}"]`)!;
        p.scrollIntoView({ block: 'center', behavior: 'instant' });
        // The line's words are text nodes of their own (renderer/features/reader/layout.ts).
        const at = (offset: number): [Node, number] => {
          for (const node of p.childNodes) {
            if (offset <= node.textContent!.length) return [node, offset];
            offset -= node.textContent!.length;
          }
          return [p, p.childNodes.length];
        };
        window.getSelection()!.setBaseAndExtent(...at(from), ...at(to));
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
      `add-annotation-over-probe${suffix}`,
      `key 1 − the probe of the same run, paired (Event Timing): what adding the mark costs beyond a key press that does nothing, input and frame pacing included in both; a probe under the 16 ms threshold counts as 16; key → frame rendered, paired: ${median(real.map((t, i) => t.frame - probe[i]!.frame)).toFixed(1)} ms`,
      real.map((t, i) => eventOr16(t) - eventOr16(probe[i]!)),
      heap,
    ),
    rowOf(
      `add-annotation-commit${suffix}`,
      'the same key 1 → the record committed in IndexedDB (raw count polled)',
      real.map((t) => t.commit!),
      heap,
    ),
  ];
}
