/**
 * The application menu. Import, Export, Undo and Redo are app commands, not Chromium roles: clicking one sends
 * the command to the focused window's renderer over MENU_CHANNEL.
 *
 * Their accelerators are shown but not registered (`registerAccelerator: false`). The renderer already handles
 * Ctrl/Cmd+O, E, Z and Shift+Z itself, because the same bundle runs in a plain browser tab; if the menu also took
 * the keys, one press would act twice (or the menu would swallow it). So keys reach the renderer, clicks come from
 * the menu. On macOS the system still routes key equivalents to the menu when the page does not consume them, so
 * the renderer should `preventDefault()` the keys it handles.
 */
import { BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';
import { MENU_CHANNEL, type MenuCommand } from '../shared/ipc/contract';

function send(command: MenuCommand): void {
  const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  win?.webContents.send(MENU_CHANNEL, command);
}

function command(label: string, accelerator: string, name: MenuCommand): MenuItemConstructorOptions {
  return { label, accelerator, registerAccelerator: false, click: () => send(name) };
}

export function buildMenu(platform: NodeJS.Platform): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    {
      label: 'File',
      submenu: [
        command('Import articles…', 'CmdOrCtrl+O', 'import'),
        command('Import annotations…', 'CmdOrCtrl+Shift+O', 'import-annotations'),
        command('Export…', 'CmdOrCtrl+E', 'export'),
        { type: 'separator' },
        platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        command('Undo', 'CmdOrCtrl+Z', 'undo'),
        command('Redo', 'CmdOrCtrl+Shift+Z', 'redo'),
        { type: 'separator' },
        // Roles, so text fields keep native clipboard behaviour and the OS shortcuts.
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
