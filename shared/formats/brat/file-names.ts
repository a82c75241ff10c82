import type { DocumentRecord } from '../../model/document';

const MAX_STEM = 40;
// Names Windows refuses whatever the extension (CON.txt is the console).
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * The file name (without extension) each document gets in a brat export: an ASCII slug of the name it was imported
 * from (or its title), then the first 8 letters and digits of its id. Only `A–Z a–z 0–9 - _` survive, so no name
 * can climb out of the export folder (`../`), be absolute, hold a NUL or a bidi override, or clash with
 * `annotation.conf`; names are unique ignoring case, since brat corpora move between Linux, macOS and Windows.
 */
export function bratBaseNames(documents: readonly Pick<DocumentRecord, 'id' | 'title' | 'fileName'>[]): Map<string, string> {
  const taken = new Set<string>();
  const names = new Map<string, string>();
  for (const doc of documents) {
    const stem = slug(withoutExtension(lastSegment(doc.fileName))) || slug(doc.title) || 'document';
    const short = doc.id
      .replace(/[^0-9A-Za-z]/g, '')
      .slice(0, 8)
      .toLowerCase();
    const base = short ? `${stem}-${short}` : RESERVED.test(stem) ? `document-${stem}` : stem;
    let name = base;
    for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base}-${k}`;
    taken.add(name.toLowerCase());
    names.set(doc.id, name);
  }
  return names;
}

function lastSegment(path: string): string {
  const parts = path.split(/[/\\]/);
  return parts[parts.length - 1] ?? '';
}

function withoutExtension(name: string): string {
  return name.replace(/\.[^.]*$/, '');
}

/** Letters with accents lose them (é → e); everything else outside ASCII letters and digits becomes one `-`. */
function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/[-_]{2,}/g, '-')
    .slice(0, MAX_STEM)
    .replace(/^[-_]+|[-_]+$/g, '');
}
