import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './fixtures';
import { listArticles } from '../bench/fixtures';
import { SHARED } from '../support/paths';
import { dragSelect, expectPaintedAsStored, importThroughPicker, openApp, openDocument, storedRecords, textFile } from './helpers';

/** A long article from the ANT corpus: a title line, then whole articles until `chars` characters. */
function longArticle(chars: number): { title: string; text: string } {
  const title = `مقال طويل من ${chars} حرف`;
  let text = title;
  for (const f of listArticles(`${SHARED}corpora/ant-jawharafm/plain`)) {
    if (text.length >= chars) break;
    text += '\n\n' + readFileSync(f, 'utf8').trim();
  }
  return { title, text };
}

const saved = (page: Page) => expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
const scroller = (page: Page) => page.getByRole('region', { name: 'Reader' });

/** A word of 5+ letters on a mounted line inside the viewport, with its line and place in the line. */
async function visibleWord(page: Page, skip = 0, avoid: string[] = []): Promise<{ word: string; line: number; at: number }> {
  // `avoid`: words of spans made earlier, which a pinned block may bring back into the DOM before the drag.
  return page.evaluate(
    ({ skip, avoid }) => {
      const pane = document.querySelector('.reader-pane')!.getBoundingClientRect();
      // The legend stays over the top of the pane.
      const top = document.querySelector('.reader-head')!.getBoundingClientRect().bottom;
      const found: { word: string; line: number; at: number }[] = [];
      const lines = [...document.querySelectorAll('article.reader [data-line]')];
      const mountedText = lines.map((p) => p.textContent!).join('\n');
      for (const p of lines) {
        const box = p.getBoundingClientRect();
        if (box.bottom < top + 20 || box.top > pane.bottom - 40) continue;
        // A word on screen found once among the mounted lines, so that dragSelect (the first occurrence) drags it.
        const m = [...p.textContent!.matchAll(/(?<![\p{L}\p{M}\p{N}])[\u0621-\u064a]{5,}(?![\p{L}\p{M}\p{N}])/gu)].find((w) => {
          if (mountedText.indexOf(w[0]) !== mountedText.lastIndexOf(w[0]) || avoid.some((a) => a.includes(w[0]) || w[0].includes(a))) return false;
          const rects = window.__lineRange(p, w.index, w.index + w[0].length).getClientRects();
          return rects.length === 1 && rects[0]!.top > top + 20 && rects[0]!.bottom < pane.bottom - 40;
        });
        if (m) found.push({ word: m[0], line: Number(p.getAttribute('data-line')), at: m.index });
      }
      if (found.length <= skip) throw new Error('no word in view');
      return found[skip]!;
    },
    { skip, avoid },
  );
}

/** Offset of a word given its line and place in the line, from the text itself. */
function offsetOf(text: string, line: number, at: number): number {
  let start = 0;
  for (let i = 0; i < line; i++) start = text.indexOf('\n', start) + 1;
  return start + at;
}

/** Drag a word that has only one occurrence among the mounted lines (dragSelect takes the first it finds). */
async function markUnique(page: Page, w: { word: string }, key: string) {
  const count = await page.evaluate(
    (word) => [...document.querySelectorAll('article.reader [data-line]')].filter((p) => p.textContent!.includes(word)).length,
    w.word,
  );
  expect(count, `«${w.word}» is on one mounted line`).toBe(1);
  await dragSelect(page, w.word);
  await page.keyboard.press(key);
  await saved(page);
}

for (const chars of [50_000, 1_000_000]) {
  test(`a ${chars.toLocaleString('en')}-character article: only lines near the view are in the DOM; marks, offsets, scrolling, reveal and reload hold`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const { title, text } = longArticle(chars);
    const lines = text.split('\n').length;
    await openApp(page);
    await importThroughPicker(page, [textFile('long.txt', text)]);
    await openDocument(page, title);
    const mountedLines = () => page.locator('article.reader [data-line]').count();
    await expect.poll(mountedLines).toBeGreaterThan(0);
    if (chars >= 1_000_000) expect(await mountedLines(), `mounted lines of ${lines}`).toBeLessThan(lines / 20);
    // The article keeps its full height, so the scrollbar tells where one is.
    const height = await scroller(page).evaluate((el) => el.scrollHeight / el.clientHeight);
    expect(height).toBeGreaterThan(chars / 5000);

    // A mark near the top, with its exact offset.
    const first = await visibleWord(page);
    await markUnique(page, first, '1');
    await expectPaintedAsStored(page, title);

    // Far down by the wheel: another mark there, offset exact although most of the text above is not in the DOM.
    const box = (await scroller(page).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, (await scroller(page).evaluate((el) => el.scrollHeight)) * 0.6);
    await expect.poll(() => scroller(page).evaluate((el) => el.scrollTop)).toBeGreaterThan(1000);
    await expect.poll(async () => (await visibleWord(page, 0, [first.word]).catch(() => null)) !== null).toBe(true);
    const far = await visibleWord(page, 0, [first.word]);
    expect(far.line).toBeGreaterThan(first.line + 20);
    await markUnique(page, far, '2');
    const records = await storedRecords(page, title);
    for (const w of [first, far]) {
      const start = offsetOf(text, w.line, w.at);
      expect(
        records.find((r) => r.quote === w.word),
        `«${w.word}» stored`,
      ).toMatchObject({ start, end: start + w.word.length });
      expect(text.slice(start, start + w.word.length)).toBe(w.word);
    }
    await expectPaintedAsStored(page, title);
    const farPainted = await page.evaluate(() =>
      [...((CSS.highlights.get('hamish-mention-organisation') as unknown as Set<Range>) ?? [])].map((r) => r.toString()),
    );
    expect(farPainted).toEqual([far.word]);

    // Back to the top by the wheel: the first mark is painted again.
    await page.mouse.wheel(0, -1e7);
    await expect.poll(() => scroller(page).evaluate((el) => el.scrollTop)).toBeLessThan(50);
    await expect
      .poll(() => page.evaluate(() => [...((CSS.highlights.get('hamish-mention-person') as unknown as Set<Range>) ?? [])].map((r) => r.toString())))
      .toEqual([first.word]);
    await expectPaintedAsStored(page, title);

    // The panel reveals the far mark: scrolled into view and flashed.
    await page
      .getByRole('region', { name: 'Annotations in this article' })
      .getByRole('button', { name: `${far.word} — Organisation` })
      .click();
    await expect
      .poll(() => page.evaluate(() => [...((CSS.highlights.get('hamish-flash') as unknown as Set<Range>) ?? [])].map((r) => r.toString())))
      .toEqual([far.word]);
    const inView = await page.evaluate(() => {
      const r = [...(CSS.highlights.get('hamish-flash') as unknown as Set<Range>)][0]!.getBoundingClientRect();
      const pane = document.querySelector('.reader-pane')!.getBoundingClientRect();
      // Below the legend, which stays over the top of the pane.
      return r.top >= document.querySelector('.reader-head')!.getBoundingClientRect().bottom && r.bottom <= pane.bottom;
    });
    expect(inView, 'the revealed mark is on screen').toBe(true);
    await expect(page.locator('svg.overlay .focus-outline rect')).toHaveCount(1);

    await page.reload();
    await openDocument(page, title);
    await expect
      .poll(() => page.evaluate(() => [...((CSS.highlights.get('hamish-mention-person') as unknown as Set<Range>) ?? [])].map((r) => r.toString())))
      .toEqual([first.word]);
    await expectPaintedAsStored(page, title);
  });
}

test('a selection dragged across two blocks of a long article is one exact span', async ({ page }) => {
  const { title, text } = longArticle(50_000);
  await openApp(page);
  await importThroughPicker(page, [textFile('long.txt', text)]);
  await openDocument(page, title);
  // The last word of block 0 and the first word of block 1, once the view has settled there (blocks mounted
  // around it are measured and the virtualiser keeps the view steady).
  await page.evaluate(() => {
    const pane = document.querySelector('.reader-pane')!;
    const b1 = document.querySelector('article.reader [data-index="1"]')!.getBoundingClientRect().top;
    pane.scrollTop += b1 - (pane.getBoundingClientRect().top + pane.clientHeight / 2);
  });
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const top = () => document.querySelector('article.reader [data-index="1"]')!.getBoundingClientRect().top;
        const before = top();
        for (let i = 0; i < 3; i++) await new Promise(requestAnimationFrame);
        return top() === before;
      }),
    )
    .toBe(true);
  const ends = await page.evaluate(() => {
    const b0 = document.querySelector('article.reader [data-index="0"]')!;
    const b1 = document.querySelector('article.reader [data-index="1"]')!;
    const last = [...b0.querySelectorAll('[data-line]')]
      .reverse()
      .find((p) => /(?<![\p{L}\p{M}\p{N}])[\u0621-\u064a]{3,}(?![\p{L}\p{M}\p{N}])/u.test(p.textContent!))!;
    const next = [...b1.querySelectorAll('[data-line]')].find((p) => /(?<![\p{L}\p{M}\p{N}])[\u0621-\u064a]{3,}(?![\p{L}\p{M}\p{N}])/u.test(p.textContent!))!;
    // From the start of the last word of block 0 (the right edge of its first letter) to the end of the first word
    // of block 1 (the left edge of its last letter): the article runs right to left.
    const point = (p: Element, which: 'first' | 'last') => {
      const words = [...p.textContent!.matchAll(/(?<![\p{L}\p{M}\p{N}])[\u0621-\u064a]{3,}(?![\p{L}\p{M}\p{N}])/gu)];
      const m = which === 'first' ? words[0]! : words.at(-1)!;
      const i = which === 'last' ? m.index! : m.index! + m[0].length - 1;
      const b = window.__lineRange(p, i, i + 1).getClientRects()[0]!;
      return { x: which === 'last' ? b.right - 1 : b.left + 1, y: b.top + b.height / 2, word: m[0], line: Number(p.getAttribute('data-line')), at: m.index! };
    };
    return { from: point(last, 'last'), to: point(next, 'first') };
  });
  await page.mouse.move(ends.from.x, ends.from.y);
  await page.mouse.down();
  await page.mouse.move(ends.to.x, ends.to.y, { steps: 8 });
  await page.mouse.up();
  await page.keyboard.press('c');
  await saved(page);
  const [claim] = (await storedRecords(page, title)).filter((r) => r.kind === 'claim');
  const start = offsetOf(text, ends.from.line, ends.from.at);
  const end = offsetOf(text, ends.to.line, ends.to.at) + ends.to.word.length;
  expect(text.slice(start, end)).toContain('\n');
  expect(claim).toMatchObject({ start, end, quote: text.slice(start, end) });
  await expectPaintedAsStored(page, title);
});

test('a selection grown by keyboard past the bottom of the view keeps its moving end on screen', async ({ page }) => {
  const { title, text } = longArticle(50_000);
  await openApp(page);
  await importThroughPicker(page, [textFile('long.txt', text)]);
  await openDocument(page, title);
  // A caret on a word low in the view, then Shift+← word by word (the article runs right to left).
  const low = await page.evaluate(() => {
    const pane = document.querySelector('.reader-pane')!.getBoundingClientRect();
    const lines = [...document.querySelectorAll('article.reader [data-line]')].filter((p) => /[\u0621-\u064a]{3}/.test(p.textContent!));
    const p = lines.reverse().find((l) => l.getBoundingClientRect().bottom < pane.bottom - 30)!;
    const b = window.__lineRange(p, 0, 1).getClientRects()[0]!;
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  });
  await page.mouse.click(low.x, low.y);
  const before = await scroller(page).evaluate((el) => el.scrollTop);
  for (let i = 0; i < 120; i++) await page.keyboard.press('Shift+ArrowLeft');
  const state = await page.evaluate(() => {
    const ranges = [...((CSS.highlights.get('hamish-pending') as unknown as Set<Range>) ?? [])];
    const last = ranges.at(-1)?.getClientRects();
    const end = last?.[last.length - 1];
    const pane = document.querySelector('.reader-pane')!.getBoundingClientRect();
    return {
      top: document.querySelector('.reader-pane')!.scrollTop,
      endBottom: end?.bottom ?? -1,
      paneBottom: pane.bottom,
      quote: ranges.map((r) => r.toString()).join(''),
    };
  });
  expect(state.top, 'the view followed the selection').toBeGreaterThan(before + 100);
  expect(state.endBottom).toBeGreaterThan(0);
  expect(state.endBottom).toBeLessThanOrEqual(state.paneBottom);
  expect(state.quote.split(/\s+/).length).toBeGreaterThan(60);
});

test('a link whose far end is out of the DOM runs to the edge of the text shown, pointing the way', async ({ page }) => {
  const { title, text } = longArticle(50_000);
  await openApp(page);
  await importThroughPicker(page, [textFile('long.txt', text)]);
  await openDocument(page, title);
  // A claim near the top; link mode; far down, a new mention made in link mode becomes its claimant.
  const top = await visibleWord(page);
  await dragSelect(page, top.word);
  await page.keyboard.press('c');
  await saved(page);
  await page.keyboard.press('l');
  await expect(page.getByText('Link mode:')).toBeVisible();
  const box = (await scroller(page).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, (await scroller(page).evaluate((el) => el.scrollHeight)) * 0.6);
  await expect.poll(async () => (await visibleWord(page, 0, [top.word]).catch(() => null)) !== null).toBe(true);
  const far = await visibleWord(page, 0, [top.word]);
  await markUnique(page, far, '1');
  await expect(page.getByRole('status', { name: 'Notice' })).toHaveText('Linked the claimant.');
  // Each Escape is pressed once the last one shows (out of link mode, then no focus), as a person would: a busy
  // machine may not have drawn the first before the second arrives.
  await page.keyboard.press('Escape');
  await expect(page.getByText('Link mode:')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: 'Focused annotation' })).toHaveCount(0);
  await page.keyboard.press('k');

  // Down here the claim is not in the DOM: the link comes down its lane from the top of the text shown.
  const stub = page.locator('svg.overlay .link.offscreen');
  await expect(stub).toHaveCount(1);
  await expect(stub.locator('text')).toHaveText('claimant');
  await expect(page.locator('svg.overlay .linked-outline')).toHaveCount(1);
  const down = (await stub.locator('path').getAttribute('d'))!;
  const [, , startY] = /^M ([\d.-]+) ([\d.-]+)/.exec(down)!.map(Number) as number[];
  const farBox = await page.evaluate((word) => {
    const p = [...document.querySelectorAll('article.reader [data-line]')].find((e) => e.textContent!.includes(word))!;
    const i = p.textContent!.indexOf(word);
    return {
      top: window.__lineRange(p, i, i + word.length).getBoundingClientRect().top - document.querySelector('article.reader')!.getBoundingClientRect().top,
    };
  }, far.word);
  expect(startY!, 'the stub starts above the mention, at the top of the text shown').toBeLessThan(farBox.top);

  // Back at the top, the claim's link leaves downwards, out of the text shown.
  await page.mouse.wheel(0, -1e7);
  await expect.poll(() => scroller(page).evaluate((el) => el.scrollTop)).toBeLessThan(50);
  await expect(stub).toHaveCount(1);
  const up = (await stub.locator('path').getAttribute('d'))!;
  const endY = Number(/V ([\d.-]+)$/.exec(up)![1]);
  const startTop = Number(/^M [\d.-]+ ([\d.-]+)/.exec(up)![1]);
  expect(endY, 'the stub runs down to the bottom of the text shown').toBeGreaterThan(startTop + 200);
});
