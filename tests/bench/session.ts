// What the browser rows share: one Chromium profile on disk, the app's server and the bench's own pages.
import type { BrowserContext, Page } from '@playwright/test';

export interface Session {
  context: BrowserContext;
  /** The production web build, served by scripts/serve-web.mjs. */
  appUrl: string;
  /** The bench's own pages (tests/bench/.tmp) and the app's fonts, on another port. */
  pagesUrl: string;
  /** A URL of the app's origin that no app code answers (serve-web's 404): for raw IndexedDB work. */
  blankUrl: string;
}

/** JS heap still in use after a full garbage collection, in MB (CDP Runtime.getHeapUsage). */
export async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / 2 ** 20;
  } finally {
    await cdp.detach();
  }
}

export const DOCUMENTS_NAV = 'nav[aria-label="Documents"]';

/** Load the app and wait until the Documents list shows `buttons` documents. */
export async function loadApp(page: Page, session: Session, buttons: number): Promise<void> {
  await page.goto(session.appUrl);
  await page.waitForFunction(
    ({ nav, n }) => {
      const el = document.querySelector(nav);
      return !!el && el.querySelectorAll('button').length === n && el.getBoundingClientRect().height > 0;
    },
    { nav: DOCUMENTS_NAV, n: buttons },
    { timeout: 120_000 },
  );
}

/** Delete the app's database from a page of its origin that runs no app code (no connection stays open). */
export async function dropAppDatabase(page: Page, session: Session): Promise<void> {
  await page.goto(session.blankUrl);
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.deleteDatabase('hamish');
        req.onsuccess = () => resolve();
        req.onerror = () => reject(req.error);
        req.onblocked = () => reject(new Error('deleting the hamish database is blocked by an open connection'));
      }),
  );
}
