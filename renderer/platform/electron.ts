import type { HamishBridge } from '../../shared/ipc/contract';
import type { Platform } from './platform';

declare global {
  interface Window {
    /** Present only inside Electron, put there by electron/preload.ts. */
    hamish?: HamishBridge;
  }
}

export function createElectronPlatform(bridge: HamishBridge): Platform {
  return {
    kind: 'electron',
    // userData/backups through the IPC contract is not built yet: no automatic backup in Electron so far.
    backups: null,
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
