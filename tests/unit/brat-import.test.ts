import { describe, expect, it } from 'vitest';
import { importBrat, type BratFile } from '../../shared/formats/brat/import-brat';
import type { Corpus, ImportIssue, ImportResult } from '../../shared/formats/corpus';
import type { ClaimRecord, MentionRecord } from '../../shared/model/annotation';

// Code points: قال 0–3, 😀 4, حفتر 6–10, إن 12–14, اللجنة 15–21, \n 21, ستجتمع 22–28, غدا 29–32.
const TEXT = 'قال 😀 حفتر: إن اللجنة\nستجتمع غدا.\n';
const NOW = '2026-11-23T12:00:00Z';
const enc = (s: string) => new TextEncoder().encode(s);

function run(ann: string | Uint8Array, text: string | Uint8Array = TEXT, stem = 'doc'): ImportResult {
  let n = 0;
  const files: BratFile[] = [
    { path: `${stem}.txt`, bytes: typeof text === 'string' ? enc(text) : text },
    { path: `${stem}.ann`, bytes: typeof ann === 'string' ? enc(ann) : ann },
  ];
  return importBrat(files, { fileName: 'brat.zip', newId: () => `id-${++n}`, now: NOW });
}
function corpus(r: ImportResult): Corpus {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.corpus;
}
const quotes = (r: ImportResult) => corpus(r).annotations.map((a) => `${a.kind}:${a.quote}`);
const only = (r: ImportResult, severity: ImportIssue['severity']) => r.issues.filter((i) => i.severity === severity);
const GOOD = 'T1\tPER 6 10\tحفتر\n';

describe('brat import: what our export writes and what brat writes', () => {
  it('reads spans, a discontinuous claim across a line break, its cue, claimant and stance', () => {
    const r = run(
      'T1\tPER 6 10\tحفتر\nT2\tCue 0 3\tقال\nT3\tClaim 12 21;22 28\tإن اللجنة ستجتمع\nR1\tClaimant Arg1:T3 Arg2:T1\nR2\tCue Arg1:T3 Arg2:T2\nA1\tStance T3 denied\n',
    );
    expect(r.issues).toEqual([]);
    const c = corpus(r);
    expect(c.documents[0]).toMatchObject({ text: TEXT, title: 'قال 😀 حفتر: إن اللجنة', fileName: 'doc.txt' });
    const claim = c.annotations.find((a): a is ClaimRecord => a.kind === 'claim')!;
    expect(claim).toMatchObject({ quote: 'إن اللجنة\nستجتمع', stance: 'denied', cue: { quote: 'قال', start: 0, end: 3 } });
    expect(c.annotations.find((a) => a.id === claim.claimantId)).toMatchObject({ kind: 'mention', quote: 'حفتر', start: 7, end: 11 });
  });

  it('counts a .txt BOM and CRs as brat (Python codecs) does, and lands on the canonical text', () => {
    const raw = `\ufeff${TEXT.replace(/\n/g, '\r\n')}`; // the BOM and the CR before the second line count
    const r = run('T1\tPER 7 11\tحفتر\nT2\tMISC 24 30\tستجتمع\n', raw);
    expect(r.issues).toEqual([]);
    expect(corpus(r).documents[0]!.text).toBe(TEXT);
    expect(quotes(r)).toEqual(['mention:حفتر', 'mention:ستجتمع']);
  });

  it('tolerates a BOM before the .ann and CR LF line ends', () => {
    const r = run(`\ufeff${GOOD}T2\tORG 15 21\tاللجنة\n`.replace(/\n/g, '\r\n'));
    expect(r.issues).toEqual([]);
    expect(quotes(r)).toEqual(['mention:حفتر', 'mention:اللجنة']);
  });

  it('adds unknown types as entity types with the tag spelled exactly', () => {
    const c = corpus(run('T1\tPopulation-Center 15 21\tاللجنة\nT2\tSource-news-agency 0 3\tقال\n'));
    const type = c.schema.entityTypes.find((t) => t.tag === 'Population-Center')!;
    expect(c.annotations.map((a) => (a.kind === 'mention' ? a.entityType : a.kind))).toEqual([type.id, 'source']);
  });
});

describe('brat import: hostile and broken lines are reported with their line and skipped; the rest imports', () => {
  it.each([
    ['a line with no tab', 'T2 ORG 15 21 اللجنة', 'error', /line 2: no tab/],
    ['a duplicate T1', 'T1\tORG 15 21\tاللجنة', 'error', /line 2: T1 is used twice/],
    ['offsets past the end', 'T2\tORG 15 99\tاللجنة', 'error', /line 2: T2 \(15 99\) goes past the end of the text \(34 code points\)/],
    [
      'UTF-16 offsets (a quote mismatch after the emoji)',
      'T2\tORG 16 22\tاللجنة',
      'error',
      /line 2: T2 says «اللجنة» but the text at 16 22 \(code points\) is «للجنة\\u000a»/,
    ],
    ['a quote mismatch', 'T2\tORG 15 21\tالجنة', 'error', /line 2: T2 says «الجنة»/],
    ['an empty span', 'T2\tORG 15 15\t', 'error', /line 2: T2: the span 15–15 is empty/],
    ['a fractional offset', 'T2\tORG 15.5 21\tاللجنة', 'error', /line 2: T2: "15.5 21" is not "start end" in whole numbers/],
    ['a huge offset', 'T2\tORG 15 1000000000000000000000\tx', 'error', /line 2: T2: "15 1000000000000000000000" is not/],
    ['a negative offset', 'T2\tORG -1 3\tx', 'error', /line 2: T2: "-1 3" is not/],
    ['a relation to a missing id', 'R1\tClaimant Arg1:T1 Arg2:T9', 'error', /line 2: R1 refers to T9, which is not a span of this file/],
    ['a relation with one argument', 'R1\tClaimant Arg1:T1', 'error', /line 2: R1 is not "Type Arg1:T1 Arg2:T2"/],
    ['a bad id', 'X1\tORG 15 21\tاللجنة', 'error', /line 2: "X1" is not a brat id/],
    ['a type with a bidi override', 'T2\tORG\u202e 15 21\tاللجنة', 'error', /line 2: T2: "ORG\\u202e" cannot be an entity type/],
    ['an event', 'E1\tMeeting:T1', 'warning', /line 2: events are not part of Hamish's model; E1 skipped/],
    ['an attribute that is not a stance', 'A1\tNegated T1', 'warning', /line 2: A1: the attribute Negated on T1 is not part of Hamish's model/],
    ['a normalisation without a database', 'N1\tReference T1 Q19878\tحفتر', 'error', /line 2: N1 is not "Type T1 Database:Id"/],
  ] as const)('%s', (_what, line, severity, message) => {
    const r = run(`${GOOD}${line}\n`);
    expect(r.issues).toEqual([expect.objectContaining({ severity, line: 2, message: expect.stringMatching(message) })]);
    expect(r.issues[0]!.message).toMatch(/^doc\.ann line 2: /);
    expect(quotes(r)).toEqual(['mention:حفتر']);
  });

  it('a dangling ";" is read as if it were not there, with a warning', () => {
    const r = run('T1\tPER 6 10;\tحفتر\n');
    expect(r.issues).toEqual([expect.objectContaining({ severity: 'warning', line: 1, message: expect.stringContaining('dangling ";"') })]);
    expect(quotes(r)).toEqual(['mention:حفتر']);
  });

  it('a discontinuous span over text becomes one span covering the gap, with a warning', () => {
    const r = run('T1\tORG 0 3;15 21\tقال اللجنة\n');
    expect(r.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: 1,
        message: expect.stringMatching(/discontinuous \(0 3;15 21\); imported as one span from 0 to 21/),
      }),
    ]);
    expect(quotes(r)).toEqual(['mention:قال 😀 حفتر: إن اللجنة']);
  });

  it('a claim with a stance outside the schema keeps the default, with a warning', () => {
    const r = run('T1\tClaim 12 21\tإن اللجنة\nA1\tStance T1 maybe\n');
    expect(r.issues).toEqual([expect.objectContaining({ severity: 'warning', line: 2, message: expect.stringContaining('"maybe" is not a stance') })]);
    expect(corpus(r).annotations[0]).toMatchObject({ kind: 'claim', stance: 'asserted' });
  });

  it('wrong relation kinds, unknown relation types and cues no claim links to are warnings', () => {
    const r = run(`${GOOD}T2\tClaim 12 21\tإن اللجنة\nT3\tCue 0 3\tقال\nR1\tReportedBy Arg1:T2 Arg2:T1\nR2\tMember Arg1:T2 Arg2:T1\nA1\tStance T2 hedged\n`);
    expect(only(r, 'error')).toEqual([]);
    expect(only(r, 'warning').map((i) => i.line)).toEqual([4, 5, 3]);
    expect(only(r, 'warning').map((i) => i.message)).toEqual([
      expect.stringContaining('a ReportedBy relation must link a claim to a source, not a mention'),
      expect.stringContaining("the relation type Member is not part of Hamish's model"),
      expect.stringContaining('T3 is a cue that no claim links to'),
    ]);
    expect(quotes(r)).toEqual(['mention:حفتر', 'claim:إن اللجنة']);
  });

  it('an .ann that is not UTF-8 is refused with its byte offset; the text still imports', () => {
    const r = run(new Uint8Array([...enc('T1\tPER 6 10\t'), 0xc3, 0x28, 0x0a]));
    expect(only(r, 'error')).toEqual([
      expect.objectContaining({ message: 'doc.ann: not valid UTF-8 at byte 12 (invalid multi-byte sequence); imported the text without it.' }),
    ]);
    expect(corpus(r).documents).toHaveLength(1);
    expect(corpus(r).annotations).toEqual([]);
  });

  it('pairs by path, reports an .ann without its .txt, and keeps file names out of the stored paths', () => {
    const r = importBrat(
      [
        { path: '../../etc/a.txt', bytes: enc(TEXT) },
        { path: '../../etc/a.ann', bytes: enc(GOOD) },
        { path: '/abs/orphan.ann', bytes: enc(GOOD) },
        { path: 'notes.md', bytes: enc('#') },
        { path: 'annotation.conf', bytes: enc('[entities]') },
      ],
      { fileName: 'brat', newId: () => crypto.randomUUID(), now: NOW },
    );
    expect(corpus(r).documents.map((d) => d.fileName)).toEqual(['a.txt']);
    expect(corpus(r).annotations.map((a) => (a as MentionRecord).quote)).toEqual(['حفتر']);
    expect(r.issues.map((i) => `${i.severity}: ${i.message}`)).toEqual([
      'warning: notes.md: not a .txt or .ann file; ignored.',
      'error: /abs/orphan.ann: no /abs/orphan.txt beside it, so its offsets point nowhere; skipped.',
    ]);
  });

  it('refuses a collection with no readable document', () => {
    const r = importBrat(
      [
        { path: 'x.ann', bytes: enc(GOOD) },
        { path: 'y.txt', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) },
      ],
      { fileName: 'brat', newId: () => 'x', now: NOW },
    );
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => i.message)).toEqual([
      'x.ann: no x.txt beside it, so its offsets point nowhere; skipped.',
      'y.txt: this is a PNG image, not a UTF-8 text article.',
      'No brat document (a .txt, with its .ann) could be read.',
    ]);
  });
});
