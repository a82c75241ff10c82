import { expect, test, type Page } from './fixtures';
import { dragSelect, expectPaintsStored, importThroughPicker, newsFile, openApp, openDocument, paintedLayers, readNews } from './helpers';

// Four seed articles; the first three get a Person on a word of their third non-empty line, the first also a claim
// and a source, so every layer is counted. The fourth is imported later, while another document is open.
const SEEDS = ['001', '002', '003', '004'].map((prefix) => {
  const lines = readNews(prefix)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const words = lines
    .slice(2)
    .join(' ')
    .match(/[\u0621-\u064a]{5,}/g)!;
  return { prefix, title: lines[0]!, word: words[0]!, others: [...new Set(words.slice(1))].filter((w) => !w.includes(words[0]!) && !words[0]!.includes(w)) };
});
const [A, B, C, D] = SEEDS as [(typeof SEEDS)[number], (typeof SEEDS)[number], (typeof SEEDS)[number], (typeof SEEDS)[number]];

async function saved(page: Page): Promise<void> {
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
}

async function mark(page: Page, quote: string, key: string): Promise<void> {
  await dragSelect(page, quote);
  await page.keyboard.press(key);
  await saved(page);
}

test('every open paints exactly the open document’s stored annotations, layer by layer, on every path', async ({ page }) => {
  await openApp(page);
  await importThroughPicker(
    page,
    [A, B, C].map((s) => newsFile(s.prefix)),
  );
  for (const seed of [A, B, C]) {
    await openDocument(page, seed.title);
    await mark(page, seed.word, '1');
    if (seed === A) {
      await mark(page, A.others[0]!, 'c');
      await mark(page, A.others[1]!, 's');
    }
    const stored = await expectPaintsStored(page, seed.title);
    expect(stored.mention).toEqual([seed.word]);
  }
  expect((await paintedLayers(page)).mention).toHaveLength(1);
  await openDocument(page, A.title);
  const onA = await paintedLayers(page);
  expect([onA.mention.length, onA.claim.length, onA.source.length]).toEqual([1, 1, 1]);

  // Revisit each, then switch back and forth: the bug painted nothing on every document opened after the first.
  for (const seed of [A, B, C, A, C, A, B]) await expectPaintsStored(page, seed.title);

  await page.getByRole('button', { name: 'Corpus', exact: true }).click();
  await page.getByRole('button', { name: 'Annotate', exact: true }).click();
  await expectPaintsStored(page, C.title);

  // Undo and redo reach across documents: undoing C's mark while A is open leaves A painted as it is stored.
  await expectPaintsStored(page, A.title);
  await page.keyboard.press('Control+z');
  await saved(page);
  expect((await expectPaintsStored(page, A.title)).claim).toHaveLength(1);
  expect((await expectPaintsStored(page, C.title)).mention).toEqual([]);
  await expectPaintsStored(page, A.title);
  await page.keyboard.press('Control+Shift+z');
  await saved(page);
  await expectPaintsStored(page, A.title);
  expect((await expectPaintsStored(page, C.title)).mention).toEqual([C.word]);

  // An import while a document is open leaves it painted; the new one opens bare.
  await openDocument(page, B.title);
  await importThroughPicker(page, [newsFile(D.prefix)]);
  await expect(page.getByRole('navigation', { name: 'Documents' }).getByRole('button', { name: D.title, exact: true })).toBeVisible();
  await expectPaintsStored(page, B.title);
  expect(await expectPaintsStored(page, D.title)).toEqual({ mention: [], claim: [], source: [], cue: [] });
  await expectPaintsStored(page, B.title);

  await page.reload();
  for (const seed of [B, A, C, D]) await expectPaintsStored(page, seed.title);
});
