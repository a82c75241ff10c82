/**
 * Exports stream to disk in chunks: a temp file beside the target, appended to, renamed over the target only when
 * the export completed. Cancelling or failing leaves the old file intact and no partial file behind. Each save
 * belongs to the window that began it: a token from one window is useless in another.
 */
import { randomUUID } from 'node:crypto';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { SaveFileResult } from '../shared/ipc/contract';

interface OpenSave {
  target: string;
  temp: string;
  handle: FileHandle;
  owner: number;
}

export function createStreamedSaves() {
  const saves = new Map<string, OpenSave>();

  function get(token: string, owner: number): OpenSave {
    const save = saves.get(token);
    if (!save || save.owner !== owner) throw new Error('unknown save');
    return save;
  }

  return {
    async begin(target: string, owner: number): Promise<string> {
      const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}.tmp`);
      const handle = await open(temp, 'wx');
      const token = randomUUID();
      saves.set(token, { target, temp, handle, owner });
      return token;
    },

    async chunk(token: string, data: string, owner: number): Promise<void> {
      await get(token, owner).handle.appendFile(data, 'utf8');
    },

    async end(token: string, commit: boolean, owner: number): Promise<SaveFileResult> {
      const save = get(token, owner);
      saves.delete(token);
      try {
        await save.handle.sync();
        await save.handle.close();
        if (!commit) {
          await unlink(save.temp);
          return { saved: false };
        }
        await rename(save.temp, save.target);
        return { saved: true, path: save.target };
      } catch (error) {
        await unlink(save.temp).catch(() => undefined);
        throw error;
      }
    },
  };
}
