import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { exportAs, importAnnotations, listedAnnotations, openDocument } from './helpers';
import { annotateTwoNames, dumpTables, TITLE_002, TWO_NAMES } from './workspace-state';

// TRUST.md F9: an import of 2,000 annotations whose item 1,500 repeats the id of another. The problem names item
// 1,500 by its JSON pointer (and the item it repeats); nothing is stored until the annotator decides, and the import
// button says that it would go on without what was refused.
test('F9: item 1,500 of 2,000 repeats an id: named by pointer, nothing stored, the rest imported only when asked', async ({ page }, info) => {
  await annotateTwoNames(page);
  const exported = JSON.parse(readFileSync(await exportAs(page, /JSON-LD/), 'utf8'));
  const [a, b] = exported.first.items;
  const items = Array.from({ length: 2000 }, (_, i) => ({ ...(i % 2 ? b : a), id: `urn:uuid:10000000-0000-4000-8000-${String(i).padStart(12, '0')}` }));
  items[1499] = { ...items[1499], id: items[2].id };
  exported.first.items = items;
  exported.total = items.length;
  const file = info.outputPath('dupe.jsonld');
  writeFileSync(file, JSON.stringify(exported, null, 2));
  const before = await dumpTables(page);

  const dialog = await importAnnotations(page, /W3C/, file);
  await expect(dialog.getByRole('list', { name: 'Problems found in the files' })).toContainText(
    `is used 2 times in the file (/first/items/2, /first/items/1499); none of them is imported.`,
  );
  await expect(dialog.getByRole('status', { name: 'What the import will do' })).toContainText('1998 new annotation(s)');
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Import without what was refused' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  expect(await dumpTables(page)).toEqual(before);

  await page.reload();
  await openDocument(page, TITLE_002);
  await expect.poll(() => listedAnnotations(page)).toEqual(TWO_NAMES);
});
