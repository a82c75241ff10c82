import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from './fixtures';
import { SHARED } from '../support/paths';
import { openApp } from './helpers';
import { kill, launch } from './profile';
import { annotateTwoNames, dumpTables, storedCount } from './workspace-state';

// TRUST.md F1 and F2: an import of 2,000 articles is interrupted at 10 %, 50 % and 95 % of its time — the page and
// then the browser closed (F1), or the browser SIGKILLed (F2) — and the profile reopened: the database opens, the
// import's documents are all there or none, and every earlier record is intact. (This tests atomicity; a power cut
// cannot be simulated here.)

const ANT = `${SHARED}corpora/ant-jawharafm/plain`;
const ARTICLES = readdirSync(ANT, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .slice(0, 2000)
  .map((f) => join(ANT, f));

async function startImport(page: Page): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import articles…' }).click();
  await (await chooser).setFiles(ARTICLES);
}

type Tables = Record<'documents' | 'annotations' | 'entities' | 'schemas', { id: string }[]>;

test.describe.configure({ mode: 'serial' });

let seeded = '';
let before: Tables;
let importMs = 0;
/** What the whole import adds: 2,000 less the articles whose text another of them has (stored once). */
let wholeAdds = 0;

test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(120_000);
  expect(ARTICLES).toHaveLength(2000);
  // One profile with earlier work (five articles, two marks), copied for each run.
  seeded = mkdtempSync(join(tmpdir(), 'hamish-f1-seed-'));
  const { context, page } = await launch(seeded, baseURL!);
  await annotateTwoNames(page);
  before = (await dumpTables(page)) as Tables;
  await context.close();
  // How long the whole import takes, on a copy: the interruptions are fractions of it.
  const whole = mkdtempSync(join(tmpdir(), 'hamish-f1-whole-'));
  cpSync(seeded, whole, { recursive: true });
  const run = await launch(whole, baseURL!);
  await openApp(run.page);
  const t0 = Date.now();
  await startImport(run.page);
  // Until the transaction has committed (the documents are there to count), not until the list is drawn after it.
  await expect.poll(() => storedCount(run.page, 'documents'), { timeout: 60_000, intervals: [20] }).toBeGreaterThan(before.documents.length);
  importMs = Date.now() - t0;
  await expect(run.page.getByRole('status', { name: 'Notice' })).toHaveText(/^Imported \d+ of 2000 files\.$/, { timeout: 60_000 });
  wholeAdds = (await storedCount(run.page, 'documents')) - before.documents.length;
  expect(wholeAdds).toBeGreaterThan(1900);
  await run.context.close();
  rmSync(whole, { recursive: true, force: true });
});

test.afterAll(() => rmSync(seeded, { recursive: true, force: true }));

for (const [fault, how] of [
  ['F1', 'the page, then the browser, closed'],
  ['F2', 'the browser SIGKILLed'],
] as const) {
  for (const at of [0.1, 0.5, 0.95]) {
    test(`${fault}: ${how} at ${at * 100} % of importing 2,000 articles: all or none of them, earlier work intact`, async ({ baseURL }) => {
      test.setTimeout(90_000);
      const profile = mkdtempSync(join(tmpdir(), `hamish-${fault.toLowerCase()}-`));
      try {
        cpSync(seeded, profile, { recursive: true });
        let { context, page } = await launch(profile, baseURL!);
        await openApp(page);
        await startImport(page);
        await page.waitForTimeout(Math.round(importMs * at));
        if (fault === 'F1') {
          await page.close();
          await context.close();
        } else {
          kill(profile);
          await context.close().catch(() => undefined);
        }

        ({ context, page } = await launch(profile, baseURL!));
        await openApp(page);
        const after = (await dumpTables(page)) as Tables;
        const added = after.documents.length - before.documents.length;
        // Which of the two it was, for the record (the import takes importMs as a whole).
        console.log(`${fault} at ${at * 100} % of ${importMs} ms: ${added === 0 ? 'none' : 'all'} of the import stored`);
        expect([0, wholeAdds], `documents added when ${how} at ${at * 100} %`).toContain(added);
        // Every earlier record is there, unchanged.
        for (const table of ['documents', 'annotations', 'entities', 'schemas'] as const) {
          const ids = new Map(after[table].map((r) => [r.id, r]));
          for (const r of before[table]) expect(ids.get(r.id), `${table} ${r.id}`).toEqual(r);
        }
        expect(after.annotations).toEqual(before.annotations);
        await context.close();
      } finally {
        kill(profile);
        rmSync(profile, { recursive: true, force: true });
      }
    });
  }
}
