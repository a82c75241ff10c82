import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { kill, launch } from './profile';
import { dragSelect, importThroughPicker, listedAnnotations, newsFile, openApp, openDocument, readNews } from './helpers';

// TRUST.md F3: the browser is killed (SIGKILL, no chance to flush anything) 0–50 ms after the toolbar says "Saved",
// 20 times on one on-disk profile: every mark that was "Saved" is there when the browser comes back.

const TEXT = readNews('002');
const TITLE = TEXT.split('\n')[0]!.trim();
/** Twenty words that stand once in the article, so that each drag marks exactly one place. */
const WORDS = [...new Set(TEXT.match(/(?<![\p{L}\p{M}\p{N}])[\u0621-\u064a]{6,}(?![\p{L}\p{M}\p{N}])/gu) ?? [])]
  .filter((w) => TEXT.split(w).length === 2 && !TITLE.includes(w))
  .slice(0, 20);

test('F3: killed 0–50 ms after "Saved", twenty times, every saved mark is there', async ({ baseURL }) => {
  test.setTimeout(240_000);
  expect(WORDS).toHaveLength(20);
  const profile = mkdtempSync(join(tmpdir(), 'hamish-f3-'));
  try {
    let { context, page } = await launch(profile, baseURL!);
    await openApp(page);
    await importThroughPicker(page, [newsFile('002')]);
    await openDocument(page, TITLE);
    for (const [i, word] of WORDS.entries()) {
      await dragSelect(page, word);
      await page.keyboard.press('1');
      await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved', { timeout: 10_000 });
      await new Promise((r) => setTimeout(r, (i * 37) % 51));
      kill(profile);
      await context.close().catch(() => undefined);

      ({ context, page } = await launch(profile, baseURL!));
      await openApp(page);
      await openDocument(page, TITLE);
      await expect.poll(() => listedAnnotations(page), { message: `after kill ${i + 1}` }).toHaveLength(i + 1);
      expect(await listedAnnotations(page), `after kill ${i + 1}`).toContain(`${word} — Person`);
    }
    await context.close();
  } finally {
    kill(profile);
    rmSync(profile, { recursive: true, force: true });
  }
});
