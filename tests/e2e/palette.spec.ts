import { expect, test, type Page, type TestInfo } from './fixtures';
import { DEFAULT_LABEL_SCHEMA } from '../../shared/model/label-schema';
import { boxOf, decodePng, dragSelect, importThroughPicker, newsFile, openApp, openDocument, readNews } from './helpers';

const TITLE = readNews('001').split('\n')[0]!.trim();
const WORD = 'موسكو';

test.beforeEach(async ({ page }) => {
  await openApp(page);
  await importThroughPicker(page, [newsFile('001')]);
  await openDocument(page, TITLE);
});

/** Screenshot the word's box, attach it, and return its pixels as [r, g, b]. */
async function pixelsOf(page: Page, testInfo: TestInfo, name: string, quote: string): Promise<[number, number, number][]> {
  const clip = await boxOf(page, quote);
  const png = await page.screenshot({ clip });
  await testInfo.attach(name, { body: png, contentType: 'image/png' });
  const data = await decodePng(page, png);
  const out: [number, number, number][] = [];
  for (let i = 0; i < data.length; i += 4) out.push([data[i]!, data[i + 1]!, data[i + 2]!]);
  return out;
}

const hex = (c: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)) as [number, number, number];
const near = (p: [number, number, number], q: [number, number, number], tolerance: number) => p.every((v, i) => Math.abs(v - q[i]!) <= tolerance);

test('the legend lists every label of every layer, with its digit, always in view', async ({ page }) => {
  const legend = page.getByRole('group', { name: 'Legend' });
  await expect(legend).toBeVisible();
  const layers = [
    ['Entity', DEFAULT_LABEL_SCHEMA.entityTypes],
    ['Claim (C)', DEFAULT_LABEL_SCHEMA.claimStances],
    ['Source (S)', DEFAULT_LABEL_SCHEMA.sourceTypes],
  ] as const;
  for (const [layer, defs] of layers) {
    const list = legend.getByRole('list', { name: layer });
    await expect(list.getByRole('listitem')).toHaveText(defs.map((d) => `${d.key}${d.nameEn}`));
  }
  // Full contrast: nothing in the legend is faded.
  expect(await legend.evaluate((el) => [el, ...el.querySelectorAll('*')].map((e) => getComputedStyle(e).opacity).filter((o) => o !== '1'))).toEqual([]);
  // Scrolled to the article's end, the legend is still at the top of the reader.
  const reader = page.getByRole('region', { name: 'Reader' });
  await reader.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  const [paneTop, legendTop] = [(await reader.boundingBox())!.y, (await legend.boundingBox())!.y];
  // (The legend sits in the reader's sticky head, inside its padding.)
  expect(legendTop - paneTop).toBeGreaterThanOrEqual(0);
  expect(legendTop - paneTop).toBeLessThanOrEqual(8);
  await expect(legend).toBeInViewport();

  // The label buttons are at full contrast even with nothing selected, and still disabled.
  const person = page.getByRole('region', { name: 'Label the selection' }).getByRole('button', { name: /Person/ });
  await expect(person).toBeDisabled();
  expect(await person.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
});

test('a Person mark is painted in its fill, and the pending selection is inverted (dark)', async ({ page }, testInfo) => {
  await dragSelect(page, WORD);
  const pending = await pixelsOf(page, testInfo, 'pending-selection.png', WORD);
  const dark = pending.filter(([r, g, b]) => r + g + b < 3 * 80).length / pending.length;
  expect(dark, 'share of the pending selection that is dark').toBeGreaterThan(0.5);

  await page.keyboard.press('1');
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  await page.mouse.click(5, 5); // away from the article: nothing pending, nothing focused over the word
  const fill = hex(DEFAULT_LABEL_SCHEMA.entityTypes.find((d) => d.id === 'person')!.color);
  const marked = await pixelsOf(page, testInfo, 'person-mark.png', WORD);
  const share = marked.filter((p) => near(p, fill, 12)).length / marked.length;
  expect(share, 'share of the word painted in the Person fill').toBeGreaterThan(0.5);
});

test('a claim and a source on the same word show both marks', async ({ page }, testInfo) => {
  await dragSelect(page, WORD);
  await page.keyboard.press('c');
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  await page.keyboard.press('Escape');
  await dragSelect(page, WORD);
  await page.keyboard.press('s');
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  await page.keyboard.press('Escape');
  await page.mouse.click(5, 5);
  const box = await boxOf(page, WORD);
  // The word's line and a little below: the underlines sit under the words.
  const clip = { x: box.x - 4, y: box.y, width: box.width + 8, height: box.height + 14 };
  const png = await page.screenshot({ clip });
  await testInfo.attach('claim-and-source.png', { body: png, contentType: 'image/png' });
  const data = await decodePng(page, png);
  const width = Math.round(clip.width * (await page.evaluate(() => devicePixelRatio)));
  /** How many pixels are near a colour, and their mean row. */
  const find = (c: string) => {
    const q = hex(c);
    let n = 0;
    let rows = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (near([data[i]!, data[i + 1]!, data[i + 2]!], q, 40)) {
        n++;
        rows += Math.floor(i / 4 / width);
      }
    }
    return { n, row: rows / Math.max(n, 1) };
  };
  const claim = find(DEFAULT_LABEL_SCHEMA.claimStances[0]!.color);
  const source = find(DEFAULT_LABEL_SCHEMA.sourceTypes[0]!.color);
  expect(claim.n, 'pixels of the claim underline').toBeGreaterThan(box.width);
  expect(source.n, "pixels of the source's wavy underline").toBeGreaterThan(box.width);
  // Two marks, not one on top of the other: the straight line sits under the word, the wavy one below it.
  expect(source.row - claim.row).toBeGreaterThan(3);
});
