/**
 * The desktop shell as users get it: the built main process, the sandboxed preload and the web build together.
 * Needs Electron's binary; without it every test here is skipped, loudly, with the reason.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { USER_DATA_OVERRIDE_ENV } from '../../electron/identity';
import { electronBinary, REPO_ROOT } from './electron-binary';

const SKIP_REASON = "Electron tests skipped: Electron's binary is not installed (it is downloaded from GitHub, unreachable here)";
const MAIN = path.join(REPO_ROOT, 'dist-electron', 'main.cjs');
const binary = electronBinary();
let reported = false;

async function launch(userData: string): Promise<{ app: ElectronApplication; page: Page }> {
  if (binary === null) throw new Error(SKIP_REASON);
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  // A temporary profile, so the suite never touches the developer's real Hamish database.
  env[USER_DATA_OVERRIDE_ENV] = userData;
  // Chromium refuses to start as root (CI containers) unless its OS sandbox is off; the renderer's `sandbox: true`
  // (no Node in the preload) still applies.
  const args = process.getuid?.() === 0 ? ['--no-sandbox', MAIN] : [MAIN];
  const app = await electron.launch({ executablePath: binary, args, env, cwd: REPO_ROOT });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page };
}

let userData = '';
test.beforeEach(async () => {
  if (binary === null) {
    if (!reported) console.log(SKIP_REASON);
    reported = true;
    test.skip(true, SKIP_REASON);
  }
  userData = await mkdtemp(path.join(tmpdir(), 'hamish-electron-'));
});
test.afterEach(async () => {
  if (userData) await rm(userData, { recursive: true, force: true });
});

test('the window is the sandboxed app on hamish://app', async () => {
  const { app, page } = await launch(userData);
  try {
    expect(page.url()).toMatch(/^hamish:\/\/app\//);
    const shape = await page.evaluate(() => {
      const bridge = (window as unknown as { hamish?: Record<string, unknown> }).hamish ?? {};
      return {
        keys: Object.keys(bridge).sort(),
        types: Object.values(bridge).map((v) => typeof v),
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        origin: location.origin,
      };
    });
    expect(shape).toEqual({
      keys: [
        'backupAppend',
        'backupList',
        'backupRead',
        'backupRemove',
        'backupWriteBegin',
        'backupWriteChunk',
        'backupWriteEnd',
        'onMenuCommand',
        'openFiles',
        'saveBegin',
        'saveChunk',
        'saveEnd',
      ],
      types: Array(12).fill('function'),
      require: 'undefined',
      process: 'undefined',
      origin: 'hamish://app',
    });
    const csp = await page.evaluate(async () => (await fetch('/index.html')).headers.get('content-security-policy'));
    expect(csp).toContain("default-src 'none'");
  } finally {
    await app.close();
  }
});

test('IndexedDB written in one run is there in the next', async () => {
  // A probe database of its own, so the test does not depend on the renderer's schema.
  const first = await launch(userData);
  await first.page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('hamish-electron-probe', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('kv');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('kv', 'readwrite');
          tx.objectStore('kv').put('خبر محفوظ', 'note');
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await first.app.close();

  const second = await launch(userData);
  try {
    const value = await second.page.evaluate(
      () =>
        new Promise<unknown>((resolve, reject) => {
          const open = indexedDB.open('hamish-electron-probe', 1);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            // A lost database comes back empty (and freshly created), not as an error.
            if (!open.result.objectStoreNames.contains('kv')) return resolve(undefined);
            const get = open.result.transaction('kv').objectStore('kv').get('note');
            get.onsuccess = () => resolve(get.result);
            get.onerror = () => reject(get.error);
          };
        }),
    );
    expect(value).toBe('خبر محفوظ');
  } finally {
    await second.app.close();
  }
});

test('the automatic backup is written to backups/ in userData, and names an article dropped on the window', async () => {
  const { app, page } = await launch(userData);
  try {
    await page.getByRole('button', { name: 'Import articles…' }).waitFor();
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['خبر من سطح المكتب\nنص الخبر'], 'desktop.txt', { type: 'text/plain' }));
      document.querySelector('.app')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await expect(page.getByRole('status', { name: 'Notice' })).toHaveText('Imported 1 of 1 file.');
    // Within the backup's flush delay, the manifest in userData/backups counts the document and a journal holds it.
    await expect
      .poll(async () => {
        try {
          const manifest = JSON.parse(await readFile(path.join(userData, 'backups', 'manifest.json'), 'utf8'));
          return manifest.summary.documents.count;
        } catch {
          return null;
        }
      })
      .toBe(1);
    const listed = await page.evaluate(() => (window as unknown as { hamish: { backupList(): Promise<{ names: string[] }> } }).hamish.backupList());
    expect(JSON.stringify(listed)).toMatch(/journal-\d{12}\.jsonl|snapshot-\d{12}\.jsonl/);
  } finally {
    await app.close();
  }
});
