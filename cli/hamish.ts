/**
 * `hamish convert <input> <output> [--from F] [--to F] [--split-clitics]`: the app's own importers and exporters
 * (shared/formats) behind a command line, for scripts and pipelines. Formats are inferred from extensions and,
 * for ambiguous ones (.json, .txt), from the content. Problems are printed as `file:line: message` (or a JSON
 * pointer); the exit code is 0 on success, 1 when the input had errors, 2 for a usage error.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { formatIssue, type ExportFile, type ImportIssue } from '../shared/formats/corpus';
import type { ExportOutcome, ExportSink } from '../shared/formats/exportable';
import { corpusSource } from '../shared/formats/source';
import {
  EXPORT_FORMATS,
  IMPORT_FORMATS,
  exportFormat,
  filesFor,
  importFormat,
  inferExportFormat,
  inferImportFormat,
  type InputFile,
} from '../shared/formats/registry';
import { monotonicIds } from './ids';

const USAGE = `usage: hamish convert <input> <output> [--from FORMAT] [--to FORMAT] [--split-clitics] [--keep-going]
       hamish formats

  <input>   a file, or a folder (brat .txt/.ann pairs, or .txt articles)
  <output>  a file, or a folder for brat
  --from / --to        override the format inferred from the extension (see \`hamish formats\`)
  --split-clitics      CoNLL/JSONL: split the proclitics و ف ب ل ك ال off tokens
  --keep-going         convert what is valid even when some items of the input have errors (exit code 1 still)
  --help               this text

Format names: w3c-jsonld (also jsonld, json-ld, w3c), label-studio (labelstudio, ls), conll (iob, iob2, bio,
conll2003), jsonl, brat, txt; an extension such as .iob2 works too.
Exit codes: 0 converted, 1 the input had errors, 2 a usage error.`;

interface Args {
  input: string;
  output: string;
  from?: string;
  to?: string;
  splitClitics: boolean;
  keepGoing: boolean;
}

function parseArgs(argv: string[]): Args | string {
  const [command, ...rest] = argv;
  if (command !== 'convert') return USAGE;
  const positional: string[] = [];
  const args: Partial<Args> = { splitClitics: false, keepGoing: false };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--from' || a === '--to') {
      const v = rest[++i];
      if (!v) return `${a} needs a format name\n\n${USAGE}`;
      args[a === '--from' ? 'from' : 'to'] = v;
    } else if (a === '--split-clitics') args.splitClitics = true;
    else if (a === '--keep-going') args.keepGoing = true;
    else if (a.startsWith('--')) return `unknown option ${a}\n\n${USAGE}`;
    else positional.push(a);
  }
  if (positional.length !== 2) return USAGE;
  return { ...args, input: positional[0]!, output: positional[1]! } as Args;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function readInput(path: string): InputFile[] {
  if (statSync(path).isDirectory()) {
    return readdirSync(path)
      .sort()
      .filter((name) => statSync(join(path, name)).isFile())
      .map((name) => ({ path: name, bytes: new Uint8Array(readFileSync(join(path, name))) }));
  }
  return [{ path: basename(path), bytes: new Uint8Array(readFileSync(path)) }];
}

export async function main(
  argv: string[],
  io: { out: (s: string) => void; err: (s: string) => void } = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) },
): Promise<number> {
  // Asking for help is not an error: usage on stdout, exit 0.
  if (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help' || (argv[0] === 'convert' && argv.some((a) => a === '--help' || a === '-h'))) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  if (argv[0] === 'formats') {
    io.out(`import: ${IMPORT_FORMATS.map((f) => `${f.id} (${f.extensions.map((e) => `.${e}`).join(' ')})`).join(', ')}\n`);
    io.out(`export: ${EXPORT_FORMATS.map((f) => `${f.id} (.${f.extension})`).join(', ')}\n`);
    return 0;
  }
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.err(`${args}\n`);
    return 2;
  }
  let files: InputFile[];
  try {
    files = readInput(args.input);
  } catch (e) {
    io.err(`${args.input}: ${(e as Error).message}\n`);
    return 1;
  }
  const from = args.from ? importFormat(args.from) : inferImportFormat(args.input, files);
  if (!from) {
    io.err(
      args.from
        ? `--from "${args.from}" is not an input format; choose one of ${IMPORT_FORMATS.map((f) => f.id).join(', ')} (see hamish --help)\n`
        : `${args.input}: cannot tell the input format; use --from (${IMPORT_FORMATS.map((f) => f.id).join(', ')})\n`,
    );
    return 2;
  }
  const to = args.to ? exportFormat(args.to) : inferExportFormat(args.output);
  if (!to && args.to) {
    io.err(`--to "${args.to}" is not an output format; choose one of ${EXPORT_FORMATS.map((f) => f.id).join(', ')} (see hamish --help)\n`);
    return 2;
  }
  if (!to) {
    io.err(`${args.output}: cannot tell the output format; use --to (${EXPORT_FORMATS.map((f) => f.id).join(', ')})\n`);
    return 2;
  }
  const now = new Date().toISOString();
  const name = basename(args.input);
  const used = filesFor(from, files);
  const skipped = files.length - used.length;
  if (skipped > 0) io.err(`${name}: ${skipped} file(s) that are not ${from.id} left out\n`);
  const imported = from.run(used, { fileName: name, newId: monotonicIds(), now });
  const issues: ImportIssue[] = imported.issues;
  for (const issue of issues) io.err(`${issue.severity}: ${formatIssue(issue.file ?? name, issue)}\n`);
  const errors = issues.filter((i) => i.severity === 'error').length;
  if (!imported.ok || (errors > 0 && !args.keepGoing)) {
    io.err(`${name}: not converted (${errors || 'fatal'} error${errors === 1 ? '' : 's'})${imported.ok ? '; --keep-going converts the valid part' : ''}\n`);
    return 1;
  }
  const options = { splitClitics: args.splitClitics, appVersion: 'cli' };
  const source = corpusSource(imported.corpus);
  // A multi-file format into a folder (trailing slash, or an existing folder) writes its files there, once all of
  // them are made: a refused corpus leaves no files behind.
  if (to.files && (/[\\/]$/.test(args.output) || isDirectory(args.output))) {
    const files: ExportFile[] = [];
    const outcome = await to.files(source, options, (f) => void files.push(f));
    if (!outcome.ok) {
      io.err(`${name}: ${outcome.error.message}\n`);
      return 1;
    }
    for (const f of files)
      await writeOutput(join(args.output, f.path), async (sink) => {
        await sink.write(f.content);
        return outcome;
      });
  } else {
    const outcome = await writeOutput(args.output, (sink) => to.write(source, options, sink));
    if (!outcome.ok) {
      io.err(`${name}: ${outcome.error.message}\n`);
      return 1;
    }
  }
  const { documents, annotations } = imported.corpus;
  io.out(`${args.output}: ${to.id}, ${documents.length} document(s), ${annotations.length} annotation(s) from ${from.id}\n`);
  return errors > 0 ? 1 : 0;
}

/**
 * Stream the chunks to a temp file beside the output and rename it into place: never a half-written output. An
 * export that stops on a problem leaves the output as it was.
 */
async function writeOutput(output: string, run: (sink: ExportSink) => Promise<ExportOutcome>): Promise<ExportOutcome> {
  mkdirSync(dirname(output) || '.', { recursive: true });
  const temp = join(dirname(output), `.${basename(output)}.${randomUUID()}${extname(output)}.tmp`);
  const stream = createWriteStream(temp, { encoding: 'utf8' });
  try {
    const outcome = await run({
      write: async (chunk) => {
        if (!stream.write(chunk)) await new Promise<void>((r) => stream.once('drain', () => r()));
      },
    });
    await new Promise<void>((resolve, reject) => stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
    if (outcome.ok) renameSync(temp, output);
    else rmSync(temp, { force: true });
    return outcome;
  } catch (e) {
    stream.destroy();
    rmSync(temp, { force: true });
    throw e;
  }
}
