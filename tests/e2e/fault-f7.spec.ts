import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { dragSelect, importThroughPicker, newsFile, openApp, openDocument, readNews } from './helpers';

// TRUST.md F7: a database whose upgrade fails (here a primary key Dexie cannot change) shows what happened and offers
// to save what it still holds, never only "Reload"; the database itself is left as it was.

test('F7: a database that cannot be opened offers "Save what is readable", and the file holds the work', async ({ page }) => {
  const title = readNews('002').split('\n')[0]!.trim();
  await openApp(page);
  await importThroughPicker(page, [newsFile('002')]);
  await openDocument(page, title);
  await dragSelect(page, 'غسان سلامة');
  await page.keyboard.press('1');
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');

  // The database as an older build with another primary key for documents would have left it (v4, keyed by "uid"):
  // Dexie cannot change a primary key in an upgrade, so the v5 upgrade fails and the database cannot be opened.
  await page.evaluate(async () => {
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const db = await request(indexedDB.open('hamish'));
    const documents = await request(db.transaction('documents').objectStore('documents').getAll());
    const annotations = await request(db.transaction('annotations').objectStore('annotations').getAll());
    db.close();
    await request(indexedDB.deleteDatabase('hamish'));
    const open = indexedDB.open('hamish', 40);
    open.onupgradeneeded = () => {
      const d = open.result.createObjectStore('documents', { keyPath: 'uid' });
      for (const doc of documents) d.put({ ...doc, uid: doc.id });
      const a = open.result.createObjectStore('annotations', { keyPath: 'id' });
      for (const ann of annotations) a.put(ann);
      for (const name of ['entities', 'schemas']) open.result.createObjectStore(name, { keyPath: 'id' });
      open.result.createObjectStore('packs', { keyPath: 'documentId' });
    };
    (await request(open)).close();
  });
  await page.reload();
  const screen = page.getByRole('alert', { name: 'Hamish could not open its database' });
  await expect(screen).toBeVisible();
  await expect(screen.getByRole('button', { name: 'Save what is readable…' })).toBeFocused();
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const file = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as Record<string, unknown>;
  await expect(screen.getByRole('status')).toHaveText('Saved 1 document(s), 1 annotation(s) and 0 KB entit(y/ies) as W3C JSON-LD.');
  // Nothing was changed or deleted: the database is still the old one, with its records.
  expect(await page.evaluate(async () => (await indexedDB.databases()).find((d) => d.name === 'hamish')?.version)).toBe(40);
  const text = JSON.stringify(file);
  expect(text).toContain(title);
  expect(text).toContain('"exact":"غسان سلامة"');
});
