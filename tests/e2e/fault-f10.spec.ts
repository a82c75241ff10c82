import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './fixtures';
import { dragSelect, importThroughPicker, listedAnnotations, NEWS_FILES, openDocument, readNews, textFile } from './helpers';
import { annotateTwoNames, clearSiteData, dumpTables, TITLE_002, TWO_NAMES } from './workspace-state';

// TRUST.md F10, and issue 12 item 3: "Back up now…" writes the whole workspace to one file (the W3C JSON-LD export,
// which carries every document with its status and metadata, every annotation and KB entity, and the label schema);
// "Restore from backup…" shows what the file holds and asks how to restore before anything changes.

async function backUpNow(page: Page): Promise<Buffer> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Back up now…' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^hamish-backup-\d{4}-\d{2}-\d{2}\.jsonld$/);
  await expect(page.getByRole('status', { name: 'Notice' })).toHaveText(/^Backed up \d+ document\(s\) and \d+ annotation\(s\) to a file\.$/);
  return readFileSync(await file.path());
}

async function restore(page: Page, backup: Buffer, how: 'Replace' | 'Merge', expected: { holds: string; detail: string }) {
  await page.getByRole('button', { name: 'Restore from backup…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore from a backup' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose backup file…' }).click();
  await (await chooser).setFiles({ name: 'hamish-backup.jsonld', mimeType: 'application/ld+json', buffer: backup });
  await expect(dialog.getByRole('status', { name: 'What the import will do' })).toHaveText(expected.holds);
  const choice = dialog.getByRole('radio', { name: how === 'Replace' ? 'Replace the workspace with the backup' : 'Merge the backup into the workspace' });
  await choice.check();
  await expect(choice.locator('xpath=..')).toContainText(expected.detail);
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'Notice' })).toHaveText(/^Restored from hamish-backup\.jsonld: .* Undo takes it back\.$/);
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
}

const HOLDS = `The backup hamish-backup.jsonld holds ${NEWS_FILES.length} document(s), 2 annotation(s) and 0 KB entit(y/ies).`;

test('F10: back up now, clear everything, restore: deep-equal tables and a byte-identical second backup', async ({ page }) => {
  await annotateTwoNames(page);
  const doc = page.getByRole('region', { name: 'Document' });
  await doc.getByLabel('Status').selectOption({ label: 'In progress' });
  await doc.getByLabel('Publisher').fill('الجزيرة نت');
  await doc.getByLabel('Publisher').blur();
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  const before = await dumpTables(page);
  const first = await backUpNow(page);

  await clearSiteData(page, { backup: true });
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Documents' }).getByRole('listitem')).toHaveCount(0);

  await restore(page, first, 'Replace', {
    holds: HOLDS,
    detail: 'What the backup does not hold is removed: 0 document(s), 0 annotation(s), 0 KB entit(y/ies).',
  });
  expect(await dumpTables(page)).toEqual(before);
  await openDocument(page, TITLE_002);
  await expect.poll(() => listedAnnotations(page)).toEqual(TWO_NAMES);
  await expect(page.getByRole('region', { name: 'Document' }).getByLabel('Publisher')).toHaveValue('الجزيرة نت');
  const second = await backUpNow(page);
  expect(second.equals(first), 'the second backup is byte-identical to the first').toBe(true);
});

test('restoring by replacing removes what came after the backup, says how much first, and one undo brings it back', async ({ page }) => {
  await annotateTwoNames(page);
  const before = await dumpTables(page);
  const backup = await backUpNow(page);

  // After the backup: a mark on another article, and one more article.
  const title003 = readNews('003').split('\n')[0]!.trim();
  await openDocument(page, title003);
  await dragSelect(page, 'ستيفاني خوري');
  await page.keyboard.press('1');
  await importThroughPicker(page, [textFile('extra.txt', 'خبر إضافي\nنص الخبر الإضافي')]);
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  const later = await dumpTables(page);
  expect(later.documents).toHaveLength(before.documents!.length + 1);
  expect(later.annotations).toHaveLength(3);

  await restore(page, backup, 'Replace', {
    holds: HOLDS,
    detail: 'What the backup does not hold is removed: 1 document(s), 1 annotation(s), 0 KB entit(y/ies).',
  });
  expect(await dumpTables(page)).toEqual(before);
  await page.keyboard.press('Control+z');
  await expect.poll(() => dumpTables(page)).toEqual(later);
});
