import { exportW3C, serializeW3C } from './w3c-jsonld/export';
import type { Corpus } from './corpus';
import { fail, ok, type Problem, type Result } from '../result';

export interface ExportOptions {
  /** CoNLL/JSONL: split the proclitics و ف ب ل ك ال off tokens, so «لحفتر» tags only «حفتر». */
  splitClitics?: boolean;
  appVersion: string;
}

/** One export format: the same code behind the app's Export menu and `hamish convert`. */
export interface ExportFormat {
  id: string;
  name: string;
  extension: string;
  mimeType: string;
  /** Which options apply, so the UI and the CLI offer only those. */
  options: ReadonlyArray<keyof Omit<ExportOptions, 'appVersion'>>;
  /** The file in chunks, or why the corpus cannot be exported (checked before the first chunk). */
  run(corpus: Corpus, options: ExportOptions): Result<Iterable<string>, Problem>;
}

const w3c: ExportFormat = {
  id: 'w3c-jsonld',
  name: 'W3C Web Annotation JSON-LD',
  extension: 'jsonld',
  mimeType: 'application/ld+json',
  options: [],
  run(corpus, { appVersion }) {
    const result = exportW3C({ ...corpus, appVersion });
    return result.ok ? ok([serializeW3C(result.value)]) : fail(result.error);
  },
};

export const EXPORT_FORMATS: readonly ExportFormat[] = [w3c];

export function exportFormat(id: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find((f) => f.id === id);
}
