import type { Corpus, ImportContext, ImportIssue, ImportResult } from './corpus';
import { importTxt } from './txt/import-txt';
import { exportW3C, serializeW3C } from './w3c-jsonld/export';
import { DEFAULT_LABEL_SCHEMA } from '../model/label-schema';
import { fail, ok, type Problem, type Result } from '../result';

export interface ExportOptions {
  /** CoNLL/JSONL: split the proclitics و ف ب ل ك ال off tokens, so «لحفتر» tags only «حفتر». */
  splitClitics?: boolean;
  appVersion: string;
}

/** One export format: the same code behind the app's Export dialog and `hamish convert`. */
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

/** A file handed to an importer: its name (relative, for folders) and bytes. */
export interface InputFile {
  path: string;
  bytes: Uint8Array;
}

export interface ImportFormat {
  id: string;
  name: string;
  extensions: readonly string[];
  /** Does this content look like the format? For extensions several formats share (.json, .txt). */
  sniff?(head: string): boolean;
  run(files: readonly InputFile[], ctx: ImportContext): ImportResult;
}

const w3cExport: ExportFormat = {
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

/** Plain-text articles, one document per file (the same rules as the app's import). */
const txtImport: ImportFormat = {
  id: 'txt',
  name: 'Plain-text articles',
  extensions: ['txt'],
  run(files, ctx) {
    const corpus: Corpus = { documents: [], annotations: [], entities: [], schema: DEFAULT_LABEL_SCHEMA };
    const issues: ImportIssue[] = [];
    for (const f of files) {
      const r = importTxt({ name: f.path, size: f.bytes.length, bytes: f.bytes });
      if (r.ok) corpus.documents.push({ ...r.value, id: ctx.newId(), importedAt: ctx.now, status: 'new', meta: {} });
      else issues.push({ severity: 'error', message: r.error.message.replace(`${f.path}: `, ''), file: f.path });
    }
    return corpus.documents.length ? { ok: true, corpus, issues } : { ok: false, issues };
  },
};

export const EXPORT_FORMATS: readonly ExportFormat[] = [w3cExport];
export const IMPORT_FORMATS: readonly ImportFormat[] = [txtImport];

export const exportFormat = (id: string) => EXPORT_FORMATS.find((f) => f.id === id);
export const importFormat = (id: string) => IMPORT_FORMATS.find((f) => f.id === id);

function extensionOf(path: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(path);
  return m ? m[1]!.toLowerCase() : '';
}

/** The output format for a file name, by its extension. */
export function inferExportFormat(path: string): ExportFormat | undefined {
  const ext = extensionOf(path);
  return EXPORT_FORMATS.find((f) => f.extension === ext || (ext === 'json' && f.id === 'w3c-jsonld'));
}

/** The input format for a file or folder: by extension, and by content where the extension is shared. */
export function inferImportFormat(path: string, files: readonly InputFile[]): ImportFormat | undefined {
  const first = files[0];
  if (!first) return undefined;
  const exts = new Set(files.map((f) => extensionOf(f.path)));
  if (exts.has('ann')) return importFormat('brat');
  const ext = files.length === 1 ? extensionOf(first.path) || extensionOf(path) : extensionOf(first.path);
  const candidates = IMPORT_FORMATS.filter((f) => f.extensions.includes(ext));
  if (candidates.length <= 1) return candidates[0];
  const head = decodeHead(first.bytes);
  return candidates.find((f) => f.sniff?.(head)) ?? candidates.find((f) => !f.sniff);
}

/** The first few kilobytes as text, for sniffing (a cut multi-byte character at the end is harmless here). */
function decodeHead(bytes: Uint8Array): string {
  let s = '';
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) s += String.fromCharCode(bytes[i]!);
  try {
    return decodeURIComponent(escape(s));
  } catch {
    return s;
  }
}
