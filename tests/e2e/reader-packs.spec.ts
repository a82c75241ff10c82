import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './fixtures';
import { listArticles } from '../bench/fixtures';
import { SHARED } from '../support/paths';
import { dragSelect, expectPaintedAsStored, importThroughPicker, openApp, openDocument, storedRecords, textFile } from './helpers';

// A document of 1,000+ annotations is opened from its pack (renderer/db/packs.ts) once one is made: what is painted
// must be exactly what is stored on every path — before the pack, from it, after an edit (which drops it), after undo.

const TITLE = 'مقال بألف وسم';
function article(): string {
  let text = TITLE;
  for (const f of listArticles(`${SHARED}corpora/ant-jawharafm/plain`)) {
    if (text.length >= 40_000) break;
    text += '\n\n' + readFileSync(f, 'utf8').trim();
  }
  return text;
}

const saved = (page: Page) => expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');

/** Every 5+-letter word of the text as a Person mention, written straight into IndexedDB (no app code). */
async function seedMentions(page: Page, count: number): Promise<void> {
  await page.evaluate(
    async ({ title, count }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('hamish');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const docs = await new Promise<{ id: string; title: string; text: string }[]>((resolve) => {
        const req = db.transaction('documents').objectStore('documents').getAll();
        req.onsuccess = () => resolve(req.result);
      });
      const doc = docs.find((d) => d.title === title)!;
      const tx = db.transaction('annotations', 'readwrite');
      const now = new Date().toISOString();
      let n = 0;
      for (const m of doc.text.matchAll(/(?<![\p{L}\p{M}\p{N}])[\u0621-\u064a]{5,}(?![\p{L}\p{M}\p{N}])/gu)) {
        if (n++ >= count) break;
        tx.objectStore('annotations').put({
          id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
          documentId: doc.id,
          kind: 'mention',
          start: m.index,
          end: m.index + m[0].length,
          quote: m[0],
          entityType: 'person',
          created: now,
          modified: now,
        });
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { title: TITLE, count },
  );
}

/** How many annotations the document's pack holds, or null when it has none. */
function packSize(page: Page): Promise<number | null> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('hamish');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      const rows = await new Promise<{ annotations: unknown[] }[]>((resolve) => {
        const req = db.transaction('packs').objectStore('packs').getAll();
        req.onsuccess = () => resolve(req.result);
      });
      return rows[0]?.annotations.length ?? null;
    } finally {
      db.close();
    }
  });
}

test('a document with 1,200 annotations paints what is stored before its pack, from it, after an edit and after undo', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await importThroughPicker(page, [textFile('many.txt', article()), textFile('other.txt', 'مقال آخر\nقال المتحدث إن الاجتماع انتهى.')]);
  await expect(page.getByRole('button', { name: TITLE })).toBeVisible();
  await seedMentions(page, 1200);
  expect(await storedRecords(page, TITLE)).toHaveLength(1200);

  // First open: read record by record; the pack is made in the background.
  await page.reload();
  await openDocument(page, TITLE);
  const before = await expectPaintedAsStored(page, TITLE);
  expect(before.mention.length).toBeGreaterThan(50);
  await expect.poll(() => packSize(page), { timeout: 15_000 }).toBe(1200);

  // From the pack, after a reload.
  await page.reload();
  await openDocument(page, TITLE);
  expect(await expectPaintedAsStored(page, TITLE)).toEqual(before);

  // A new mark by mouse: the write drops the pack, and the reload shows the mark.
  await page.getByRole('region', { name: 'Reader' }).evaluate((el) => el.scrollTo(0, 0));
  const word = TITLE.split(' ')[0]!;
  await dragSelect(page, word);
  await page.keyboard.press('2');
  await saved(page);
  expect(await packSize(page)).toBeNull();
  await page.reload();
  await openDocument(page, TITLE);
  const after = await expectPaintedAsStored(page, TITLE);
  expect(after.mention).toContain(word);
  expect(await storedRecords(page, TITLE)).toHaveLength(1201);

  // Made again from what is stored; opened from it; then a second mark, undone: the undo drops the pack too.
  await expect.poll(() => packSize(page), { timeout: 15_000 }).toBe(1201);
  await page.reload();
  await openDocument(page, TITLE);
  expect(await expectPaintedAsStored(page, TITLE)).toEqual(after);
  const second = TITLE.split(' ')[2]!;
  await dragSelect(page, second);
  await page.keyboard.press('3');
  await saved(page);
  // Away and back in this page (its undo history kept): the reopen makes the pack the undo must drop.
  await openDocument(page, 'مقال آخر');
  await openDocument(page, TITLE);
  await expect.poll(() => packSize(page), { timeout: 15_000 }).toBe(1202);
  await page.keyboard.press('Control+z');
  await saved(page);
  expect(await packSize(page)).toBeNull();
  await page.reload();
  await openDocument(page, TITLE);
  expect(await expectPaintedAsStored(page, TITLE)).toEqual(after);
  expect(await storedRecords(page, TITLE)).toHaveLength(1201);
});
