import { expect, test, type Page, type TestInfo } from './fixtures';
import { boxOf, clickInside, decodePng, dragSelect, importThroughPicker, newsFile, openApp, openDocument, readNews, type Box } from './helpers';

const title = (prefix: string) =>
  readNews(prefix)
    .split('\n')
    .find((l) => l.trim())!
    .trim();
const saved = (page: Page) => expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
const list = (page: Page) => page.getByRole('region', { name: 'Annotations in this article' });

/** The occurrence index of `inner` that lies inside the first `outer` of an article's raw text. */
function occurrenceInside(text: string, outer: string, inner: string): number {
  const at = text.indexOf(outer) + outer.indexOf(inner);
  return text.slice(0, at).split(inner).length - 1;
}

/** The most common colour of a screen region (the fill behind the glyphs), read from a real screenshot. */
async function fillColour(page: Page, box: Box): Promise<[number, number, number]> {
  const png = await page.screenshot({ clip: { x: box.x + 1, y: box.y + 2, width: Math.max(2, box.width - 2), height: Math.max(2, box.height - 4) } });
  const data = await decodePng(page, png);
  const counts = new Map<string, number>();
  for (let i = 0; i < data.length; i += 4) {
    const key = `${data[i]! >> 3},${data[i + 1]! >> 3},${data[i + 2]! >> 3}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const top = [...counts].sort((a, b) => b[1] - a[1])[0]![0].split(',');
  return top.map((v) => Number(v) * 8 + 4) as [number, number, number];
}

const distance = (a: number[], b: number[]) => Math.hypot(...a.map((v, i) => v - b[i]!));

/** The outline the overlay draws for a class, as one bounding box on screen. */
async function outlineBox(page: Page, className: string): Promise<Box | null> {
  const el = page.locator(`svg.overlay .${className}`);
  if ((await el.count()) === 0) return null;
  return el.boundingBox();
}

function expectAround(actual: Box | null, expected: Box, what: string) {
  expect(actual, what).not.toBeNull();
  for (const k of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(actual![k] - expected[k]), `${what}: ${k}`).toBeLessThan(6);
}

async function attachLine(page: Page, testInfo: TestInfo, name: string, box: Box) {
  // Kept in test-results/ (Playwright keeps a test's output folder) as the artifact a reviewer looks at.
  const path = testInfo.outputPath(name);
  await page.screenshot({ path, clip: { x: box.x - 40, y: box.y - 30, width: box.width + 80, height: box.height + 60 } });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** Nest `inner` inside `outer`, both of one entity type, and check both are painted, visible and reachable. */
async function nestAndReach(page: Page, testInfo: TestInfo, prefix: string, outer: string, inner: string, key: string, label: string) {
  await importThroughPicker(page, [newsFile(prefix)]);
  await openDocument(page, title(prefix));
  const n = occurrenceInside(readNews(prefix), outer, inner);
  await dragSelect(page, outer);
  await page.keyboard.press(key);
  await dragSelect(page, inner, n);
  await page.keyboard.press(key);
  await saved(page);
  await page.keyboard.press('Escape');

  // Two tracks of one label: the outer span on the label's own highlight, the inner one on track 1.
  const painted = await page.evaluate(() => {
    const out: Record<string, string[]> = {};
    CSS.highlights.forEach((h, name) => {
      if (String(name).startsWith('hamish-mention-')) out[String(name)] = [...(h as unknown as Set<Range>)].map((r) => r.toString());
    });
    return out;
  });
  expect(painted).toEqual({ [`hamish-mention-${label}`]: [outer], [`hamish-mention-${label}_1`]: [inner] });

  // Seen, not just registered: the inner span's fill differs from the part of the outer span around it.
  const outerBox = await boxOf(page, outer);
  const innerBox = await boxOf(page, inner, n);
  const outerOnly = await boxOf(page, outer.split(' ')[0]!);
  const [innerFill, outerFill] = [await fillColour(page, innerBox), await fillColour(page, outerOnly)];
  expect(distance(innerFill, outerFill), `fill inside ${JSON.stringify(innerFill)} vs around ${JSON.stringify(outerFill)}`).toBeGreaterThan(20);
  await attachLine(page, testInfo, `nested-${label}.png`, outerBox);

  // Hover outlines what a click would pick; repeated clicks walk from the innermost span out, then back in.
  const mid = { x: innerBox.x + innerBox.width / 2, y: innerBox.y + innerBox.height / 2 };
  await page.mouse.move(mid.x, mid.y);
  await expect.poll(() => outlineBox(page, 'hover-outline')).not.toBeNull();
  expectAround(await outlineBox(page, 'hover-outline'), innerBox, 'hover outline of the inner span');
  const current = list(page).locator('[aria-current="true"]');
  await clickInside(page, inner, n);
  await expect(current).toHaveAccessibleName(new RegExp(`^${inner} — `));
  expectAround(await outlineBox(page, 'focus-outline'), innerBox, 'focus outline of the inner span');
  await page.mouse.move(mid.x + 1, mid.y);
  await expect.poll(async () => (await outlineBox(page, 'hover-outline'))?.width ?? 0).toBeGreaterThan(innerBox.width + 10);
  expectAround(await outlineBox(page, 'hover-outline'), outerBox, 'hover outline: the next click picks the outer span');
  await clickInside(page, inner, n);
  await expect(current).toHaveAccessibleName(new RegExp(`^${outer} — `));
  expectAround(await outlineBox(page, 'focus-outline'), outerBox, 'focus outline of the outer span');
  await attachLine(page, testInfo, `nested-${label}-outer-focused.png`, outerBox);
  await clickInside(page, inner, n);
  await expect(current).toHaveAccessibleName(new RegExp(`^${inner} — `));
  // Once the focus has moved away (Esc), a click there starts again from the innermost span.
  await clickInside(page, inner, n);
  await expect(current).toHaveAccessibleName(new RegExp(`^${outer} — `));
  await page.keyboard.press('Escape');
  await expect(current).toHaveCount(0);
  await clickInside(page, inner, n);
  await expect(current).toHaveAccessibleName(new RegExp(`^${inner} — `));
}

test('an organisation inside an organisation: both painted, visibly distinct, reachable by repeated clicks', async ({ page }, testInfo) => {
  await openApp(page);
  await nestAndReach(page, testInfo, '002', 'بعثة الأمم المتحدة للدعم في ليبيا', 'الأمم المتحدة', '2', 'organisation');
});

test('a date inside a date: both painted, visibly distinct, reachable by repeated clicks', async ({ page }, testInfo) => {
  await openApp(page);
  await nestAndReach(page, testInfo, '003', 'الـ23 من أكتوبر 2020', 'أكتوبر 2020', '6', 'datetime');
});

test('links: set in one link mode, labelled arrows from the reading start that never strike through words, shown for every claim', async ({
  page,
}, testInfo) => {
  await openApp(page);
  await importThroughPicker(page, [newsFile('004')]);
  await openDocument(page, title('004'));
  await dragSelect(page, 'وزارة الخارجية الأمريكية');
  await page.keyboard.press('2');
  await dragSelect(page, 'وكالة أنباء الطلبة الإيرانية');
  await page.keyboard.press('s');
  await dragSelect(page, 'ضرورة طرد جميع المرتزقة الأجانب من ليبيا');
  await page.keyboard.press('c');
  // One L: claimant, source and cue in a row; Esc ends link mode.
  await page.keyboard.press('l');
  await clickInside(page, 'وزارة الخارجية الأمريكية');
  await clickInside(page, 'وكالة أنباء الطلبة');
  await dragSelect(page, 'شددت');
  await page.keyboard.press('Enter');
  await saved(page);
  await expect(page.getByText('Link mode:')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByText('Link mode:')).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(page.locator('svg.overlay .link')).toHaveCount(0);

  // The claim's list entry says who claims it and through which source.
  const claimRow = list(page).getByRole('button', { name: /Claim \(Asserted\)$/ });
  await expect(claimRow).toHaveAccessibleDescription('claimant: وزارة الخارجية الأمريكية · source: وكالة أنباء الطلبة الإيرانية');

  // K shows every claim's links, unfocused; the button says so.
  await page.keyboard.press('k');
  const showLinks = page.getByRole('button', { name: 'Show links' });
  await expect(showLinks).toHaveAttribute('aria-pressed', 'true');
  const links = page.locator('svg.overlay .link');
  await expect(links).toHaveCount(3);
  expect((await links.locator('text').allTextContents()).sort()).toEqual(['claimant', 'cue', 'source']);
  for (const marker of await links.locator('path').evaluateAll((ps) => ps.map((p) => p.getAttribute('marker-end'))))
    expect(marker).toMatch(/^url\(#arrow-(claimant|cue|source)\)$/);

  // Linked spans keep their own colour (still in their label's highlight) and gain an outline in the role's colour.
  const org = await page.evaluate(() => [...((CSS.highlights.get('hamish-mention-organisation') as unknown as Set<Range>) ?? [])].map((r) => r.toString()));
  expect(org).toEqual(['وزارة الخارجية الأمريكية']);
  expect(await page.evaluate(() => CSS.highlights.has('hamish-linked'))).toBe(false);
  await expect(page.locator('svg.overlay .linked-outline')).toHaveCount(3);

  // Geometry: every link starts at the claim's reading start (its right edge: the article is right to left), its
  // vertical run lies in the margin right of the text, and no horizontal run crosses a line of words.
  const geometry = await page.evaluate(() => {
    const article = document.querySelector('article.reader')!;
    const origin = article.getBoundingClientRect();
    const lineBoxes: { left: number; right: number; top: number; bottom: number }[] = [];
    for (const p of article.querySelectorAll('.line')) {
      const r = document.createRange();
      r.selectNodeContents(p);
      for (const b of r.getClientRects())
        if (b.width > 0) lineBoxes.push({ left: b.left - origin.left, right: b.right - origin.left, top: b.top - origin.top, bottom: b.bottom - origin.top });
    }
    const textRight = Math.max(...lineBoxes.map((b) => b.right));
    const paths = [...document.querySelectorAll('svg.overlay .link path')].map((p) => p.getAttribute('d')!);
    return { lineBoxes, textRight, paths };
  });
  const claimBox = await boxOf(page, 'ضرورة طرد جميع المرتزقة الأجانب من ليبيا', 0, true);
  const origin = (await page.getByRole('article').boundingBox())!;
  for (const d of geometry.paths) {
    const [, sx, sy, y1, lane, y2, tx] = /^M ([\d.-]+) ([\d.-]+) V ([\d.-]+) H ([\d.-]+) V ([\d.-]+) H ([\d.-]+) V [\d.-]+$/.exec(d)!.map(Number) as number[];
    expect(Math.abs(sx! + origin.x - (claimBox.x + claimBox.width)), `link starts at the claim's right edge: ${d}`).toBeLessThan(3);
    expect(sy! + origin.y).toBeGreaterThan(claimBox.y - 1);
    expect(lane!, 'vertical run in the margin').toBeGreaterThan(geometry.textRight);
    for (const [y, from, to] of [
      [y1!, sx!, lane!],
      [y2!, tx!, lane!],
    ] as const) {
      const struck = geometry.lineBoxes.filter((b) => y > b.top + 1 && y < b.bottom - 1 && b.right > from && b.left < to);
      expect(struck, `horizontal run at y=${y} crosses no words`).toEqual([]);
    }
  }
  await attachLine(page, testInfo, 'links.png', { x: origin.x, y: claimBox.y - 120, width: origin.width, height: 240 });

  // Show links stays on from one document to the next.
  await importThroughPicker(page, [newsFile('002')]);
  await openDocument(page, title('002'));
  await expect(showLinks).toHaveAttribute('aria-pressed', 'true');
  await openDocument(page, title('004'));
  await expect(links).toHaveCount(3);

  await showLinks.click();
  await expect(showLinks).toHaveAttribute('aria-pressed', 'false');
  await expect(links).toHaveCount(0);

  // A focused claimant shows the claim's link to it, still drawn from the claim: the arrow ends at the mention.
  await list(page).getByRole('button', { name: 'وزارة الخارجية الأمريكية — Organisation' }).click();
  await expect(links).toHaveCount(1);
  await expect(links.locator('text')).toHaveText('claimant');
  const mention = await boxOf(page, 'وزارة الخارجية الأمريكية', 0, true);
  const d = (await links.locator('path').getAttribute('d'))!;
  const tx = Number(/H ([\d.-]+) V [\d.-]+$/.exec(d)![1]);
  expect(Math.abs(tx + origin.x - (mention.x + mention.width)), 'the arrow ends at the mention’s reading start').toBeLessThan(3);
  await expect(page.locator('svg.overlay .linked-outline')).toHaveCount(1);

  // Link mode belongs to its claim: moving the focus away ends it, and coming back does not bring it back.
  await claimRow.click();
  await page.keyboard.press('l');
  await expect(page.getByText('Link mode:')).toBeVisible();
  await list(page).getByRole('button', { name: 'وزارة الخارجية الأمريكية — Organisation' }).click();
  await expect(page.getByText('Link mode:')).toBeHidden();
  await claimRow.click();
  await expect(page.getByText('Link mode:')).toBeHidden();
});
