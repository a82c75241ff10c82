/**
 * Arabic-aware folding for search ("apply to all mentions", corpus search). The folded text is only ever searched;
 * annotations keep pointing into the canonical text, so every folded code unit remembers where it came from.
 *
 * Every fold is one UTF-16 code unit to one, or one to none. That keeps the offset map a plain array and the whole
 * pass one table lookup per unit (O(n), no regex). The folds:
 * - hamza forms of alef أ إ آ ٱ (and the rare ٲ ٳ) → ا; ى → ي; ة → ه — the spellings news writers mix freely;
 * - Persian ی → ي and ک → ك: the same letters typed on a Persian keyboard, common in scraped text;
 * - removed: harakat, tanween, shadda, sukun, combining hamza/madda (U+064B–U+065F), superscript alef (U+0670),
 *   Quranic marks (U+06D6–U+06ED), tatweel (U+0640), and the invisible format characters (U+200B–U+200F, ALM
 *   U+061C, U+202A–U+202E, U+2066–U+2069, U+FEFF), which never change what a reader sees as the word;
 * - Arabic-Indic ٠–٩ and extended ۰–۹ digits → 0–9; Latin capitals → small («Reuters» finds «REUTERS»).
 * Deliberately not folded: ؤ and ئ (distinct spellings, not hamza-on-alef variants; folding them to و/ي would make
 * «مسؤول» find «مسوول» but also merge unrelated words), ء, and presentation forms (their NFKC folds change length).
 */
import { isWordChar } from './words';

/** A text and its folded form, for searching. Build with {@link normalizeForMatch}. */
export interface NormalizedText {
  /** The text as given (the canonical text of a document). */
  readonly original: string;
  /** The folded text: what queries are matched against. */
  readonly folded: string;
  /**
   * `toOriginal[i]` is the UTF-16 offset in `original` of folded code unit `i`; one extra entry,
   * `toOriginal[folded.length]`, is `original.length`. Strictly increasing.
   */
  readonly toOriginal: Int32Array;
}

const DROP = -1;
/** FOLD[c] is what code unit c folds to, or DROP. A 64 K table beats any branchy or regex test per character. */
const FOLD = new Int32Array(0x10000);
/**
 * Dropped units that belong to the letter before them (marks, tatweel, ZWJ/ZWNJ — the word characters of
 * words.ts): a span ending on a letter extends over them, so «حفتر» found in «حفترٌ» covers the tanween.
 * Bidi marks, ZWSP and BOM are not word characters, so a span never swallows them.
 */
const ATTACHED = new Uint8Array(0x10000);

buildTables();

function buildTables(): void {
  for (let c = 0; c < 0x10000; c++) FOLD[c] = c;
  const set = (from: number, to: number, value: (c: number) => number) => {
    for (let c = from; c <= to; c++) FOLD[c] = value(c);
  };
  const ALEF = 0x0627;
  for (const c of [0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673]) FOLD[c] = ALEF;
  FOLD[0x0649] = 0x064a; // ى → ي
  FOLD[0x06cc] = 0x064a; // Persian ی → ي
  FOLD[0x06a9] = 0x0643; // Persian ک → ك
  FOLD[0x0629] = 0x0647; // ة → ه
  const drop = () => DROP;
  set(0x064b, 0x065f, drop);
  set(0x0670, 0x0670, drop);
  set(0x06d6, 0x06ed, drop);
  set(0x0640, 0x0640, drop);
  set(0x200b, 0x200f, drop);
  set(0x061c, 0x061c, drop);
  set(0x202a, 0x202e, drop);
  set(0x2066, 0x2069, drop);
  set(0xfeff, 0xfeff, drop);
  set(0x0660, 0x0669, (c) => c - 0x0660 + 0x30);
  set(0x06f0, 0x06f9, (c) => c - 0x06f0 + 0x30);
  // Latin: ASCII, Latin-1, Extended-A/B and Extended Additional. Only one-unit lowercases (İ → "i̇" is two).
  for (const [from, to] of [
    [0x41, 0x5a],
    [0xc0, 0x24f],
    [0x1e00, 0x1eff],
  ] as const) {
    set(from, to, (c) => {
      const lower = String.fromCharCode(c).toLowerCase();
      return lower.length === 1 ? lower.charCodeAt(0) : c;
    });
  }
  for (let c = 0; c < 0x10000; c++) {
    if (FOLD[c] === DROP && isWordChar(String.fromCharCode(c))) ATTACHED[c] = 1;
  }
}

/** Fold a text for matching, remembering where each folded code unit came from. O(n). */
export function normalizeForMatch(text: string): NormalizedText {
  const n = text.length;
  const units = new Uint16Array(n);
  const map = new Int32Array(n + 1);
  let k = 0;
  let changed = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const f = FOLD[c]!;
    if (f === DROP) {
      changed = true;
      continue;
    }
    if (f !== c) changed = true;
    units[k] = f;
    map[k++] = i;
  }
  map[k] = n;
  // Unchanged text (plain Latin, or Arabic without any foldable letter) skips building a second string.
  const folded = changed ? decodeUnits(units, k) : text;
  return { original: text, folded, toOriginal: k === n ? map : map.subarray(0, k + 1) };
}

/** Only the folded text: for queries and keys, where no offsets are needed. */
export function foldForMatch(text: string): string {
  return normalizeForMatch(text).folded;
}

/**
 * The original span of folded span [start, end). The start is the first kept letter's own offset (a bidi mark
 * before it stays out). The end covers the last kept unit and the marks, tatweel and joiners attached after it —
 * the tanween of «حفترٌ», the shadda and fatha of «مرّةً» — but never the space or bidi mark that follows.
 */
export function originalSpan(norm: NormalizedText, start: number, end: number): { start: number; end: number } {
  const map = norm.toOriginal;
  const from = map[start]!;
  if (end <= start) return { start: from, end: from };
  let to = map[end - 1]! + 1;
  const limit = map[end]!;
  const text = norm.original;
  while (to < limit && ATTACHED[text.charCodeAt(to)] === 1) to++;
  return { start: from, end: to };
}

const CHUNK = 0x2000;

/** Code units to a string, in chunks: one fromCharCode call over millions of arguments would overflow the stack. */
function decodeUnits(units: Uint16Array, length: number): string {
  const parts: string[] = [];
  for (let i = 0; i < length; i += CHUNK) {
    const chunk = units.subarray(i, Math.min(length, i + CHUNK));
    parts.push(String.fromCharCode.apply(null, chunk as unknown as number[]));
  }
  return parts.join('');
}
