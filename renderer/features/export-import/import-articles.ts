import { importTxt, MAX_TXT_BYTES } from '../../../shared/formats/txt/import-txt';
import type { DocumentRecord } from '../../../shared/model/document';
import { change } from '../../../shared/model/edits';
import type { OpenedFile } from '../../platform/platform';
import type { Workbench } from '../annotate/workbench';

export const TXT_PICK = { maxBytes: MAX_TXT_BYTES, extensions: ['txt'] };

export type ParsedArticle = ReturnType<typeof importTxt>;

/** Each file checked and made an article (importTxt), in order; `parseArticlesInWorker` does it off the main thread. */
export type ParseArticles = (files: readonly OpenedFile[]) => Promise<ParsedArticle[]>;

const parseHere: ParseArticles = async (files) => files.map((f) => importTxt(f));

/** `ParseArticles` in a worker; the files' bytes are moved to it, not copied. */
export const parseArticlesInWorker: ParseArticles = (files) =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./articles.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<ParsedArticle[]>) => {
      worker.terminate();
      resolve(e.data);
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'the article import worker failed'));
    };
    const buffers = new Set(files.flatMap((f) => (f.bytes ? [f.bytes.buffer as ArrayBuffer] : [])));
    worker.postMessage(files, [...buffers]);
  });

export interface ImportReport {
  stored: DocumentRecord[];
  /** One line per file that was not imported, naming the file. */
  problems: string[];
}

/**
 * Parse every file first, then add all good ones as one change: a bad file is reported and skipped, the others
 * still import, a storage failure leaves the database as it was, and one undo takes the whole import back. Which
 * texts are already in the corpus is decided by the transaction that writes, not by a read before it.
 */
export async function importArticles(
  files: readonly OpenedFile[],
  workbench: Workbench,
  { newId, now, parse = parseHere }: { newId: () => string; now: () => string; parse?: ParseArticles },
): Promise<ImportReport> {
  const problems: string[] = [];
  const documents: DocumentRecord[] = [];
  const importedAt = now();
  for (const parsed of await parse(files)) {
    if (parsed.ok) documents.push({ id: newId(), importedAt, ...parsed.value, status: 'new', meta: {} });
    else problems.push(parsed.error.message);
  }
  if (documents.length === 0) return { stored: [], problems };
  try {
    const applied = await workbench.applyAndWait(change({ documents: documents.map((d) => [undefined, d] as const) }), { skipStoredDocuments: true });
    for (const { document, existingTitle } of applied.skipped) {
      problems.push(`${document.fileName}: already in the corpus as «${existingTitle}» (same text); not imported again.`);
    }
    return { stored: applied.change.documents.flatMap(([, d]) => (d ? [d] : [])), problems };
  } catch (err) {
    return { stored: [], problems: [...problems, storageFailure(err, documents.length)] };
  }
}

/**
 * Why a write of `count` records stored none of them (one transaction). A full disk is named as such: Chromium says
 * QuotaExceededError when the origin's quota is reached, but a disk that fills first fails its blob files with
 * "DataError: Failed to write blobs (IOError)", or its log with "UnknownError: … IO error: … FILE_ERROR_NO_SPACE"
 * (measured on Chromium 156, TRUST.md F4).
 */
const DISK = /IOError|IO error|Failed to write|NO_SPACE/i;
export function storageFailure(err: unknown, count: number, what: 'articles' | 'records' = 'articles'): string {
  type Named = { name?: string; message?: string };
  const e = err as Named & { inner?: Named; cause?: Named; failures?: Named[] };
  // Dexie wraps the cause (inner); a bulk write lists each request's error (the first is the disk's, the rest
  // AbortErrors); the write path keeps the IndexedDB transaction's own error as `cause`.
  const causes = [e, e?.inner, e?.cause, ...(Array.isArray(e?.failures) ? e.failures.filter((f) => f?.name !== 'AbortError').slice(0, 5) : [])];
  const quota = causes.some((c) => c?.name === 'QuotaExceededError');
  const io = causes.some((c) => DISK.test(c?.message ?? ''));
  if (quota) return `Storage is full: none of the ${count} ${what} was saved. Free disk space or export and remove old work.`;
  if (io) {
    const said = causes.find((c) => DISK.test(c?.message ?? ''))!.message;
    return `The disk is full or cannot be written: none of the ${count} ${what} was saved (${said}). Free disk space and try again.`;
  }
  return `Saving failed, none of the ${count} ${what} was saved: ${e?.message ?? String(err)}`;
}
