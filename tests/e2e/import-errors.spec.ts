import { expect, test } from './fixtures';
import { importThroughPicker, listedAnnotations, newsFile, openDocument, readNews, dragSelect, storedText, textFile, openApp } from './helpers';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

test('bad files are refused one by one, good files of the same import still import, stored work is untouched', async ({ page }) => {
  await openApp(page);
  await importThroughPicker(page, [newsFile('002')]);
  const title = readNews('002').split('\n')[0]!.trim();
  await openDocument(page, title);
  await dragSelect(page, 'ستيفان دوجاريك');
  await page.keyboard.press('1');
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');

  const arabic = Buffer.from('خبر عاجل\nنص الخبر', 'utf8');
  const invalid = Buffer.concat([arabic, Buffer.from([0xc3, 0x28]), Buffer.from(' بقية', 'utf8')]);
  await importThroughPicker(page, [
    textFile('empty.txt', ''),
    textFile('picture.txt', PNG),
    textFile('broken.txt', invalid),
    textFile('huge.txt', new Uint8Array(20 * 1024 * 1024).fill(0x61)),
    textFile('again.txt', readNews('002')),
    textFile('003.txt', readNews('003')),
  ]);

  const alert = page.getByRole('alert', { name: 'Import problems' });
  await expect(alert.getByRole('listitem')).toHaveText([
    'empty.txt: the file is empty (no text to annotate).',
    'picture.txt: this is a PNG image, not a UTF-8 text article.',
    `broken.txt: not valid UTF-8 at byte ${arabic.length} (invalid multi-byte sequence); save it as UTF-8 and import it again.`,
    'huge.txt: 20.0 MB is larger than the 10.0 MB limit for one article; split it into articles.',
    `again.txt: already in the corpus as «${title}» (same text); not imported again.`,
  ]);
  await expect(page.getByRole('status', { name: 'Notice' })).toHaveText('Imported 1 of 6 files.');
  await expect(page.getByRole('navigation', { name: 'Documents' }).getByRole('button')).toHaveCount(2);

  await page.reload();
  await openDocument(page, title);
  await expect.poll(() => listedAnnotations(page)).toEqual(['ستيفان دوجاريك — Person']);
});

test('articles dropped on the window are imported, with CRLF and BOM made canonical', async ({ page }) => {
  await openApp(page);
  const crlf = `\ufeff${readNews('004').replace(/\n/g, '\r\n')}`;
  await page.evaluate((content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], 'dropped.txt', { type: 'text/plain' }));
    document.querySelector('.app')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, crlf);
  await expect(page.getByRole('status', { name: 'Notice' })).toHaveText('Imported 1 of 1 file.');
  await openDocument(page, 'عالمي');
  // Stored canonical (LF, no BOM), and the article shows it from its first line.
  expect(await storedText(page, 'عالمي')).toBe(readNews('004'));
  const shown = await page.getByRole('article').evaluate((el) => [...el.querySelectorAll('p')].map((p) => p.textContent).join('\n'));
  expect(shown.length).toBeGreaterThan(200);
  expect(readNews('004').startsWith(shown)).toBe(true);

  // The same text with LF endings and no BOM is the same document.
  await importThroughPicker(page, [newsFile('004')]);
  await expect(page.getByRole('alert', { name: 'Import problems' })).toContainText('already in the corpus');
});
