/**
 * The security decisions of the main process as pure functions. Nothing here imports 'electron' at runtime, so
 * Vitest can exercise every rule with fake senders and URLs without the Electron binary (TRUST.md, Desktop shell).
 */
import path from 'node:path';
import { APP_HOST, APP_SCHEME, type InvokeChannel } from '../shared/ipc/contract';
import { CONTENT_SECURITY_POLICY } from '../shared/security/csp';

/** A Record, not an array, so the compiler fails here when the contract gains a channel we do not handle. */
const INVOKE_CHANNELS: Record<InvokeChannel, true> = {
  'files:open': true,
  'save:begin': true,
  'save:chunk': true,
  'save:end': true,
  'backup:list': true,
  'backup:read': true,
  'backup:write-begin': true,
  'backup:write-chunk': true,
  'backup:write-end': true,
  'backup:append': true,
  'backup:remove': true,
};

export function isInvokeChannel(x: unknown): x is InvokeChannel {
  return typeof x === 'string' && Object.hasOwn(INVOKE_CHANNELS, x);
}

/**
 * Node's URL gives `origin === 'null'` for non-special schemes such as ours, so compare protocol and host instead.
 * Chromium, which registered the scheme as standard, does report `hamish://app` as the origin.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

/** The parts of an `IpcMainInvokeEvent` the check needs, so tests can pass plain objects. */
export interface SenderLike {
  sender: { mainFrame: unknown };
  senderFrame: { url: string } | null;
}

/**
 * Only our own page's top frame may call the main process: an iframe or a navigated-away frame would otherwise
 * inherit file-system access (VS Code checks the same three things on every message).
 */
export function checkSender(event: SenderLike): string | null {
  const frame = event.senderFrame;
  if (frame === null) return 'the sending frame is gone';
  if (frame !== event.sender.mainFrame) return 'the sender is not the main frame';
  if (!isAppUrl(frame.url)) return 'the sender is not served from the app origin';
  return null;
}

/** `shell.openExternal` hands the URL to the OS, where `file:`, `smb:` or custom handlers can run programs. */
export function isExternalUrlAllowed(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** Deny every permission: the workbench needs none, and a new one should be a reviewed, explicit decision. */
export function isPermissionAllowed(_permission: string): boolean {
  return false;
}

export { CONTENT_SECURITY_POLICY };

// Control characters, backslashes (a separator on Windows) and colons (drive letters, NTFS streams).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const BAD_SEGMENT_CHARS = /[\u0000-\u001f\u007f\\:]/;

/**
 * Map a `hamish://app/...` request to a file under `root`, or null when it must be refused: wrong scheme or host,
 * undecodable escapes, `.`/`..`/empty segments after decoding (`..%2f` survives URL parsing), or a result outside
 * `root`. Decoding happens once, here; the file system never sees an escape.
 */
export function resolveAppFile(requestUrl: string, root: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  const { pathname } = new URL(requestUrl);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const relative = decoded === '/' ? 'index.html' : decoded.slice(1);
  const segments = relative.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..' || BAD_SEGMENT_CHARS.test(s))) return null;
  const base = path.resolve(root);
  const full = path.resolve(base, ...segments);
  const inside = path.relative(base, full);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return full;
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** Module scripts are refused unless served with a JavaScript MIME type, so the lookup must be exact. */
export function mimeTypeFor(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers for every file the scheme serves; `nosniff` keeps the browser from second-guessing `mimeTypeFor`. */
export function responseHeaders(file: string): Record<string, string> {
  return {
    'Content-Type': mimeTypeFor(file),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
}
