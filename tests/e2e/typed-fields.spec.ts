import { expect, test, type Page } from './fixtures';
import { importThroughPicker, newsFile, openApp, openDocument, readNews } from './helpers';

// TRUST.md F13: text typed into a field is saved as it is typed, and "Saved" is never shown for text that a reload
// would lose; leaving while something is unsaved asks first.

const TITLE = readNews('003').split('\n')[0]!.trim();
const status = (page: Page) => page.getByRole('status', { name: 'Save state' });
const publisher = (page: Page) => page.getByRole('region', { name: 'Document' }).getByRole('textbox', { name: 'Publisher' });

test('a field is saved while typing, without leaving it, and "Saved" waits for it', async ({ page }) => {
  await openApp(page);
  await importThroughPicker(page, [newsFile('003')]);
  await openDocument(page, TITLE);
  await publisher(page).click();
  await page.keyboard.type('وكالة الأنباء', { delay: 20 });
  await expect(status(page)).toHaveText('Not saved yet…');
  await expect(status(page)).toHaveText('Saved');
  await expect(publisher(page)).toBeFocused();
  await page.reload();
  await openDocument(page, TITLE);
  await expect(publisher(page)).toHaveValue('وكالة الأنباء');
});

test('F13: reloaded 100 ms after the last keystroke, ten times: the text is there, or "Saved" never showed and leaving asked', async ({ page }) => {
  test.setTimeout(120_000);
  let asked = 0;
  page.on('dialog', (d) => {
    if (d.type() === 'beforeunload') asked++;
    void d.accept();
  });
  await openApp(page);
  await importThroughPicker(page, [newsFile('003')]);
  for (let run = 0; run < 10; run++) {
    await openDocument(page, TITLE);
    const typed = `رويترز ${run}`;
    await publisher(page).fill('');
    await expect(status(page)).toHaveText('Saved');
    // Watch the toolbar from the first keystroke on: did it ever say "Saved" for the text being typed?
    await page.evaluate(() => {
      const el = document.querySelector('[role="status"][aria-label="Save state"]')!;
      (window as unknown as { savedShown: boolean }).savedShown = false;
      new MutationObserver(() => {
        if (el.textContent === 'Saved') (window as unknown as { savedShown: boolean }).savedShown = true;
      }).observe(el, { childList: true, characterData: true, subtree: true });
    });
    const askedBefore = asked;
    await page.keyboard.type(typed, { delay: 15 });
    await page.waitForTimeout(100);
    const savedShown = await page.evaluate(() => (window as unknown as { savedShown: boolean }).savedShown);
    await page.reload();
    await openDocument(page, TITLE);
    const kept = (await publisher(page).inputValue()) === typed;
    expect(kept || (!savedShown && asked > askedBefore), `run ${run}: kept ${kept}, "Saved" shown ${savedShown}, asked ${asked > askedBefore}`).toBe(true);
    if (savedShown) expect(kept, `run ${run}: "Saved" was shown, so the text must be there`).toBe(true);
  }
});
