import { expect, test } from './fixtures';
import { dragSelect, importThroughPicker, listedAnnotations, newsFile, openDocument, readNews, openApp } from './helpers';

test('a newer database version opened elsewhere makes this window ask to reload, and nothing saved is lost', async ({ page, context }) => {
  const title = readNews('002').split('\n')[0]!.trim();
  await openApp(page);
  await importThroughPicker(page, [newsFile('002')]);
  await openDocument(page, title);
  await dragSelect(page, 'غسان سلامة', 0);
  await page.keyboard.press('1');
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');

  // Another window of the same origin opens the database one version up (what a newer Hamish would do).
  const other = await context.newPage();
  await other.goto('/');
  await other.evaluate(async () => {
    const dbs = await indexedDB.databases();
    const current = dbs.find((d) => d.name === 'hamish')!.version!;
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('hamish', current + 1);
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
      req.onerror = () => reject(req.error);
    });
  });
  await expect(page.getByRole('alert').filter({ hasText: 'updated in another window' })).toBeVisible();
  await other.close();

  await page.getByRole('button', { name: 'Reload' }).click();
  await openDocument(page, title);
  await expect.poll(() => listedAnnotations(page)).toEqual(['غسان سلامة — Person']);
});

test('work survives a reload right after "Saved"', async ({ page }) => {
  const title = readNews('003').split('\n')[0]!.trim();
  await openApp(page);
  await importThroughPicker(page, [newsFile('003')]);
  await openDocument(page, title);
  await dragSelect(page, 'مصطفى مهراج', 0);
  await page.keyboard.press('1');
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  await page.reload();
  await openDocument(page, title);
  await expect.poll(() => listedAnnotations(page)).toEqual(['مصطفى مهراج — Person']);
});
