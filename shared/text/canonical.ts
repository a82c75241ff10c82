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

/**
 * The title of a document: its first line with visible content, trimmed. A line of only bidi marks, zero-width
 * characters and spaces is empty (a file holding just an RLM is not an article with an invisible title).
 */
export function titleOf(text: string): string {
  for (const line of text.split('\n')) {
    if (/[^\s\p{Cf}]/u.test(line)) return line.trim();
  }
  return '';
}
