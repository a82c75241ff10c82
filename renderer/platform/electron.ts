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
    pickFiles: (options) => bridge.openFiles(options),
    async saveText({ suggestedName, data, filterName, extensions }) {
      const result = await bridge.saveFile({ suggestedName, data, filterName, extensions });
      return result.saved ? 'saved' : 'cancelled';
    },
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
  };
}
