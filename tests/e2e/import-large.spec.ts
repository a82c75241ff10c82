import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { exportAs, importAnnotations, listedAnnotations, openApp, openDocument } from './helpers';
import { annotateTwoNames, TITLE_002, TWO_NAMES } from './workspace-state';

// Issue 12: a W3C file is read in a worker a megabyte at a time, and says how far it is; Cancel stops it and
// leaves the workspace as it was.
test('a large W3C import shows how much is read, and Cancel stops it with nothing stored', async ({ page }, info) => {
  test.setTimeout(120_000);
  await openApp(page);
  await annotateTwoNames(page);
  const exported = JSON.parse(readFileSync(await exportAs(page, /JSON-LD/), 'utf8'));
  // The two annotations many times over, each with its own id: about 60 MB.
  const [a, b] = exported.first.items;
  const items = Array.from({ length: 40_000 }, (_, i) => ({ ...(i % 2 ? b : a), id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }));
  exported.first.items = items;
  exported.total = items.length;
  const big = info.outputPath('big.jsonld');
  writeFileSync(big, JSON.stringify(exported, null, 2));

  const dialog = await importAnnotations(page, /W3C/, big);

  const progress = dialog.getByRole('progressbar', { name: 'Import progress' });
  await expect(dialog.getByRole('status', { name: 'Import progress' })).toContainText(/Reading and checking the files… \d+% read/);
  await expect.poll(async () => Number(await progress.getAttribute('value'))).toBeGreaterThan(0);
  await dialog.getByRole('button', { name: 'Cancel import' }).click();
  await expect(progress).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Choose files…' })).toBeEnabled();
  // Longer than the whole read takes: a worker left running would have posted its plan by now.
  await page.waitForTimeout(5000);
  await expect(dialog.getByRole('status', { name: 'What the import will do' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();

  await page.reload();
  await openDocument(page, TITLE_002);
  await expect.poll(() => listedAnnotations(page)).toEqual(TWO_NAMES);
});
