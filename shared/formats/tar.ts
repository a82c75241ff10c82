import { encodeUtf8 } from '../text/utf8';
import type { ExportFile } from './corpus';

/**
 * A POSIX ustar archive of text files, as string chunks (the header bytes are all ASCII and NUL, file contents
 * UTF-8), so a multi-file export (brat's .txt/.ann pairs) downloads as one file that `tar -xf` and every archive
 * tool opens. Sizes and padding count UTF-8 bytes.
 */
export function* tarChunks(files: Iterable<ExportFile>, mtime = 0): Generator<string> {
  for (const file of files) yield* tarEntry(file, mtime);
  yield tarEnd();
}

/** One file of the archive: header, content, padding to the next 512-byte block. */
export function* tarEntry(file: ExportFile, mtime = 0): Generator<string> {
  const size = encodeUtf8(file.content).length;
  yield header(file.path, size, mtime);
  yield file.content;
  yield '\0'.repeat((512 - (size % 512)) % 512);
}

/** The two empty blocks that end an archive. */
export const tarEnd = () => '\0'.repeat(1024);

function header(path: string, size: number, mtime: number): string {
  const name = encodeUtf8(path);
  if (name.length > 100) throw new Error(`tar: the name ${path} is longer than 100 bytes`);
  const field = (value: string, width: number) => value.padEnd(width, '\0').slice(0, width);
  const octal = (n: number, width: number) => `${n.toString(8).padStart(width - 1, '0')}\0`;
  const fields = [
    field(path, 100),
    octal(0o644, 8),
    octal(0, 8),
    octal(0, 8),
    octal(size, 12),
    octal(mtime, 12),
    '        ', // checksum, counted as spaces
    '0',
    field('', 100),
    'ustar\u000000',
    field('', 32),
    field('', 32),
    octal(0, 8),
    octal(0, 8),
    field('', 155),
    field('', 12),
  ];
  let block = fields.join('');
  let sum = 0;
  for (let i = 0; i < block.length; i++) sum += block.charCodeAt(i);
  block = block.slice(0, 148) + `${sum.toString(8).padStart(6, '0')}\0 ` + block.slice(156);
  return block;
}
