import type { Corpus, ExportFile, ImportContext, ImportIssue, ImportResult } from './corpus';
import { importConll } from './conll/parse';
import { writeConll } from './conll/serialize';
import { bratFiles } from './brat/export-brat';
import { importBrat } from './brat/import-brat';
import { collectExport, type ExportCounts, type ExportOutcome, type ExportSink } from './exportable';
import { writeJsonl } from './jsonl/export';
import { writeLabelStudio } from './label-studio/export-label-studio';
import { importLabelStudio } from './label-studio/import-label-studio';
import { corpusSource, type CorpusSource } from './source';
import { tarEnd, tarEntry } from './tar';
import { decodeUtf8Strict } from '../text/utf8';
import { importTxt } from './txt/import-txt';
import { importW3CBytes } from './w3c-jsonld/import';
import { writeW3C } from './w3c-jsonld/export';
import { DEFAULT_LABEL_SCHEMA } from '../model/label-schema';
import type { Problem, Result } from '../result';

export interface ExportOptions {
  /** CoNLL/JSONL: split the proclitics و ف ب ل ك ال off tokens, so «لحفتر» tags only «حفتر». */
  splitClitics?: boolean;
  /** CoNLL/JSONL: how to cut tokens; 'auto' keeps the original tokens of documents imported from CoNLL. */
  tokenizer?: 'arabic' | 'whitespace' | 'auto';
  appVersion: string;
}

/** One export format: the same code behind the app's Export dialog, its export worker and `hamish convert`. */
export interface ExportFormat {
  id: string;
  name: string;
  extension: string;
  mimeType: string;
  /** Which options apply, so the UI and the CLI offer only those. */
  options: ReadonlyArray<keyof Omit<ExportOptions, 'appVersion'>>;
  /**
   * The file, written to `sink` in chunks as the source is read one document at a time; or why the corpus cannot
   * be exported (`exportProblem`, the same for every format), which stops it.
   */
  write(source: CorpusSource, options: ExportOptions, sink: ExportSink): Promise<ExportOutcome>;
  /** Formats made of several files (brat) also give them one by one, for a folder; `write` packs them in a tar. */
  files?(source: CorpusSource, options: ExportOptions, file: (f: ExportFile) => void | Promise<void>): Promise<ExportOutcome>;
}

/** A corpus in memory exported whole: its chunks, or its problem (then nothing). */
export async function exportCorpus(
  format: ExportFormat,
  corpus: Corpus,
  options: ExportOptions,
): Promise<Result<{ chunks: string[]; counts: ExportCounts }, Problem>> {
  return collectExport((sink) => format.write(corpusSource(corpus), options, sink));
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
  write: (source, { appVersion }, sink) => writeW3C(source, appVersion, sink),
};

const conllExport: ExportFormat = {
  id: 'conll',
  name: 'CoNLL / IOB2 (token TAB tag)',
  extension: 'conll',
  mimeType: 'text/plain',
  options: ['splitClitics', 'tokenizer'],
  write: (source, { splitClitics, tokenizer }, sink) => writeConll(source, { splitClitics: splitClitics ?? false, tokenizer: tokenizer ?? 'auto' }, sink),
};

const jsonlExport: ExportFormat = {
  id: 'jsonl',
  name: 'JSONL (one document per line: text, spans, tokens, IOB2 tags)',
  extension: 'jsonl',
  mimeType: 'application/jsonl',
  options: ['splitClitics', 'tokenizer'],
  write: (source, { splitClitics, tokenizer }, sink) => writeJsonl(source, { splitClitics: splitClitics ?? false, tokenizer: tokenizer ?? 'auto' }, sink),
};

const bratExport: ExportFormat = {
  id: 'brat',
  name: 'brat standoff (.txt + .ann, with annotation.conf), as a tar archive',
  extension: 'tar',
  mimeType: 'application/x-tar',
  options: [],
  files: (source, _options, file) => bratFiles(source, file),
  async write(source, _options, sink) {
    const outcome = await bratFiles(
      source,
      async (file) => {
        for (const chunk of tarEntry(file)) await sink.write(chunk);
      },
      sink.progress,
    );
    if (outcome.ok) await sink.write(tarEnd());
    return outcome;
  },
};

const bratImport: ImportFormat = {
  id: 'brat',
  name: 'brat standoff (.txt + .ann pairs)',
  extensions: ['ann', 'txt', 'conf'],
  run: (files, ctx) =>
    importBrat(
      files.filter((f) => !f.path.endsWith('.conf')),
      ctx,
    ),
};

const labelStudioExport: ExportFormat = {
  id: 'label-studio',
  name: 'Label Studio tasks (JSON)',
  extension: 'json',
  mimeType: 'application/json',
  options: [],
  write: (source, _options, sink) => writeLabelStudio(source, sink),
};

/** Formats read from one UTF-8 text file: decoded strictly first, so a bad byte is named by its offset. */
function fromText(read: (text: string, ctx: ImportContext) => ImportResult): ImportFormat['run'] {
  return (files, ctx) => {
    const file = files[0];
    if (!file) return { ok: false, issues: [{ severity: 'error', message: 'No file.' }] };
    const text = decodeUtf8Strict(file.bytes);
    if (!text.ok) return { ok: false, issues: [{ severity: 'error', message: `Not valid UTF-8 at byte ${text.error.byteOffset} (${text.error.reason}).` }] };
    return read(text.value, ctx);
  };
}

const w3cImport: ImportFormat = {
  id: 'w3c-jsonld',
  name: 'W3C Web Annotation JSON-LD',
  extensions: ['jsonld', 'json'],
  sniff: (head) => head.includes('"@context"'),
  // Streamed: Hamish reads back any export it writes, however large (issue 12); its limit is a count of annotations.
  run: (files, ctx) => (files[0] ? importW3CBytes(files[0].bytes, ctx) : { ok: false, issues: [{ severity: 'error', message: 'No file.' }] }),
};

/** Label Studio's export is a JSON array of tasks with `data`; ours is one object with `@context`. */
const LABEL_STUDIO_HEAD = /^\s*\[\s*(\{\s*"(id|data|annotations|predictions|completions)"|\])|^\s*\{\s*"(data|id)"/;

const labelStudioImport: ImportFormat = {
  id: 'label-studio',
  name: 'Label Studio tasks (JSON)',
  extensions: ['json'],
  sniff: (head) => LABEL_STUDIO_HEAD.test(head.replace(/^\ufeff/, '')),
  run: fromText((text, ctx) => importLabelStudio(text, ctx)),
};

/** A token per line with a BIO tag last: what tells CoNLL from an article when both are called .txt. */
const CONLL_LINE = /^\S+[ \t]+(?:O|[BI]-\S+|-X-.*)$|^-DOCSTART-/;

const conllImport: ImportFormat = {
  id: 'conll',
  name: 'CoNLL / IOB2',
  extensions: ['conll', 'iob', 'iob2', 'bio', 'tsv', 'txt'],
  sniff(head) {
    const lines = head
      .replace(/^\ufeff/, '')
      .split(/\r?\n/)
      .slice(0, 40)
      .filter((l) => l.trim());
    return lines.length > 0 && lines.filter((l) => CONLL_LINE.test(l.replace(/^\u200e/, ''))).length >= lines.length * 0.9;
  },
  run(files, ctx) {
    if (files.length === 1) return importConll(files[0]!.bytes, ctx);
    // A folder of CoNLL files (AQMAR): one corpus, each file its documents.
    return mergeResults(files.map((f) => ({ file: f.path, result: importConll(f.bytes, { ...ctx, fileName: f.path }) })));
  },
};

/** Several files' results as one corpus; the schema is the union of their entity types (by tag). */
function mergeResults(results: Array<{ file: string; result: ImportResult }>): ImportResult {
  const issues = results.flatMap(({ file, result }) => result.issues.map((i) => ({ ...i, file })));
  const good = results.flatMap(({ result }) => (result.ok ? [result.corpus] : []));
  if (good.length === 0) return { ok: false, issues };
  const schema = { ...good[0]!.schema, entityTypes: [...good[0]!.schema.entityTypes] };
  const annotations = [];
  for (const c of good) {
    const idFor = new Map<string, string>();
    for (const t of c.schema.entityTypes) {
      const same = schema.entityTypes.find((s) => s.tag === t.tag);
      if (same) idFor.set(t.id, same.id);
      else {
        const id = schema.entityTypes.some((s) => s.id === t.id) ? `${t.id}-${schema.entityTypes.length}` : t.id;
        schema.entityTypes.push({ ...t, id, key: '' });
        idFor.set(t.id, id);
      }
    }
    for (const a of c.annotations) annotations.push(a.kind === 'mention' ? { ...a, entityType: idFor.get(a.entityType) ?? a.entityType } : a);
  }
  return { ok: true, issues, corpus: { documents: good.flatMap((c) => c.documents), annotations, entities: good.flatMap((c) => c.entities), schema } };
}

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

export const EXPORT_FORMATS: readonly ExportFormat[] = [w3cExport, conllExport, jsonlExport, bratExport, labelStudioExport];
/** Order matters where extensions are shared: the first whose sniff says yes wins, else the first without one. */
export const IMPORT_FORMATS: readonly ImportFormat[] = [w3cImport, conllImport, labelStudioImport, txtImport, bratImport];

/**
 * The names people type for a format (issue 13): the ids, their usual spellings, and extensions with or without the
 * dot, case-insensitive. Unknown names stay as given, so the error can name them.
 */
const ALIASES: Readonly<Record<string, string>> = {
  jsonld: 'w3c-jsonld',
  'json-ld': 'w3c-jsonld',
  w3c: 'w3c-jsonld',
  'web-annotation': 'w3c-jsonld',
  labelstudio: 'label-studio',
  ls: 'label-studio',
  iob: 'conll',
  iob2: 'conll',
  bio: 'conll',
  conll2003: 'conll',
  conll03: 'conll',
  ann: 'brat',
  standoff: 'brat',
  text: 'txt',
  'json-lines': 'jsonl',
  ndjson: 'jsonl',
};

/** The format id a typed name means (`W3C`, `.iob2`, `ls` …), or the name itself when it means none. */
export function formatId(name: string): string {
  const n = name.trim().toLowerCase().replace(/^\./, '');
  return ALIASES[n] ?? n;
}

export const exportFormat = (name: string) => EXPORT_FORMATS.find((f) => f.id === formatId(name));
export const importFormat = (name: string) => IMPORT_FORMATS.find((f) => f.id === formatId(name));

function extensionOf(path: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(path);
  return m ? m[1]!.toLowerCase() : '';
}

/** The output format for a file name, by its extension (a folder, written with a trailing slash, is brat). */
export function inferExportFormat(path: string): ExportFormat | undefined {
  if (/[\\/]$/.test(path)) return exportFormat('brat');
  const ext = extensionOf(path);
  return EXPORT_FORMATS.find((f) => f.extension === ext);
}

/** The input format for a file or folder: by extension, and by content where the extension is shared. */
export function inferImportFormat(path: string, files: readonly InputFile[]): ImportFormat | undefined {
  const first = files[0];
  if (!first) return undefined;
  const exts = files.map((f) => extensionOf(f.path));
  if (exts.includes('ann')) return importFormat('brat');
  // A folder is judged by its most common extension (README.md and checksums beside the data do not count).
  const ext = files.length === 1 ? exts[0] || extensionOf(path) : mostCommon(exts.filter((e) => e && e !== 'md'));
  const candidates = IMPORT_FORMATS.filter((f) => f.extensions.includes(ext));
  if (candidates.length <= 1) return candidates[0];
  const sample = files.find((f) => extensionOf(f.path) === ext) ?? first;
  const head = decodeHead(sample.bytes);
  return candidates.find((f) => f.sniff?.(head)) ?? candidates.find((f) => !f.sniff);
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

/** The files of a folder that a format reads (by extension); the rest are left out. */
export function filesFor(format: ImportFormat, files: readonly InputFile[]): InputFile[] {
  return files.length === 1 ? [...files] : files.filter((f) => format.extensions.includes(extensionOf(f.path)));
}

/** The first few kilobytes as text, for sniffing (a cut multi-byte character at the end is harmless here). */
function decodeHead(bytes: Uint8Array): string {
  let end = Math.min(bytes.length, 4096);
  // Back off a multi-byte character cut by the limit (at most 3 continuation bytes and their lead).
  if (end < bytes.length) for (let k = 0; k < 4 && end > 0 && (bytes[end]! & 0xc0) === 0x80; k++) end--;
  const head = decodeUtf8Strict(bytes.subarray(0, end));
  return head.ok ? head.value : '';
}
