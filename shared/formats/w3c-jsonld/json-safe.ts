import type { ImportIssue } from '../corpus';
import { FORBIDDEN, JsonScanner, type JsonMark, type ScanOptions } from './json-scan';

export { escapePointer, MAX_JSON_DEPTH, type JsonMark } from './json-scan';

/**
 * What a file read into memory as bytes can safely be. Not the import's real limit: the reader streams, so what
 * bounds an import is the count of its annotations (MAX_ANNOTATIONS in import.ts).
 */
export const MAX_JSON_BYTES = 1024 * 1024 * 1024;

export type SafeJson =
  { ok: true; value: unknown; marks: JsonMark[]; contexts: string[]; nodes: ReadonlyMap<string, unknown> } | { ok: false; issue: ImportIssue };

export interface ReadJsonOptions extends ScanOptions {
  /** Refuse past this many characters (a string's length in UTF-16 units is a lower bound of its UTF-8 size). */
  maxBytes?: number;
}

function describeBinary(text: string): string | null {
  const head = text.slice(0, 8);
  if (/^[\u0089\ufffd]PNG/.test(head)) return 'a PNG image';
  if (head.startsWith('PK\u0003\u0004')) return 'a ZIP archive (or a .docx/.xlsx)';
  if (head.startsWith('%PDF-')) return 'a PDF document';
  if (/^[\x1f\ufffd][\x8b\ufffd]/.test(head)) return 'a gzip archive'; // eslint-disable-line no-control-regex -- gzip's magic bytes
  return text.slice(0, 8192).includes('\u0000') ? 'a binary file (it contains NUL bytes)' : null;
}

/** The head a file is sniffed by (binary magic, NUL bytes) before its grammar is checked. */
const HEAD = 8192;

/**
 * Untrusted JSON read piece by piece (never needing the whole file as one string): refused by size as soon as it
 * passes the limit, sniffed for binary files, checked by JsonScanner, then parsed with `__proto__`, `constructor`
 * and `prototype` keys dropped. `feed` returns false once the file is refused; `end` gives the result. Never throws.
 */
export function jsonReader(options: ReadJsonOptions = {}) {
  const maxBytes = options.maxBytes ?? MAX_JSON_BYTES;
  const scanner = new JsonScanner(options);
  let length = 0;
  let head: string | null = ''; // held until it is long enough to sniff, then null
  let bom = false;
  let seen = false; // anything but whitespace
  let refusal: ImportIssue | null = null;
  const refuse = (message: string, line?: number, pointer = ''): false => {
    refusal = { severity: 'error', message, pointer, ...(line ? { line } : {}) };
    return false;
  };
  const give = (text: string): boolean => {
    if (!seen && /\S/.test(text)) seen = true;
    return scanner.feed(text);
  };
  const sniff = (): boolean => {
    const text = head!;
    head = null;
    bom = text.charCodeAt(0) === 0xfeff;
    const body = bom ? text.slice(1) : text;
    const binary = describeBinary(body);
    if (binary) return refuse(`This is ${binary}, not JSON.`);
    return give(body);
  };
  const feed = (text: string): boolean => {
    if (refusal) return false;
    length += text.length;
    if (length > maxBytes) return refuse(`The file is larger than the ${Math.round(maxBytes / 1048576)} MB limit for one import.`);
    if (head === null) return give(text);
    head += text;
    return head.length < HEAD || sniff();
  };
  const end = (): SafeJson => {
    if (!refusal && head !== null) {
      if (length === 0) refuse('The file is empty.');
      else if (length === 1 && head.charCodeAt(0) === 0xfeff) refuse('The file holds only a byte-order mark (BOM), no JSON.');
      else sniff();
    }
    if (!refusal && !seen) refuse('The file holds only whitespace, no JSON.');
    if (refusal) return { ok: false, issue: refusal };
    const done = scanner.end();
    if ('failure' in done) {
      const { pos, message, pointer, limit } = done.failure;
      if (limit) return { ok: false, issue: { severity: 'error', message: `${message[0]!.toUpperCase()}${message.slice(1)}.`, pointer } };
      const { line, column } = scanner.lineColumn(pos);
      return { ok: false, issue: { severity: 'error', message: `Not valid JSON at line ${line}, column ${column}: ${message}.`, pointer, line } };
    }
    try {
      const value: unknown = scanner.skeletonForbidden
        ? JSON.parse(done.skeleton, (k, v: unknown) => (FORBIDDEN.has(k) ? undefined : v))
        : JSON.parse(done.skeleton);
      return { ok: true, value, marks: scanner.marks, contexts: scanner.contexts, nodes: scanner.nodes };
    } catch (err) {
      return { ok: false, issue: { severity: 'error', message: `Not valid JSON: ${err instanceof Error ? err.message : String(err)}.`, pointer: '' } };
    }
  };
  return { feed, end };
}

/** Untrusted JSON held as one string (small files, tests): `jsonReader` fed once. */
export function parseJsonSafely(text: string, maxBytes = MAX_JSON_BYTES): SafeJson {
  const reader = jsonReader({ maxBytes });
  reader.feed(text);
  return reader.end();
}
