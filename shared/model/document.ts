/** One imported article. `text` is its canonical text (see shared/text/canonical.ts); offsets point into it. */
export interface DocumentRecord {
  id: string;
  title: string;
  text: string;
  /** Hex sha256 of the UTF-8 bytes of `text`: finds the same article imported twice. */
  sha256: string;
  /** The file name it was imported from, as the user's system gave it. */
  fileName: string;
  /** ISO 8601 with time zone. */
  importedAt: string;
}
