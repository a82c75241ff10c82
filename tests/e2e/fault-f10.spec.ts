import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { exportAs, listedAnnotations, NEWS_FILES, openDocument } from './helpers';
import { annotateTwoNames, clearSiteData, dumpTables, TITLE_002, TWO_NAMES } from './workspace-state';

// TRUST.md F10: a backup by hand (the W3C JSON-LD export, which carries every document with its status and metadata,
// every annotation and KB entity, and the label schema) → the site's data cleared → restored by importing it → a
// second backup: the tables are deep-equal and the second file is byte-identical to the first.

test('F10: back up by hand, clear everything, restore from the file: deep-equal tables and a byte-identical second backup', async ({ page }) => {
  await annotateTwoNames(page);
  const doc = page.getByRole('region', { name: 'Document' });
  await doc.getByLabel('Status').selectOption({ label: 'In progress' });
  await doc.getByLabel('Publisher').fill('الجزيرة نت');
  await doc.getByLabel('Publisher').blur();
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  // The schema table is left out: the import stores the label schema the file brought (the default) where the
  // workspace had stored none.
  const before = await dumpTables(page, ['documents', 'annotations', 'entities']);
  const first = readFileSync(await exportAs(page, /W3C/));

  await clearSiteData(page, { backup: true });
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

  expect(await dumpTables(page, ['documents', 'annotations', 'entities'])).toEqual(before);
  await openDocument(page, TITLE_002);
  await expect.poll(() => listedAnnotations(page)).toEqual(TWO_NAMES);
  await expect(page.getByRole('region', { name: 'Document' }).getByLabel('Publisher')).toHaveValue('الجزيرة نت');
  const second = readFileSync(await exportAs(page, /W3C/));
  expect(second.equals(first), 'the second backup is byte-identical to the first').toBe(true);
});
