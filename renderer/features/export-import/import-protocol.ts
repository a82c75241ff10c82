import type { ImportIssue } from '../../../shared/formats/corpus';
import type { InputFile } from '../../../shared/formats/registry';
import type { MergePlan } from '../../../shared/model/merge';
import type { LabelSchema } from '../../../shared/model/label-schema';
import type { Change } from '../../../shared/model/edits';
import type { ReplaceSummary } from '../../../shared/model/replace';

/** Messages between the Import dialog and the import worker. */
export interface ImportRequest {
  formatId: string;
  files: InputFile[];
  fileName: string;
  now: string;
  /** Also plan "Replace the workspace with the file" (Restore from backup…). */
  replace?: boolean;
}

export type ImportMessage =
  | { type: 'progress'; step: 'reading' | 'matching'; /** Bytes read so far, of `total`, while reading. */ done?: number; total?: number }
  | { type: 'failed'; issues: ImportIssue[] }
  | { type: 'planned'; plan: MergePlan; schema: LabelSchema; issues: ImportIssue[]; replace?: { change: Change; summary: ReplaceSummary } }
  | { type: 'error'; message: string };
