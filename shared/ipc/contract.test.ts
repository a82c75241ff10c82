import { describe, expect, it } from 'vitest';
import { isMenuCommand, MENU_COMMANDS, validateOpenFilesRequest, validateSaveBeginRequest } from './contract';

const GOOD_SAVE = { suggestedName: 'hamish-corpus.jsonld', filterName: 'JSON-LD', extensions: ['jsonld', 'json'] };
const NOT_OBJECTS: Array<[string, unknown]> = [
  ['undefined', undefined],
  ['null', null],
  ['a string', 'files:open'],
  ['a number', 42],
  ['an array', [1, 2]],
  ['a function', () => 1],
  ['true', true],
];
const BAD_EXTENSIONS: Array<[string, unknown]> = [
  ['missing', undefined],
  ['empty list', []],
  ['not a list', 'txt'],
  ['with a dot', ['.txt']],
  ['empty string', ['']],
  ['a path', ['t/xt']],
  ['a wildcard', ['*']],
  ['11 characters', ['abcdefghijk']],
  ['a number', [1]],
  ['Arabic letters', ['نص']],
  ['21 of them', Array.from({ length: 21 }, () => 'txt')],
  ['a space', ['tx t']],
];

describe('validateOpenFilesRequest', () => {
  it('accepts a good request and copies its extensions', () => {
    const extensions = ['txt', 'TXT', 'md'];
    const r = validateOpenFilesRequest({ maxBytes: 10 * 1024 * 1024, extensions });
    expect(r).toEqual({ ok: true, value: { maxBytes: 10 * 1024 * 1024, extensions } });
    if (r.ok) expect(r.value.extensions).not.toBe(extensions);
  });

  it('drops unknown keys', () => {
    const r = validateOpenFilesRequest({ maxBytes: 1, extensions: ['txt'], path: '/etc/passwd' });
    expect(r).toEqual({ ok: true, value: { maxBytes: 1, extensions: ['txt'] } });
  });

  it.each(NOT_OBJECTS)('refuses %s', (_what, x) => {
    expect(validateOpenFilesRequest(x)).toEqual({ ok: false, error: { code: 'bad-ipc-argument', message: 'files:open expects an object' } });
  });

  it.each([
    ['zero', 0],
    ['negative', -1],
    ['fractional', 1.5],
    ['a string', '1024'],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['beyond safe integers', 2 ** 53],
    ['missing', undefined],
  ])('refuses maxBytes %s', (_what, maxBytes) => {
    const r = validateOpenFilesRequest({ maxBytes, extensions: ['txt'] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/maxBytes/);
  });

  it.each(BAD_EXTENSIONS)('refuses extensions: %s', (_what, extensions) => {
    const r = validateOpenFilesRequest({ maxBytes: 1024, extensions });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toEqual({ code: 'bad-ipc-argument', message: 'extensions must be 1–20 short alphanumeric strings' });
  });
});

describe('validateSaveBeginRequest', () => {
  it('accepts a good request', () => {
    expect(validateSaveBeginRequest(GOOD_SAVE)).toEqual({ ok: true, value: GOOD_SAVE });
  });

  it.each([
    ['Arabic', 'مدونة حميش.jsonld'],
    ['spaces and dots', 'corpus v1.2 (final).json'],
    ['RLM, which is not an override', 'ليبيا\u200f.json'],
    ['200 characters', `${'a'.repeat(195)}.json`],
  ])('accepts a %s file name', (_what, suggestedName) => {
    expect(validateSaveBeginRequest({ ...GOOD_SAVE, suggestedName }).ok).toBe(true);
  });

  it.each(NOT_OBJECTS)('refuses %s', (_what, x) => {
    const r = validateSaveBeginRequest(x);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('save:begin expects an object');
  });

  it.each([
    ['a slash', 'exports/corpus.json'],
    ['a parent path', '../corpus.json'],
    ['a Windows parent path', '..\\corpus.json'],
    ['an absolute path', '/etc/passwd'],
    ['a Windows absolute path', 'C:\\Users\\x.json'],
    ['a right-to-left override (Trojan Source)', 'corpus\u202enosj.exe'],
    ['a left-to-right embedding', '\u202acorpus.json'],
    ['a right-to-left isolate', 'corpus\u2067.json'],
    ['NUL', 'corpus.json\u0000.exe'],
    ['a newline', 'corpus\n.json'],
    ['a tab', 'corpus\t.json'],
    ['nothing', ''],
    ['201 characters', `${'a'.repeat(196)}.json`],
    ['a number', 7],
    ['missing', undefined],
  ])('refuses a suggestedName with %s', (_what, suggestedName) => {
    const r = validateSaveBeginRequest({ ...GOOD_SAVE, suggestedName });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toEqual({ code: 'bad-ipc-argument', message: 'suggestedName must be a plain file name' });
  });

  it.each([
    ['a bidi override', 'JSON\u202eDL'],
    ['a slash', 'JSON/LD'],
    ['NUL', 'JSON\u0000'],
    ['101 characters', 'x'.repeat(101)],
    ['a number', 1],
  ])('refuses a filterName with %s', (_what, filterName) => {
    const r = validateSaveBeginRequest({ ...GOOD_SAVE, filterName });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('filterName must be a short label');
  });

  it('keeps only the fields it knows', () => {
    expect(validateSaveBeginRequest({ ...GOOD_SAVE, data: 'x', extra: 1 })).toEqual({ ok: true, value: GOOD_SAVE });
  });

  it.each(BAD_EXTENSIONS)('refuses extensions: %s', (_what, extensions) => {
    expect(validateSaveBeginRequest({ ...GOOD_SAVE, extensions }).ok).toBe(false);
  });
});

describe('isMenuCommand', () => {
  it.each(MENU_COMMANDS)('accepts %s', (c) => {
    expect(isMenuCommand(c)).toBe(true);
  });

  it.each([['Import'], ['delete'], [''], ['import '], [null], [undefined], [0], [['import']], [{ command: 'import' }]])('refuses %j', (x) => {
    expect(isMenuCommand(x)).toBe(false);
  });

  it('knows exactly the menu commands', () => {
    expect([...MENU_COMMANDS].sort()).toEqual(['export', 'import', 'import-annotations', 'redo', 'undo']);
  });
});

describe('save names that only look harmless', () => {
  const base = { filterName: 'JSON-LD', extensions: ['jsonld'] };
  it.each(['.', '..', 'CON', 'nul.txt', 'com1.jsonld', 'x.json:stream', 'a\u0085b', 'a\u2028b', 'trailing.', 'trailing ', 'a\u007fb'])(
    'refuses %j',
    (suggestedName) => {
      expect(validateSaveBeginRequest({ ...base, suggestedName }).ok).toBe(false);
    },
  );
  it.each(['hamish-corpus-2026-11-23.jsonld', 'مدونة.jsonld', 'console.jsonld'])('accepts %j', (suggestedName) => {
    expect(validateSaveBeginRequest({ ...base, suggestedName }).ok).toBe(true);
  });
});
