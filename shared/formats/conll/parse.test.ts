import { describe, expect, it } from 'vitest';
import type { MentionRecord } from '../../model/annotation';
import { validateLabelSchema } from '../../model/label-schema';
import { sha256Text } from '../../text/sha256';
import { encodeUtf8 } from '../../text/utf8';
import type { Corpus, ImportContext, ImportResult } from '../corpus';
import { MAX_ISSUES_PER_KIND } from './issues';
import { importConll, type ConllImportOptions } from './parse';

function ctx(fileName = 'test.conll'): ImportContext {
  let n = 0;
  return { fileName, newId: () => `id-${++n}`, now: '2024-05-01T10:00:00.000Z' };
}

function run(input: string | Uint8Array, opts?: ConllImportOptions, fileName?: string): ImportResult {
  return importConll(typeof input === 'string' ? encodeUtf8(input) : input, ctx(fileName), opts);
}

function corpusOf(r: ImportResult): Corpus {
  if (!r.ok) throw new Error(`import failed: ${r.issues.map((i) => i.message).join('; ')}`);
  return r.corpus;
}

/** Spans as [quote, tag] pairs, in document order. */
function spans(c: Corpus, doc = 0): Array<[string, string]> {
  const d = c.documents[doc]!;
  return c.annotations
    .filter((a): a is MentionRecord => a.kind === 'mention' && a.documentId === d.id)
    .map((a) => [a.quote, c.schema.entityTypes.find((t) => t.id === a.entityType)!.tag]);
}

const warnings = (r: ImportResult) => r.issues.map((i) => `${i.line ?? '-'}: ${i.message}`);

describe('importConll: documents and text', () => {
  it('joins tokens with spaces and sentences with LF, one mention per span, records filled in', () => {
    const c = corpusOf(run('خليفة B-PER\nحفتر I-PER\nفي O\nليبيا B-LOC\n\nقال O\n'));
    const d = c.documents[0]!;
    expect(d.text).toBe('خليفة حفتر في ليبيا\nقال');
    expect(d).toMatchObject({
      id: 'id-1',
      title: 'خليفة حفتر في ليبيا',
      fileName: 'test.conll',
      importedAt: '2024-05-01T10:00:00.000Z',
      status: 'new',
      meta: {},
      sha256: sha256Text(d.text),
    });
    expect(spans(c)).toEqual([
      ['خليفة حفتر', 'PER'],
      ['ليبيا', 'LOC'],
    ]);
    expect(c.annotations[0]).toMatchObject({
      kind: 'mention',
      documentId: 'id-1',
      start: 0,
      end: 10,
      entityType: 'person',
      created: '2024-05-01T10:00:00.000Z',
    });
    expect(c.entities).toEqual([]);
  });

  it('-DOCSTART- lines (any columns) start documents named file#n; documentsPer: file keeps one', () => {
    const input = '-DOCSTART- -X- -X- O\n\nأ B-PER\n\n-DOCSTART-\tO\n\nب O\nج B-ORG\n';
    const c = corpusOf(run(input));
    expect(c.documents.map((d) => [d.fileName, d.text])).toEqual([
      ['test.conll#1', 'أ'],
      ['test.conll#2', 'ب ج'],
    ]);
    expect(spans(c, 1)).toEqual([['ج', 'ORG']]);
    const one = corpusOf(run(input, { documentsPer: 'file' }));
    expect(one.documents.map((d) => [d.fileName, d.text])).toEqual([['test.conll', 'أ\nب ج']]);
  });

  it('titles: the first eight tokens, then an ellipsis; the file name when the tokens are invisible', () => {
    const c = corpusOf(run(Array.from({ length: 10 }, (_, i) => `t${i} O`).join('\n')));
    expect(c.documents[0]!.title).toBe('t0 t1 t2 t3 t4 t5 t6 t7 …');
    expect(corpusOf(run('\u200f O\n', {}, 'rlm.conll')).documents[0]!.title).toBe('rlm.conll');
  });
});

describe('importConll: bytes and lines', () => {
  it('drops a BOM, reads CRLF, TAB-only separator lines, no final newline (NewsFANE)', () => {
    const c = corpusOf(run('\ufeff\u200eفرانكفورت\tB-Population-Center\r\n(\tO\r\n\t\r\n\u200eد\tB-Media\r\n\u200eب\tI-Media'));
    expect(c.documents[0]!.text).toBe('\u200eفرانكفورت (\n\u200eد \u200eب');
    expect(spans(c)).toEqual([
      ['\u200eفرانكفورت', 'Population-Center'],
      ['\u200eد \u200eب', 'Media'],
    ]);
  });

  it('lines of whitespace only end sentences; several in a row are one break', () => {
    const c = corpusOf(run('a O\n \t \n\n\u00a0\nb O\n\n\n'));
    expect(c.documents[0]!.text).toBe('a\nb');
    expect(corpusOf(run('a O\r\rb O\r')).documents[0]!.text).toBe('a\nb');
  });

  it('keeps tokens byte-exact: lone bidi marks, LRM prefixes, the letter O as a token', () => {
    const c = corpusOf(run('\u200f O\nالطولونية\u200f O\n\u200e O\nO B-ENGLISH\n'));
    expect(c.documents[0]!.text).toBe('\u200f الطولونية\u200f \u200e O');
    expect(spans(c)).toEqual([['O', 'ENGLISH']]);
  });

  it('splits on the last TAB, else the last space; extra columns: first token, last tag, reported once', () => {
    const r = run('New York\tB-LOC\na\tNNP\tI-NP\tB-PER\nb\tNNP\tI-NP\tI-PER\n');
    const c = corpusOf(r);
    expect(c.documents[0]!.text).toBe('New York a b');
    expect(spans(c)).toEqual([
      ['New York', 'LOC'],
      ['a b', 'PER'],
    ]);
    expect(warnings(r)).toEqual([
      expect.stringMatching(/^1: The token «New York» contains whitespace/),
      expect.stringMatching(/^2: This line has 4 columns where earlier lines have 2/),
      expect.stringMatching(/^2: This line has 4 columns; the first is read as the token/),
    ]);
  });

  it('ignores trailing spaces after the tag; a line without a tag is O, with a warning', () => {
    const r = run('a B-PER  \nb\n');
    expect(spans(corpusOf(r))).toEqual([['a', 'PER']]);
    expect(warnings(r)).toEqual([expect.stringMatching(/^2: The line «b» has no tag; read as O/)]);
  });

  it('skips a line whose token is empty', () => {
    const r = run('a O\n\tB-PER\nb O\n');
    expect(corpusOf(r).documents[0]!.text).toBe('a b');
    expect(warnings(r)).toEqual([expect.stringMatching(/^2: .*token is empty/)]);
  });

  it('reads a 20,000-token sentence in linear time', () => {
    const input = Array.from({ length: 20000 }, (_, i) => `w${i} ${i % 3 === 0 ? 'B-PER' : i % 3 === 1 ? 'I-PER' : 'O'}`).join('\n');
    const t0 = performance.now();
    const c = corpusOf(run(input));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(c.documents[0]!.text.split(' ')).toHaveLength(20000);
    expect(c.annotations).toHaveLength(6667);
  });
});

describe('importConll: tags', () => {
  it('the class is everything after the first hyphen', () => {
    const c = corpusOf(run('a B-ORG\nb I--ORG\nc B-Population-Center\nd I-Population-Center\ne B-Other_PER\n'));
    expect(spans(c)).toEqual([
      ['a', 'ORG'],
      ['b', '-ORG'],
      ['c d', 'Population-Center'],
      ['e', 'Other_PER'],
    ]);
  });

  it('a stray I- starts a new span (conlleval), reported with its line and what it follows', () => {
    const r = run('a O\nb I-ORG\nc I-ORG\nd B-PER\ne I-LOC\n\nf I-PER\n');
    expect(spans(corpusOf(r))).toEqual([
      ['b c', 'ORG'],
      ['d', 'PER'],
      ['e', 'LOC'],
      ['f', 'PER'],
    ]);
    expect(warnings(r)).toEqual([
      '2: "I-ORG" follows "O": read as the start of a new ORG span (as conlleval does); it exports as B-ORG.',
      '5: "I-LOC" follows "B-PER": read as the start of a new LOC span (as conlleval does); it exports as B-LOC.',
      '7: "I-PER" follows the start of a sentence: read as the start of a new PER span (as conlleval does); it exports as B-PER.',
    ]);
  });

  it('OO, IO, I- and B- without a class, a lowercase o are read as O with a warning naming the line', () => {
    const r = run('a B-PER\nb OO\nc IO\nd I-\ne B-\nf o\ng I-PER\n');
    expect(spans(corpusOf(r))).toEqual([
      ['a', 'PER'],
      ['g', 'PER'],
    ]);
    expect(warnings(r).slice(0, 5)).toEqual([
      '2: The tag "OO" is not O, B-<class> or I-<class>; read as O.',
      '3: The tag "IO" is not O, B-<class> or I-<class>; read as O.',
      '4: The tag "I-" has no class after the hyphen; read as O.',
      '5: The tag "B-" has no class after the hyphen; read as O.',
      '6: The tag "o" is not O, B-<class> or I-<class>; read as O.',
    ]);
  });

  it('refuses classes that cannot be labels (bidi overrides, over 60 characters)', () => {
    const r = run(`a B-EVIL\u202e\nb B-${'X'.repeat(61)}\nc B-OK\n`);
    expect(spans(corpusOf(r))).toEqual([['c', 'OK']]);
    expect(warnings(r)).toEqual([expect.stringMatching(/^1: The class "EVIL/), expect.stringMatching(/^2: The class "XXX/)]);
  });

  it('lists the first 100 issues of a kind, then counts the rest', () => {
    const r = run(Array.from({ length: 150 }, (_, i) => `w${i} I-PER\n`).join('\n'));
    expect(r.issues).toHaveLength(MAX_ISSUES_PER_KIND + 1);
    expect(r.issues.at(-1)!.message).toMatch(/and 50 more issues like the above \(stray-i\)/);
  });
});

describe('importConll: label schema', () => {
  it('reuses default types for their tags, makes new ones for other classes, keeps claim and source layers', () => {
    const c = corpusOf(run('a B-Nation\nb B-PER\nc B-MIS1\nd B-MIS1`\ne B-1st\nf B-person\ng B-شخص\nh B-ORG\n'));
    expect(validateLabelSchema(c.schema).ok).toBe(true);
    expect(c.schema.entityTypes.map((t) => [t.id, t.tag, t.key, t.nameEn, t.nameAr])).toEqual([
      ['nation', 'Nation', '3', 'Nation', 'Nation'],
      ['person', 'PER', '1', 'Person', 'شخص'],
      ['mis1', 'MIS1', '4', 'MIS1', 'MIS1'],
      ['mis1-2', 'MIS1`', '5', 'MIS1`', 'MIS1`'],
      ['x-1st', '1st', '6', '1st', '1st'],
      ['person-2', 'person', '7', 'person', 'person'],
      ['type', 'شخص', '8', 'شخص', 'شخص'],
      ['organisation', 'ORG', '2', 'Organisation', 'منظمة'],
    ]);
    expect(c.schema.entityTypes[0]).toMatchObject({ schemaType: 'schema:Thing', color: expect.stringMatching(/^#[0-9a-f]{6}$/) });
    expect(c.schema.claimStances.map((s) => s.id)).toContain('asserted');
    expect(c.schema.sourceTypes.map((s) => s.id)).toContain('news-agency');
  });

  it('keeps the default entity types when the file has no entity at all', () => {
    expect(corpusOf(run('a O\n')).schema.entityTypes.map((t) => t.id)).toContain('person');
  });

  it('past 200 classes, the rest are read as O with a warning', () => {
    const r = run(Array.from({ length: 205 }, (_, i) => `w B-C${i}`).join('\n'));
    const c = corpusOf(r);
    expect(c.schema.entityTypes).toHaveLength(200);
    expect(c.annotations).toHaveLength(200);
    expect(r.issues.filter((i) => /type limit/.test(i.message))).toHaveLength(5);
  });
});

describe('importConll: refused files', () => {
  const refused = (r: ImportResult) => {
    expect(r.ok).toBe(false);
    return r.issues.map((i) => i.message).join('\n');
  };

  it('invalid UTF-8, with the byte offset and line', () => {
    const bytes = new Uint8Array([...encodeUtf8('a O\nb O\n'), 0xc3, 0x28, 0x0a]);
    expect(refused(run(bytes))).toBe('Not valid UTF-8 at byte 8 (line 3: invalid multi-byte sequence); save it as UTF-8 and import it again.');
    expect(refused(run(new Uint8Array([0x61, 0x20, 0x4f, 0x0a, 0xe2, 0x82])))).toMatch(/byte 4 .*line 2.*truncated/);
  });

  it('an empty, BOM-only, blank or DOCSTART-only file', () => {
    for (const input of ['', '\ufeff', '\n\n \t\n', '-DOCSTART- O\n\n']) expect(refused(run(input))).toMatch(/holds no tokens/);
  });

  it('a PNG renamed .conll, and UTF-16', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(refused(importConll(png, ctx('photo.conll')))).toBe('This is a PNG image, not a CoNLL text file.');
    expect(refused(run(new Uint8Array([0xff, 0xfe, 0x61, 0])))).toMatch(/UTF-16/);
    expect(refused(run(new Uint8Array([0x61, 0x20, 0x4f, 0, 0x0a])))).toMatch(/NUL/);
  });
});
