import { expect, test, type Page } from '@playwright/test';
import { dragSelect, expectPaintedAsStored, importThroughPicker, listedAnnotations, NEWS_FILES, newsFile, openApp, openDocument, readNews } from './helpers';

// TRUST.md F11: a database the browser discards (or that is deleted) must not open as an empty workspace. The
// automatic backup in the Origin Private File System says what the workspace held; the app offers to restore it.

/** Every record of every workspace table, read with the bare IndexedDB API (no app code), in id order. */
function dumpTables(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('hamish');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = (name: string) =>
      new Promise<{ id: string }[]>((resolve, reject) => {
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => resolve((req.result as { id: string }[]).sort((a, b) => (a.id < b.id ? -1 : 1)));
        req.onerror = () => reject(req.error);
      });
    const out = { documents: await all('documents'), annotations: await all('annotations'), entities: await all('entities'), schemas: await all('schemas') };
    db.close();
    return out;
  });
}

/** What the backup's manifest in the Origin Private File System says the workspace holds (counts per table). */
function backedUp(page: Page) {
  return page.evaluate(async () => {
    try {
      const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('backups');
      const m = JSON.parse(await (await (await dir.getFileHandle('manifest.json')).getFile()).text()) as { summary: Record<string, { count: number }> };
      return Object.fromEntries(Object.entries(m.summary).map(([t, s]) => [t, s.count]));
    } catch {
      return null;
    }
  });
}

/** Delete the database from under the app, as a browser that discards a profile's IndexedDB does. */
async function loseDatabase(page: Page) {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.deleteDatabase('hamish');
        req.onsuccess = () => resolve();
        req.onerror = () => reject(req.error);
      }),
  );
}

test('a lost database is noticed at start and restored from the automatic backup, every record back', async ({ page }) => {
  const title = readNews('002').split('\n')[0]!.trim();
  await openApp(page);
  await importThroughPicker(page, NEWS_FILES);
  await openDocument(page, title);
  await dragSelect(page, 'غسان سلامة');
  await page.keyboard.press('1');
  await dragSelect(page, 'الأمم المتحدة');
  await page.keyboard.press('2');
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  await expect(page.getByRole('status', { name: 'Backup' })).toHaveText(/^Backed up /);
  // The backup takes each write in within a second (it batches what comes close together).
  await expect.poll(() => backedUp(page), { timeout: 3000 }).toEqual({ documents: NEWS_FILES.length, annotations: 2, entities: 0, schemas: 0 });
  const before = await dumpTables(page);
  expect(before.documents).toHaveLength(NEWS_FILES.length);
  expect(before.annotations).toHaveLength(2);

  await loseDatabase(page);
  await page.reload();
  const screen = page.getByRole('alert', { name: 'Your work can be restored' });
  await expect(screen).toBeVisible();
  await expect(screen.getByRole('listitem')).toHaveText([
    `Documents: 0 of ${NEWS_FILES.length}`,
    'Annotations: 0 of 2',
    'The database is older than the backup.',
  ]);
  // The restore button has the focus: Enter restores.
  await expect(screen.getByRole('button', { name: /^Restore from the backup of / })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `Restored ${NEWS_FILES.length} document(s), 2 annotation(s)` })).toBeVisible();

  expect(await dumpTables(page)).toEqual(before);
  await openDocument(page, title);
  await expect.poll(() => listedAnnotations(page)).toEqual(['الأمم المتحدة — Organisation', 'غسان سلامة — Person']);
  await expectPaintedAsStored(page, title);

  // Restored, the workspace is current again: the next start opens it directly.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Import articles…' })).toBeVisible();
  await expect(page.getByRole('alert', { name: 'Your work can be restored' })).toHaveCount(0);
  await openDocument(page, title);
  await expect.poll(() => listedAnnotations(page)).toEqual(['الأمم المتحدة — Organisation', 'غسان سلامة — Person']);
});

test('keeping a workspace that lost records asks first, then the backup follows what is stored', async ({ page }) => {
  await openApp(page);
  await importThroughPicker(page, [newsFile('003')]);
  await expect.poll(() => backedUp(page), { timeout: 3000 }).toEqual({ documents: 1, annotations: 0, entities: 0, schemas: 0 });
  await loseDatabase(page);
  await page.reload();
  const screen = page.getByRole('alert', { name: 'Your work can be restored' });
  page.once('dialog', (d) => void d.dismiss());
  await screen.getByRole('button', { name: 'Keep the workspace as it is' }).click();
  await expect(screen).toBeVisible();
  page.once('dialog', (d) => void d.accept());
  await screen.getByRole('button', { name: 'Keep the workspace as it is' }).click();
  await expect(page.getByRole('button', { name: 'Import articles…' })).toBeVisible();
  // The backup now says what is stored, an empty workspace, and the next start opens it directly.
  expect(await backedUp(page)).toEqual({ documents: 0, annotations: 0, entities: 0, schemas: 0 });
  await page.reload();
  await expect(page.getByRole('button', { name: 'Import articles…' })).toBeVisible();
  await expect(page.getByRole('alert', { name: 'Your work can be restored' })).toHaveCount(0);
});
