import { expect, test } from './fixtures';
import { expectPaintedAsStored, importThroughPicker, listedAnnotations, NEWS_FILES, newsFile, openApp, openDocument } from './helpers';
import { annotateTwoNames, backedUp, clearSiteData, dumpTables, TITLE_002, TWO_NAMES } from './workspace-state';

// TRUST.md F11: a database the browser discards (or that is deleted) must not open as an empty workspace. The
// automatic backup in the Origin Private File System says what the workspace held; the app offers to restore it.

test('a lost database is noticed at start and restored from the automatic backup, every record back', async ({ page }) => {
  await annotateTwoNames(page);
  await expect(page.getByRole('status', { name: 'Backup' })).toHaveText(/^Backed up /);
  // The backup takes each write in within a second (it batches what comes close together).
  await expect.poll(() => backedUp(page), { timeout: 3000 }).toEqual({ documents: NEWS_FILES.length, annotations: 2, entities: 0, schemas: 0 });
  const before = await dumpTables(page);
  expect(before.documents).toHaveLength(NEWS_FILES.length);
  expect(before.annotations).toHaveLength(2);

  await clearSiteData(page, { backup: false });
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
  await openDocument(page, TITLE_002);
  await expect.poll(() => listedAnnotations(page)).toEqual(TWO_NAMES);
  await expectPaintedAsStored(page, TITLE_002);

  // Restored, the workspace is current again: the next start opens it directly.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Import articles…' })).toBeVisible();
  await expect(page.getByRole('alert', { name: 'Your work can be restored' })).toHaveCount(0);
  await openDocument(page, TITLE_002);
  await expect.poll(() => listedAnnotations(page)).toEqual(TWO_NAMES);
});

test('keeping a workspace that lost records asks first, then the backup follows what is stored', async ({ page }) => {
  await openApp(page);
  await importThroughPicker(page, [newsFile('003')]);
  await expect.poll(() => backedUp(page), { timeout: 3000 }).toEqual({ documents: 1, annotations: 0, entities: 0, schemas: 0 });
  await clearSiteData(page, { backup: false });
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
