/**
 * The Electron entry point, bundled to `dist-electron/main.cjs`. Thin on purpose: it fixes the app's identity,
 * serves the web build on `hamish://app`, and wires the window, menu and IPC handlers.
 */
import { app, BrowserWindow, Menu, session } from 'electron';
import { handleAppScheme, registerAppScheme, webRoot } from './app-protocol';
import { userDataDir } from './identity';
import { registerIpcHandlers } from './ipc-handlers';
import { buildMenu } from './menu';
import { createMainWindow, denyPermissions, hardenWebContents } from './window';

// Before `ready`, because Chromium opens the profile (and with it IndexedDB) as it starts. The path is explicit:
// Electron's default follows package.json's name, or is "Electron" when launched as `electron main.cjs`, and a
// moved userData directory orphans every document the user has annotated (TRUST.md).
app.setName('Hamish');
app.setPath('userData', userDataDir(app.getPath('appData'), process.env));
registerAppScheme();

// A second instance would open the same IndexedDB from another process; hand over to the first one instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  const showWindow = (): void => {
    if (mainWindow === null || mainWindow.isDestroyed()) {
      mainWindow = createMainWindow(__dirname);
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  };

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('second-instance', showWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    denyPermissions(session.defaultSession);
    handleAppScheme(webRoot(__dirname));
    registerIpcHandlers();
    Menu.setApplicationMenu(buildMenu(process.platform));
    showWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) showWindow();
    });
  });
}
