import { fail, ok, type Result } from '../result';

export interface Utf8Error {
  /** Offset of the first byte of the invalid sequence. */
  byteOffset: number;
  reason: string;
}

/**
 * Strict UTF-8 decoding. Written by hand rather than with `TextDecoder({fatal: true})` because the user must be told
 * *where* the file is broken, and TextDecoder only says *that* it is; also keeps `shared/` free of host globals.
 * Rejects overlong forms, surrogates (ED A0..BF) and code points above U+10FFFF, as the WHATWG decoder does.
 */
export function decodeUtf8Strict(bytes: Uint8Array): Result<string, Utf8Error> {
  const parts: string[] = [];
  let units: number[] = [];
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b0 = bytes[i]!;
    let cp: number;
    let len: number;
    if (b0 < 0x80) {
      cp = b0;
      len = 1;
    } else if (b0 >= 0xc2 && b0 <= 0xdf) {
      len = 2;
      cp = b0 & 0x1f;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      len = 3;
      cp = b0 & 0x0f;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      len = 4;
      cp = b0 & 0x07;
    } else {
      return fail({ byteOffset: i, reason: b0 >= 0x80 && b0 <= 0xbf ? 'unexpected continuation byte' : 'invalid lead byte' });
    }
    if (len > 1) {
      if (i + len > n) {
        // A sequence cut short by the end of the file: report where it began.
        for (let k = 1; i + k < n; k++) {
          if ((bytes[i + k]! & 0xc0) !== 0x80) return fail({ byteOffset: i, reason: 'truncated multi-byte sequence' });
        }
        return fail({ byteOffset: i, reason: 'truncated multi-byte sequence at end of file' });
      }
      const b1 = bytes[i + 1]!;
      // Second-byte ranges exclude overlongs (E0, F0), surrogates (ED) and values above U+10FFFF (F4).
      const lo = b0 === 0xe0 ? 0xa0 : b0 === 0xf0 ? 0x90 : 0x80;
      const hi = b0 === 0xed ? 0x9f : b0 === 0xf4 ? 0x8f : 0xbf;
      if (b1 < lo || b1 > hi) {
        return fail({ byteOffset: i, reason: b0 === 0xed ? 'encoded surrogate' : 'invalid multi-byte sequence' });
      }
      cp = (cp << 6) | (b1 & 0x3f);
      for (let k = 2; k < len; k++) {
        const b = bytes[i + k]!;
        if ((b & 0xc0) !== 0x80) return fail({ byteOffset: i, reason: 'invalid multi-byte sequence' });
        cp = (cp << 6) | (b & 0x3f);
      }
    }
    if (cp > 0xffff) {
      cp -= 0x10000;
      units.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
    } else {
      units.push(cp);
    }
    if (units.length >= 8192) {
      parts.push(String.fromCharCode(...units));
      units = [];
    }
    i += len;
  }
  parts.push(String.fromCharCode(...units));
  return ok(parts.join(''));
}

interface FatalDecoder {
  decode(bytes: Uint8Array): string;
}
/** The host's decoder where there is one (every browser, worker and Node has it): native, five times faster. */
const HostDecoder = (globalThis as { TextDecoder?: new (label: string, options: { fatal: boolean; ignoreBOM: boolean }) => FatalDecoder }).TextDecoder;
// ignoreBOM keeps a BOM as U+FEFF, as decodeUtf8Strict does: the reader names it, and one inside the text is text.
const fatal = HostDecoder ? new HostDecoder('utf-8', { fatal: true, ignoreBOM: true }) : null;

/** `decodeUtf8Strict`, by the host's decoder when it has one; only a refusal is decoded again by hand, for where. */
function decodeFast(bytes: Uint8Array): Result<string, Utf8Error> {
  if (!fatal) return decodeUtf8Strict(bytes);
  try {
    return ok(fatal.decode(bytes));
  } catch {
    return decodeUtf8Strict(bytes);
  }
}

/**
 * Strict UTF-8 decoding a piece of about `size` bytes at a time, each cut before a lead byte so no character is
 * split; `onPiece` gets each piece's text and the bytes read so far, and stops the decoding by returning false.
 * Returns the first error, with its offset in the whole file, or null.
 */
export function decodeUtf8Pieces(bytes: Uint8Array, size: number, onPiece: (text: string, done: number) => boolean): Utf8Error | null {
  for (let start = 0; start < bytes.length;) {
    const cont = (at: number) => at < bytes.length && (bytes[at]! & 0xc0) === 0x80;
    let end = Math.min(bytes.length, start + size);
    // Cut before a lead byte: back, or on when the piece is smaller than a character. A valid sequence has at most
    // three continuation bytes; past that the bytes are broken and decoding the piece says where.
    let back = end;
    for (let k = 0; k < 3 && back > start && cont(back); k++) back--;
    if (back > start && !cont(back)) end = back;
    else for (let k = 0; k < 3 && cont(end); k++) end++;
    const piece = decodeFast(bytes.subarray(start, end));
    if (!piece.ok) {
      // A piece that ends in a broken sequence may be cut inside it: the bytes after it tell what is wrong.
      const upto = Math.min(bytes.length, end + 4);
      const seen = upto > end ? decodeUtf8Strict(bytes.subarray(start, upto)) : piece;
      const error = seen.ok ? piece.error : seen.error;
      const reason = upto === bytes.length ? error.reason : error.reason.replace(/ at end of file$/, '');
      return { byteOffset: start + error.byteOffset, reason };
    }
    if (!onPiece(piece.value, end)) return null;
    start = end;
  }
  return null;
}

/** UTF-8 bytes of a string; lone surrogates become U+FFFD as in `TextEncoder`. */
export function encodeUtf8(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 3);
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        out[o++] = 0xf0 | (cp >> 18);
        out[o++] = 0x80 | ((cp >> 12) & 0x3f);
        out[o++] = 0x80 | ((cp >> 6) & 0x3f);
        out[o++] = 0x80 | (cp & 0x3f);
        i++;
        continue;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out[o++] = c;
    else if (c < 0x800) {
      out[o++] = 0xc0 | (c >> 6);
      out[o++] = 0x80 | (c & 0x3f);
    } else {
      out[o++] = 0xe0 | (c >> 12);
      out[o++] = 0x80 | ((c >> 6) & 0x3f);
      out[o++] = 0x80 | (c & 0x3f);
    }
  }
  return out.subarray(0, o);
}
