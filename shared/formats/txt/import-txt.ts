import { fail, ok, type Problem, type Result } from '../../result';
import { canonicalizeText, titleOf } from '../../text/canonical';
import { sha256Text } from '../../text/sha256';
import { describeBinary } from '../../text/binary';
import { decodeUtf8Strict } from '../../text/utf8';
import { storedFileName } from '../file-name';

/** A news article is a few kilobytes; anything past this is not an article and would only slow the reader down. */
export const MAX_TXT_BYTES = 10 * 1024 * 1024;

/** A file as the platform hands it over. `bytes` is absent when the platform refused to read a too-large file. */
export interface IncomingFile {
  name: string;
  size: number;
  bytes?: Uint8Array;
}

/** A document ready to store: everything but the id and import time, which the caller assigns. */
export interface DocumentDraft {
  title: string;
  text: string;
  sha256: string;
  fileName: string;
}

/** Turn the bytes of one `.txt` article into a document draft, or say precisely why not. */
export function importTxt(file: IncomingFile): Result<DocumentDraft, Problem> {
  const name = file.name;
  const size = Math.max(file.size, file.bytes?.length ?? 0);
  if (size > MAX_TXT_BYTES) {
    return fail({
      code: 'too-large',
      message: `${name}: ${formatMB(size)} is larger than the ${formatMB(MAX_TXT_BYTES)} limit for one article; split it into articles.`,
    });
  }
  const bytes = file.bytes;
  if (!bytes) return fail({ code: 'unreadable', message: `${name}: the file could not be read.` });
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return fail({ code: 'utf16', message: `${name}: the file is UTF-16 encoded; save it as UTF-8 and import it again.` });
  }
  const binary = describeBinary(bytes);
  if (binary) return fail({ code: 'binary', message: `${name}: this is ${binary}, not a UTF-8 text article.` });
  const decoded = decodeUtf8Strict(bytes);
  if (!decoded.ok) {
    return fail({
      code: 'invalid-utf8',
      message: `${name}: not valid UTF-8 at byte ${decoded.error.byteOffset} (${decoded.error.reason}); save it as UTF-8 and import it again.`,
    });
  }
  const text = canonicalizeText(decoded.value);
  const title = titleOf(text);
  if (!title) return fail({ code: 'empty', message: `${name}: the file is empty (no text to annotate).` });
  return ok({ title, text, sha256: sha256Text(text), fileName: storedFileName(name) });
}

function formatMB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
