// The fault tests' browser on an on-disk profile (TRUST.md: launchPersistentContext), and its hard kill.
import { readdirSync, readFileSync } from 'node:fs';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config';

/** Requests that left the app's origin, from any context of the running test (fixtures.ts fails the test on one). */
export const outsideRequests: string[] = [];

/** The app's own origin, and the URLs a page makes of its own data (blob:, data:). */
export const sameOrigin = (url: string, baseURL: string) => url.startsWith(baseURL) || url.startsWith('blob:') || url.startsWith('data:');

export async function launch(profile: string, baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    baseURL,
    viewport: { width: 1400, height: 900 },
  });
  context.on('request', (r) => {
    if (!sameOrigin(r.url(), baseURL)) outsideRequests.push(r.url());
  });
  return { context, page: context.pages()[0] ?? (await context.newPage()) };
}

/** SIGKILL every process of the browser running on this profile (found by its command line in /proc). */
export function kill(profile: string): void {
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    const cmdline = (() => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      } catch {
        return ''; // gone meanwhile
      }
    })();
    if (!cmdline.includes(`--user-data-dir=${profile}`)) continue;
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      // exited meanwhile
    }
  }
}
