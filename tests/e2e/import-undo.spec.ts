import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './fixtures';
import { importThroughPicker, NEWS_FILES, openApp } from './helpers';

const TITLES = NEWS_FILES.map((f) =>
  readFileSync(f, 'utf8')
    .split('\n')
    .find((l) => l.trim())!
    .trim(),
);

/** The titles the document list shows, sorted (one import's articles share their import time, so their order is open). */
const listedTitles = async (page: Page) => (await page.getByRole('navigation', { name: 'Documents' }).getByRole('listitem').allInnerTexts()).sort();
const saved = (page: Page) => expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');

test('an article import is one undo step: Ctrl+Z takes all five back, Ctrl+Shift+Z returns them, a reload keeps them', async ({ page }) => {
  await openApp(page);
  await importThroughPicker(page, NEWS_FILES);
  await expect(page.getByRole('status', { name: 'Notice' })).toHaveText('Imported 5 of 5 files.');
  await expect.poll(() => listedTitles(page)).toEqual([...TITLES].sort());
  // The first article opens, as it did before imports could be undone.
  await expect(page.getByRole('article', { name: `Article: ${TITLES[0]}` })).toBeVisible();
  await saved(page);

  await page.keyboard.press('Control+z');
  await expect(page.getByRole('navigation', { name: 'Documents' })).toContainText('Import .txt articles with the Import button');
  await expect.poll(() => listedTitles(page)).toEqual([]);
  await expect(page.getByText('Open a document from the list.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await saved(page);

  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => listedTitles(page)).toEqual([...TITLES].sort());
  await saved(page);
  // Ctrl+Y redoes too.
  await page.keyboard.press('Control+z');
  await expect.poll(() => listedTitles(page)).toEqual([]);
  await page.keyboard.press('Control+y');
  await expect.poll(() => listedTitles(page)).toEqual([...TITLES].sort());
  await saved(page);

  await page.reload();
  await expect(page.getByRole('button', { name: 'Import articles…' })).toBeVisible();
  await expect.poll(() => listedTitles(page)).toEqual([...TITLES].sort());
  // The reloaded window has no history to undo: the import is kept.
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});
