import { describe, expect, it } from 'vitest';
import { parseAnn } from './parse-ann';

describe('parseAnn', () => {
  it('reads every kind of line brat writes', () => {
    const r = parseAnn(
      'T1\tPER 0 5;6 9\tab cd\nR1\tClaimant Arg1:T2 Arg2:T1\t\nA1\tStance T2 asserted\nM2\tNegated T1\nN1\tReference T1 Wikidata:Q1\tName\n#1\tAnnotatorNotes T1\tnote\twith tab\n',
      'x.ann',
    );
    expect(r.issues).toEqual([]);
    expect(r.lines).toEqual([
      {
        kind: 'T',
        id: 'T1',
        line: 1,
        type: 'PER',
        fragments: [
          [0, 5],
          [6, 9],
        ],
        text: 'ab cd',
      },
      { kind: 'R', id: 'R1', line: 2, type: 'Claimant', args: ['T2', 'T1'] },
      { kind: 'A', id: 'A1', line: 3, type: 'Stance', target: 'T2', value: 'asserted' },
      { kind: 'A', id: 'M2', line: 4, type: 'Negated', target: 'T1' },
      { kind: 'N', id: 'N1', line: 5, type: 'Reference', target: 'T1', db: 'Wikidata', ref: 'Q1', text: 'Name' },
      { kind: '#', id: '#1', line: 6, type: 'AnnotatorNotes', target: 'T1', text: 'note\twith tab' },
    ]);
  });

  it('keeps a URL reference whole (the database ends at the first colon)', () => {
    expect(parseAnn('N1\tReference T1 URL:https://x.org/a:b\tX', 'x.ann').lines[0]).toMatchObject({ db: 'URL', ref: 'https://x.org/a:b' });
  });

  it('skips blank lines and counts them', () => {
    const r = parseAnn('\n  \r\nT1\tPER 0 1\tx\r\n', 'x.ann');
    expect(r.lines).toEqual([expect.objectContaining({ id: 'T1', line: 3, text: 'x' })]);
  });

  it('reports a missing text field as a warning and keeps the span', () => {
    const r = parseAnn('T1\tPER 0 1', 'x.ann');
    expect(r.issues).toEqual([
      { severity: 'warning', line: 1, message: 'x.ann line 1: T1 has no text field after a second tab, so its offsets cannot be checked against the text.' },
    ]);
    expect(r.lines).toHaveLength(1);
  });

  it.each([
    ['T1\tPER\tx', /T1 has no type and offsets/],
    ['T1\tPER 0 1 2\tx', /"0 1 2" is not "start end"/],
    ['T1\tPER 0 1;;2 3\tx', /"" is not "start end"/],
    ['R1\tClaimant Arg1:T1 Arg2:', /R1 is not "Type Arg1:T1 Arg2:T2"/],
    ['A1\tStance', /A1 is not "Type T1 \[value\]"/],
    ['#1\tAnnotatorNotes\tx', /#1 is not "Type T1" followed by a tab/],
    ['\tPER 0 1\tx', /"" is not a brat id/],
  ])('%j is an error, skipped', (line, message) => {
    const r = parseAnn(line, 'x.ann');
    expect(r.issues).toEqual([expect.objectContaining({ severity: 'error', line: 1, message: expect.stringMatching(message) })]);
    expect(r.lines).toEqual([]);
  });
});
