import type { ImportIssue } from '../../../shared/formats/corpus';
import type { InputFile } from '../../../shared/formats/registry';
import type { MergePlan } from '../../../shared/model/merge';
import type { LabelSchema } from '../../../shared/model/label-schema';

/** Messages between the Import dialog and the import worker. */
export interface ImportRequest {
  formatId: string;
  files: InputFile[];
  fileName: string;
  now: string;
}

export type ImportMessage =
  | { type: 'progress'; step: 'reading' | 'matching'; /** Bytes read so far, of `total`, while reading. */ done?: number; total?: number }
  | { type: 'failed'; issues: ImportIssue[] }
  | { type: 'planned'; plan: MergePlan; schema: LabelSchema; issues: ImportIssue[] }
  | { type: 'error'; message: string };
