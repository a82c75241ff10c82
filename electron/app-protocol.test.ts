import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

type Serve = (request: Request) => Promise<Response>;
const registered = vi.hoisted(() => ({ serve: undefined as Serve | undefined }));
vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: () => undefined,
    handle: (_scheme: string, fn: Serve) => {
      registered.serve = fn;
    },
  },
}));

const { handleAppScheme, webRoot } = await import('./app-protocol');

function get(url: string): Promise<Response> {
  if (!registered.serve) throw new Error('scheme not handled');
  // Node's Request refuses custom schemes, and the handler reads only these two fields.
  return registered.serve({ url, method: 'GET' } as Request);
}

let base = '';
beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'hamish-web-'));
  const root = path.join(base, 'dist-web');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Hamish</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'export {};');
  await writeFile(path.join(base, 'secret.txt'), 'secret');
  handleAppScheme(root);
});
afterAll(() => rm(base, { recursive: true, force: true }));

describe('hamish://app', () => {
  it('serves index.html with the CSP header', async () => {
    const res = await get('hamish://app/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await res.text()).toContain('<title>Hamish</title>');
  });

  it('serves scripts as JavaScript', async () => {
    expect((await get('hamish://app/assets/app.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('refuses traversal and foreign hosts, and 404s missing files', async () => {
    expect((await get('hamish://app/..%2fsecret.txt')).status).toBe(403);
    expect((await get('hamish://evil/index.html')).status).toBe(403);
    expect((await get('hamish://app/missing.js')).status).toBe(404);
  });

  it('finds dist-web beside dist-electron', () => {
    expect(webRoot(path.join('/r', 'dist-electron'))).toBe(path.join('/r', 'dist-web'));
  });
});
