const SIGNATURES: ReadonlyArray<[string, number[]]> = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a ZIP archive (or a .docx/.xlsx)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
];

/** A file that is plainly not text, named for the user's message (a PNG renamed .txt), or null. */
export function describeBinary(bytes: Uint8Array): string | null {
  for (const [what, sig] of SIGNATURES) if (sig.every((b, i) => bytes[i] === b)) return what;
  return bytes.subarray(0, 8192).includes(0) ? 'a binary file (it contains NUL bytes)' : null;
}
