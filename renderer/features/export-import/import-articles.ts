import { importTxt, MAX_TXT_BYTES } from '../../../shared/formats/txt/import-txt';
import type { DocumentRecord } from '../../../shared/model/document';
import type { DocumentsRepo } from '../../db/documents-repo';
import type { OpenedFile } from '../../platform/platform';

export const TXT_PICK = { maxBytes: MAX_TXT_BYTES, extensions: ['txt'] };

export interface ImportReport {
  stored: DocumentRecord[];
  /** One line per file that was not imported, naming the file. */
  problems: string[];
}

/**
 * Parse every file first, then store all good ones in one transaction: a bad file is reported and skipped, the
 * others still import, and a storage failure leaves the database as it was.
 */
export async function importArticles(files: readonly OpenedFile[], repo: DocumentsRepo): Promise<ImportReport> {
  const problems: string[] = [];
  const drafts = [];
  for (const file of files) {
    const parsed = importTxt(file);
    if (parsed.ok) drafts.push(parsed.value);
    else problems.push(parsed.error.message);
  }
  if (drafts.length === 0) return { stored: [], problems };
  try {
    const outcome = await repo.storeDrafts(drafts);
    for (const d of outcome.duplicates) {
      problems.push(`${d.fileName}: already in the corpus as «${d.existingTitle}» (same text); not imported again.`);
    }
    return { stored: outcome.stored, problems };
  } catch (err) {
    return { stored: [], problems: [...problems, storageFailure(err, drafts.length)] };
  }
}

function storageFailure(err: unknown, count: number): string {
  const e = err as { name?: string; inner?: { name?: string }; message?: string };
  const quota = e?.name === 'QuotaExceededError' || e?.inner?.name === 'QuotaExceededError';
  return quota
    ? `Storage is full: none of the ${count} articles was saved. Free disk space or export and remove old work.`
    : `Saving failed, none of the ${count} articles was saved: ${e?.message ?? String(err)}`;
}
