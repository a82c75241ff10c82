import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  checkSender,
  isAppUrl,
  isExternalUrlAllowed,
  isInvokeChannel,
  isPermissionAllowed,
  mimeTypeFor,
  resolveAppFile,
  responseHeaders,
  type SenderLike,
} from './guards';

function fakeEvent(url: string, frame: 'main' | 'sub' | 'gone' = 'main'): SenderLike {
  const mainFrame = { url };
  if (frame === 'gone') return { sender: { mainFrame }, senderFrame: null };
  return { sender: { mainFrame }, senderFrame: frame === 'main' ? mainFrame : { url } };
}

describe('checkSender', () => {
  it('accepts the main frame of the app origin', () => {
    expect(checkSender(fakeEvent('hamish://app/index.html'))).toBeNull();
  });

  it.each([
    ['a different origin', fakeEvent('https://evil.example/')],
    ['a file:// page', fakeEvent('file:///home/u/dist-web/index.html')],
    ['another host on our scheme', fakeEvent('hamish://evil/index.html')],
    ['credentials smuggled into the URL', fakeEvent('hamish://x@app/index.html')],
    ['a subframe of our own page', fakeEvent('hamish://app/index.html', 'sub')],
    ['a frame that is gone', fakeEvent('hamish://app/index.html', 'gone')],
    ['an unparsable URL', fakeEvent('not a url')],
  ])('rejects %s', (_name, event) => {
    expect(checkSender(event)).toEqual(expect.any(String));
  });
});

describe('isInvokeChannel', () => {
  it('knows exactly the contract channels', () => {
    expect(isInvokeChannel('files:open')).toBe(true);
    expect(isInvokeChannel('save:begin')).toBe(true);
    expect(isInvokeChannel('file:save')).toBe(false);
    for (const x of ['toString', '__proto__', 'fs:read', '', 42, null]) expect(isInvokeChannel(x)).toBe(false);
  });
});

describe('resolveAppFile', () => {
  const root = path.resolve('/srv/dist-web');

  it.each([
    ['hamish://app/', 'index.html'],
    ['hamish://app/index.html', 'index.html'],
    ['hamish://app/assets/index-abc.js?v=1#x', 'assets/index-abc.js'],
    ['hamish://app/assets/%D8%AE%D8%B7.woff2', 'assets/خط.woff2'],
  ])('serves %s', (url, file) => {
    expect(resolveAppFile(url, root)).toBe(path.join(root, ...file.split('/')));
  });

  it('lets the URL parser fold dot segments, which can never climb above the root', () => {
    expect(resolveAppFile('hamish://app/%2e%2e/%2e%2e/etc/passwd', root)).toBe(path.join(root, 'etc', 'passwd'));
    expect(resolveAppFile('hamish://app/../../etc/passwd', root)).toBe(path.join(root, 'etc', 'passwd'));
  });

  it.each([
    'hamish://app/..%2f..%2fetc/passwd',
    'hamish://app/assets/..%2F..%2F..%2Fetc%2Fpasswd',
    'hamish://app/..%5c..%5cwindows%5cwin.ini',
    'hamish://app/assets%5c..%5c..%5csecret',
    'hamish://app//etc/passwd',
    'hamish://app/%2fetc%2fpasswd',
    'hamish://app/C:/Windows/win.ini',
    'hamish://app/C%3a%5cWindows%5cwin.ini',
    'hamish://app/index.html%00.png',
    'hamish://app/%E0%A4%A',
    'hamish://other/index.html',
    'file:///etc/passwd',
    'https://app/index.html',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(url, root)).toBeNull();
  });
});

describe('served headers', () => {
  it('has a strict CSP with every required directive', () => {
    for (const directive of [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "font-src 'self'",
      "img-src 'self' data: blob:",
      "connect-src 'self'",
      "worker-src 'self' blob:",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ]) {
      expect(CONTENT_SECURITY_POLICY.split('; ')).toContain(directive);
    }
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('maps extensions to MIME types, falling back to octet-stream', () => {
    expect(mimeTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('/x/A.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('/x/f.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('/x/Makefile')).toBe('application/octet-stream');
    expect(responseHeaders('/x/a.css')).toMatchObject({
      'Content-Type': 'text/css; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    });
  });
});

describe('outward doors', () => {
  it('opens only http and https externally', () => {
    expect(isExternalUrlAllowed('https://example.org/a')).toBe(true);
    expect(isExternalUrlAllowed('http://example.org/a')).toBe(true);
    for (const url of ['file:///etc/passwd', 'smb://host/share', 'javascript:alert(1)', 'hamish://app/', 'ms-msdt:x', 'nonsense']) {
      expect(isExternalUrlAllowed(url)).toBe(false);
    }
  });

  it('denies every permission', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) expect(isPermissionAllowed(p)).toBe(false);
  });

  it('recognises app URLs', () => {
    expect(isAppUrl('hamish://app/index.html')).toBe(true);
    expect(isAppUrl('hamish://app.evil/index.html')).toBe(false);
  });
});
