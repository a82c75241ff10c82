import type { AnnotationRecord } from '../model/annotation';
import type { DocumentRecord } from '../model/document';
import type { KbEntity } from '../model/kb-entity';
import type { LabelSchema } from '../model/label-schema';

/**
 * A corpus in memory: what every importer returns and every exporter reads. Offsets in it are always UTF-16 code
 * units into each document's canonical text (README "Canonical text and offsets"); formats that count otherwise
 * convert at their edge.
 */
export interface Corpus {
  documents: DocumentRecord[];
  annotations: AnnotationRecord[];
  entities: KbEntity[];
  schema: LabelSchema;
}

/** A problem in an imported file, located precisely enough to fix it: a line (1-based) or a JSON pointer. */
export interface ImportIssue {
  severity: 'error' | 'warning';
  message: string;
  line?: number;
  pointer?: string;
  /** The file of a multi-file input (brat), when it is not the one named in the context. */
  file?: string;
}

/**
 * What an importer returns. `ok: false` means nothing usable came out (the file is refused as a whole); with
 * `ok: true` the corpus holds every good item and `issues` lists the lines that were skipped or repaired.
 */
export type ImportResult = { ok: true; corpus: Corpus; issues: ImportIssue[] } | { ok: false; issues: ImportIssue[] };

/** What importers need from their caller: fresh ids and the import time, so that they stay pure and testable. */
export interface ImportContext {
  fileName: string;
  newId(): string;
  /** ISO 8601 with time zone. */
  now: string;
  /** Called as a large file is read (bytes read so far, of `total`), so a worker can show how far it is. */
  onProgress?(done: number, total: number): void;
}

/** One file an exporter writes (brat writes two per document; the others one in all). */
export interface ExportFile {
  path: string;
  content: string;
}

export type IssueLike = Pick<ImportIssue, 'line' | 'pointer' | 'message'>;

export function formatIssue(fileName: string, issue: IssueLike): string {
  const where = issue.line !== undefined ? `:${issue.line}` : issue.pointer !== undefined ? ` at ${issue.pointer || '/'}` : '';
  return `${fileName}${where}: ${issue.message}`;
}
