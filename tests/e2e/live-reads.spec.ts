import { expect, test, type Page } from './fixtures';
import { dragSelect, importThroughPicker, newsFile, openApp, openDocument, paintedText, readNews } from './helpers';

const title = (prefix: string) =>
  readNews(prefix)
    .split('\n')
    .find((l) => l.trim())!
    .trim();

const saved = (page: Page) => expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');

test('two windows on one profile: an import in one shows in the other’s document list within a second, unrefreshed', async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  await openApp(a);
  await openApp(b);
  const listIn = (page: typeof a) => page.getByRole('navigation', { name: 'Documents' });
  await expect(listIn(b).getByRole('button')).toHaveCount(0);

  await importThroughPicker(a, [newsFile('002')]);
  await expect(listIn(a).getByRole('button', { name: title('002'), exact: true })).toBeVisible();
  await expect(listIn(b).getByRole('button', { name: title('002'), exact: true })).toBeVisible({ timeout: 1000 });

  // And the other way round.
  await importThroughPicker(b, [newsFile('004')]);
  await expect(listIn(a).getByRole('button', { name: title('004'), exact: true })).toBeVisible({ timeout: 1000 });
  await expect(listIn(a).getByRole('button')).toHaveCount(2);
});

test('two windows on one document: a mark in one is painted and listed in the other within a second, and so are its new label and its deletion; the other’s corpus view counts it', async ({
  context,
}) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  await openApp(a);
  await openApp(b);
  await importThroughPicker(a, [newsFile('002')]);
  await openDocument(a, title('002'));
  await openDocument(b, title('002'));
  const persons = (page: Page) => page.evaluate(() => CSS.highlights.get('hamish-mention-person')?.size ?? 0);
  const listed = (page: Page) => page.getByRole('region', { name: 'Annotations in this article' }).getByRole('button', { name: / — / });
  expect(await persons(b)).toBe(0);

  await dragSelect(a, 'خليفة حفتر');
  await a.keyboard.press('1');
  await saved(a);
  await expect.poll(() => persons(b), { timeout: 1000 }).toBe(1);
  expect(await paintedText(b, 'person')).toEqual(['خليفة حفتر']);
  await expect(listed(b)).toHaveCount(1, { timeout: 1000 });
  await expect(listed(b).first()).toHaveAccessibleName(/خليفة حفتر/);

  // The new mark is focused in A: 3 relabels it a Location there, and B paints it so.
  await a.keyboard.press('3');
  await saved(a);
  await expect.poll(() => persons(b), { timeout: 1000 }).toBe(0);
  expect(await paintedText(b, 'location')).toEqual(['خليفة حفتر']);
  await expect(listed(b).first()).toHaveAccessibleName(/Location/, { timeout: 1000 });

  // Delete removes it, and B loses it.
  await a.keyboard.press('Delete');
  await saved(a);
  await expect.poll(() => paintedText(b, 'location'), { timeout: 1000 }).toEqual([]);
  await expect(listed(b)).toHaveCount(0, { timeout: 1000 });

  // B shows the corpus view while A marks and sets a status: B's counts and status follow.
  await b.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Corpus' }).click();
  const row = b
    .getByRole('region', { name: 'Corpus' })
    .getByRole('row')
    .filter({ hasText: title('002') });
  await expect(row.getByRole('cell')).toHaveText([title('002'), /.*/, '0', '0', '0']);
  await dragSelect(a, 'الجيش الليبي');
  await a.keyboard.press('1');
  await dragSelect(a, 'طلب وقتا');
  await a.keyboard.press('c');
  await saved(a);
  await expect(row.getByRole('cell')).toHaveText([title('002'), /.*/, '1', '1', '0'], { timeout: 1000 });
  await a.getByRole('region', { name: 'Document' }).getByRole('combobox', { name: 'Status' }).selectOption('done');
  await saved(a);
  await expect(row.getByRole('combobox', { name: `Status of ${title('002')}` })).toHaveValue('done', { timeout: 1000 });
});
