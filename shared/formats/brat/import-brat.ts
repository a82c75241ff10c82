import type { AnnotationRecord } from '../../model/annotation';
import type { DocumentRecord } from '../../model/document';
import { DEFAULT_LABEL_SCHEMA, type LabelSchema } from '../../model/label-schema';
import { decodeUtf8Strict } from '../../text/utf8';
import type { ImportContext, ImportIssue, ImportResult } from '../corpus';
import { importTxt } from '../txt/import-txt';
import { buildBratDocument } from './build-document';
import { makeEntityPool } from './entity-pool';
import { growSchema } from './label-growth';
import { parseAnn } from './parse-ann';
import { makeRawText } from './raw-text';
import { pushAll } from '../../arrays';
import { storedFileName } from '../file-name';

/** One file of a brat collection: its path inside the collection (folders allowed) and its bytes. */
export interface BratFile {
  path: string;
  bytes: Uint8Array;
}

/** An `.ann` is a few hundred kilobytes at most; past this it is not an annotation file. */
export const MAX_ANN_BYTES = 20 * 1024 * 1024;

/**
 * Read a brat collection: each `.txt` with the `.ann` of the same path. Offsets are brat's, code points into the
 * `.txt` as stored (a BOM and CRs count, as Python reads them), and land on the canonical text. Every bad line is
 * reported with its file and line and skipped; `ok: false` only when no document could be read. Entity types the
 * schema lacks are added with the file's type name as their tag; `.conf` files are not needed and not read.
 */
export function importBrat(files: readonly BratFile[], ctx: ImportContext, base: LabelSchema = DEFAULT_LABEL_SCHEMA): ImportResult {
  const issues: ImportIssue[] = [];
  const error = (message: string) => issues.push({ severity: 'error', message });
  const pairs = new Map<string, { txt?: BratFile; ann?: BratFile }>();
  for (const f of files) {
    const m = /^(.*)\.(txt|ann)$/i.exec(f.path);
    if (!m) {
      if (!/(^|[/\\])[^/\\]*\.conf$/i.test(f.path)) issues.push({ severity: 'warning', message: `${f.path}: not a .txt or .ann file; ignored.` });
      continue;
    }
    const kind = m[2]!.toLowerCase() as 'txt' | 'ann';
    const pair = pairs.get(m[1]!) ?? {};
    if (pair[kind]) error(`${f.path}: a second .${kind} for ${m[1]}; ignored.`);
    else pair[kind] = f;
    pairs.set(m[1]!, pair);
  }
  const growth = growSchema(base);
  const pool = makeEntityPool(() => ctx.newId(), ctx.now);
  const documents: DocumentRecord[] = [];
  const annotations: AnnotationRecord[] = [];
  for (const [stem, { txt, ann }] of [...pairs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!txt) {
      error(`${ann!.path}: no ${stem}.txt beside it, so its offsets point nowhere; skipped.`);
      continue;
    }
    const draft = importTxt({ name: txt.path, size: txt.bytes.length, bytes: txt.bytes });
    const raw = decodeUtf8Strict(txt.bytes);
    if (!draft.ok || !raw.ok) {
      error(draft.ok ? `${txt.path}: not valid UTF-8.` : draft.error.message);
      continue;
    }
    let lines: ReturnType<typeof parseAnn>['lines'] = [];
    if (!ann) issues.push({ severity: 'warning', message: `${txt.path}: no ${stem}.ann beside it; imported without annotations.` });
    else if (ann.bytes.length > MAX_ANN_BYTES)
      error(`${ann.path}: larger than ${MAX_ANN_BYTES / 1024 / 1024} MB, which is not an annotation file; imported the text without it.`);
    else {
      const decoded = decodeUtf8Strict(ann.bytes);
      if (!decoded.ok) error(`${ann.path}: not valid UTF-8 at byte ${decoded.error.byteOffset} (${decoded.error.reason}); imported the text without it.`);
      else {
        const parsed = parseAnn(decoded.value, ann.path);
        pushAll(issues, parsed.issues);
        lines = parsed.lines;
      }
    }
    const doc: DocumentRecord = { id: ctx.newId(), ...draft.value, fileName: storedFileName(txt.path), importedAt: ctx.now, status: 'new', meta: {} };
    const built = buildBratDocument({
      path: ann?.path ?? txt.path,
      documentId: doc.id,
      text: makeRawText(raw.value),
      lines,
      schema: base,
      growth,
      pool,
      newId: () => ctx.newId(),
      now: ctx.now,
    });
    pushAll(issues, built.issues);
    documents.push(doc);
    pushAll(annotations, built.annotations);
  }
  if (!documents.length) return { ok: false, issues: [...issues, { severity: 'error', message: 'No brat document (a .txt, with its .ann) could be read.' }] };
  const added = growth.added();
  if (added.length) issues.push({ severity: 'warning', message: `New entity types added to the schema: ${added.join(', ')}.` });
  return { ok: true, corpus: { documents, annotations, entities: pool.entities(), schema: growth.schema() }, issues };
}
