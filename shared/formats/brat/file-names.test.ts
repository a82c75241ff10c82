import { describe, expect, it } from 'vitest';
import { bratBaseNames } from './file-names';

const ID = '1243eb3a-a8ec-4f76-9000-000000000000';
const name = (fileName: string, title = 'عنوان', id = ID) => bratBaseNames([{ id, title, fileName }]).get(id);

describe('brat file names', () => {
  it.each([
    ['002_1243eb3aa8ecf769.txt', '002_1243eb3aa8ecf769-1243eb3a'],
    ['../../etc/passwd', 'passwd-1243eb3a'],
    ['/abs/path/report.txt', 'report-1243eb3a'],
    ['C:\\Users\\x\\Report 1.TXT', 'Report-1-1243eb3a'],
    ['a\u0000b.txt', 'a-b-1243eb3a'],
    ['evil\u202etxt.exe', 'evil-txt-1243eb3a'],
    ['..', 'document-1243eb3a'],
    ['Café déjà vu.txt', 'Cafe-deja-vu-1243eb3a'],
    ['x'.repeat(300), `${'x'.repeat(40)}-1243eb3a`],
    ['الجزيرة.txt', 'document-1243eb3a'],
  ])('%j → %s', (fileName, expected) => {
    expect(name(fileName)).toBe(expected);
    expect(name(fileName)).toMatch(/^[A-Za-z0-9_-]{1,60}$/);
  });

  it('falls back on the title, then on "document"', () => {
    expect(name('', 'Libya talks: day 2')).toBe('Libya-talks-day-2-1243eb3a');
    expect(name('', 'محادثات')).toBe('document-1243eb3a');
  });

  it('keeps names apart ignoring case', () => {
    const names = bratBaseNames([
      { id: 'aaaaaaaa-1', title: '', fileName: 'Report.txt' },
      { id: 'AAAAAAAA-2', title: '', fileName: 'report.txt' },
      { id: 'aaaaaaaa-3', title: '', fileName: 'REPORT.md' },
    ]);
    expect([...names.values()]).toEqual(['Report-aaaaaaaa', 'report-aaaaaaaa-2', 'REPORT-aaaaaaaa-3']);
  });

  it('never yields a name Windows reserves, even without an id', () => {
    expect(bratBaseNames([{ id: '', title: '', fileName: 'CON.txt' }]).get('')).toBe('document-CON');
  });
});
