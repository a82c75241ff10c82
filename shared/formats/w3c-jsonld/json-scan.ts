/** A place in the parsed value that must not be trusted: the item holding it is refused. */
export interface JsonMark {
  pointer: string;
  message: string;
}

export const escapePointer = (key: string | number) => String(key).replace(/~/g, '~0').replace(/\//g, '~1');

/** Deep enough for any real annotation (ours nest 12 levels), shallow enough that nothing recursive overflows. */
export const MAX_JSON_DEPTH = 2000;
const MAX_MARKS = 1000;
export const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** What the elements of an array are, when they are the nodes an import reads one by one. */
export type NodeKind = 'document' | 'entity' | 'annotation';
type Role = 'root' | 'page' | NodeKind | undefined;

interface Frame {
  arr: boolean;
  index: number;
  key: string;
  keys: string[] | Set<string>;
  role: Role;
}

export interface ScanFailure {
  /** Absolute position in the text (UTF-16 units), for a line and column. */
  pos: number;
  message: string;
  pointer: string;
  /** A limit of the import, not a grammar error: said as it is, not as "not valid JSON". */
  limit?: boolean;
}

export interface ScanOptions {
  /** Cut the Web Annotation nodes out as they come (documents, entities, annotations), each parsed on its own. */
  nodes?: boolean;
  /** Refuse the file at the first annotation past this count, before reading the rest. */
  maxAnnotations?: number;
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
/** A number or a word runs to the next of these: when it runs to the end of a piece, the next piece may go on. */
const TOKEN_RUN = /[^\s,\]}:"[{]*/y;
const MORE = Symbol('more');
type Step = typeof MORE | ScanFailure | null;

interface OpenNode {
  pointer: string;
  kind: NodeKind;
  depth: number;
  /** Where the node's text not yet copied out of the buffer starts (absolute). */
  from: number;
  parts: string[];
  forbidden: boolean;
}

/**
 * The grammar check of untrusted JSON, fed in pieces so a file is never one string: every syntax error gets a line
 * and column (comments, NaN and trailing commas are named), nesting past MAX_JSON_DEPTH is refused (so `[` × 100,000
 * is an error, not a stack overflow later), and duplicate keys, prototype-polluting keys and every `@context` are
 * noted by JSON pointer. With `nodes`, each document, entity and annotation of a Web Annotation file is cut out and
 * parsed as soon as it ends, and what is around them (the skeleton, small) is kept as text with `0` in their place:
 * memory then holds parsed nodes, never the file's text.
 */
export class JsonScanner {
  readonly marks: JsonMark[] = [];
  readonly contexts: string[] = [];
  readonly nodes = new Map<string, unknown>();
  failure: ScanFailure | null = null;
  /** A forbidden key outside every node: the skeleton is parsed without such keys. */
  skeletonForbidden = false;
  private readonly stack: Frame[] = [];
  private expect: 'value' | 'after' | 'key' | 'colon' = 'value';
  private opened = false; // a container was just opened: it may close at once
  private comma = false; // the last token was a comma
  private buf = '';
  private base = 0; // absolute position of buf[0]
  private i = 0;
  private final = false;
  private strResume = 0; // absolute position up to which a key cut by the end of a piece was checked
  // A value string cut by the end of a piece: where it began (absolute). What of it was checked is let go of (copied
  // into its node or the skeleton), so a 100 MB string costs one pass, not one per piece.
  private valueString: { start: number } | null = null;
  private line = 1; // line of buf[0]
  private lineStart = 0; // absolute position where that line starts
  private node: OpenNode | null = null;
  private readonly skeleton: string[] = [];
  private skeletonFrom = 0;
  private annotations = 0;

  constructor(private readonly options: ScanOptions = {}) {}

  /** True while the text so far is well-formed. */
  feed(text: string): boolean {
    if (this.failure) return false;
    this.compact();
    this.buf += text;
    this.run();
    return !this.failure;
  }

  /** The end of the text: the skeleton (with nodes as `0`), or the failure. */
  end(): { skeleton: string } | { failure: ScanFailure } {
    if (!this.failure) {
      this.final = true;
      this.run();
      if (!this.failure && this.valueString) this.failure = this.fail(this.valueString.start, 'a string is never closed');
      if (!this.failure && (this.stack.length || this.expect !== 'after'))
        this.failure = this.fail(this.base + this.buf.length, 'the file ends in the middle of a JSON value');
    }
    if (this.failure) return { failure: this.failure };
    this.skeleton.push(this.buf.slice(this.skeletonFrom - this.base));
    return { skeleton: this.skeleton.join('') };
  }

  /** Line and column (1-based) of an absolute position still in, or just after, the buffer. */
  lineColumn(pos: number): { line: number; column: number } {
    let { line, lineStart } = this;
    const upto = pos - this.base;
    for (let nl = this.buf.indexOf('\n'); nl !== -1 && nl < upto; nl = this.buf.indexOf('\n', nl + 1)) {
      line++;
      lineStart = this.base + nl + 1;
    }
    return { line, column: pos - lineStart + 1 };
  }

  /** Drops the text already read, copying out what the skeleton or the open node still needs. */
  private compact(): void {
    const keep = this.i;
    if (keep === 0) return;
    if (this.node) {
      this.node.parts.push(this.buf.slice(this.node.from - this.base, keep));
      this.node.from = this.base + keep;
    } else {
      this.skeleton.push(this.buf.slice(this.skeletonFrom - this.base, keep));
      this.skeletonFrom = this.base + keep;
    }
    for (let nl = this.buf.indexOf('\n'); nl !== -1 && nl < keep; nl = this.buf.indexOf('\n', nl + 1)) {
      this.line++;
      this.lineStart = this.base + nl + 1;
    }
    this.buf = this.buf.slice(keep);
    this.base += keep;
    this.i = 0;
  }

  private pointer(frames = this.stack): string {
    let p = '';
    for (const f of frames) p += `/${escapePointer(f.arr ? f.index : f.key)}`;
    return p;
  }

  // Where an error is: the value being read, or else the object or array it is in.
  private fail(pos: number, message: string): ScanFailure {
    return { pos, message, pointer: this.pointer(this.expect === 'value' ? this.stack : this.stack.slice(0, -1)) };
  }

  private run(): void {
    const step = this.scan();
    if (step !== MORE && step) this.failure = step;
  }

  private scan(): Step {
    const text = this.buf;
    const stack = this.stack;
    const n = text.length;
    while (this.i < n) {
      if (this.valueString) {
        const step = this.readString(false);
        if (step !== null) return step;
        this.opened = false;
        this.comma = false;
        this.expect = 'after';
        this.valueEnded();
        continue;
      }
      const i = this.i;
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
        this.i++;
        continue;
      }
      const top = stack[stack.length - 1];
      if (c === 0x2f || c === 0x23) return this.fail(this.base + i, 'comments are not allowed in JSON');
      if (this.expect === 'after') {
        if (!top) return this.fail(this.base + i, 'unexpected text after the end of the JSON value');
        if (c === 0x2c) this.expect = top.arr ? 'value' : 'key';
        else if (c === (top.arr ? 0x5d : 0x7d)) stack.pop();
        else return this.fail(this.base + i, `expected "," or "${top.arr ? ']' : '}'}"`);
        if (c === 0x2c && top.arr) top.index++;
        this.i++;
        this.opened = false;
        this.comma = c === 0x2c;
        if (c !== 0x2c) this.valueEnded();
        continue;
      }
      if (this.expect === 'colon') {
        if (c !== 0x3a) return this.fail(this.base + i, 'expected ":" after a property name');
        this.expect = 'value';
        this.i++;
        continue;
      }
      if ((c === 0x5d || c === 0x7d) && top) {
        if (!this.opened) return this.fail(this.base + i, this.comma ? 'a trailing comma before a closing bracket' : 'a value is missing');
        if (c !== (top.arr ? 0x5d : 0x7d)) return this.fail(this.base + i, 'mismatched closing bracket');
        stack.pop();
        this.i++;
        this.expect = 'after';
        this.opened = false;
        this.valueEnded();
        continue;
      }
      if (this.expect === 'key') {
        if (c !== 0x22) return this.fail(this.base + i, 'property names must be strings in double quotes');
        const key = this.readString(true);
        if (typeof key !== 'string') return key;
        this.opened = false;
        this.comma = false;
        const step = this.noteKey(top!, key);
        if (step) return step;
        this.expect = 'colon';
        continue;
      }
      // expect === 'value'
      if (c === 0x7b || c === 0x5b) {
        if (stack.length >= MAX_JSON_DEPTH) return this.fail(this.base + i, `nested more than ${MAX_JSON_DEPTH} levels deep`);
        const step = this.valueStarts();
        if (step) return step;
        stack.push({ arr: c === 0x5b, index: 0, key: '', keys: [], role: this.roleOf(top, c === 0x5b) });
        this.expect = c === 0x7b ? 'key' : 'value';
        this.opened = true;
        this.comma = false;
        this.i++;
        continue;
      }
      const started = this.valueStarts();
      if (started) return started;
      const step = c === 0x22 ? this.readString(false) : this.readWord();
      if (step !== null) return step;
      this.opened = false;
      this.comma = false;
      this.expect = 'after';
      this.valueEnded();
    }
    return MORE;
  }

  private noteKey(top: Frame, key: string): Step {
    top.key = key;
    const keys = top.keys;
    const seen = Array.isArray(keys) ? keys.includes(key) : keys.has(key);
    if (Array.isArray(keys)) {
      keys.push(key);
      if (keys.length > 16) top.keys = new Set(keys);
    } else keys.add(key);
    if (seen) this.marks.push({ pointer: this.pointer(), message: `the key "${key}" appears twice in one object (a JSON reader keeps only one of them)` });
    if (FORBIDDEN.has(key)) {
      if (this.node) this.node.forbidden = true;
      else this.skeletonForbidden = true;
      this.marks.push({ pointer: this.pointer(), message: `the key "${key}" is refused: it can rewrite JavaScript prototypes` });
    }
    if (key === '@context') this.contexts.push(this.pointer());
    if (this.marks.length > MAX_MARKS) return this.fail(this.base + this.i, `more than ${MAX_MARKS} duplicate or forbidden keys`);
    return null;
  }

  /** The role of a container opened in `parent`: where Web Annotation files keep their pages and nodes. */
  private roleOf(parent: Frame | undefined, arr: boolean): Role {
    if (!this.options.nodes || this.node) return undefined;
    if (!parent) return arr ? 'annotation' : 'root';
    if (parent.arr || (parent.role !== 'root' && parent.role !== 'page')) return undefined;
    const k = parent.key;
    if (!arr) return (k === 'first' && parent.role === 'root') || (k === 'next' && parent.role === 'page') ? 'page' : undefined;
    if (k === 'items') return 'annotation';
    if (parent.role !== 'root') return undefined;
    return k === 'documents' ? 'document' : k === 'entities' ? 'entity' : undefined;
  }

  /** A value begins at `this.i`: when it is an element of a node array, its node opens here. */
  private valueStarts(): Step {
    const top = this.stack[this.stack.length - 1];
    if (this.node || !top?.arr || !top.role || top.role === 'root' || top.role === 'page') return null;
    const pointer = this.pointer();
    if (top.role === 'annotation' && ++this.annotations > (this.options.maxAnnotations ?? Infinity)) {
      const max = this.options.maxAnnotations!;
      return {
        ...this.fail(this.base + this.i, `more than ${max.toLocaleString('en')} annotations; the limit for one import is ${max.toLocaleString('en')}`),
        pointer,
        limit: true,
      };
    }
    const at = this.base + this.i;
    this.skeleton.push(this.buf.slice(this.skeletonFrom - this.base, this.i), '0');
    this.node = { pointer, kind: top.role, depth: this.stack.length, from: at, parts: [], forbidden: false };
    return null;
  }

  /** A value ended at `this.i`: when it was a node, it is parsed now and the skeleton goes on after it. */
  private valueEnded(): void {
    const node = this.node;
    if (!node || this.stack.length !== node.depth) return;
    node.parts.push(this.buf.slice(node.from - this.base, this.i));
    const text = node.parts.join('');
    this.nodes.set(node.pointer, node.forbidden ? JSON.parse(text, (k, v: unknown) => (FORBIDDEN.has(k) ? undefined : v)) : JSON.parse(text));
    this.node = null;
    this.skeletonFrom = this.base + this.i;
  }

  /** A string at `this.i`: its value when it is a key, null once read, MORE when the piece ends inside it. */
  private readString(key: true): string | Exclude<Step, null>;
  private readString(key: false): Step;
  private readString(key: boolean): string | Step {
    const text = this.buf;
    const n = text.length;
    const resuming = !key && this.valueString !== null;
    const start = this.i;
    const startAt = resuming ? this.valueString!.start : this.base + start;
    let j = resuming ? start : Math.max(start + 1, this.strResume - this.base);
    const cut = (at: number): typeof MORE => {
      if (key) this.strResume = this.base + at;
      else {
        this.valueString = { start: startAt };
        this.i = at;
      }
      return MORE;
    };
    for (;;) {
      STRING_RUN.lastIndex = j;
      STRING_RUN.test(text);
      j = STRING_RUN.lastIndex;
      if (j >= n) {
        if (this.final) return this.fail(startAt, 'a string is never closed');
        return cut(j);
      }
      const c = text.charCodeAt(j);
      if (c === 0x22) break;
      if (c !== 0x5c)
        return this.fail(this.base + j, `a raw control character (U+${c.toString(16).padStart(4, '0').toUpperCase()}) inside a string; write it as an escape`);
      ESCAPE.lastIndex = j;
      if (!ESCAPE.test(text)) {
        if (!this.final && n - j < 6) return cut(j);
        return this.fail(this.base + j, 'an invalid escape sequence in a string');
      }
      j = ESCAPE.lastIndex;
    }
    this.i = j + 1;
    this.valueString = null;
    if (!key) return null;
    const raw = text.slice(start + 1, j);
    return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
  }

  /** A number, true, false or null at `this.i`; MORE when the piece may end inside it. */
  private readWord(): Step {
    const text = this.buf;
    const i = this.i;
    TOKEN_RUN.lastIndex = i;
    TOKEN_RUN.test(text);
    const cut = !this.final && TOKEN_RUN.lastIndex === text.length;
    NUMBER.lastIndex = i;
    if (NUMBER.test(text)) {
      if (cut) return MORE;
      this.i = NUMBER.lastIndex;
      return null;
    }
    const word = WORDS.find(([re]) => ((re.lastIndex = i), re.test(text)));
    if (cut) return MORE;
    const what = /[-\d]/.test(text[i]!) ? 'an invalid number' : `unexpected character ${JSON.stringify(text[i])}`;
    if (!word || word[1]) return this.fail(this.base + i, word?.[1] || what);
    this.i = word[0].lastIndex;
    return null;
  }
}
