import type { RawText } from '../brat/raw-text';

export type OffsetUnit = 'code-points' | 'utf-16';

/** Where a Label Studio span lies in the raw `data.text` (UTF-16 indices), and how that was decided. */
export interface Located {
  start: number;
  end: number;
  unit: OffsetUnit;
  /** The quote matched only after collapsing runs of whitespace (label-studio #3078: offsets right, text not). */
  collapsed: boolean;
  /** False when the result had no `value.text` to check the offsets against. */
  checked: boolean;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ');

/**
 * Decide what unit a span's offsets count: Label Studio ≥ 1.0 counts code points (PR #1559), older versions UTF-16
 * units (issue #1347). The unit whose slice equals `value.text` wins, code points first; then the same with runs of
 * whitespace collapsed. Without a quote the current unit is assumed. Null when nothing matches: never re-anchored
 * elsewhere, because a span that does not say what it covers cannot be trusted to cover anything.
 */
export function locateSpan(text: RawText, start: number, end: number, quote: string | undefined): Located | null {
  const candidates: Array<[OffsetUnit, number, number]> = [];
  if (end <= text.codePoints) candidates.push(['code-points', text.rawIndexOf(start), text.rawIndexOf(end)]);
  if (end <= text.raw.length) candidates.push(['utf-16', start, end]);
  if (quote === undefined) {
    const cp = candidates[0];
    return cp && cp[0] === 'code-points' ? { unit: cp[0], start: cp[1], end: cp[2], collapsed: false, checked: false } : null;
  }
  for (const collapsed of [false, true]) {
    if (collapsed && !/\s/.test(quote)) break;
    for (const [unit, s, e] of candidates) {
      const slice = text.raw.slice(s, e);
      if (collapsed ? collapse(slice) === collapse(quote) : slice === quote) return { unit, start: s, end: e, collapsed, checked: true };
    }
  }
  return null;
}

/** What the offsets would cover in each unit, for the message when nothing matched. */
export function describeMiss(text: RawText, start: number, end: number): string {
  const cp = end <= text.codePoints ? `«${text.slicePoints(start, end)}»` : 'past the end';
  const u16 = end <= text.raw.length ? `«${text.raw.slice(start, end)}»` : 'past the end';
  return `in code points ${cp}, in UTF-16 units ${u16}`;
}
