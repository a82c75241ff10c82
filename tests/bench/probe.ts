// Timing helpers installed in every bench page (context.addInitScript): all times are the page's own
// performance.now(), so the harness's round trips never count.

export interface Probe {
  /** performance.now() at the next animation frame. */
  frame(): Promise<number>;
  /**
   * Poll once per frame until `cond` holds, then wait one more frame — its callback runs after the frame that
   * showed the condition was painted — and, with `fonts`, for web fonts still loading (text is painted in its
   * own face). Resolves with performance.now().
   */
  until(cond: () => boolean, opts?: { fonts?: boolean }): Promise<number>;
  /** Ranges in the app's layer highlights (hamish-mention-*, hamish-claim-*, hamish-source-*, hamish-cue). */
  layerRanges(): number;
  /** Milliseconds from the next `type` event on window (capture phase) that `match` accepts to `until(cond)`. */
  timeFrom(type: string, match: (e: Event) => boolean, cond: () => boolean, opts?: { fonts?: boolean }): Promise<number>;
  /**
   * Open readiness, the one test of every open row: the article titled `e.title` is in the DOM with lines
   * rendered, the rendered lines fill the reader's visible box (or reach the last line), and the layer ranges
   * registered inside this article number what the database holds for the rendered lines — at least every
   * annotation lying wholly in rendered lines, at most every annotation touching one. A reader that renders every
   * line (today's) must therefore paint every annotation; a virtualised one only those near the viewport. Ranges
   * left over from another article never count.
   */
  openReady(e: OpenExpect): boolean;
}

/** What the database holds for one document, read before the timed open (app-rows.ts expectOpen). */
export interface OpenExpect {
  title: string;
  lines: number;
  /** Pairs [first line, last line] of every range the app paints for the document (claims' cues included). */
  spanLines: number[];
}

declare global {
  interface Window {
    __hb: Probe;
    __hbPending?: Promise<number>;
    __hbExpect?: OpenExpect;
  }
}

/** Serialised into the page: must not reference anything outside its own body. */
export function installProbe(): void {
  const LAYER = /^hamish-(mention|claim|source)-|^hamish-cue$/;
  const frame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  const probe: Probe = {
    frame,
    until(cond, opts = {}) {
      return new Promise<number>((resolve) => {
        const tick = () => {
          if (!cond()) return void requestAnimationFrame(tick);
          requestAnimationFrame(async () => {
            if (opts.fonts && document.fonts.status === 'loading') {
              await document.fonts.ready;
              await frame();
            }
            resolve(performance.now());
          });
        };
        requestAnimationFrame(tick);
      });
    },
    layerRanges() {
      let n = 0;
      CSS.highlights.forEach((h, name) => {
        if (LAYER.test(String(name))) n += h.size;
      });
      return n;
    },
    timeFrom(type, match, cond, opts) {
      return new Promise<number>((resolve) => {
        const listener = (e: Event) => {
          if (!match(e)) return;
          window.removeEventListener(type, listener, true);
          const t0 = performance.now();
          void probe.until(cond, opts).then((t1) => resolve(t1 - t0));
        };
        window.addEventListener(type, listener, true);
      });
    },
    openReady(e) {
      let article: Element | undefined;
      for (const a of document.querySelectorAll('article.reader')) if (a.getAttribute('aria-label')?.endsWith(e.title)) article = a;
      if (!article) return false;
      const root = article;
      const ps = article.querySelectorAll('p[data-line]');
      if (ps.length === 0) return false;
      const pairs = e.spanLines;
      const spans = pairs.length / 2;
      let min = spans;
      let max = spans;
      if (ps.length !== e.lines) {
        // Some lines only (a virtualised reader): they must reach the bottom of the visible box or the last line.
        const rendered = new Uint8Array(e.lines);
        for (const p of ps) rendered[Number(p.getAttribute('data-line'))] = 1;
        let lastLine = -1;
        let last: Element = ps[0]!;
        for (const p of ps) {
          const n = Number(p.getAttribute('data-line'));
          if (n > lastLine) [lastLine, last] = [n, p];
        }
        if (lastLine !== e.lines - 1) {
          let box: Element | null = article.parentElement;
          while (box && !/(auto|scroll)/.test(getComputedStyle(box).overflowY)) box = box.parentElement;
          const bottom = Math.min(window.innerHeight, box ? box.getBoundingClientRect().bottom : window.innerHeight);
          if (last.getBoundingClientRect().bottom < bottom) return false;
        }
        min = 0;
        max = 0;
        for (let i = 0; i < pairs.length; i += 2) {
          const first = pairs[i]!;
          const end = pairs[i + 1]!;
          if (rendered[first] && rendered[end]) min++;
          for (let l = first; l <= end; l++) {
            if (rendered[l]) {
              max++;
              break;
            }
          }
        }
      }
      if (probe.layerRanges() < min) return false;
      let mine = 0;
      CSS.highlights.forEach((h, name) => {
        if (!LAYER.test(String(name))) return;
        h.forEach((r) => {
          if (r instanceof Range && root.contains(r.startContainer) && root.contains(r.endContainer)) mine++;
        });
      });
      return mine >= min && mine <= max;
    },
  };
  window.__hb = probe;
}
