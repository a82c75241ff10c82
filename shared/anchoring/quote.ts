/** Prefix and suffix length of a TextQuoteSelector, in code points (the W3C model counts code points). */
export const QUOTE_CONTEXT = 32;

export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** Describe a UTF-16 span of `text` as a quote with up to 32 code points of context on each side. */
export function describeTextQuote(text: string, start: number, end: number, context = QUOTE_CONTEXT): TextQuote {
  return {
    exact: text.slice(start, end),
    prefix: lastCodePoints(text.slice(Math.max(0, start - context * 2), start), context),
    suffix: firstCodePoints(text.slice(end, end + context * 2), context),
  };
}

function lastCodePoints(s: string, n: number): string {
  const points = Array.from(s);
  return points.slice(Math.max(0, points.length - n)).join('');
}

function firstCodePoints(s: string, n: number): string {
  return Array.from(s).slice(0, n).join('');
}

/**
 * Does the stored quote still sit at the stored offsets? Checked on every save, load and export: an annotation
 * whose quote and offsets disagree is a corruption to report, never something to paper over.
 */
export function quoteMatches(text: string, start: number, end: number, quote: string): boolean {
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= text.length && start < end && text.slice(start, end) === quote;
}
