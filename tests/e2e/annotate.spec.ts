import { expect, test } from './fixtures';
import { dragSelect, importThroughPicker, listedAnnotations, newsFile, openDocument, paintedText, readNews, openApp } from './helpers';

const TITLE = readNews('001').split('\n')[0]!.trim();

test.beforeEach(async ({ page }) => {
  await openApp(page);
  await importThroughPicker(page, [newsFile('001')]);
  await openDocument(page, TITLE);
});

test('a mixed Latin line, a clitic and Alt for exact characters', async ({ page }) => {
  // Latin inside the RTL article: the caption line «… REUTERS/Esam Omran Al-Fetori».
  await dragSelect(page, 'EUTERS');
  await page.keyboard.press('2');
  // «لحفتر» in the title: a drag over «حفتر» keeps the proclitic ل outside the mention.
  await dragSelect(page, 'حفتر', 0);
  await page.keyboard.press('1');
  // Alt keeps a part of a word: «مسماري» of «المسماري».
  await dragSelect(page, 'مسماري', 0, { alt: true });
  await page.keyboard.press('1');
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  expect(await listedAnnotations(page)).toEqual(['حفتر — Person', 'REUTERS — Organisation', 'مسماري — Person']);
  expect(await paintedText(page, 'organisation')).toEqual(['REUTERS']);
  expect(await paintedText(page, 'person')).toEqual(['حفتر', 'مسماري']);
});

test('the panel reveals, deletes with the Delete key, and undo/redo restore', async ({ page }) => {
  await dragSelect(page, 'غسان سلامة', 1);
  await page.keyboard.press('1');
  await dragSelect(page, 'موسكو', 0);
  await page.keyboard.press('3');
  expect(await listedAnnotations(page)).toEqual(['موسكو — Location', 'غسان سلامة — Person']);

  const item = page.getByRole('button', { name: 'غسان سلامة — Person' });
  await page.getByRole('region', { name: 'Reader' }).evaluate((el) => el.scrollTo(0, 0));
  await item.click();
  expect(await page.evaluate(() => [...(CSS.highlights.get('hamish-flash') as unknown as Set<Range>)].map((r) => r.toString()))).toEqual(['غسان سلامة']);
  await item.press('Delete');
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  expect(await listedAnnotations(page)).toEqual(['موسكو — Location']);

  await page.keyboard.press('Control+z');
  await expect.poll(() => listedAnnotations(page)).toEqual(['موسكو — Location', 'غسان سلامة — Person']);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => listedAnnotations(page)).toEqual(['موسكو — Location']);
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');

  await page.reload();
  await openDocument(page, TITLE);
  await expect.poll(() => listedAnnotations(page)).toEqual(['موسكو — Location', 'غسان سلامة — Person']);
});

test('keyboard only: focus the article, grow the selection word by word, label it', async ({ page }) => {
  await page.getByRole('article').focus();
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByRole('region', { name: 'Label the selection' })).toContainText('«اجتماع بلندن»');
  await page.keyboard.press('5');
  // The panel's list follows the highlight by a frame (ui/after-paint.ts).
  await expect.poll(() => listedAnnotations(page)).toEqual(['اجتماع بلندن — Event']);
});
