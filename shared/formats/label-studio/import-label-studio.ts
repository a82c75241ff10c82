import type { AnnotationRecord } from '../../model/annotation';
import type { DocumentRecord } from '../../model/document';
import { DEFAULT_LABEL_SCHEMA, type LabelSchema } from '../../model/label-schema';
import { makeEntityPool } from '../brat/entity-pool';
import { growSchema } from '../brat/label-growth';
import type { ImportContext, ImportIssue, ImportResult } from '../corpus';
import { isObject, own } from './json';
import { importTask } from './task';
import { pushAll } from '../../arrays';
import { storedFileName } from '../file-name';

/**
 * Read a Label Studio JSON export (or import file): an array of tasks or one task, with `annotations`, the older
 * `completions`, or `predictions`. Each span's offsets are checked against its `value.text` to decide whether they
 * count code points or UTF-16 units; what cannot be placed is reported with its JSON pointer and skipped. `data.text`
 * is only ever text: HTML in it stays literal characters. `ok: false` when the file is not JSON or holds no task.
 */
export function importLabelStudio(json: string, ctx: ImportContext, base: LabelSchema = DEFAULT_LABEL_SCHEMA): ImportResult {
  const body = json.charCodeAt(0) === 0xfeff ? json.slice(1) : json;
  if (!body.trim()) return refuse('The file is empty.');
  let root: unknown;
  try {
    root = JSON.parse(body);
  } catch (e) {
    return refuse(`Not JSON: ${(e as Error).message}`);
  }
  const tasks = Array.isArray(root) ? root : isObject(root) && own(root, 'data') !== undefined ? [root] : undefined;
  if (!tasks) return refuse('Not a Label Studio file: expected a list of tasks, or one task with "data".');
  const single = !Array.isArray(root);
  const growth = growSchema(base);
  const pool = makeEntityPool(() => ctx.newId(), ctx.now);
  const issues: ImportIssue[] = [];
  const documents: DocumentRecord[] = [];
  const annotations: AnnotationRecord[] = [];
  tasks.forEach((task, i) => {
    const out = importTask({
      task,
      pointer: single ? '' : `/${i}`,
      fileName: storedFileName(ctx.fileName),
      schema: base,
      growth,
      pool,
      newId: () => ctx.newId(),
      now: ctx.now,
    });
    pushAll(issues, out.issues);
    if (out.document) documents.push(out.document);
    pushAll(annotations, out.annotations);
  });
  if (!documents.length) return { ok: false, issues: [...issues, { severity: 'error', pointer: '', message: 'No task with a text could be read.' }] };
  const added = growth.added();
  if (added.length) issues.push({ severity: 'warning', pointer: '', message: `New entity types added to the schema: ${added.join(', ')}.` });
  return { ok: true, corpus: { documents, annotations, entities: pool.entities(), schema: growth.schema() }, issues };
}

function refuse(message: string): ImportResult {
  return { ok: false, issues: [{ severity: 'error', pointer: '', message }] };
}
