// The Workbench test bed: the five news articles stored, the Workbench loaded with article 002 open; one fresh
// database per test. Shared by the Workbench's test files (renderer/features/annotate/workbench*.test.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect } from 'vitest';
import { importTxt } from '../../shared/formats/txt/import-txt';
import type { AnnotationRecord } from '../../shared/model/annotation';
import { addAnnotation, type Ctx, type Layer } from '../../shared/model/commands';
import type { DocumentRecord } from '../../shared/model/document';
import { change } from '../../shared/model/edits';
import { createAnnotationsRepo } from '../../renderer/db/annotations-repo';
import { openDatabase, type HamishDatabase } from '../../renderer/db/database';
import { createDocumentsRepo, type DocumentsRepo } from '../../renderer/db/documents-repo';
import { createWorkspaceRepo } from '../../renderer/db/workspace-repo';
import { Workbench } from '../../renderer/features/annotate/workbench';
import { NEWS_DIR } from './paths';

const FILES = readdirSync(NEWS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();
export const NOW = '2026-11-23T10:00:00.000Z';

export interface WorkbenchBed {
  db: HamishDatabase;
  docs: DocumentRecord[];
  d2: DocumentRecord;
  wb: Workbench;
  repos: { documents: DocumentsRepo; annotations: ReturnType<typeof createAnnotationsRepo>; workspace: ReturnType<typeof createWorkspaceRepo> };
}

/** Set up before each test of the calling file; the returned object holds the current test's bed. */
export function workbenchBed(): WorkbenchBed {
  const bed = {} as WorkbenchBed;
  beforeEach(async () => {
    bed.db = openDatabase(`wb-${crypto.randomUUID()}`);
    bed.docs = FILES.map((f, n): DocumentRecord => {
      const bytes = readFileSync(`${NEWS_DIR}${f}`);
      const r = importTxt({ name: f, size: bytes.length, bytes });
      if (!r.ok) throw new Error(r.error.message);
      return { id: `doc-${n}`, importedAt: NOW, ...r.value, status: 'new', meta: {} };
    });
    bed.d2 = bed.docs.find((d) => d.fileName.startsWith('002_'))!;
    bed.repos = { documents: createDocumentsRepo(bed.db), annotations: createAnnotationsRepo(bed.db), workspace: createWorkspaceRepo(bed.db) };
    await bed.repos.workspace.applyChange(change({ documents: bed.docs.map((d) => [undefined, d] as const) }));
    bed.wb = new Workbench(bed.repos);
    await bed.wb.load();
    await bed.wb.open(bed.d2.id);
  });
  afterEach(async () => {
    bed.wb.dispose();
    bed.db.close();
    await bed.db.delete();
  });
  return bed;
}

let ids = 0;
export const newId = () => `id-${++ids}`;

/** What the commands need, from what the bed's Workbench shows. */
export const ctxOf = (bed: WorkbenchBed): Ctx => ({
  document: bed.wb.getSnapshot().document!,
  annotations: bed.wb.getSnapshot().annotations,
  schema: bed.wb.getSnapshot().schema,
  newId,
  now: () => NOW,
});
export const spanIn = (doc: DocumentRecord, quote: string, from = 0) => ({
  start: doc.text.indexOf(quote, from),
  end: doc.text.indexOf(quote, from) + quote.length,
});

/** Mark `quote` in article 002 through the Workbench, as the reader would. */
export function createIn<T extends AnnotationRecord>(bed: WorkbenchBed, layer: Layer, quote: string, label: string): T {
  const r = addAnnotation(ctxOf(bed), layer, spanIn(bed.d2, quote), label);
  if (!r.ok) throw new Error(r.error.message);
  bed.wb.apply(r.value.change);
  return r.value.record as T;
}

const byPosition = (a: AnnotationRecord, b: AnnotationRecord) => a.start - b.start || a.id.localeCompare(b.id);
export const storedIn = async (bed: WorkbenchBed, docId = bed.d2.id) => (await bed.repos.annotations.listByDocument(docId)).sort(byPosition);

/** What is shown equals what IndexedDB holds, once every write has committed. */
export async function settledIn(bed: WorkbenchBed): Promise<readonly AnnotationRecord[]> {
  await bed.wb.whenSaved();
  expect(bed.wb.getSnapshot().save).toEqual({ status: 'saved' });
  const inDb = await storedIn(bed);
  expect([...bed.wb.getSnapshot().annotations].sort(byPosition)).toEqual(inDb);
  return inDb;
}
