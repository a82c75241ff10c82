import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validateBackupAppend, validateBackupFile } from '../shared/ipc/contract';
import { createBackupFiles } from './backup-files';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function folder() {
  const root = mkdtempSync(path.join(tmpdir(), 'hamish-backups-'));
  dirs.push(root);
  return path.join(root, 'backups');
}

describe('the backup folder in userData', () => {
  it('writes whole files only when they end committed, appends, reads, lists and removes', async () => {
    const dir = folder();
    const files = createBackupFiles(dir);
    expect(await files.read('manifest.json')).toBeNull();
    const { token } = await files.begin('snapshot-000000000007.jsonl', 1);
    await files.chunk(token, '{"format":"hamish-backup-snapshot"}\n', 1);
    await files.chunk(token, '{"t":"documents","r":{"id":"d1","text":"قال المتحدث 😀"}}\n', 1);
    // Not there before the end: a crash mid-snapshot leaves no half file under the name.
    expect(await files.read('snapshot-000000000007.jsonl')).toBeNull();
    await files.end(token, true, 1);
    expect(await files.read('snapshot-000000000007.jsonl')).toContain('قال المتحدث 😀');

    await files.append('journal-000000000007.jsonl', '{"commit":8}\n');
    await files.append('journal-000000000007.jsonl', '{"commit":9}\n');
    expect(await files.read('journal-000000000007.jsonl')).toBe('{"commit":8}\n{"commit":9}\n');

    writeFileSync(path.join(dir, 'stray.txt'), 'not ours');
    expect(await files.list()).toEqual({ where: dir, names: ['journal-000000000007.jsonl', 'snapshot-000000000007.jsonl'] });
    await files.remove('journal-000000000007.jsonl');
    await files.remove('journal-000000000007.jsonl');
    expect((await files.list()).names).toEqual(['snapshot-000000000007.jsonl']);
  });

  it('keeps the old file whole when a rewrite is abandoned, and leaves no temp file', async () => {
    const dir = folder();
    const files = createBackupFiles(dir);
    const first = await files.begin('manifest.json', 1);
    await files.chunk(first.token, '{"commit":1}', 1);
    await files.end(first.token, true, 1);
    const second = await files.begin('manifest.json', 1);
    await files.chunk(second.token, '{"com', 1);
    await files.end(second.token, false, 1);
    expect(await files.read('manifest.json')).toBe('{"commit":1}');
    expect(readdirSync(dir)).toEqual(['manifest.json']);
  });

  it('refuses every name but the backup files, in the contract and again at the folder', async () => {
    for (const name of [
      '../manifest.json',
      'manifest.json/../../x',
      '/etc/passwd',
      'snapshot-7.jsonl',
      'journal-000000000007.jsonl.tmp',
      'MANIFEST.JSON',
      '',
    ]) {
      expect(validateBackupFile({ name }).ok, name).toBe(false);
      await expect(createBackupFiles(folder()).read(name)).rejects.toThrow(/not a backup file/);
    }
    expect(validateBackupFile({ name: 'journal-000000000007.jsonl' }).ok).toBe(true);
    expect(validateBackupAppend({ name: 'journal-000000000007.jsonl', data: 42 }).ok).toBe(false);
  });
});
