/**
 * Where Hamish keeps its data. Chromium keys IndexedDB by origin and stores it under the userData directory, so
 * these two values together locate every user's annotations: change either and the app opens an empty database
 * while the old one sits orphaned on disk (TRUST.md). `identity.test.ts` pins them to literal strings.
 */
import path from 'node:path';
import { APP_ORIGIN } from '../shared/ipc/contract';

export { APP_ORIGIN };

/** The folder under the OS application-data directory (e.g. ~/.config/Hamish). */
export const USER_DATA_DIR_NAME = 'Hamish';

/** Tests point this at a temporary folder so they never read or write a real user's database. */
export const USER_DATA_OVERRIDE_ENV = 'HAMISH_USER_DATA_DIR';

/**
 * The userData path, chosen explicitly: Electron's default is derived from package.json's name, or "Electron" when
 * started as `electron dist-electron/main.cjs`, so renaming the package or launching differently would move it.
 */
export function userDataDir(appData: string, env: NodeJS.ProcessEnv): string {
  const override = env[USER_DATA_OVERRIDE_ENV];
  if (override && path.isAbsolute(override)) return override;
  return path.join(appData, USER_DATA_DIR_NAME);
}
