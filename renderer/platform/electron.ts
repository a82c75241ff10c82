import type { HamishBridge } from '../../shared/ipc/contract';
import type { BackupStore, Platform } from './platform';

declare global {
  interface Window {
    /** Present only inside Electron, put there by electron/preload.ts. */
    hamish?: HamishBridge;
  }
}

export function createElectronPlatform(bridge: HamishBridge): Platform {
  return {
    kind: 'electron',
    backups: electronBackups(bridge),
    pickFiles: (options) => bridge.openFiles(options),
    async saveStream({ suggestedName, filterName, extensions }, produce) {
      const begun = await bridge.saveBegin({ suggestedName, filterName, extensions });
      if (!begun) return 'cancelled';
      // Chunks are gathered to about 1 MiB per message: thousands of tiny IPC calls would dominate the export.
      let buffer = '';
      const flush = async () => {
        if (buffer) await bridge.saveChunk({ token: begun.token, data: buffer });
        buffer = '';
      };
      try {
        await produce(async (chunk) => {
          buffer += chunk;
          if (buffer.length >= 1 << 20) await flush();
        });
        await flush();
      } catch (error) {
        await bridge.saveEnd({ token: begun.token, commit: false });
        throw error;
      }
      const result = await bridge.saveEnd({ token: begun.token, commit: true });
      return result.saved ? 'saved' : 'cancelled';
    },
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
  };
}

/** The automatic backup in Electron: userData/backups, through the IPC contract (electron/backup-files.ts). */
function electronBackups(bridge: HamishBridge): BackupStore {
  const store: BackupStore = {
    where: "Hamish's user data folder, backups",
    list: async () => (await bridge.backupList()).names,
    read: (name) => bridge.backupRead({ name }),
    async write(name, chunks) {
      const { token } = await bridge.backupWriteBegin({ name });
      let buffer = '';
      try {
        for await (const chunk of chunks) {
          buffer += chunk;
          if (buffer.length >= 1 << 20) {
            await bridge.backupWriteChunk({ token, data: buffer });
            buffer = '';
          }
        }
        if (buffer) await bridge.backupWriteChunk({ token, data: buffer });
      } catch (error) {
        await bridge.backupWriteEnd({ token, commit: false });
        throw error;
      }
      await bridge.backupWriteEnd({ token, commit: true });
    },
    append: (name, data) => bridge.backupAppend({ name, data }),
    remove: (name) => bridge.backupRemove({ name }),
  };
  // The folder's path, for the footer, once main has made it.
  void bridge.backupList().then(
    (r) => (store.where = r.where),
    () => undefined,
  );
  return store;
}
