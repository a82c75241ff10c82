import type { Corpus, ExportFile } from '../../shared/formats/corpus';
import { exportCorpus, exportFormat, type ExportOptions } from '../../shared/formats/registry';
import { corpusSource } from '../../shared/formats/source';
import type { AnnotationRecord } from '../../shared/model/annotation';
import type { DocumentRecord } from '../../shared/model/document';
import type { KbEntity } from '../../shared/model/kb-entity';
import { DEFAULT_LABEL_SCHEMA, type LabelSchema } from '../../shared/model/label-schema';
import { ok, type Problem, type Result } from '../../shared/result';

/** Tests export through the registry's formats on a corpus in memory: the one assembly the app and CLI run. */

/** A corpus as the W3C tests give it: entities and schema optional. */
export interface ExportInput {
  documents: readonly DocumentRecord[];
  annotations: readonly AnnotationRecord[];
  entities?: readonly KbEntity[];
  schema?: LabelSchema;
  appVersion: string;
}

const corpusOf = (input: Omit<ExportInput, 'appVersion'>): Corpus => ({
  documents: [...input.documents],
  annotations: [...input.annotations],
  entities: [...(input.entities ?? [])],
  schema: input.schema ?? DEFAULT_LABEL_SCHEMA,
});

/** The export's chunks as the format writes them, or its problem. */
export async function exportChunks(
  formatId: string,
  input: Omit<ExportInput, 'appVersion'>,
  options: Partial<ExportOptions> = {},
): Promise<Result<string[], Problem>> {
  const r = await exportCorpus(exportFormat(formatId)!, corpusOf(input), { appVersion: 't', ...options });
  return r.ok ? ok(r.value.chunks) : r;
}

export async function exportText(
  formatId: string,
  input: Omit<ExportInput, 'appVersion'>,
  options: Partial<ExportOptions> = {},
): Promise<Result<string, Problem>> {
  const r = await exportChunks(formatId, input, options);
  return r.ok ? ok(r.value.join('')) : r;
}

/** The W3C export's text for an input with its app version. */
export const w3cText = (input: ExportInput) => exportText('w3c-jsonld', input, { appVersion: input.appVersion });

/** The W3C export parsed back: the collection as an object. */
export async function w3cObject(input: ExportInput): Promise<Result<object, Problem>> {
  const r = await w3cText(input);
  return r.ok ? ok(JSON.parse(r.value) as object) : r;
}

/** brat's files, one by one (what `hamish convert` writes to a folder). */
export async function bratFileList(input: Omit<ExportInput, 'appVersion'>): Promise<Result<ExportFile[], Problem>> {
  const files: ExportFile[] = [];
  const r = await exportFormat('brat')!.files!(corpusSource(corpusOf(input)), { appVersion: 't' }, (f) => void files.push(f));
  return r.ok ? ok(files) : r;
}
