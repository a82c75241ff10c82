/**
 * Serves the Vite build (`dist-web/`) on `hamish://app/`. A custom scheme instead of `file://` gives the renderer
 * a real, fixed origin (IndexedDB is keyed by it) and lets every response carry the CSP header.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { APP_SCHEME } from '../shared/ipc/contract';
import { resolveAppFile, responseHeaders } from './guards';

/** Must run before `ready`: Chromium fixes the scheme's privileges when it starts. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // No `corsEnabled`: leaving it off keeps the scheme unreadable from any other origin.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/** `main.cjs` lives in `dist-electron/`, beside `dist-web/`, both in the repo and inside the packaged asar. */
export function webRoot(mainDir: string): string {
  return path.join(mainDir, '..', 'dist-web');
}

function textResponse(status: number, body: string): Response {
  return new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

export function handleAppScheme(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    const file = resolveAppFile(request.url, root);
    if (file === null) return textResponse(403, 'Forbidden');
    try {
      const bytes = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : bytes, { status: 200, headers: responseHeaders(file) });
    } catch {
      return textResponse(404, 'Not found');
    }
  });
}
