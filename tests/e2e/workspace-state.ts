// What the browser tests of backups and faults share: a small annotated workspace, the stored tables read with the
// bare IndexedDB API (no app code), what the automatic backup says, and clearing the site's data.
import { expect, type Page } from '@playwright/test';
import { dragSelect, importThroughPicker, NEWS_FILES, openApp, openDocument, readNews } from './helpers';

export const TITLE_002 = readNews('002').split('\n')[0]!.trim();
/** The two marks `annotateTwoNames` makes, as the panel lists them (text order). */
export const TWO_NAMES = ['الأمم المتحدة — Organisation', 'غسان سلامة — Person'];

/** Import the five news articles and mark two names in article 002, by mouse and keys; until "Saved". */
export async function annotateTwoNames(page: Page): Promise<void> {
  await openApp(page);
  await importThroughPicker(page, NEWS_FILES);
  await openDocument(page, TITLE_002);
  await dragSelect(page, 'غسان سلامة');
  await page.keyboard.press('1');
  await dragSelect(page, 'الأمم المتحدة');
  await page.keyboard.press('2');
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
}

const TABLES = ['documents', 'annotations', 'entities', 'schemas'] as const;

/** Every record of the workspace's tables (all four unless named), in id order. */
export function dumpTables(page: Page, tables: readonly (typeof TABLES)[number][] = TABLES) {
  return page.evaluate(async (tables) => {
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
    const out: Record<string, { id: string }[]> = {};
    for (const t of tables) out[t] = await all(t);
    db.close();
    return out;
  }, tables);
}

/** How many records a table holds, counted with the bare IndexedDB API (no app code). */
export function storedCount(page: Page, table: (typeof TABLES)[number]): Promise<number> {
  return page.evaluate(
    (table) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('hamish');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction(table).objectStore(table).count();
          count.onsuccess = () => {
            open.result.close();
            resolve(count.result);
          };
          count.onerror = () => reject(count.error);
        };
      }),
    table,
  );
}

/** How many records of each table the automatic backup's manifest (Origin Private File System) says there are. */
export function backedUp(page: Page) {
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

/**
 * Delete the database from under the app, as a browser that discards a profile's IndexedDB does; with `backup`,
 * the automatic backup too, as clearing the site's data does.
 */
export async function clearSiteData(page: Page, { backup }: { backup: boolean }): Promise<void> {
  await page.evaluate(async (backup) => {
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.deleteDatabase('hamish');
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error);
    });
    if (backup) await (await navigator.storage.getDirectory()).removeEntry('backups', { recursive: true });
  }, backup);
}
