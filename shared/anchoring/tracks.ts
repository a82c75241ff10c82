/**
 * Nesting tracks for the spans of one layer: the reader draws a span on track 0, 1, 2… so that a span inside
 * another of the same layer («الأمم المتحدة» inside «بعثة الأمم المتحدة للدعم في ليبيا») is drawn differently from
 * the one around it, and two spans that cross never share a track where they overlap. Outer spans come first:
 * spans are taken by start, the longer first, and each gets the lowest track no overlapping span holds — so a
 * span's track is at most its nesting depth, and spans that touch no other stay on track 0.
 */
export interface TrackSpan {
  start: number;
  end: number;
}

export function assignTracks<T extends TrackSpan>(spans: readonly T[]): Map<T, number> {
  const order = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const tracks = new Map<T, number>();
  // Spans still open at the current start, with their tracks.
  let open: { end: number; track: number }[] = [];
  for (const s of order) {
    open = open.filter((o) => o.end > s.start);
    let track = 0;
    while (open.some((o) => o.track === track)) track++;
    tracks.set(s, track);
    // An empty span overlaps nothing.
    if (s.end > s.start) open.push({ end: s.end, track });
  }
  return tracks;
}
