import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MentionRecord } from '../../shared/model/annotation';
import type { Corpus, ImportResult } from '../../shared/formats/corpus';
import { importConll } from '../../shared/formats/conll/parse';
import { exportConll, type ConllExportIssue } from '../../shared/formats/conll/serialize';
import { encodeUtf8 } from '../../shared/text/utf8';
import { tokenize } from '../../shared/text/tokens';
import { SHARED } from '../support/paths';

/**
 * Real third-party CoNLL files (../shared/corpora), imported, counted against their FORMAT.md, exported again with
 * the 'whitespace' tokenizer and re-imported. Stray I- tags are read as span starts (conlleval), so the exports
 * write them as B-: that repair, and the declared normalisation of the bytes, is all that may differ.
 */
const AQMAR = `${SHARED}corpora/aqmar/`;
const NEWSFANE = `${SHARED}corpora/newsfane-gold/NewsFANE_Gold_2014_170K.txt`;

/** aqmar/FORMAT.md, "Per-file counts": bytes, tokens, sentences, B- tags. */
const AQMAR_FILES: Record<string, [number, number, number, number]> = {
  'Atom.txt': [28717, 2457, 119, 165],
  'Christiano_Ronaldo.txt': [27708, 2217, 53, 244],
  'Computer.txt': [38113, 3194, 119, 130],
  'Computer_Software.txt': [28831, 2348, 94, 131],
  'Crusades.txt': [49229, 3866, 127, 464],
  'Damascus.txt': [38245, 2924, 81, 326],
  'Enrico_Fermi.txt': [27622, 2328, 67, 176],
  'Football.txt': [30593, 2661, 96, 106],
  'Ibn_Tolun_Mosque.txt': [30584, 2636, 57, 140],
  'Imam_Hussein_Shrine.txt': [32081, 2667, 57, 159],
  'Internet.txt': [29028, 2449, 91, 125],
  'Islamic_Golden_Age.txt': [16935, 1405, 53, 117],
  'Islamic_History.txt': [32400, 2636, 63, 282],
  'Light.txt': [38582, 3385, 162, 98],
  'Linux.txt': [27118, 2227, 64, 208],
  'Nuclear_Power.txt': [36282, 2859, 124, 241],
  'Periodic_Table.txt': [35986, 2910, 196, 287],
  'Physics.txt': [39228, 3045, 116, 141],
  'Portugal_football_team.txt': [21011, 1760, 99, 235],
  'Raul_Gonzales.txt': [26098, 2137, 38, 273],
  'Razi.txt': [38407, 3483, 126, 180],
  'Real_Madrid.txt': [31061, 2500, 89, 227],
  'Richard_Stallman.txt': [32809, 2728, 88, 113],
  'Soccer_Worldcup.txt': [30126, 2600, 66, 196],
  'Solaris.txt': [38862, 3432, 139, 474],
  'Summer_Olympics2004.txt': [24968, 2002, 62, 151],
  'Ummaya_Mosque.txt': [30757, 2503, 81, 155],
  'X_window_system.txt': [28655, 2494, 160, 310],
};
/** aqmar/FORMAT.md, "Tag set": B- tags per class, the typos included. */
const AQMAR_B: Record<string, number> = {
  MIS1: 1676,
  PER: 1472,
  LOC: 1442,
  MIS2: 516,
  ORG: 456,
  MIS0: 156,
  MIS3: 125,
  MIS: 3,
  'MIS-2': 2,
  'MIS-1': 2,
  'MIS1`': 1,
  MISS1: 1,
  SPANISH: 1,
  ENGLISH: 1,
};
/** newsfane-gold/FORMAT.md: entity spans per class (B- tags plus the 4 I- that follow O). */
const NEWSFANE_SPANS: Record<string, number> = {
  Nation: 2232,
  'Population-Center': 1427,
  Politician: 1315,
  Athlete: 865,
  'Non-Governmental': 770,
  Group: 685,
  Sports: 661,
  Artist: 451,
  Other_PER: 444,
  Media: 358,
  Government: 284,
  'Building-Grounds': 238,
  'State-or-Province': 220,
  Religious_PER: 175,
  Commercial: 170,
  Scientist: 151,
  'GPE-Cluster': 125,
  Continent: 109,
  'Water-Body': 102,
  Book: 94,
  Educational: 73,
  Movie: 73,
  Land: 68,
  Police: 57,
  'County-or-District': 48,
  Businessperson: 48,
  Air: 23,
  'Medical-Science': 23,
  'Land-Region-Natural': 17,
  Airport: 16,
  Path: 16,
  'Subarea-Facility': 13,
  Software: 11,
  Lawyer: 11,
  Entertainment: 10,
  Religious_ORG: 9,
  Hardware: 7,
  Engineer: 6,
  Celestial: 4,
  Food: 3,
  Projectile: 3,
  Shooting: 3,
  Drug: 2,
  Water: 2,
  Plant: 1,
};

let ids = 0;
function load(bytes: Uint8Array, fileName: string): { corpus: Corpus; result: ImportResult & { ok: true } } {
  const result = importConll(bytes, { fileName, newId: () => `id-${++ids}`, now: '2024-05-01T10:00:00.000Z' });
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return { corpus: result.corpus, result };
}

/** Every document's sentences as token strings (the CoNLL reading of its text). */
const tokensOf = (c: Corpus) => c.documents.map((d) => tokenize(d.text, { mode: 'whitespace' }).map((s) => s.tokens.map((t) => t.text)));

/** Every span as "document sentence startToken endToken class", from the mentions' offsets. */
function spansOf(c: Corpus): string[] {
  const tagOf = new Map(c.schema.entityTypes.map((t) => [t.id, t.tag]));
  return c.documents.flatMap((d, di) => {
    const at = new Map<number, string>();
    tokenize(d.text, { mode: 'whitespace' }).forEach((s, si) =>
      s.tokens.forEach((t, ti) => {
        at.set(t.start, `${si} ${ti}`);
        at.set(-t.end - 1, `${ti}`);
      }),
    );
    return c.annotations
      .filter((a): a is MentionRecord => a.kind === 'mention' && a.documentId === d.id)
      .map((m) => {
        const [from, to] = [at.get(m.start), at.get(-m.end - 1)];
        if (from === undefined || to === undefined) throw new Error(`«${m.quote}» does not cover whole tokens`);
        return `${di} ${from} ${to} ${tagOf.get(m.entityType)}`;
      });
  });
}

function exportText(c: Corpus, separator: '\t' | ' '): { text: string; issues: ConllExportIssue[] } {
  const issues: ConllExportIssue[] = [];
  const text = [...exportConll(c, { tokenizer: 'whitespace', separator, onIssue: (i) => issues.push(i) })].join('');
  return { text, issues };
}

/** Stray I- repairs as the issues name them: class → count. */
function strays(r: ImportResult): Map<string, number> {
  const out = new Map<string, number>();
  for (const i of r.issues) {
    const m = /^"I-(.*)" follows/.exec(i.message);
    if (m) out.set(m[1]!, (out.get(m[1]!) ?? 0) + 1);
  }
  return out;
}

/** Expected export of an input's lines: unreadable tags → O, an I-X that does not continue X → B-X. */
function repairIob(lines: string[], sep: string): string[] {
  let prev = '';
  return lines.map((line) => {
    if (line === '') return (prev = '');
    const i = line.lastIndexOf(sep);
    let tag = line.slice(i + 1);
    if (tag !== 'O' && !/^[BI]-./.test(tag)) tag = 'O';
    if (tag.startsWith('I-') && prev !== tag && prev !== `B-${tag.slice(2)}`) tag = `B-${tag.slice(2)}`;
    prev = tag;
    return line.slice(0, i + 1) + tag;
  });
}

describe('AQMAR: every file imports with the counts of FORMAT.md and round-trips', () => {
  const files = readdirSync(AQMAR)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const loaded = files.map((f) => {
    const bytes = readFileSync(`${AQMAR}${f}`);
    return { f, bytes, ...load(bytes, f) };
  });

  it('has the 28 files of the table', () => {
    expect(files).toEqual(Object.keys(AQMAR_FILES).sort());
  });

  it('per file: bytes, tokens, sentences, B- tags (spans minus stray I- starts); one document each', () => {
    const measured = Object.fromEntries(
      loaded.map(({ f, bytes, corpus, result }) => {
        const toks = tokensOf(corpus);
        const stray = [...strays(result).values()].reduce((a, b) => a + b, 0);
        expect(corpus.documents).toHaveLength(1);
        return [f, [bytes.length, toks.flat(2).length, toks.flat().length, corpus.annotations.length - stray]];
      }),
    );
    expect(measured).toEqual(AQMAR_FILES);
  });

  it('totals: 73,853 tokens, 2,687 sentences, 5,854 B- by class, 70 stray I- (5,924 spans)', () => {
    const b = new Map<string, number>();
    let stray = 0;
    for (const { corpus, result } of loaded) {
      const tagOf = new Map(corpus.schema.entityTypes.map((t) => [t.id, t.tag]));
      for (const a of corpus.annotations) {
        const cls = tagOf.get((a as MentionRecord).entityType)!;
        b.set(cls, (b.get(cls) ?? 0) + 1);
      }
      for (const [cls, k] of strays(result)) {
        b.set(cls, b.get(cls)! - k);
        stray += k;
      }
    }
    expect(loaded.reduce((n, l) => n + tokensOf(l.corpus).flat(2).length, 0)).toBe(73853);
    expect(loaded.reduce((n, l) => n + tokensOf(l.corpus).flat().length, 0)).toBe(2687);
    expect(stray).toBe(70);
    expect(loaded.reduce((n, l) => n + l.corpus.annotations.length, 0)).toBe(5924);
    expect(Object.fromEntries([...b].filter(([, k]) => k > 0))).toEqual(AQMAR_B);
  });

  it('reports the typos OO and IO with their lines; keeps -ORG, MIS1` and the token O of «O B-ENGLISH»', () => {
    const issue = (f: string, re: RegExp) =>
      loaded
        .find((l) => l.f === f)!
        .result.issues.filter((i) => re.test(i.message))
        .map((i) => i.line);
    expect(issue('Football.txt', /"OO" is not/)).toEqual([1855]);
    expect(issue('Crusades.txt', /"IO" is not/)).toEqual([2145]);
    expect(issue('Enrico_Fermi.txt', /"I--ORG" follows "B-ORG"/)).toEqual([2268]);
    const periodic = loaded.find((l) => l.f === 'Periodic_Table.txt')!.corpus;
    expect(spansOf(periodic).filter((s) => s.endsWith('ENGLISH'))).toHaveLength(1);
    expect(periodic.annotations.find((a) => a.quote === 'O')).toBeDefined();
    expect(loaded.find((l) => l.f === 'Summer_Olympics2004.txt')!.corpus.schema.entityTypes.map((t) => t.tag)).toContain('MIS1`');
  });

  it('keeps the 33 bidi-mark-only tokens and the 37 words ending in RLM byte-exact', () => {
    const all = loaded.flatMap((l) => tokensOf(l.corpus).flat(2));
    expect(all.filter((t) => t === '\u200f')).toHaveLength(32);
    expect(all.filter((t) => t === '\u200e')).toHaveLength(1);
    expect(all.filter((t) => t.length > 1 && t.endsWith('\u200f'))).toHaveLength(37);
  });

  it('re-exports to the same tokens, sentences and spans, and to the input bytes modulo DOCSTART and IOB2 repairs', () => {
    for (const { f, bytes, corpus } of loaded) {
      const { text, issues } = exportText(corpus, ' ');
      expect(issues, f).toEqual([]);
      const again = load(encodeUtf8(text), f).corpus;
      expect(tokensOf(again), f).toEqual(tokensOf(corpus));
      expect(spansOf(again), f).toEqual(spansOf(corpus));
      const input = new TextDecoder().decode(bytes);
      expect(text, f).toBe(`-DOCSTART- O\n\n${repairIob(input.slice(0, -1).split('\n'), ' ').join('\n')}\n`);
    }
  });
});

describe('NewsFANE Gold: imports with the counts of FORMAT.md and round-trips', () => {
  const bytes = readFileSync(NEWSFANE);
  const t0 = performance.now();
  const { corpus, result } = load(bytes, 'NewsFANE_Gold_2014_170K.txt');
  const tImport = performance.now() - t0;

  it('168,080 tokens, 4,760 sentences, 11,423 spans (11,419 B- + 4 stray I-), 45 types, spans per class', () => {
    const toks = tokensOf(corpus);
    expect(corpus.documents).toHaveLength(1);
    expect(toks.flat(2)).toHaveLength(168080);
    expect(toks.flat()).toHaveLength(4760);
    expect(corpus.annotations).toHaveLength(11423);
    expect(corpus.schema.entityTypes).toHaveLength(45);
    const perClass: Record<string, number> = {};
    for (const s of spansOf(corpus)) {
      const cls = s.split(' ').at(-1)!;
      perClass[cls] = (perClass[cls] ?? 0) + 1;
    }
    expect(perClass).toEqual(NEWSFANE_SPANS);
    expect(Object.fromEntries(strays(result))).toEqual({ 'Non-Governmental': 3, Commercial: 1 });
    expect(result.issues.map((i) => i.line)).toEqual([82783, 83588, 106635, 106642]);
    expect(toks.flat(2).filter((t) => t.startsWith('\u200e'))).toHaveLength(152599);
    expect(corpus.documents[0]!.text.startsWith('\u200eفرانكفورت ')).toBe(true);
  });

  it('re-exports to the same tokens, sentences and spans, byte-identical modulo the declared normalisation', () => {
    const t1 = performance.now();
    const { text, issues } = exportText(corpus, '\t');
    const tExport = performance.now() - t1;
    console.info(`NewsFANE: import ${tImport.toFixed(0)} ms, export ${tExport.toFixed(0)} ms`);
    expect(issues).toEqual([]);
    const again = load(encodeUtf8(text), 'again.conll').corpus;
    expect(tokensOf(again)).toEqual(tokensOf(corpus));
    expect(spansOf(again)).toEqual(spansOf(corpus));
    // Declared: drop the BOM, CRLF → LF, a TAB-only separator line → an empty line, a -DOCSTART- header, a
    // separator after the last sentence, and the 4 stray I- written as B-.
    const input = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(input.charCodeAt(0)).toBe(0xfeff);
    const lines = input
      .slice(1)
      .replace(/\r\n/g, '\n')
      .slice(0, -1)
      .split('\n')
      .map((l) => (l === '\t' ? '' : l));
    const repaired = repairIob(lines, '\t');
    expect(repaired.filter((l, i) => l !== lines[i])).toHaveLength(4);
    expect(text === `-DOCSTART-\tO\n\n${repaired.join('\n')}\n\n`).toBe(true);
  });
});
