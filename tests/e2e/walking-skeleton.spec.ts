import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { selectorMismatches } from '../support/selectors';
import { w3cFailures } from '../support/w3c-validate';
import { dragSelect, importThroughPicker, listedAnnotations, NEWS_FILES, openDocument, paintedText, openApp, exportAs } from './helpers';

const LIBYA_MONITORING = 'مباحثات أممية لتشكيل بعثة مراقبة وقف إطلاق نار محتمل في ليبيا';
const FRENCH_ROLE = 'الدور الفرنسي في تثبيت اتفاق وقف إطلاق النار بعد 4 سنوات من توقيعه';

test.beforeEach(async ({ page, baseURL }) => {
  // Any request outside the app's own origin, or a CSP violation, fails the test.
  page.on('request', (r) => expect(r.url().startsWith(baseURL!) || r.url().startsWith('blob:') || r.url().startsWith('data:')).toBe(true));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { cspViolations: string[] }).cspViolations ??= [];
      (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
});

test.afterEach(async ({ page }) => {
  expect(await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [])).toEqual([]);
});

test('import the news corpus, annotate by mouse and key, reload, export valid W3C JSON-LD', async ({ page }) => {
  await openApp(page);
  await importThroughPicker(page, NEWS_FILES);
  await expect(page.getByRole('status', { name: 'Notice' })).toHaveText(`Imported ${NEWS_FILES.length} of ${NEWS_FILES.length} files.`);
  const docList = page.getByRole('navigation', { name: 'Documents' }).getByRole('button');
  await expect(docList).toHaveCount(NEWS_FILES.length);

  // Titles render right-to-left.
  // Titles take their direction from their text: Arabic ones render right-to-left.
  expect(await page.getByRole('button', { name: LIBYA_MONITORING, exact: true }).evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');

  await openDocument(page, LIBYA_MONITORING);
  const article = page.getByRole('article', { name: `Article: ${LIBYA_MONITORING}` });
  await expect(article).toHaveAttribute('dir', 'rtl');
  await expect(article).toHaveAttribute('lang', 'ar');
  expect(await article.evaluate((el) => getComputedStyle(el).fontFamily)).toContain('Noto Naskh Arabic');

  await dragSelect(page, 'خليفة حفتر');
  await expect(page.getByRole('region', { name: 'Label the selection' })).toContainText('«خليفة حفتر»');
  await page.keyboard.press('1');
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  expect(await listedAnnotations(page)).toEqual(['خليفة حفتر — Person']);
  expect(await paintedText(page, 'person')).toEqual(['خليفة حفتر']);

  // A mixed line: Arabic, digits and «+». Selection starts and ends mid-word and snaps to whole words.
  await openDocument(page, FRENCH_ROLE);
  await dragSelect(page, 'اللجنة العسكرية 5+');
  await expect(page.getByRole('region', { name: 'Label the selection' })).toContainText('«اللجنة العسكرية 5+5»');
  await page.getByRole('button', { name: /Organisation/ }).click();
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  expect(await listedAnnotations(page)).toEqual(['اللجنة العسكرية 5+5 — Organisation']);
  expect(await paintedText(page, 'organisation')).toEqual(['اللجنة العسكرية 5+5']);

  await page.reload();
  await openDocument(page, LIBYA_MONITORING);
  await expect.poll(() => listedAnnotations(page)).toEqual(['خليفة حفتر — Person']);
  expect(await paintedText(page, 'person')).toEqual(['خليفة حفتر']);
  await openDocument(page, FRENCH_ROLE);
  await expect.poll(() => listedAnnotations(page)).toEqual(['اللجنة العسكرية 5+5 — Organisation']);

  const file = await exportAs(page, /JSON-LD/);
  const exported = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  expect(w3cFailures(exported)).toEqual([]);
  expect(selectorMismatches(exported)).toEqual([]);
  const items = (exported.first as { items: { target: { selector: { exact?: string }[] } }[] }).items;
  expect(items.map((i) => i.target.selector[1]!.exact).sort()).toEqual(['اللجنة العسكرية 5+5', 'خليفة حفتر'].sort());
  expect((exported.documents as unknown[]).length).toBe(NEWS_FILES.length);
});
