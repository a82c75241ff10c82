// Serves the production web build (dist-web/) on 127.0.0.1 — `npm run start:web`, the tests and the bench.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../dist-web/', import.meta.url));
const port = Number(process.env.PORT ?? 5178);
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

// The policy the build wrote into index.html (shared/security/csp.ts), sent as a header too, where
// `frame-ancestors` — ignored in a meta tag — takes effect: no other origin may frame the app.
const metaPolicy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(await readFile(join(root, 'index.html'), 'utf8'))?.[1];
if (!metaPolicy) throw new Error('dist-web/index.html has no Content-Security-Policy: run npm run build:web');
const SECURITY_HEADERS = {
  'content-security-policy': `${metaPolicy.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&')}; frame-ancestors 'none'`,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const file = normalize(join(root, path === '/' ? 'index.html' : path));
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) {
    res.writeHead(403, SECURITY_HEADERS).end();
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...SECURITY_HEADERS });
    res.end(body);
  } catch {
    res.writeHead(404, SECURITY_HEADERS).end('not found');
  }
});
server.listen(port, '127.0.0.1', () => {
  console.log(`Hamish (web build) at http://127.0.0.1:${port}/ — Ctrl+C stops it`);
});
