import type { BackupStore } from './platform';

const FOLDER = 'backups';

/**
 * The backup store of the web build: a folder of the Origin Private File System, which the browser keeps apart from
 * IndexedDB's files. A writable stream writes to a scratch file that replaces the file only on close, so a crash
 * mid-write leaves the old file whole.
 */
export function opfsBackups(): BackupStore | null {
  if (typeof navigator.storage?.getDirectory !== 'function') return null;
  const folder = navigator.storage.getDirectory().then((root) => root.getDirectoryHandle(FOLDER, { create: true }));
  const file = async (name: string, create: boolean) => (await folder).getFileHandle(name, { create });
  const missing = (err: unknown) => (err as { name?: string }).name === 'NotFoundError';
  return {
    where: "this browser's private storage for Hamish (Origin Private File System)",
    async list() {
      const names: string[] = [];
      for await (const name of (await folder).keys()) names.push(name);
      return names.sort();
    },
    async read(name) {
      try {
        return await (await (await file(name, false)).getFile()).text();
      } catch (err) {
        if (missing(err)) return null;
        throw err;
      }
    },
    async write(name, chunks) {
      const out = await (await file(name, true)).createWritable();
      try {
        for await (const chunk of chunks) await out.write(chunk);
        await out.close();
      } catch (err) {
        await out.abort();
        throw err;
      }
    },
    async append(name, text) {
      const handle = await file(name, true);
      const size = (await handle.getFile()).size;
      const out = await handle.createWritable({ keepExistingData: true });
      try {
        await out.seek(size);
        await out.write(text);
        await out.close();
      } catch (err) {
        await out.abort();
        throw err;
      }
    },
    async remove(name) {
      try {
        await (await folder).removeEntry(name);
      } catch (err) {
        if (!missing(err)) throw err;
      }
    },
  };
}
