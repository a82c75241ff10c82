import { expect, test } from './fixtures';
import { importThroughPicker, newsFile, openApp, openDocument, readNews } from './helpers';

// TRUST.md F5: window A has typed text not yet saved when window B opens a newer schema. A shows "reload needed"
// and loses nothing (the text is written before A's connection closes), no raw error reaches its screen, and B's
// upgrade completes within 5 s.

const TITLE = readNews('003').split('\n')[0]!.trim();
const TYPED = 'وكالة الأنباء الليبية';

test('F5: another window’s upgrade while a field is being typed: the text is written, A asks to reload, B upgrades at once', async ({ page, context }) => {
  await openApp(page);
  await importThroughPicker(page, [newsFile('003')]);
  await openDocument(page, TITLE);
  const publisher = page.getByRole('region', { name: 'Document' }).getByRole('textbox', { name: 'Publisher' });
  await publisher.click();
  await page.keyboard.type(TYPED, { delay: 5 });
  // Typed, not yet handed over (the field waits 300 ms after the last key).
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Not saved yet…', { timeout: 200 });

  // Window B, same origin, opens the database at a newer version (what a newer Hamish would do).
  const other = await context.newPage();
  await other.goto('/favicon.png');
  const upgrade = await other.evaluate(
    () =>
      new Promise<{ ms: number; stored: string }>((resolve, reject) => {
        const t0 = performance.now();
        const open = indexedDB.open('hamish', 1000);
        open.onupgradeneeded = () => {};
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const ms = performance.now() - t0;
          const read = open.result.transaction('documents').objectStore('documents').getAll();
          read.onsuccess = () => {
            open.result.close();
            resolve({ ms, stored: JSON.stringify(read.result) });
          };
        };
      }),
  );
  expect(upgrade.ms).toBeLessThan(5000);
  // What was typed reached the database before A let go of it.
  expect(upgrade.stored).toContain(TYPED);

  await expect(page.getByRole('alert')).toContainText('Hamish was updated in another window. Reload this one to go on');
  await expect(publisher).toHaveValue(TYPED);
  await expect(page.getByRole('status', { name: 'Save state' })).not.toContainText('Not saved');
  expect(await page.locator('body').innerText()).not.toMatch(/DatabaseClosedError|Error:/);
  // The workspace is inert until the reload: keys typed now go nowhere, so nothing is typed into a closed database.
  await page.keyboard.type(' زيادة');
  await expect(publisher).toHaveValue(TYPED);
  // Nor do shortcuts: Ctrl+Z would take the typed text back, in a database that is closing.
  await page.keyboard.press('Control+z');
  await page.waitForTimeout(300);
  await expect(publisher).toHaveValue(TYPED);
  await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
});
