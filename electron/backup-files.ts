/**
 * The main-process end of the automatic backup in Electron: a folder `backups` in userData, beside (not inside) the
 * profile's IndexedDB files. Whole files are written like exports (a temp file renamed over the old one once synced,
 * streamed-save.ts); appends are synced before they are reported done. Names are checked by the IPC contract.
 */
import { mkdir, open, readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { BACKUP_FILE, type BackupListResult } from '../shared/ipc/contract';
import { createStreamedSaves } from './streamed-save';

const absent = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

export function createBackupFiles(dir: string) {
  const saves = createStreamedSaves();
  const ready = () => mkdir(dir, { recursive: true });
  const file = (name: string) => {
    // The contract allows only plain names; checked again here, where the path is made.
    if (!BACKUP_FILE.test(name)) throw new Error(`not a backup file: ${name}`);
    return path.join(dir, name);
  };
  return {
    async list(): Promise<BackupListResult> {
      await ready();
      return { where: dir, names: (await readdir(dir)).filter((n) => BACKUP_FILE.test(n)).sort() };
    },
    async read(name: string): Promise<string | null> {
      try {
        return await readFile(file(name), 'utf8');
      } catch (err) {
        if (absent(err)) return null;
        throw err;
      }
    },
    async begin(name: string, owner: number): Promise<{ token: string }> {
      await ready();
      return { token: await saves.begin(file(name), owner) };
    },
    chunk: (token: string, data: string, owner: number) => saves.chunk(token, data, owner),
    async end(token: string, commit: boolean, owner: number): Promise<void> {
      await saves.end(token, commit, owner);
    },
    async append(name: string, data: string): Promise<void> {
      await ready();
      const handle = await open(file(name), 'a');
      try {
        await handle.appendFile(data, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
    },
    async remove(name: string): Promise<void> {
      try {
        await unlink(file(name));
      } catch (err) {
        if (!absent(err)) throw err;
      }
    },
  };
}
