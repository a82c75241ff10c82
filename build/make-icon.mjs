// Draws build/icon.png (512×512) with nothing but Node: a dark teal page with a lighter margin bar — the "hāmish"
// (margin) the app is named for — and a few lines of text. Run `node build/make-icon.mjs` and commit the PNG.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const TEAL = [0x0f, 0x4c, 0x4f, 0xff];
const MARGIN = [0x7f, 0xc8, 0xc2, 0xff];
const LINE = [0xd8, 0xee, 0xeb, 0xff];

// Rectangles drawn in order over the background: [x0, y0, x1, y1, colour]. The margin bar sits on the left
// because Arabic text runs right to left and its lines end there.
const shapes = [[72, 72, 136, 440, MARGIN], ...[120, 184, 248, 312, 376].map((y, i) => [168 + (i % 2) * 48, y, 440, y + 24, LINE])];

const pixels = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  const row = y * (SIZE * 4 + 1);
  pixels[row] = 0; // filter type: None
  for (let x = 0; x < SIZE; x++) {
    let colour = TEAL;
    for (const [x0, y0, x1, y1, c] of shapes) if (x >= x0 && x < x1 && y >= y0 && y < y1) colour = c;
    pixels.set(colour, row + 1 + x * 4);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no filter method variants, no interlace

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(pixels, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`build/icon.png: ${SIZE}×${SIZE}, ${png.length} bytes`);
