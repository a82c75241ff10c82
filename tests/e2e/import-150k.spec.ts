import { writeFileSync } from 'node:fs';
import { main } from '../../cli/hamish';
import { expect, test } from './fixtures';
import { importAnnotations, openApp } from './helpers';
import { storedCount } from './workspace-state';

// Issue 12 item 7: a 150,000-annotation corpus exported by Hamish (220 MB of W3C JSON-LD, past the 200 MB that used
// to be refused) imports back in the app, through the worker, whole.
const WORDS = ['قال', 'المتحدث', 'باسم', 'الأمم', 'المتحدة', 'إن', 'المشير'];

function conll(): string {
  const lines: string[] = [];
  for (let d = 0; d < 1000; d++) {
    lines.push('-DOCSTART- O', '');
    for (let s = 0; s < 50; s++)
      lines.push(`${WORDS[s % 7]} O`, 'خليفة B-PER', 'حفتر I-PER', 'في O', 'طرابلس B-LOC', 'مع O', 'اللجنة B-ORG', 'العسكرية I-ORG', `${d}-${s} O`, '. O', '');
  }
  return `${lines.join('\n')}\n`;
}

test('a W3C export of 150,000 annotations (220 MB) imports back in the app, every annotation stored', async ({ page }, info) => {
  test.setTimeout(300_000);
  const source = info.outputPath('corpus.conll');
  const file = info.outputPath('corpus.jsonld');
  writeFileSync(source, conll());
  let err = '';
  expect(await main(['convert', source, file], { out: () => {}, err: (s) => void (err += s) }), err).toBe(0);

  await openApp(page);
  const dialog = await importAnnotations(page, /W3C/, file);
  await expect(dialog.getByRole('status', { name: 'What the import will do' })).toContainText('1000 new document(s)', { timeout: 120_000 });
  await expect(dialog.getByRole('status', { name: 'What the import will do' })).toContainText('150000 new annotation(s)');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Notice' })).toHaveText(/and 150000 annotation\(s\)/, { timeout: 180_000 });
  const stored = await storedCount(page, 'annotations');
  expect(stored).toBe(150_000);
});
