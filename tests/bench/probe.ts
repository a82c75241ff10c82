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
}

declare global {
  interface Window {
    __hb: Probe;
    __hbPending?: Promise<number>;
  }
}

/** Serialised into the page: must not reference anything outside its own body. */
export function installProbe(): void {
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
        if (/^hamish-(mention|claim|source)-|^hamish-cue$/.test(String(name))) n += h.size;
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
  };
  window.__hb = probe;
}
