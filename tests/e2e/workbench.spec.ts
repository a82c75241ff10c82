import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './fixtures';
import { clickInside, dragSelect, importThroughPicker, listedAnnotations, NEWS_FILES, newsFile, openDocument, readNews, openApp, exportAs } from './helpers';

const TITLE_002 = readNews('002').split('\n')[0]!.trim();
const TITLE_001 = readNews('001').split('\n')[0]!.trim();
const TITLE_003 = readNews('003').split('\n')[0]!.trim();
const TITLE_004 = readNews('004')
  .split('\n')
  .find((l) => l.trim())!
  .trim();

const saved = (page: Page) => expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
const editor = (page: Page) => page.getByRole('region', { name: 'Focused annotation' });

/** Drag over the n-th occurrence of a quote and press a key, as an annotator does. */
async function mark(page: Page, quote: string, occurrence: number, key: string) {
  await dragSelect(page, quote, occurrence);
  await page.keyboard.press(key);
}

// Every person and organisation of article 002, by the quote the annotator drags over and its occurrence.
const PEOPLE_002: Array<[string, number]> = [
  ['ستيفان دوجاريك', 0],
  ['دوجاريك', 1],
  ['غسان سلامة', 0],
  ['خليفة حفتر', 0],
  ['فايز السرّاج', 0],
  ['خليفة حفتر', 1],
  ['سيرجي لافروف', 0],
  ['لافروف', 1],
  ['خليفة حفتر', 2],
  ['السراج', 0],
];
const ORGS_002: Array<[string, number, string]> = [
  // [what to drag over, occurrence, the quote after word snapping]; «للأمم» and «للجيش» fuse ل with the article,
  // so those mentions keep the whole word.
  ['الأمم المتحدة', 0, 'الأمم المتحدة'],
  ['الأمم المتحدة', 1, 'الأمم المتحدة'],
  ['بعثة الأمم المتحدة للدعم في ليبيا', 0, 'بعثة الأمم المتحدة للدعم في ليبيا'],
  ['للأمم المتحدة', 0, 'للأمم المتحدة'],
  ['للجيش الليبي', 0, 'للجيش الليبي'],
  ['حكومة ما تسمى بالوفاق الوطني', 0, 'حكومة ما تسمى بالوفاق الوطني'],
  ['الجيش الليبي', 0, 'الجيش الليبي'],
  ['الجيش الليبي', 1, 'الجيش الليبي'],
  ['حكومة الوفاق', 0, 'حكومة الوفاق'],
  ['للجيش الليبي', 1, 'للجيش الليبي'],
  ['الجيش الليبي', 2, 'الجيش الليبي'],
  ['الجيش الليبي', 3, 'الجيش الليبي'],
];
const CLAIM = 'هناك حاجة إلى "مراقبة محايدة"';

test('annotate article 002 completely by mouse and keyboard; relations survive reload; a relink undoes and redoes', async ({ page }) => {
  await openApp(page);
  await importThroughPicker(page, [newsFile('002')]);
  await openDocument(page, TITLE_002);

  for (const [quote, n] of PEOPLE_002) await mark(page, quote, n, '1');
  for (const [quote, n] of ORGS_002) await mark(page, quote, n, '2');
  await saved(page);

  // The claim: select it, C; link mode (L), click the claimant's highlight; L again, select the cue, Enter.
  await dragSelect(page, CLAIM, 0);
  await page.keyboard.press('c');
  await expect(editor(page)).toContainText('Claim');
  await page.keyboard.press('l');
  await expect(page.getByText('Link mode:')).toBeVisible();
  await clickInside(page, 'ستيفان دوجاريك', 0);
  await expect(editor(page).getByLabel('Claimant')).toHaveValue(/^m:/);
  // Link mode stays on: the cue follows without pressing L again.
  await expect(page.getByText('Link mode:')).toBeVisible();
  await dragSelect(page, 'قال', 0);
  await page.keyboard.press('Enter');
  await expect(editor(page).getByLabel('Cue', { exact: true })).toHaveText('قال');
  await saved(page);
  // Focused claim: its claimant and cue are drawn as links.
  await expect(page.locator('svg.overlay .link')).toHaveCount(2);
  await page.keyboard.press('Escape');
  await expect(page.getByText('Link mode:')).toBeHidden();

  const expected = [...PEOPLE_002.map(([q]) => `${q} — Person`), ...ORGS_002.map(([, , q]) => `${q} — Organisation`), `${CLAIM} — Claim (Asserted)`].sort();
  expect((await listedAnnotations(page)).sort()).toEqual(expected);

  await page.reload();
  await openDocument(page, TITLE_002);
  await expect.poll(async () => (await listedAnnotations(page)).sort()).toEqual(expected);
  await page.getByRole('button', { name: `${CLAIM} — Claim (Asserted)` }).click();
  const claimant = editor(page).getByLabel('Claimant');
  await expect(claimant.locator('option:checked')).toHaveText('ستيفان دوجاريك');
  await expect(editor(page).getByLabel('Cue', { exact: true })).toHaveText('قال');

  // Relink the claimant to «دوجاريك» (line 4), then undo and redo it.
  const second = await claimant.locator('option', { hasText: /^دوجاريك$/ }).getAttribute('value');
  await claimant.selectOption(second!);
  await saved(page);
  await page.keyboard.press('Control+z');
  await expect(claimant.locator('option:checked')).toHaveText('ستيفان دوجاريك');
  await page.keyboard.press('Control+Shift+z');
  await expect(claimant.locator('option:checked')).toHaveText('دوجاريك');
  await saved(page);

  // The export carries every relation, pointing at the annotations by id.
  const exported = JSON.parse(readFileSync(await exportAs(page, /JSON-LD/), 'utf8'));
  const items = exported.first.items as Array<{ id: string; body: Array<Record<string, unknown>>; target: { selector: Array<{ exact?: string }> } }>;
  const quoteOf = (id: unknown) => items.find((i) => i.id === id)?.target.selector[1]!.exact;
  const claim = items.find((i) => i.body.some((b) => b.type === 'schema:Claim'))!;
  const claimBody = claim.body.find((b) => b.type === 'schema:Claim')!;
  expect(quoteOf(claimBody.claimant)).toBe('دوجاريك');
  expect((claimBody.cue as { selector: Array<{ exact?: string }> }).selector[1]!.exact).toBe('قال');
  expect(items).toHaveLength(expected.length);
});

test('a claim reported through a source; deleting the source asks first and leaves no dangling link', async ({ page }) => {
  await openApp(page);
  await importThroughPicker(page, [newsFile('004')]);
  await openDocument(page, TITLE_004);
  await mark(page, 'وزارة الخارجية الأمريكية', 0, '2');
  await dragSelect(page, 'وكالة أنباء الطلبة الإيرانية', 0);
  await page.keyboard.press('s');
  await dragSelect(page, 'ضرورة طرد جميع المرتزقة الأجانب من ليبيا', 0);
  await page.keyboard.press('c');
  await page.keyboard.press('l');
  await clickInside(page, 'وزارة الخارجية الأمريكية', 0);
  await clickInside(page, 'وكالة أنباء الطلبة', 0);
  await dragSelect(page, 'شددت', 0);
  await page.keyboard.press('Enter');
  await expect(editor(page).getByLabel('Reported through').locator('option:checked')).toHaveText('وكالة أنباء الطلبة الإيرانية');
  await expect(page.locator('svg.overlay .link')).toHaveCount(3);

  await page.getByRole('button', { name: 'وكالة أنباء الطلبة الإيرانية — Source (News agency)' }).press('Delete');
  const dialog = page.getByRole('dialog', { name: 'Delete a linked annotation?' });
  await expect(dialog).toContainText('linked from 1 claim');
  await dialog.getByRole('button', { name: 'Delete and unlink' }).click();
  await saved(page);
  await page.getByRole('button', { name: /Claim \(Asserted\)$/ }).click();
  await expect(editor(page).getByLabel('Reported through')).toHaveValue('');
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('button', { name: 'وكالة أنباء الطلبة الإيرانية — Source (News agency)' })).toBeVisible();
  await page.getByRole('button', { name: /Claim \(Asserted\)$/ }).click();
  await expect(editor(page).getByLabel('Reported through').locator('option:checked')).toHaveText('وكالة أنباء الطلبة الإيرانية');
});

test('apply to all mentions of «حفتر» across the corpus, accept, undo in one step', async ({ page }) => {
  await openApp(page);
  await importThroughPicker(page, NEWS_FILES);
  await openDocument(page, TITLE_001);
  // «لحفتر» in the title: the drag over «حفتر» leaves the proclitic out.
  await mark(page, 'حفتر', 0, '1');
  await page.keyboard.press('a');
  const dialog = page.getByRole('dialog', { name: 'Apply to all mentions of «حفتر»' });
  await dialog.getByLabel('Whole corpus').check();
  // «حفتر» stands 8 times in the five articles (3 in 001 with «لحفتر», 3 in 002, 2 in 003): 7 besides this one.
  await expect(dialog.getByRole('status', { name: 'Mentions found' })).toHaveText('7 new mention(s) in 3 document(s)');
  await dialog.getByRole('button', { name: 'Accept all (7)' }).click();
  await saved(page);
  expect(await listedAnnotations(page)).toEqual(['حفتر — Person', 'حفتر — Person', 'حفتر — Person']);
  await openDocument(page, TITLE_003);
  await expect.poll(() => listedAnnotations(page)).toEqual(['حفتر — Person', 'حفتر — Person']);

  await page.keyboard.press('Control+z');
  await saved(page);
  await expect.poll(() => listedAnnotations(page)).toEqual([]);
  await page.reload();
  await openDocument(page, TITLE_002);
  await expect.poll(() => listedAnnotations(page)).toEqual([]);
});

test('corpus view: status, progress, filter, Arabic-aware search that opens the document at the hit', async ({ page }) => {
  await openApp(page);
  await importThroughPicker(page, NEWS_FILES);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Corpus' }).click();
  const corpus = page.getByRole('region', { name: 'Corpus' });
  await expect(corpus.getByText('Done or reviewed: 0 of 5')).toBeVisible();
  await corpus.getByLabel(`Status of ${TITLE_003}`).selectOption('done');
  await expect(corpus.getByText('Done or reviewed: 1 of 5')).toBeVisible();
  await corpus.getByRole('combobox', { name: 'Filter by status' }).selectOption('done');
  await expect(corpus.getByRole('row')).toHaveCount(2);
  await corpus.getByRole('combobox', { name: 'Filter by status' }).selectOption('all');

  // Whole words and proclitics: «حفتر» is found 8 times, «لحفتر» included (tests/unit counts the same by hand).
  await corpus.getByRole('searchbox', { name: 'Search text' }).fill('حفتر');
  await corpus.getByRole('button', { name: 'Search' }).click();
  await expect(corpus.getByRole('status', { name: 'Search results' })).toHaveText('8 hit(s) in 3 document(s)');
  await corpus.getByRole('list', { name: 'Hits' }).getByRole('button').first().click();
  await expect(page.getByRole('article')).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => [...((CSS.highlights.get('hamish-flash') as unknown as Set<Range>) ?? [])].map((r) => r.toString())))
    .toEqual(['حفتر']);
});

test('the whole interface switches to Arabic and right-to-left, and the cheat sheet lists the shortcuts', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet.getByRole('row')).toHaveCount(17);
  await expect(sheet.getByRole('row', { name: /Show or hide the links of every claim/ })).toContainText('K');
  await sheet.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('button', { name: 'استيراد مقالات…' })).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
});
