/**
 * Runs sandboxed, so it is bundled to CommonJS and may require only 'electron'. It exposes named functions and
 * never `ipcRenderer` itself: the page can reach exactly the channels of the contract, nothing else.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isMenuCommand, MENU_CHANNEL, type HamishBridge, type InvokeChannel, type InvokeChannels, type MenuCommand } from '../shared/ipc/contract';

function invoke<C extends InvokeChannel>(channel: C, arg: InvokeChannels[C][0]): Promise<InvokeChannels[C][1]> {
  return ipcRenderer.invoke(channel, arg) as Promise<InvokeChannels[C][1]>;
}

const bridge = {
  openFiles(req) {
    return invoke('files:open', req);
  },
  saveBegin(req) {
    return invoke('save:begin', req);
  },
  saveChunk(req) {
    return invoke('save:chunk', req);
  },
  saveEnd(req) {
    return invoke('save:end', req);
  },
  backupList() {
    return invoke('backup:list', {});
  },
  backupRead(req) {
    return invoke('backup:read', req);
  },
  backupWriteBegin(req) {
    return invoke('backup:write-begin', req);
  },
  backupWriteChunk(req) {
    return invoke('backup:write-chunk', req);
  },
  backupWriteEnd(req) {
    return invoke('backup:write-end', req);
  },
  backupAppend(req) {
    return invoke('backup:append', req);
  },
  backupRemove(req) {
    return invoke('backup:remove', req);
  },
  onMenuCommand(listener: (command: MenuCommand) => void) {
    if (typeof listener !== 'function') throw new TypeError('onMenuCommand expects a function');
    // Only a known command reaches the page, and never the raw IPC event (it carries `sender`).
    const forward = (_event: IpcRendererEvent, command: unknown): void => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, forward);
    };
  },
} satisfies HamishBridge;

contextBridge.exposeInMainWorld('hamish', bridge);
