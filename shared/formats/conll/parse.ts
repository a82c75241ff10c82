import { describeBinary } from '../../text/binary';
import { createMention, type MentionRecord } from '../../model/annotation';
import type { DocumentRecord } from '../../model/document';
import { validateLabelSchema } from '../../model/label-schema';
import { canonicalizeText } from '../../text/canonical';
import { sha256Text } from '../../text/sha256';
import { decodeUtf8Strict } from '../../text/utf8';
import type { ImportContext, ImportResult } from '../corpus';
import { makeIssueSink } from './issues';
import { readConll } from './read';
import { schemaForClasses } from './schema';
import { storedFileName } from '../file-name';

/** Larger files are refused before decoding: a CoNLL corpus this size belongs in several files. */
export const MAX_CONLL_BYTES = 100 * 1024 * 1024;

export interface ConllImportOptions {
  /**
   * `'docstart'` (default): each `-DOCSTART-` line starts a new document, and a file without one is one document.
   * `'file'`: the whole file is one document; `-DOCSTART-` lines only end a sentence.
   */
  documentsPer?: 'docstart' | 'file';
}

/**
 * Import a CoNLL / IOB2 file (token, tag; see read.ts for the line rules) as a corpus.
 *
 * The bytes must be UTF-8 (a BOM is dropped; CRLF and CR become LF, as for every imported text). Each document's
 * canonical text is its tokens joined by single spaces within a sentence and by '\n' between sentences, so the
 * 'whitespace' tokenizer of the exporter gives back exactly these tokens and sentences. Each entity span becomes a
 * mention covering its tokens exactly; the label schema gets one entity type per class (schema.ts). A file with
 * several documents names them `file#1`, `file#2`…; the title is the first sentence's first eight tokens.
 * Lines that cannot be read as they stand are reported (warnings, with their line) and read as O or skipped;
 * `ok: false` only when nothing usable is in the file.
 */
export function importConll(bytes: Uint8Array, ctx: ImportContext, opts: ConllImportOptions = {}): ImportResult {
  const refuse = (message: string, line?: number): ImportResult => ({ ok: false, issues: [{ severity: 'error', message, ...(line ? { line } : {}) }] });
  if (bytes.length > MAX_CONLL_BYTES)
    return refuse(
      `The file's ${(bytes.length / 1048576).toFixed(1)} MB is larger than the ${MAX_CONLL_BYTES / 1048576} MB limit for one CoNLL file; split it.`,
    );
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return refuse('The file is UTF-16 encoded; save it as UTF-8 and import it again.');
  const binary = describeBinary(bytes);
  if (binary) return refuse(`This is ${binary}, not a CoNLL text file.`);
  const decoded = decodeUtf8Strict(bytes);
  if (!decoded.ok) {
    const { byteOffset, reason } = decoded.error;
    const line = countLines(bytes, byteOffset);
    return refuse(`Not valid UTF-8 at byte ${byteOffset} (line ${line}: ${reason}); save it as UTF-8 and import it again.`, line);
  }
  const text = canonicalizeText(decoded.value);
  const issues = makeIssueSink();
  const read = readConll(text, (opts.documentsPer ?? 'docstart') === 'docstart', issues);
  if (read.length === 0) return refuse('The file holds no tokens (it is empty, or only blank lines and -DOCSTART- lines).');

  const classes = new Set<string>();
  for (const d of read) for (const s of d.spans) classes.add(s.cls);
  const { schema, typeIdOf, dropped } = schemaForClasses([...classes]);
  const valid = validateLabelSchema(schema);
  if (!valid.ok) return { ok: false, issues: valid.error.map((p) => ({ severity: 'error', message: p.message })) };
  for (const cls of dropped) {
    const first = read.flatMap((d) => d.spans).find((s) => s.cls === cls);
    issues.add('too-many-classes', {
      severity: 'warning',
      ...(first ? { line: first.line } : {}),
      message: `The class "${cls}" is past the ${schema.entityTypes.length}-type limit of a label schema; its spans are read as O.`,
    });
  }

  const documents: DocumentRecord[] = [];
  const annotations: MentionRecord[] = [];
  read.forEach((d, i) => {
    const id = ctx.newId();
    const title = d.titleTokens.slice(0, 8).join(' ') + (d.titleTokens.length > 8 ? ' …' : '');
    const fileName = read.length > 1 ? `${storedFileName(ctx.fileName)}#${i + 1}` : storedFileName(ctx.fileName);
    documents.push({
      id,
      title: /[^\s\p{Cf}]/u.test(title) ? title : fileName,
      text: d.text,
      sha256: sha256Text(d.text),
      fileName,
      importedAt: ctx.now,
      status: 'new',
      meta: { tokenization: 'whitespace' },
    });
    for (const s of d.spans) {
      const entityType = typeIdOf.get(s.cls);
      if (!entityType) continue;
      const made = createMention(d.text, { id: ctx.newId(), documentId: id, start: s.start, end: s.end, now: ctx.now, entityType });
      if (made.ok) annotations.push(made.value);
      else issues.add('bad-span', { severity: 'warning', line: s.line, message: made.error.message });
    }
  });
  return { ok: true, corpus: { documents, annotations, entities: [], schema: valid.value }, issues: issues.list() };
}

/** 1-based line of a byte offset. */
function countLines(bytes: Uint8Array, upTo: number): number {
  let line = 1;
  for (let i = 0; i < upTo; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
