import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { dragSelect, exportAs, importThroughPicker, listedAnnotations, NEWS_FILES, openApp, openDocument, readNews } from './helpers';

// TRUST.md F10: a backup by hand (the W3C JSON-LD export, which carries every document with its status and metadata,
// every annotation and KB entity, and the label schema) → the site's data cleared → restored by importing it → a
// second backup: the tables are deep-equal and the second file is byte-identical to the first.

const TITLE = readNews('002').split('\n')[0]!.trim();

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
    const out = { documents: await all('documents'), annotations: await all('annotations'), entities: await all('entities') };
    db.close();
    return out;
  });
}

test('F10: back up by hand, clear everything, restore from the file: deep-equal tables and a byte-identical second backup', async ({ page }) => {
  await openApp(page);
  await importThroughPicker(page, NEWS_FILES);
  await openDocument(page, TITLE);
  await dragSelect(page, 'غسان سلامة');
  await page.keyboard.press('1');
  await dragSelect(page, 'الأمم المتحدة');
  await page.keyboard.press('2');
  const doc = page.getByRole('region', { name: 'Document' });
  await doc.getByLabel('Status').selectOption({ label: 'In progress' });
  await doc.getByLabel('Publisher').fill('الجزيرة نت');
  await doc.getByLabel('Publisher').blur();
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  const before = await dumpTables(page);
  const first = readFileSync(await exportAs(page, /W3C/));

  await page.evaluate(async () => {
    await new Promise((r) => {
      const req = indexedDB.deleteDatabase('hamish');
      req.onsuccess = req.onerror = req.onblocked = r;
    });
    await (await navigator.storage.getDirectory()).removeEntry('backups', { recursive: true });
  });
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Documents' }).getByRole('listitem')).toHaveCount(0);

  await page.getByRole('button', { name: 'Import annotations…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import annotations' });
  await dialog.getByRole('radio', { name: /W3C/ }).check();
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose files…' }).click();
  await (await chooser).setFiles({ name: 'hamish-backup.jsonld', mimeType: 'application/ld+json', buffer: first });
  await expect(dialog.getByRole('status', { name: 'What the import will do' })).toContainText(`${NEWS_FILES.length} new document(s)`);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');

  expect(await dumpTables(page)).toEqual(before);
  await openDocument(page, TITLE);
  await expect.poll(() => listedAnnotations(page)).toEqual(['الأمم المتحدة — Organisation', 'غسان سلامة — Person']);
  await expect(page.getByRole('region', { name: 'Document' }).getByLabel('Publisher')).toHaveValue('الجزيرة نت');
  const second = readFileSync(await exportAs(page, /W3C/));
  expect(second.equals(first), 'the second backup is byte-identical to the first').toBe(true);
});
