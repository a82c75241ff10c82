import { canonicalizeText } from '../../text/canonical';

/**
 * A text as another tool stored and counted it — a BOM, CR LF line ends, offsets in code points or UTF-16 units —
 * with the way onto our canonical text (BOM dropped, CR LF and CR turned into LF, UTF-16 offsets). brat reads its
 * `.txt` with Python's `codecs.open`, which neither strips a BOM nor translates line ends, so its offsets count
 * both; Label Studio counts over `data.text` exactly as the task holds it.
 */
export interface RawText {
  raw: string;
  canonical: string;
  /** Length of `raw` in code points. */
  codePoints: number;
  /** The UTF-16 index in `raw` of a code-point offset, 0 ≤ cp ≤ codePoints. */
  rawIndexOf(codePoint: number): number;
  /** The canonical UTF-16 offset of a UTF-16 index into `raw` (a dropped BOM or CR maps to what follows it). */
  toCanonical(rawIndex: number): number;
  /** `raw` between two code-point offsets. */
  slicePoints(start: number, end: number): string;
}

export function makeRawText(raw: string): RawText {
  const canonical = canonicalizeText(raw);
  const toCanon = new Int32Array(raw.length + 1);
  const points: number[] = [];
  let out = 0;
  for (let i = 0; i < raw.length; i++) {
    toCanon[i] = out;
    const c = raw.charCodeAt(i);
    const lowHalf = c >= 0xdc00 && c <= 0xdfff && i > 0 && raw.charCodeAt(i - 1) >= 0xd800 && raw.charCodeAt(i - 1) <= 0xdbff;
    if (!lowHalf) points.push(i);
    if ((i === 0 && c === 0xfeff) || (c === 0x0d && raw.charCodeAt(i + 1) === 0x0a)) continue;
    out++;
  }
  toCanon[raw.length] = out;
  points.push(raw.length);
  const rawIndexOf = (cp: number) => points[cp] ?? raw.length;
  return {
    raw,
    canonical,
    codePoints: points.length - 1,
    rawIndexOf,
    toCanonical: (i) => toCanon[Math.min(Math.max(i, 0), raw.length)]!,
    slicePoints: (start, end) => raw.slice(rawIndexOf(start), rawIndexOf(end)),
  };
}
