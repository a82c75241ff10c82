import type { ImportIssue } from '../corpus';

/** A corpus file larger than this is refused before it is parsed (TRUST.md: 200 MB). */
export const MAX_JSON_BYTES = 200 * 1024 * 1024;
/** Deep enough for any real annotation (ours nest 12 levels), shallow enough that nothing recursive overflows. */
export const MAX_JSON_DEPTH = 2000;
const MAX_MARKS = 1000;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** A place in the parsed value that must not be trusted: the item holding it is refused. */
export interface JsonMark {
  pointer: string;
  message: string;
}

export type SafeJson = { ok: true; value: unknown; marks: JsonMark[]; contexts: string[] } | { ok: false; issue: ImportIssue };

export const escapePointer = (key: string | number) => String(key).replace(/~/g, '~0').replace(/\//g, '~1');

interface Frame {
  arr: boolean;
  index: number;
  key: string;
  keys: string[] | Set<string>;
}

const STRING_RUN = /[^"\\\u0000-\u001f]*/y; // eslint-disable-line no-control-regex -- raw control characters end a run
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\w.+-])/y;
const WORDS: ReadonlyArray<[RegExp, string]> = [
  [/(?:true|false|null)(?!\w)/y, ''],
  [/-?(?:NaN|Infinity)/y, 'NaN and Infinity are not JSON numbers'],
  [/undefined/y, '"undefined" is not a JSON value'],
  [/'/y, 'JSON strings need double quotes, not single quotes'],
];

function lineColumn(text: string, pos: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let nl = text.indexOf('\n'); nl !== -1 && nl < pos; nl = text.indexOf('\n', nl + 1)) {
    line++;
    lineStart = nl + 1;
  }
  return { line, column: pos - lineStart + 1 };
}

function describeBinary(text: string): string | null {
  const head = text.slice(0, 8);
  if (/^[\u0089\ufffd]PNG/.test(head)) return 'a PNG image';
  if (head.startsWith('PK\u0003\u0004')) return 'a ZIP archive (or a .docx/.xlsx)';
  if (head.startsWith('%PDF-')) return 'a PDF document';
  if (/^[\x1f\ufffd][\x8b\ufffd]/.test(head)) return 'a gzip archive'; // eslint-disable-line no-control-regex -- gzip's magic bytes
  return text.slice(0, 8192).includes('\u0000') ? 'a binary file (it contains NUL bytes)' : null;
}

/**
 * One O(n) pass over the text before `JSON.parse`: checks the grammar (so every syntax error has a line and
 * column, and comments, NaN and trailing commas are named), refuses nesting past MAX_JSON_DEPTH (so `[` × 100,000
 * is an error, not a stack overflow later), and notes duplicate keys, prototype-polluting keys and every
 * `@context` by JSON pointer.
 */
function scan(
  text: string,
  from: number,
): { error: { pos: number; message: string; pointer: string } } | { marks: JsonMark[]; contexts: string[]; forbidden: boolean } {
  const stack: Frame[] = [];
  const marks: JsonMark[] = [];
  const contexts: string[] = [];
  let forbidden = false;
  const pointer = (frames = stack) => frames.map((f) => `/${escapePointer(f.arr ? f.index : f.key)}`).join('');
  const n = text.length;
  let i = from;
  let expect: 'value' | 'after' | 'key' | 'colon' = 'value';
  let opened = false; // a container was just opened: it may close at once
  let comma = false; // the last token was a comma
  // Where an error is: the value being read, or else the object or array it is in.
  const fail = (pos: number, message: string) => ({ error: { pos, message, pointer: pointer(expect === 'value' ? stack : stack.slice(0, -1)) } });
  const readString = (): { pos: number; message: string } | string => {
    const start = i;
    i++;
    for (;;) {
      STRING_RUN.lastIndex = i;
      STRING_RUN.test(text);
      i = STRING_RUN.lastIndex;
      const c = text.charCodeAt(i);
      if (i >= n) return { pos: start, message: 'a string is never closed' };
      if (c === 0x22) break;
      if (c !== 0x5c)
        return { pos: i, message: `a raw control character (U+${c.toString(16).padStart(4, '0').toUpperCase()}) inside a string; write it as an escape` };
      ESCAPE.lastIndex = i;
      if (!ESCAPE.test(text)) return { pos: i, message: 'an invalid escape sequence in a string' };
      i = ESCAPE.lastIndex;
    }
    i++;
    const raw = text.slice(start + 1, i - 1);
    return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
      i++;
      continue;
    }
    const top = stack[stack.length - 1];
    if (c === 0x2f || c === 0x23) return fail(i, 'comments are not allowed in JSON');
    if (expect === 'after') {
      if (!top) return fail(i, 'unexpected text after the end of the JSON value');
      if (c === 0x2c) expect = top.arr ? 'value' : 'key';
      else if (c === (top.arr ? 0x5d : 0x7d)) stack.pop();
      else return fail(i, `expected "," or "${top.arr ? ']' : '}'}"`);
      if (c === 0x2c && top.arr) top.index++;
      i++;
      opened = false;
      comma = c === 0x2c;
      continue;
    }
    if (expect === 'colon') {
      if (c !== 0x3a) return fail(i, 'expected ":" after a property name');
      expect = 'value';
      i++;
      continue;
    }
    if ((c === 0x5d || c === 0x7d) && top) {
      if (!opened) return fail(i, comma ? 'a trailing comma before a closing bracket' : 'a value is missing');
      if (c !== (top.arr ? 0x5d : 0x7d)) return fail(i, 'mismatched closing bracket');
      stack.pop();
      i++;
      expect = 'after';
      opened = false;
      continue;
    }
    opened = false;
    comma = false;
    if (expect === 'key') {
      if (c !== 0x22) return fail(i, 'property names must be strings in double quotes');
      const key = readString();
      if (typeof key !== 'string') return fail(key.pos, key.message);
      top!.key = key;
      const keys = top!.keys;
      const seen = Array.isArray(keys) ? keys.includes(key) : keys.has(key);
      if (Array.isArray(keys)) {
        keys.push(key);
        if (keys.length > 16) top!.keys = new Set(keys);
      } else keys.add(key);
      if (seen) marks.push({ pointer: pointer(), message: `the key "${key}" appears twice in one object (a JSON reader keeps only one of them)` });
      if (FORBIDDEN.has(key)) {
        forbidden = true;
        marks.push({ pointer: pointer(), message: `the key "${key}" is refused: it can rewrite JavaScript prototypes` });
      }
      if (key === '@context') contexts.push(pointer());
      if (marks.length > MAX_MARKS) return fail(i, `more than ${MAX_MARKS} duplicate or forbidden keys`);
      expect = 'colon';
      continue;
    }
    // expect === 'value'
    if (c === 0x7b || c === 0x5b) {
      if (stack.length >= MAX_JSON_DEPTH) return fail(i, `nested more than ${MAX_JSON_DEPTH} levels deep`);
      stack.push({ arr: c === 0x5b, index: 0, key: '', keys: [] });
      expect = c === 0x7b ? 'key' : 'value';
      opened = true;
      i++;
      continue;
    }
    if (c === 0x22) {
      const s = readString();
      if (typeof s !== 'string') return fail(s.pos, s.message);
    } else {
      NUMBER.lastIndex = i;
      if (NUMBER.test(text)) i = NUMBER.lastIndex;
      else {
        const word = WORDS.find(([re]) => ((re.lastIndex = i), re.test(text)));
        const what = /[-\d]/.test(text[i]!) ? 'an invalid number' : `unexpected character ${JSON.stringify(text[i])}`;
        if (!word || word[1]) return fail(i, word?.[1] || what);
        i = word[0].lastIndex;
      }
    }
    expect = 'after';
  }
  if (stack.length || expect !== 'after') return fail(n, 'the file ends in the middle of a JSON value');
  return { marks, contexts, forbidden };
}

/**
 * Parse untrusted JSON: refused by size before anything else, sniffed for binary files, scanned (see `scan`),
 * then parsed with `__proto__`, `constructor` and `prototype` keys dropped. Never throws.
 */
export function parseJsonSafely(text: string, maxBytes = MAX_JSON_BYTES): SafeJson {
  // Refusals of the whole text point at the whole document ('').
  const refuse = (message: string, line?: number, pointer = ''): SafeJson => ({
    ok: false,
    issue: { severity: 'error', message, pointer, ...(line ? { line } : {}) },
  });
  // A string's length in UTF-16 units is a lower bound of its UTF-8 size.
  if (text.length > maxBytes) return refuse(`The file is larger than the ${Math.round(maxBytes / 1048576)} MB limit for one import.`);
  if (text.length === 0) return refuse('The file is empty.');
  const from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (from === 1 && text.length === 1) return refuse('The file holds only a byte-order mark (BOM), no JSON.');
  if (!/\S/.test(text.slice(from, from + 4096)) && !/\S/.test(text)) return refuse('The file holds only whitespace, no JSON.');
  const binary = describeBinary(text.slice(from));
  if (binary) return refuse(`This is ${binary}, not JSON.`);
  const found = scan(text, from);
  if ('error' in found) {
    const { line, column } = lineColumn(text, found.error.pos);
    return refuse(`Not valid JSON at line ${line}, column ${column - from * Number(line === 1)}: ${found.error.message}.`, line, found.error.pointer);
  }
  try {
    const body = from ? text.slice(from) : text;
    const value: unknown = found.forbidden ? JSON.parse(body, (k, v: unknown) => (FORBIDDEN.has(k) ? undefined : v)) : JSON.parse(body);
    return { ok: true, value, marks: found.marks, contexts: found.contexts };
  } catch (err) {
    return refuse(`Not valid JSON: ${err instanceof Error ? err.message : String(err)}.`);
  }
}
