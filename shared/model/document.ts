/** Where the annotator is with a document; set by hand in the corpus view or the panel. */
export type DocumentStatus = 'new' | 'in-progress' | 'done' | 'reviewed';
export const DOCUMENT_STATUSES: readonly DocumentStatus[] = ['new', 'in-progress', 'done', 'reviewed'];

/** Document-level metadata the annotator can edit. */
export interface DocumentMeta {
  publisher?: string;
  /** YYYY-MM-DD. */
  published?: string;
  /** http(s) only; shown as a link only then. */
  url?: string;
  /**
   * 'whitespace' when the text was built from a token-per-line corpus (CoNLL): its tokens are exactly its
   * space-separated words and its sentences its lines, so token-level exports give the original tokens back.
   */
  tokenization?: 'whitespace';
}

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
  status: DocumentStatus;
  meta: DocumentMeta;
}

export function isDocumentStatus(x: unknown): x is DocumentStatus {
  return typeof x === 'string' && (DOCUMENT_STATUSES as readonly string[]).includes(x);
}

/** A URL is kept only when it is http(s): anything else (javascript:, data:, file:) would be a trap as a link. */
export function safeHttpUrl(raw: string): string | undefined {
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
