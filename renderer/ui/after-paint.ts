import { useEffect, useLayoutEffect, useRef, useState } from 'react';

/**
 * Resolves just after the next frame is painted (a task queued from requestAnimationFrame runs after the paint), or
 * after 100 ms where no frame comes (a hidden window paints nothing, and nothing may wait for it).
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}

const sameFields = <T extends object>(a: T, b: T) => Object.keys(a).every((k) => Object.is(a[k as keyof T], b[k as keyof T]));

/**
 * `values` as they were at the last paint: each change shows one frame later, once the frame it came with is
 * painted. What an edit shows first (the new highlight) is then alone in that frame, and what follows from it (the
 * side panel's editor and list, the focus outline, which force a layout of their own) comes in the next one, so a
 * key press is answered within a frame (BENCH.md add-annotation-paint). Fields are compared one by one, so an object
 * literal of stable values may be passed; changes that come while one is waiting are shown together.
 */
export function useAfterPaint<T extends object>(values: T): T {
  const [shown, setShown] = useState(values);
  const latest = useRef(values);
  const waiting = useRef(false);
  const behind = !sameFields(shown, values);
  useLayoutEffect(() => {
    latest.current = values;
  });
  useEffect(() => {
    if (!behind || waiting.current) return;
    waiting.current = true;
    void afterNextPaint().then(() => {
      waiting.current = false;
      setShown(latest.current);
    });
  });
  return shown;
}
