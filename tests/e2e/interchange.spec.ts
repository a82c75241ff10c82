import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { SHARED } from '../support/paths';
import { dragSelect, exportAs, importAnnotations, importThroughPicker, listedAnnotations, newsFile, openApp, openDocument, readNews } from './helpers';
import { clearSiteData } from './workspace-state';

const AQMAR = `${SHARED}corpora/aqmar/`;

test('a CoNLL file from AQMAR imports with its tags, shows in the reader, exports back to the same tokens and tags, and undoes in one step', async ({
  page,
}) => {
  await openApp(page);
  const dialog = await importAnnotations(page, /CoNLL/, [`${AQMAR}Razi.txt`]);
  await expect(dialog.getByRole('status', { name: 'What the import will do' })).toContainText('1 new document(s)');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  const title = await page.getByRole('navigation', { name: 'Documents' }).getByRole('button').first().textContent();
  await openDocument(page, title!);
  const listed = await listedAnnotations(page);
  expect(listed.length).toBeGreaterThan(50);
  expect(listed.some((l) => l.endsWith('— Person'))).toBe(true);

  // Exported again as CoNLL, the tokens and tags are the file's (after its DOCSTART header).
  const exported = readFileSync(await exportAs(page, /CoNLL/), 'utf8');
  const body = (s: string) =>
    s
      .split('\n')
      .filter((l) => l && !l.startsWith('-DOCSTART-'))
      .map((l) => l.split(/[ \t]/));
  const original = body(readFileSync(`${AQMAR}Razi.txt`, 'utf8'));
  const again = body(exported);
  expect(again.map((r) => r[0])).toEqual(original.map((r) => r[0]));
  const repaired = (tag: string, prev: string | undefined) => (tag.startsWith('I-') && prev?.slice(2) !== tag.slice(2) ? `B-${tag.slice(2)}` : tag);
  expect(again.map((r) => r[1])).toEqual(original.map((r, i) => repaired(r[1]!, original[i - 1]?.[1])));

  await page.keyboard.press('Control+z');
  await expect.poll(() => listedAnnotations(page)).toEqual([]);
});

test('W3C JSON-LD re-imported: identical records are recognised, a changed one is a conflict the annotator decides', async ({ page }, info) => {
  await openApp(page);
  await importThroughPicker(page, [newsFile('002')]);
  const title = readNews('002').split('\n')[0]!.trim();
  await openDocument(page, title);
  await dragSelect(page, 'غسان سلامة', 0);
  await page.keyboard.press('1');
  await dragSelect(page, 'ستيفان دوجاريك', 0);
  await page.keyboard.press('1');
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  const exported = JSON.parse(readFileSync(await exportAs(page, /JSON-LD/), 'utf8'));

  // Someone else relabelled «غسان سلامة» as an organisation in their copy.
  const item = exported.first.items.find((i: { target: { selector: Array<{ exact?: string }> } }) => i.target.selector[1]!.exact === 'غسان سلامة');
  const tag = item.body.find((b: { purpose?: string }) => b.purpose === 'tagging');
  Object.assign(tag, { value: 'Organisation', labelId: 'organisation' });
  item.body.find((b: { purpose?: string }) => b.purpose === 'classifying').source = 'http://schema.org/Organization';
  const theirs = info.outputPath('theirs.jsonld');
  writeFileSync(theirs, JSON.stringify(exported, null, 2));

  const dialog = await importAnnotations(page, /W3C/, [theirs]);
  await expect(dialog.getByRole('status', { name: 'What the import will do' })).toHaveText(
    '0 new document(s), 1 already here (same text), 0 new annotation(s), 1 identical, 1 conflict(s) to decide.',
  );
  await dialog.getByRole('list', { name: 'Conflicts' }).getByRole('radio', { name: 'take theirs' }).check();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  await openDocument(page, title);
  await expect.poll(() => listedAnnotations(page)).toEqual(['ستيفان دوجاريك — Person', 'غسان سلامة — Organisation']);
  await page.keyboard.press('Control+z');
  await expect.poll(() => listedAnnotations(page)).toEqual(['ستيفان دوجاريك — Person', 'غسان سلامة — Person']);
});

test('every export format downloads from the Export dialog, and a Label Studio export imports back into an empty workspace', async ({ page }) => {
  await openApp(page);
  await importThroughPicker(page, [newsFile('004')]);
  const title = readNews('004')
    .split('\n')
    .find((l) => l.trim())!
    .trim();
  await openDocument(page, title);
  await dragSelect(page, 'وزارة الخارجية الأمريكية', 0);
  await page.keyboard.press('2');
  await dragSelect(page, 'وكالة أنباء الطلبة الإيرانية', 0);
  await page.keyboard.press('s');
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');

  const jsonl = readFileSync(await exportAs(page, /JSONL/, { splitClitics: true }), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(jsonl).toHaveLength(1);
  expect(jsonl[0].spans.map((s: { text: string; label: string }) => `${s.text}:${s.label}`)).toEqual(['وزارة الخارجية الأمريكية:ORG']);
  expect(jsonl[0].tags).toHaveLength(jsonl[0].tokens.length);

  const labelStudio = await exportAs(page, /Label Studio/);
  const tar = await exportAs(page, /brat/);
  expect(readFileSync(tar).subarray(257, 262).toString('latin1')).toBe('ustar');

  // Into a fresh workspace (the site's data cleared: the database and its automatic backup): the Label Studio file
  // brings the document and both annotations back.
  await clearSiteData(page, { backup: true });
  await page.reload();
  await expect(page.getByRole('button', { name: 'Import articles…' })).toBeVisible();
  const dialog = await importAnnotations(page, /Label Studio/, [labelStudio]);
  await expect(dialog.getByRole('status', { name: 'What the import will do' })).toContainText('1 new document(s)');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  await openDocument(page, title);
  await expect.poll(() => listedAnnotations(page)).toEqual(['وكالة أنباء الطلبة الإيرانية — Source (News agency)', 'وزارة الخارجية الأمريكية — Organisation']);
});
