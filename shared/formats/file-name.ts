/**
 * The one rule for the file name a document keeps, applied by every importer (text, CoNLL, brat, Label Studio,
 * W3C JSON-LD), so that whatever one of them stored, another — a backup restored from an export — takes back
 * unchanged. A file name is metadata, so it is repaired, never a reason to refuse an article:
 * - only its last path segment is kept (`/` and `\` separate folders);
 * - bidi embeddings, overrides and isolates (Trojan Source), zero-width and other invisible characters are
 *   removed: they change how a name displays, not what it says (an RLM in an Arabic name is common);
 * - control characters (NUL, tab, line breaks, C1) become `_`;
 * - at most 255 characters; an empty result is `untitled`.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

export function storedFileName(name: string): string {
  const last = name.split(/[/\\]/).filter(Boolean).at(-1) ?? '';
  const clean = last.replace(INVISIBLE, '').replace(CONTROL, '_').trim();
  return [...clean].slice(0, 255).join('') || 'untitled';
}
