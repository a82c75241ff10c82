/**
 * The faces of Noto Naskh Arabic the app uses (main.tsx imports weights 400 and 700). Text needs two subsets of
 * each: the Arabic one and the Latin one (digits, punctuation and Latin names inside Arabic news). With
 * `font-display: swap` a face is fetched only once text needing it is laid out, so a first article would be laid
 * out in a fallback and shaped again when the face arrives (BENCH.md: ~57 ms at 50,000 characters). The bench's
 * reference pages wait for the same list.
 */
export const APP_FONTS: readonly string[] = ['400 16px "Noto Naskh Arabic"', '700 16px "Noto Naskh Arabic"'];
/** One character of each subset: `document.fonts.load` loads every face whose unicode-range the text touches. */
export const APP_FONT_SAMPLE = 'بسم Ab 2020';

/** Load the app's faces, giving up after `timeoutMs` (a missing or slow font must never keep the app from starting). */
export function loadAppFonts(timeoutMs = 1500): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return Promise.resolve();
  const loads = Promise.all(APP_FONTS.map((font) => document.fonts.load(font, APP_FONT_SAMPLE))).then(
    () => undefined,
    () => undefined,
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
  return Promise.race([loads, timeout]).finally(() => clearTimeout(timer));
}
