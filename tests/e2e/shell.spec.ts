import { expect, test } from './fixtures';
import { openApp } from './helpers';

// Issue 12, items 10 and 11 (TRUST.md F12): the web build's server sends its security policy as headers, and the
// storage notice tells the truth where the browser has no Storage API.

test('the web build is served with its CSP (frame-ancestors none) and the other security headers', async ({ page }) => {
  for (const path of ['/', '/missing']) {
    const headers = (await page.request.get(path)).headers();
    expect(headers['content-security-policy']).toMatch(/^default-src 'none'; script-src 'self';.*; frame-ancestors 'none'$/);
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    });
  }
  // The header and the meta tag are one policy: the app still starts under both.
  await openApp(page);
});

test('the footer says how much storage Hamish uses and may use', async ({ page }) => {
  await openApp(page);
  const quota = await page.evaluate(async () => (await navigator.storage.estimate()).quota!);
  await expect(page.getByText(/^Storage: .* · [\d.]+ (B|KB|MB|GB) used of [\d.]+ (MB|GB|TB) available$/)).toBeVisible();
  expect(quota).toBeGreaterThan(0);
});

test('without the Storage API the footer says persistence is unknown, not "checking…" forever', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'storage', { get: () => undefined }));
  await openApp(page);
  await expect(page.getByText(/Storage: persistence unknown/)).toBeVisible();
  await expect(page.getByText('Storage: checking…')).toHaveCount(0);
});

for (const granted of [false, true]) {
  test(`F12: when persist() answers ${granted}, the footer says so${granted ? '' : ' and advises backups'}`, async ({ page }) => {
    await page.addInitScript((granted) => {
      StorageManager.prototype.persist = () => Promise.resolve(granted);
      StorageManager.prototype.persisted = () => Promise.resolve(granted);
    }, granted);
    await openApp(page);
    await expect(page.getByText(granted ? /^Storage: persistent/ : /^Storage: best-effort — export backups regularly/)).toBeVisible();
    await expect(page.getByText('Storage: checking…')).toHaveCount(0);
  });
}
