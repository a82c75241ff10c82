import { expect, test, type Page } from '@playwright/test';
import { dragSelect, importThroughPicker, newsFile, openApp, openDocument, readNews } from './helpers';

// Three seed articles; in each, one word of its third non-empty line is marked as a Person.
const SEEDS = ['001', '002', '003'].map((prefix) => {
  const lines = readNews(prefix).split('\n').map((l) => l.trim()).filter(Boolean);
  const word = lines.slice(2).join(' ').match(/[\u0621-\u064a]{5,}/)![0];
  return { prefix, title: lines[0]!, word };
});

/** Every range the reader registered in the entity layers, as the text it covers. */
async function paintedMentions(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    CSS.highlights.forEach((h, name) => {
      if (String(name).startsWith('hamish-mention-')) for (const r of h as unknown as Set<Range>) out.push(r.toString());
    });
    return out;
  });
}

async function expectPainted(page: Page, seed: (typeof SEEDS)[number]): Promise<void> {
  await openDocument(page, seed.title);
  await expect.poll(() => paintedMentions(page), { message: `highlights of «${seed.title}»` }).toEqual([seed.word]);
}

test('every open paints the open document’s highlights: first open, revisit, back and forth, after the corpus view and a reload', async ({ page }) => {
  await openApp(page);
  await importThroughPicker(page, SEEDS.map((s) => newsFile(s.prefix)));
  for (const seed of SEEDS) {
    await openDocument(page, seed.title);
    await dragSelect(page, seed.word);
    await page.keyboard.press('1');
    await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
    await expect.poll(() => paintedMentions(page)).toEqual([seed.word]);
  }
  // Revisit each, then switch back and forth: the bug painted nothing on every document opened after the first.
  for (const seed of [...SEEDS, SEEDS[0]!, SEEDS[2]!, SEEDS[0]!, SEEDS[1]!]) await expectPainted(page, seed);

  await page.getByRole('button', { name: 'Corpus', exact: true }).click();
  await page.getByRole('button', { name: 'Annotate', exact: true }).click();
  await expectPainted(page, SEEDS[2]!);

  await page.reload();
  await expectPainted(page, SEEDS[1]!);
  await expectPainted(page, SEEDS[0]!);
});
