import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, parseJsonSafely } from './json-safe';

const refusal = (text: string, maxBytes?: number) => {
  const r = parseJsonSafely(text, maxBytes);
  if (r.ok) throw new Error('expected a refusal');
  return r.issue;
};

describe('parseJsonSafely refuses what is not JSON, with a line and column', () => {
  it.each([
    ['a line comment', '{\n  // note\n  "a": 1\n}', 2, 3, 'comments are not allowed'],
    ['a block comment', '{"a": /* x */ 1}', 1, 7, 'comments are not allowed'],
    ['NaN', '{\n"start": NaN}', 2, 10, 'NaN and Infinity are not JSON numbers'],
    ['-Infinity', '[-Infinity]', 1, 2, 'NaN and Infinity'],
    ['a trailing comma in an object', '{"a": 1,\n}', 2, 1, 'a trailing comma'],
    ['a trailing comma in an array', '[1, 2, ]', 1, 8, 'a trailing comma'],
    ['single quotes', "{'a': 1}", 1, 2, 'property names must be strings in double quotes'],
    ['a single-quoted value', '{"a": \'x\'}', 1, 7, 'double quotes, not single quotes'],
    ['a missing value', '{"a": }', 1, 7, 'a value is missing'],
    ['a missing colon', '{"a" 1}', 1, 6, 'expected ":"'],
    ['a missing comma', '[1 2]', 1, 4, 'expected "," or "]"'],
    ['a leading zero', '[01]', 1, 2, 'an invalid number'],
    ['a bare minus', '[-]', 1, 2, 'an invalid number'],
    ['an unclosed string', '["abc', 1, 2, 'a string is never closed'],
    ['a raw newline in a string', '["a\nb"]', 1, 4, 'raw control character (U+000A)'],
    ['a bad escape', '["\\x41"]', 1, 3, 'an invalid escape'],
    ['an unclosed object', '{"a": [1]', 1, 10, 'ends in the middle'],
    ['text after the value', '{} {}', 1, 4, 'after the end of the JSON value'],
    ['a mismatched bracket', '[1}', 1, 3, 'expected "," or "]"'],
    ['undefined', '[undefined]', 1, 2, '"undefined" is not a JSON value'],
  ])('%s', (_what, text, line, column, message) => {
    const issue = refusal(text);
    expect(issue.line).toBe(line);
    expect(issue.message).toContain(`line ${line}, column ${column}:`);
    expect(issue.message).toContain(message);
  });

  it.each([
    ['NaN in a value', '{"first": {"items": [{"start": NaN}]}}', '/first/items/0/start'],
    ['a trailing comma in an object', '{"first": {"a": 1,}}', '/first'],
    ['a comment between array elements', '{"items": [1, // x\n 2]}', '/items/1'],
    ['a file-level refusal', '', ''],
  ])('locates %s by JSON pointer too', (_what, text, pointer) => {
    expect(refusal(text).pointer).toBe(pointer);
  });

  it('counts columns after a BOM from the first character of JSON', () => {
    expect(refusal('\ufeff{,}').message).toContain('line 1, column 2');
  });

  it.each([
    ['an empty file', '', 'The file is empty.'],
    ['a BOM alone', '\ufeff', 'only a byte-order mark'],
    ['whitespace alone', ' \n\t\r\n ', 'only whitespace'],
    ['a BOM and whitespace', '\ufeff \n', 'only whitespace'],
    ['PNG bytes', '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR', 'This is a PNG image, not JSON.'],
    ['PNG bytes decoded with replacement', '\ufffdPNG\r\n\u001a\n', 'This is a PNG image, not JSON.'],
    ['ZIP bytes', 'PK\u0003\u0004\u0014\u0000\u0006\u0000', 'This is a ZIP archive (or a .docx/.xlsx), not JSON.'],
    ['a PDF', '%PDF-1.7\n', 'a PDF document'],
    ['NUL bytes', 'abc\u0000def', 'contains NUL bytes'],
  ])('%s', (_what, text, message) => {
    expect(refusal(text).message).toContain(message);
  });

  it('refuses by length before reading anything', () => {
    expect(refusal('[1, 2, 3]', 4).message).toMatch(/larger than the 0 MB limit/);
  });

  it('refuses 100,000 nested brackets cleanly, without a stack overflow', () => {
    const issue = refusal('['.repeat(100_000));
    expect(issue.message).toContain(`nested more than ${MAX_JSON_DEPTH} levels deep`);
    expect(issue.message).toContain(`column ${MAX_JSON_DEPTH + 1}`);
    expect(refusal('{"a":'.repeat(100_000)).message).toContain('nested more than');
  });

  it('accepts nesting up to the limit', () => {
    const r = parseJsonSafely(`${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`);
    expect(r.ok).toBe(true);
  });
});

describe('parseJsonSafely marks what must not be trusted', () => {
  it('parses good JSON exactly as JSON.parse does', () => {
    const text = '\ufeff{"a": [1, -2.5e3, true, null, "x\\u00e9\\n"], "b": {"": {}}, "c/d~e": []}';
    const r = parseJsonSafely(text);
    expect(r.ok && r.value).toEqual(JSON.parse(text.slice(1)));
    expect(r.ok && r.marks).toEqual([]);
  });

  it('names duplicate keys by pointer, escaped keys included', () => {
    const r = parseJsonSafely('{"items": [{"x": 1}, {"start": 1, "a/b": 0, "start": 5, "a\\/b": 1}]}');
    expect(r.ok && r.marks.map((m) => m.pointer)).toEqual(['/items/1/start', '/items/1/a~1b']);
  });

  it('finds duplicates among many keys', () => {
    const keys = Array.from({ length: 40 }, (_, i) => `"k${i}": ${i}`);
    const r = parseJsonSafely(`{${keys.join(',')}, "k7": 0}`);
    expect(r.ok && r.marks.map((m) => m.pointer)).toEqual(['/k7']);
  });

  it('drops __proto__, constructor and prototype keys and pollutes nothing', () => {
    const r = parseJsonSafely('{"__proto__": {"polluted": 1}, "a": {"constructor": {"prototype": {"polluted": 2}}}, "b": 1}');
    if (!r.ok) throw new Error(r.issue.message);
    expect(r.marks.map((m) => m.pointer)).toEqual(['/__proto__', '/a/constructor', '/a/constructor/prototype']);
    expect(r.value).toEqual({ a: {}, b: 1 });
    expect(Object.getPrototypeOf(r.value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('notes every @context by pointer', () => {
    const r = parseJsonSafely('{"@context": "x", "first": {"items": [{"@context": {}}]}}');
    expect(r.ok && r.contexts).toEqual(['/@context', '/first/items/0/@context']);
  });
});
