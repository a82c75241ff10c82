import { checkSpan, type TextSpan } from '../../model/annotation';
import { clip, hasLoneSurrogate, isObj, Issues, listOf, own, typesOf, type Obj } from './read';

/** More selectors than this on one target is not annotation data (TRUST.md: a target with 10,000 selectors). */
export const MAX_SELECTORS = 16;
/** `refinedBy` chains deeper than this are refused; shallower ones are reported as unsupported. */
export const MAX_REFINED_DEPTH = 8;

/** Code-point offsets of one text to UTF-16 offsets in O(log n) each (a document has many annotations). */
export interface CodePointText {
  text: string;
  /** Length in code points. */
  length: number;
  toUtf16(codePoint: number): number;
}

export function codePointText(text: string): CodePointText {
  // Code-point positions of the characters outside the BMP (two UTF-16 units each), ascending.
  const wide: number[] = [];
  let cp = 0;
  for (let i = 0; i < text.length; i++, cp++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        wide.push(cp);
        i++;
      }
    }
  }
  const toUtf16 = (point: number) => {
    let lo = 0;
    let hi = wide.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (wide[mid]! < point) lo = mid + 1;
      else hi = mid;
    }
    return point + lo;
  };
  return { text, length: cp, toUtf16 };
}

function offsetProblem(v: unknown): string | null {
  if (v === undefined) return 'is missing';
  if (v === null) return 'is null, not a number';
  if (typeof v === 'string') return `is the string ${JSON.stringify(v)}, not a number`;
  if (typeof v !== 'number') return `is ${Array.isArray(v) ? 'an array' : typeof v}, not a number`;
  if (!Number.isFinite(v)) return 'is not a finite number (1e309 and beyond overflow to Infinity)';
  if (!Number.isInteger(v)) return `${v} is not a whole number`;
  if (v < 0) return `${v} is negative`;
  return null;
}

interface Quote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** Every place the quote sits with its prefix and suffix around it, up to two (two already means ambiguous). */
function findQuote(text: string, q: Quote): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(q.exact); at !== -1 && found.length < 2; at = text.indexOf(q.exact, at + 1)) {
    if (
      at >= q.prefix.length &&
      text.startsWith(q.prefix, at - q.prefix.length) &&
      text.startsWith(q.suffix, at + q.exact.length) &&
      !checkSpan(text, at, at + q.exact.length)
    )
      found.push(at);
  }
  return found;
}

/** Reads a selector list: at most MAX_SELECTORS, no refinedBy, one position and one quote selector at most. */
function readSelectors(value: unknown, pointer: string, issues: Issues): { position?: [Obj, string]; quote?: [Obj, string] } | null {
  if (Array.isArray(value) && value.length > MAX_SELECTORS)
    return (issues.error(pointer, `${value.length} selectors on one target (at most ${MAX_SELECTORS}).`), null);
  const out: { position?: [Obj, string]; quote?: [Obj, string] } = {};
  for (const [sel, at] of listOf(value, pointer)) {
    if (!isObj(sel)) return (issues.error(at, 'a selector must be an object.'), null);
    let depth = 0;
    for (let s: unknown = own(sel, 'refinedBy'); s !== undefined && depth <= MAX_REFINED_DEPTH; s = isObj(s) ? own(s, 'refinedBy') : undefined) depth++;
    if (depth > MAX_REFINED_DEPTH) return (issues.error(`${at}/refinedBy`, `a refinedBy chain deeper than ${MAX_REFINED_DEPTH} selectors is refused.`), null);
    if (depth > 0) return (issues.error(`${at}/refinedBy`, 'refined selectors (refinedBy) are not supported; the annotation was not imported.'), null);
    const type = typesOf(sel);
    const slot = type.includes('TextPositionSelector') ? 'position' : type.includes('TextQuoteSelector') ? 'quote' : null;
    if (!slot) {
      issues.warn(`${at}/type`, `a ${clip(type.join('/')) || 'untyped'} selector is not used by Hamish; ignored.`);
      continue;
    }
    if (out[slot]) return (issues.error(at, `a second ${clip(type.join('/'))} on one target; which one is meant is unclear.`), null);
    out[slot] = [sel, at];
  }
  if (!out.position && !out.quote) return (issues.error(pointer, 'no TextPositionSelector or TextQuoteSelector: nothing says where the annotation is.'), null);
  return out;
}

function readQuote(sel: Obj, at: string, issues: Issues): Quote | null {
  const parts: Record<string, string> = {};
  for (const key of ['exact', 'prefix', 'suffix']) {
    const v = own(sel, key) ?? (key === 'exact' ? undefined : '');
    if (typeof v !== 'string' || (key === 'exact' && !v))
      return (issues.error(`${at}/${key}`, `${key} must be ${key === 'exact' ? 'a non-empty' : 'a'} string.`), null);
    if (hasLoneSurrogate(v)) return (issues.error(`${at}/${key}`, `${key} holds half of a character (a lone surrogate).`), null);
    parts[key] = v;
  }
  return { exact: parts.exact!, prefix: parts.prefix!, suffix: parts.suffix! };
}

/**
 * Where a target's selectors point in the text, as a UTF-16 span. The TextPositionSelector (code points) must
 * hold whole numbers inside the text; the TextQuoteSelector, when present, must agree with the text there. When
 * they disagree the quote is looked for with its prefix and suffix and used only if found exactly once (with a
 * warning); otherwise the annotation is refused. Nothing is ever silently moved.
 */
export function anchorSelectors(value: unknown, pointer: string, doc: CodePointText, issues: Issues): TextSpan | null {
  const sels = readSelectors(value, pointer, issues);
  if (!sels) return null;
  const quote = sels.quote ? readQuote(sels.quote[0], sels.quote[1], issues) : undefined;
  if (quote === null) return null;
  const text = doc.text;
  const span = (start: number, end: number): TextSpan => ({ start, end, quote: text.slice(start, end) });
  let where = ''; // why the offsets were not used, when they were not
  if (sels.position) {
    const [sel, at] = sels.position;
    const start = own(sel, 'start');
    const end = own(sel, 'end');
    const bad = offsetProblem(start) ?? offsetProblem(end);
    if (bad) return (issues.error(`${at}/${offsetProblem(start) ? 'start' : 'end'}`, `the offset ${bad}.`), null);
    const [s, e] = [start as number, end as number];
    if (s > doc.length) return (issues.error(`${at}/start`, `start ${s} is past the end of the text (${doc.length} code points).`), null);
    if (e > doc.length) return (issues.error(`${at}/end`, `end ${e} is past the end of the text (${doc.length} code points).`), null);
    if (e <= s) return (issues.error(`${at}/end`, e < s ? `end ${e} is before start ${s}.` : `the span ${s}–${e} is empty.`), null);
    const [u, v] = [doc.toUtf16(s), doc.toUtf16(e)];
    if (!quote) return span(u, v);
    const qAt = sels.quote![1];
    const here = text.slice(u, v);
    if (here === quote.exact) {
      if (u < quote.prefix.length || !text.startsWith(quote.prefix, u - quote.prefix.length) || !text.startsWith(quote.suffix, v)) {
        issues.warn(`${qAt}`, 'the quote is at its offsets, but its prefix or suffix differs from the text around it; kept at the offsets.');
      }
      return span(u, v);
    }
    if (here.normalize('NFC') === quote.exact.normalize('NFC')) {
      issues.warn(
        `${qAt}/exact`,
        'the quote differs from the text at its offsets only in Unicode normalisation (NFD/NFC); kept at the offsets, the text unchanged.',
      );
      return span(u, v);
    }
    where = ` is not at ${s}–${e} (where the text says «${clip(here)}»)`;
  }
  const qAt = sels.quote![1];
  const q = quote!;
  const found = findQuote(text, q);
  if (found.length === 1) {
    const at = found[0]!;
    if (sels.position) {
      const utf16 = own(sels.position[0], 'start') === at ? ' The file seems to count UTF-16 code units, not code points as the W3C model says.' : '';
      issues.warn(`${qAt}/exact`, `the quote «${clip(q.exact)}»${where}; found once with its prefix and suffix and anchored there.${utf16}`);
    }
    return span(at, at + q.exact.length);
  }
  const and = where ? `${where} and` : '';
  if (found.length > 1)
    return (issues.error(`${qAt}/exact`, `the quote «${clip(q.exact)}»${and} occurs more than once with its prefix and suffix; not anchored.`), null);
  const nfc = q.exact.normalize('NFC');
  const nfd = nfc !== q.exact && text.includes(nfc) ? ' It is in a different Unicode normalisation (NFD) from the text (NFC); it is not re-anchored.' : '';
  return (issues.error(`${qAt}/exact`, `the quote «${clip(q.exact)}»${and} is not found in the text with its prefix and suffix.${nfd}`), null);
}
