import { randomBytes } from 'node:crypto';

/**
 * UUIDv7 ids (RFC 9562 §5.7), strictly increasing within one run: the 48-bit millisecond time, then a 12-bit
 * counter (when it overflows, the time is moved on by one, §6.2 method 3), then random bits. A conversion gives
 * every document the same import time, and exports order documents by import time and then id: ids in creation
 * order keep the documents of a folder in the order the files were read.
 */
export function monotonicIds(now: () => number = Date.now): () => string {
  let last = 0;
  let counter = 0;
  return () => {
    const t = now();
    if (t > last) {
      last = t;
      counter = 0;
    } else if (++counter > 0xfff) {
      last++;
      counter = 0;
    }
    const bytes = randomBytes(16);
    bytes.writeUIntBE(last, 0, 6);
    bytes[6] = 0x70 | (counter >> 8);
    bytes[7] = counter & 0xff;
    bytes[8] = 0x80 | (bytes[8]! & 0x3f);
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}
