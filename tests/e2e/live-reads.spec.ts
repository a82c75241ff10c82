import { expect, test } from '@playwright/test';
import { importThroughPicker, newsFile, openApp, readNews } from './helpers';

const title = (prefix: string) =>
  readNews(prefix)
    .split('\n')
    .find((l) => l.trim())!
    .trim();

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
