import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from './fixtures';
import { exportAs, importAnnotations, openApp } from './helpers';
import { kill, launch } from './profile';
import { annotateTwoNames, dumpTables, storedCount } from './workspace-state';

// TRUST.md F2 for the other imports (issue 12 item 6): an Import annotations… of 20,000 annotations that brings a
// new label, and a Restore from backup… that replaces the workspace, each SIGKILLed at 10, 50 and 95 % of its write.
// Reopened: all of it or none — never the label without its annotations, nor half a restore.

type Tables = Record<'documents' | 'annotations' | 'entities' | 'schemas', Array<{ id: string }>>;
/** The stored tables; the schema row's `modified` (the time of the write) left out, so two runs compare. */
const tables = async (page: Page) => {
  const t = (await dumpTables(page)) as Tables;
  return { ...t, schemas: t.schemas.map(({ modified: _modified, ...row }: { id: string; modified?: string }) => row) };
};

test.describe.configure({ mode: 'serial' });

let seeded = '';
let before: Tables;
let bigFile = '';
const work: Record<'import' | 'restore', { ms: number; after: Tables | null }> = { import: { ms: 0, after: null }, restore: { ms: 0, after: null } };

/** Open the dialog, choose the file, and stop just before the click that writes. */
async function prepare(page: Page, what: 'import' | 'restore') {
  await openApp(page);
  if (what === 'import') {
    const dialog = await importAnnotations(page, /W3C/, bigFile);
    await expect(dialog.getByRole('status', { name: 'What the import will do' })).toContainText('20000 new annotation(s)', { timeout: 30_000 });
    return dialog.getByRole('button', { name: 'Import', exact: true });
  }
  await page.getByRole('button', { name: 'Restore from backup…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore from a backup' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose backup file…' }).click();
  await (await chooser).setFiles(bigFile);
  await expect(dialog.getByRole('status', { name: 'What the import will do' })).toContainText('20000 annotation(s)', { timeout: 30_000 });
  await dialog.getByRole('radio', { name: 'Replace the workspace with the backup' }).check();
  return dialog.getByRole('button', { name: 'Restore', exact: true });
}

test.beforeAll(async ({ baseURL }, info) => {
  test.setTimeout(180_000);
  seeded = mkdtempSync(join(tmpdir(), 'hamish-f2i-seed-'));
  const { context, page } = await launch(seeded, baseURL!);
  await annotateTwoNames(page);
  before = await tables(page);
  // 20,000 annotations on the seeded documents, each with its own id, under a label the workspace lacks.
  const exported = JSON.parse(readFileSync(await exportAs(page, /JSON-LD/), 'utf8'));
  // The export names a label's id `labelId`.
  const { key: _key, ...other } = exported.labelSchema.entityTypes.find((l: { labelId: string }) => l.labelId === 'other');
  exported.labelSchema.entityTypes.push({ ...other, labelId: 'weapon', nameEn: 'Weapon', nameAr: 'سلاح', tag: 'WEA', color: '#5b2c06', key: '' });
  const [a] = exported.first.items;
  exported.first.items = Array.from({ length: 20_000 }, (_, i) => ({
    ...a,
    id: `urn:uuid:20000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    body: a.body.map((b: { purpose?: string }) => (b.purpose === 'tagging' ? { ...b, value: 'Weapon', labelId: 'weapon' } : b)),
  }));
  exported.total = 20_000;
  bigFile = info.outputPath('big.jsonld');
  writeFileSync(bigFile, JSON.stringify(exported));
  await context.close();
  // Each write whole, on a copy: how long it takes to commit, and what it leaves.
  for (const what of ['import', 'restore'] as const) {
    const whole = mkdtempSync(join(tmpdir(), 'hamish-f2i-whole-'));
    cpSync(seeded, whole, { recursive: true });
    const run = await launch(whole, baseURL!);
    const write = await prepare(run.page, what);
    const t0 = Date.now();
    await write.click();
    const target = what === 'import' ? before.annotations.length + 20_000 : 20_000;
    await expect.poll(() => storedCount(run.page, 'annotations'), { timeout: 60_000, intervals: [20] }).toBe(target);
    work[what].ms = Date.now() - t0;
    await expect(run.page.getByRole('status', { name: 'Save state' })).toHaveText('Saved', { timeout: 30_000 });
    work[what].after = await tables(run.page);
    await run.context.close();
    rmSync(whole, { recursive: true, force: true });
  }
});

test.afterAll(() => rmSync(seeded, { recursive: true, force: true }));

for (const what of ['import', 'restore'] as const) {
  for (const at of [0.1, 0.5, 0.95]) {
    test(`F2: ${what === 'import' ? 'Import annotations… with a new label' : 'Restore from backup… (replace)'} SIGKILLed at ${at * 100} % of its write: all or none`, async ({
      baseURL,
    }) => {
      test.setTimeout(120_000);
      const profile = mkdtempSync(join(tmpdir(), `hamish-f2i-${what}-`));
      try {
        cpSync(seeded, profile, { recursive: true });
        let { context, page } = await launch(profile, baseURL!);
        const write = await prepare(page, what);
        await write.click();
        await page.waitForTimeout(Math.round(work[what].ms * at));
        kill(profile);
        await context.close().catch(() => undefined);

        ({ context, page } = await launch(profile, baseURL!));
        await openApp(page);
        const after = await tables(page);
        const whole = after.annotations.length === work[what].after!.annotations.length;
        console.log(`F2 ${what} at ${at * 100} % of ${work[what].ms} ms: ${whole ? 'all' : 'none'} of it stored`);
        // Exactly one of the two states, table by table: the label schema goes with its annotations.
        expect(after).toEqual(whole ? work[what].after : before);
        await context.close();
      } finally {
        kill(profile);
        rmSync(profile, { recursive: true, force: true });
      }
    });
  }
}
