import { describe, expect, it } from 'vitest';
import { assignTracks, type TrackSpan } from './tracks';

const tracksOf = (spans: TrackSpan[]) => {
  const t = assignTracks(spans);
  return spans.map((s) => t.get(s));
};

describe('assignTracks', () => {
  it('puts a span nested in another of its layer on the next track, the outer one first', () => {
    // «بعثة الأمم المتحدة للدعم في ليبيا» and «الأمم المتحدة» inside it.
    const text = 'بعثة الأمم المتحدة للدعم في ليبيا';
    const outer = { start: 0, end: text.length };
    const inner = { start: text.indexOf('الأمم'), end: text.indexOf('الأمم') + 'الأمم المتحدة'.length };
    expect(tracksOf([inner, outer])).toEqual([1, 0]);
  });

  it('gives spans with the same start the longer one first, and three levels three tracks', () => {
    expect(
      tracksOf([
        { start: 0, end: 5 },
        { start: 0, end: 20 },
        { start: 0, end: 10 },
      ]),
    ).toEqual([2, 0, 1]);
  });

  it('keeps crossing spans apart and lets spans that only touch share track 0', () => {
    expect(
      tracksOf([
        { start: 0, end: 10 },
        { start: 5, end: 15 },
        { start: 15, end: 20 },
        { start: 20, end: 30 },
      ]),
    ).toEqual([0, 1, 0, 0]);
  });

  it('reuses a freed track: a later span nested in the outer one gets track 1 again', () => {
    expect(
      tracksOf([
        { start: 0, end: 100 },
        { start: 10, end: 20 },
        { start: 30, end: 40 },
        { start: 35, end: 38 },
      ]),
    ).toEqual([0, 1, 1, 2]);
  });

  it('never gives two overlapping spans the same track (random spans)', () => {
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 16807) % 2147483647) % n;
    const spans = Array.from({ length: 400 }, () => {
      const start = rnd(1000);
      return { start, end: start + 1 + rnd(40) };
    });
    const t = assignTracks(spans);
    for (const a of spans) for (const b of spans) if (a !== b && a.start < b.end && b.start < a.end) expect(t.get(a)).not.toBe(t.get(b));
  });
});
