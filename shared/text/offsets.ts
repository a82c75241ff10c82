/**
 * Offsets are stored in UTF-16 code units (JavaScript string indices) into the canonical text. Exports that the
 * W3C model governs count Unicode code points, so they convert here.
 */
export function utf16ToCodePoint(text: string, utf16: number): number {
  let cp = 0;
  for (let i = 0; i < utf16 && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < utf16) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    cp++;
  }
  return cp;
}

export function codePointToUtf16(text: string, codePoint: number): number {
  let i = 0;
  for (let cp = 0; cp < codePoint && i < text.length; cp++) {
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
  }
  return i;
}

/** Number of code points in a string. */
export function codePointLength(text: string): number {
  return utf16ToCodePoint(text, text.length);
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** True when a UTF-16 offset falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, utf16: number): boolean {
  if (utf16 <= 0 || utf16 >= text.length) return false;
  const before = text.charCodeAt(utf16 - 1);
  return before >= 0xd800 && before <= 0xdbff && isLowSurrogate(text.charCodeAt(utf16));
}

/**
 * Converts many UTF-16 offsets of one text to code points in a single pass (exports convert thousands per
 * document; calling `utf16ToCodePoint` for each would be quadratic).
 */
export function makeCodePointIndex(text: string): (utf16: number) => number {
  // Sorted positions of low surrogates that complete a pair: each one before an offset is one unit, not a point.
  const pairs: number[] = [];
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isLowSurrogate(c)) {
      const p = text.charCodeAt(i - 1);
      if (p >= 0xd800 && p <= 0xdbff) pairs.push(i);
    }
  }
  if (pairs.length === 0) return (u) => u;
  return (u) => {
    let lo = 0;
    let hi = pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return u - lo;
  };
}
