/**
 * The canonical text of a document, into which every annotation offset points.
 *
 * Rule (README "Canonical text"): decode as UTF-8, drop one leading BOM, turn CRLF and lone CR into LF. Nothing
 * else changes: tatweel, diacritics, no-break spaces, bidi marks (RLM, LRM, ALM), Unicode normalisation form and
 * trailing whitespace are kept byte-exact, because selectors must point into what the user imported.
 */
export function canonicalizeText(decoded: string): string {
  const withoutBom = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  return withoutBom.replace(/\r\n?/g, '\n');
}

/** A title longer than this is cut (a whole article on one line would otherwise be its own title, megabytes long). */
export const MAX_TITLE = 200;

/**
 * The title of a document: its first line with visible content, trimmed, cut to MAX_TITLE characters at a space
 * when there is one in its last third, with "…". A line of only bidi marks, zero-width characters and spaces is
 * empty (a file holding just an RLM is not an article with an invisible title).
 */
export function titleOf(text: string): string {
  for (let from = 0; from <= text.length;) {
    const nl = text.indexOf('\n', from);
    const end = nl === -1 ? text.length : nl;
    // Only the head of a line is looked at: a title is cut long before its end anyway.
    const line = text.slice(from, Math.min(end, from + MAX_TITLE * 4));
    if (/[^\s\p{Cf}]/u.test(line)) return cut(line.trim(), end - from > line.length);
    if (nl === -1) break;
    from = nl + 1;
  }
  return '';
}

function cut(line: string, longer: boolean): string {
  if (line.length <= MAX_TITLE && !longer) return line;
  let head = line.slice(0, MAX_TITLE);
  // Never half a surrogate pair.
  if (/[\ud800-\udbff]$/.test(head)) head = head.slice(0, -1);
  const space = head.search(/\s\S*$/);
  return `${(space > (MAX_TITLE * 2) / 3 ? head.slice(0, space) : head).trimEnd()}…`;
}
