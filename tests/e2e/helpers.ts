import { readdirSync, readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { NEWS_DIR } from '../support/paths';

export const NEWS_FILES = readdirSync(NEWS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => `${NEWS_DIR}${f}`);

export type FilePayload = { name: string; mimeType: string; buffer: Buffer };

/**
 * Import through the Import button and the browser's file chooser, as a person does, and wait until the app says
 * the import is over («Imported n of m files.»: the files are read and parsed in workers, so setFiles returns first).
 */
export async function importThroughPicker(page: Page, files: string[] | FilePayload[]): Promise<void> {
  const before = await page.evaluate(() => {
    const w = window as unknown as { __importsDone?: number };
    if (w.__importsDone === undefined) {
      w.__importsDone = 0;
      const notice = document.querySelector('[role="status"][aria-label="Notice"]')!;
      new MutationObserver(() => {
        if (/^Imported \d+ of \d+ files?\.$/.test(notice.textContent ?? '')) w.__importsDone!++;
      }).observe(notice, { childList: true, characterData: true, subtree: true });
    }
    return w.__importsDone;
  });
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import articles…' }).click();
  await (await chooser).setFiles(files);
  await page.waitForFunction((n) => (window as unknown as { __importsDone: number }).__importsDone > n, before, { timeout: 60_000 });
}

/** Open Import annotations…, pick the format and choose the files; returns the dialog, before anything is written. */
export async function importAnnotations(page: Page, format: RegExp, files: string | string[] | FilePayload[]) {
  await page.getByRole('button', { name: 'Import annotations…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import annotations' });
  await dialog.getByRole('radio', { name: format }).check();
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose files…' }).click();
  await (await chooser).setFiles(files);
  return dialog;
}

export function textFile(name: string, bytes: Uint8Array | string): FilePayload {
  return { name, mimeType: 'text/plain', buffer: Buffer.from(bytes) };
}

export function newsFile(prefix: string): string {
  const f = NEWS_FILES.find((p) => p.split('/').pop()!.startsWith(prefix));
  if (!f) throw new Error(`no article ${prefix} in ${NEWS_DIR}`);
  return f;
}

export function readNews(prefix: string): string {
  return readFileSync(newsFile(prefix), 'utf8');
}

/**
 * Scroll the n-th occurrence of a quote to the middle of the reader unless it is on screen already, and wait until
 * the view has settled: the reader mounts and measures blocks after a scroll, and a point measured before that
 * would miss.
 */
export async function bringIntoView(page: Page, quote: string, occurrence = 0): Promise<void> {
  await page.evaluate(
    async ({ quote, occurrence }) => {
      const frame = () => new Promise(requestAnimationFrame);
      const find = () => window.__quoteRange(quote, occurrence);
      const pane = document.querySelector('.reader-pane')!;
      const range = find();
      if (!range) return;
      const box = range.getBoundingClientRect();
      const view = pane.getBoundingClientRect();
      // The legend stays at the top of the pane, over the text: what is under it is not on screen.
      const top = document.querySelector('.reader-head')?.getBoundingClientRect().bottom ?? view.top;
      if (box.top < top + 20 || box.bottom > view.bottom - 20) pane.scrollTop += box.top + box.height / 2 - (top + (view.bottom - top) / 2);
      // Settled: the quote stays put for three frames in a row.
      let last = NaN;
      for (let still = 0, i = 0; still < 3 && i < 120; i++) {
        await frame();
        const top = find()?.getBoundingClientRect().top ?? NaN;
        still = top === last ? still + 1 : 0;
        last = top;
      }
    },
    { quote, occurrence },
  );
}

/**
 * Drag the mouse across the `occurrence`-th appearance of `quote` in the open article, from the right edge of its
 * first character to the left edge of its last (the article is right-to-left).
 */
export async function dragSelect(page: Page, quote: string, occurrence = 0, modifiers: { alt?: boolean } = {}): Promise<void> {
  await bringIntoView(page, quote, occurrence);
  const box = await page.evaluate(
    ({ quote, occurrence }) => {
      const place = window.__quotePlace(quote, occurrence);
      if (!place) return null;
      const first = window.__lineRange(place.line, place.at, place.at + 1).getClientRects()[0]!;
      const end = place.at + quote.length;
      const last = window.__lineRange(place.line, end - 1, end).getClientRects()[0]!;
      return { x1: first.right - 1, y1: first.top + first.height / 2, x2: last.left + 1, y2: last.top + last.height / 2 };
    },
    { quote, occurrence },
  );
  expect(box, `«${quote}» #${occurrence} is in the article`).not.toBeNull();
  if (modifiers.alt) await page.keyboard.down('Alt');
  await page.mouse.move(box!.x1, box!.y1);
  await page.mouse.down();
  await page.mouse.move((box!.x1 + box!.x2) / 2, (box!.y1 + box!.y2) / 2, { steps: 4 });
  await page.mouse.move(box!.x2, box!.y2, { steps: 4 });
  await page.mouse.up();
  if (modifiers.alt) await page.keyboard.up('Alt');
}

/** The quotes and labels the annotation panel lists, in its order. */
export async function listedAnnotations(page: Page): Promise<string[]> {
  return page
    .getByRole('region', { name: 'Annotations in this article' })
    .getByRole('button', { name: / — / })
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')!));
}

/** The text each painted highlight of a label covers, read back from the CSS Custom Highlight registry. */
export async function paintedText(page: Page, labelId: string): Promise<string[]> {
  return page.evaluate((id) => {
    const h = CSS.highlights.get(`hamish-mention-${id}`);
    return h ? [...(h as unknown as Set<Range>)].map((r) => r.toString()) : [];
  }, labelId);
}

export async function openDocument(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Documents' }).getByRole('button', { name: title, exact: true }).click();
  await expect(page.getByRole('article', { name: `Article: ${title}` })).toBeVisible();
}

declare global {
  interface Window {
    /** A Range over [from, to) of a reader line's text, whatever text nodes the line is cut into (a test aid). */
    __lineRange(line: Element, from: number, to: number): Range;
    /** The `occurrence`-th appearance of `quote` in the lines of the open article: its line and offset there. */
    __quotePlace(quote: string, occurrence: number): { line: Element; at: number } | null;
    /** The same as a Range, or null. */
    __quoteRange(quote: string, occurrence: number): Range | null;
  }
}

/** The reader cuts each line into a text node per word (renderer/features/reader/layout.ts): tests address lines. */
function installLineRange(): void {
  const point = (line: Element, offset: number): [Node, number] => {
    let left = offset;
    for (const node of line.childNodes) {
      const length = node.textContent!.length;
      if (left <= length) return [node, left];
      left -= length;
    }
    return [line, line.childNodes.length];
  };
  window.__lineRange = (line, from, to) => {
    const range = document.createRange();
    range.setStart(...point(line, from));
    range.setEnd(...point(line, to));
    return range;
  };
  window.__quotePlace = (quote, occurrence) => {
    let seen = 0;
    for (const line of document.querySelectorAll('article.reader [data-line]')) {
      const text = line.textContent!;
      for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) if (seen++ === occurrence) return { line, at: i };
    }
    return null;
  };
  window.__quoteRange = (quote, occurrence) => {
    const place = window.__quotePlace(quote, occurrence);
    return place && window.__lineRange(place.line, place.at, place.at + quote.length);
  };
}

/** Open the app and wait until it is interactive (the database is open and the toolbar is there). */
export async function openApp(page: Page): Promise<void> {
  await page.addInitScript(installLineRange);
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Import articles…' })).toBeVisible();
}

/** Export the corpus through the Export dialog in a format; returns the downloaded file's path. */
export async function exportAs(page: Page, formatName: string | RegExp, options: { splitClitics?: boolean } = {}): Promise<string> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the corpus' });
  await dialog.getByRole('radio', { name: formatName }).check();
  if (options.splitClitics) await dialog.getByRole('checkbox', { name: /Split the proclitics/ }).check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  return (await download).path();
}

/** The layers the reader paints, each as the sorted quotes of its ranges (line breaks left out: a Range across
 * two paragraphs reads without the `\n` between them). */
export interface Layers {
  mention: string[];
  claim: string[];
  source: string[];
  cue: string[];
}

/** Every range registered in CSS.highlights by the reader's annotation layers, grouped by layer. */
export async function paintedLayers(page: Page): Promise<Layers> {
  return page.evaluate(() => {
    const out = { mention: [] as string[], claim: [] as string[], source: [] as string[], cue: [] as string[] };
    CSS.highlights.forEach((h, name) => {
      const layer = /^hamish-(mention|claim|source|cue)\b/.exec(String(name))?.[1] as keyof typeof out | undefined;
      if (layer) for (const r of h as unknown as Set<Range>) out[layer].push(r.toString());
    });
    for (const list of Object.values(out)) list.sort();
    return out;
  });
}

type StoredSpan = { start: number; end: number; quote: string };
type StoredRow = StoredSpan & { kind: 'mention' | 'claim' | 'source'; cue?: StoredSpan };

/** The document of this title as IndexedDB holds it, with its annotation records: one raw read, no app code. */
async function storedDocument(page: Page, title: string): Promise<{ text: string; rows: StoredRow[] } | null> {
  return page.evaluate(async (title) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('hamish');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = <T>(store: string, query?: IDBValidKey, index?: string) =>
      new Promise<T[]>((resolve, reject) => {
        const s = db.transaction(store).objectStore(store);
        const req = (index ? s.index(index) : s).getAll(query);
        req.onsuccess = () => resolve(req.result as T[]);
        req.onerror = () => reject(req.error);
      });
    try {
      const docs = (await all<{ id: string; title: string; text: string }>('documents')).filter((d) => d.title === title);
      if (docs.length > 1) throw new Error(`${docs.length} documents titled «${title}»`);
      if (!docs[0]) return null;
      return { text: docs[0].text, rows: await all<StoredRow>('annotations', docs[0].id, 'documentId') };
    } finally {
      db.close();
    }
  }, title);
}

/** The annotation records IndexedDB holds for the document of this title. */
export async function storedRecords(page: Page, title: string): Promise<StoredRow[]> {
  return (await storedDocument(page, title))?.rows ?? [];
}

/** The canonical text IndexedDB holds for the document of this title. */
export async function storedText(page: Page, title: string): Promise<string | undefined> {
  return (await storedDocument(page, title))?.text;
}

/**
 * What IndexedDB holds for the document of this title, in the same shape as paintedLayers — only the spans whose
 * lines are in the DOM, since the reader mounts only the part of a long article near the viewport.
 */
export async function storedLayers(page: Page, title: string): Promise<Layers> {
  const doc = await storedDocument(page, title);
  if (!doc) throw new Error(`no document titled «${title}»`);
  const mounted = new Set(await page.locator('article.reader [data-line]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-line')))));
  const starts = [0];
  for (let i = doc.text.indexOf('\n'); i >= 0; i = doc.text.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineOf = (offset: number) => {
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
    return line;
  };
  const shown = (span: StoredSpan) => mounted.has(lineOf(span.start)) && mounted.has(lineOf(span.end));
  const out: Layers = { mention: [], claim: [], source: [], cue: [] };
  for (const a of doc.rows) {
    if (shown(a)) out[a.kind].push(a.quote.replaceAll('\n', ''));
    if (a.cue && shown(a.cue)) out.cue.push(a.cue.quote.replaceAll('\n', ''));
  }
  for (const list of Object.values(out)) list.sort();
  return out;
}

/** Open a document and wait until the reader paints exactly what IndexedDB holds for it, layer by layer. */
export async function expectPaintsStored(page: Page, title: string): Promise<Layers> {
  await openDocument(page, title);
  return expectPaintedAsStored(page, title);
}

/** Wait until the open article paints exactly what IndexedDB holds for its mounted lines, layer by layer. */
export async function expectPaintedAsStored(page: Page, title: string): Promise<Layers> {
  let stored: Layers | null = null;
  await expect(async () => {
    await expect(page.locator('article.reader [data-line]').first(), 'the article shows its text').toBeAttached({ timeout: 100 });
    stored = await storedLayers(page, title);
    expect(await paintedLayers(page), `highlights of «${title}» equal its stored annotations`).toEqual(stored);
  }).toPass();
  return stored!;
}

/** Click in the middle of the n-th occurrence of a quote (a caret, no selection): picks the annotation there. */
export async function clickInside(page: Page, quote: string, occurrence = 0) {
  await bringIntoView(page, quote, occurrence);
  const point = await page.evaluate(
    ({ quote, occurrence }) => {
      const place = window.__quotePlace(quote, occurrence);
      if (!place) return null;
      const mid = place.at + Math.floor(quote.length / 2);
      const rect = window.__lineRange(place.line, mid, mid + 1).getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    },
    { quote, occurrence },
  );
  expect(point).not.toBeNull();
  await page.mouse.click(point!.x, point!.y);
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The bounding box on screen of the n-th occurrence of a quote in the article (all its line boxes together). */
export async function boxOf(page: Page, quote: string, occurrence = 0, firstLine = false): Promise<Box> {
  const box = await page.evaluate(
    ({ quote, occurrence, firstLine }) => {
      const r = window.__quoteRange(quote, occurrence);
      if (!r) return null;
      // The whole extent, or only the boxes of its first line (where it starts to be read).
      const all = [...r.getClientRects()].filter((b) => b.width > 0);
      const boxes = firstLine ? all.filter((b) => Math.abs(b.top - all[0]!.top) < 1) : all;
      const left = Math.min(...boxes.map((b) => b.left));
      const top = Math.min(...boxes.map((b) => b.top));
      return { x: left, y: top, width: Math.max(...boxes.map((b) => b.right)) - left, height: Math.max(...boxes.map((b) => b.bottom)) - top };
    },
    { quote, occurrence, firstLine },
  );
  expect(box, `«${quote}» is in the article`).not.toBeNull();
  return box!;
}

/** A PNG's pixels as RGBA bytes, decoded by the browser itself (no image library needed). */
export async function decodePng(page: Page, png: Buffer): Promise<Uint8ClampedArray> {
  const bytes = await page.evaluate(async (b64) => {
    const raw = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([raw], { type: 'image/png' }));
    const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    return Array.from(ctx.getImageData(0, 0, bitmap.width, bitmap.height).data);
  }, png.toString('base64'));
  return Uint8ClampedArray.from(bytes);
}
