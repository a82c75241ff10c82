/**
 * The one window and the rules every web contents obeys. The renderer is untrusted by construction: no Node, an
 * isolated sandboxed preload, no navigation away from the app, no new windows, no permissions.
 */
import path from 'node:path';
import { BrowserWindow, shell, type Session, type WebContents } from 'electron';
import { APP_ORIGIN } from '../shared/ipc/contract';
import { isExternalUrlAllowed, isPermissionAllowed } from './guards';

export const START_URL = `${APP_ORIGIN}/index.html`;

/** The only door to the OS browser: anything but http(s) could launch a local program through a URL handler. */
export function openExternal(url: string): void {
  if (!isExternalUrlAllowed(url)) return;
  shell.openExternal(url).catch((error: unknown) => console.error('openExternal failed:', error));
}

/** Applied to every web contents via `web-contents-created`, so a webview or a stray popup gets the same rules. */
export function hardenWebContents(contents: WebContents): void {
  // Every navigation is refused, even to the app's own URL: the app never navigates (a reload is not a navigation
  // and does not come here), so any attempt is a link or a script trying to leave or to reload with other state.
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    if (url !== contents.getURL()) openExternal(url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
}

export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionAllowed(permission)));
  session.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
}

export function createMainWindow(mainDir: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    title: 'Hamish',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: path.join(mainDir, 'preload.cjs'),
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(START_URL);
  return win;
}
