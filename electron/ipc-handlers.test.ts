import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

// The real 'electron' module would try to download the binary; these fakes record what the handlers register.
type Handler = (event: unknown, arg: unknown) => Promise<unknown>;
const { handlers, dialog, userData } = vi.hoisted(() => ({
  handlers: new Map<string, Handler>(),
  dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
  userData: `${process.env.TMPDIR ?? '/tmp'}/hamish-ipc-userdata-${process.pid}`,
}));
vi.mock('electron', () => ({
  app: { getPath: (name: string) => (name === 'userData' ? userData : '/home/u/Documents') },
  BrowserWindow: { fromWebContents: () => null },
  dialog,
  ipcMain: { handle: (channel: string, fn: Handler) => handlers.set(channel, fn) },
}));

const { registerIpcHandlers } = await import('./ipc-handlers');

function event(url = 'hamish://app/index.html', subframe = false): unknown {
  const mainFrame = { url };
  return { sender: { mainFrame }, senderFrame: subframe ? { url } : mainFrame };
}

function call(channel: string, ev: unknown, arg: unknown): Promise<unknown> {
  const fn = handlers.get(channel);
  if (!fn) throw new Error(`no handler for ${channel}`);
  return fn(ev, arg);
}

let dir = '';
beforeAll(async () => {
  registerIpcHandlers();
  dir = await mkdtemp(path.join(tmpdir(), 'hamish-ipc-'));
  await writeFile(path.join(dir, 'small.txt'), 'سلام');
  await writeFile(path.join(dir, 'big.txt'), 'x'.repeat(100));
});
beforeEach(() => vi.clearAllMocks());
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(userData, { recursive: true, force: true });
});

describe('the IPC wrapper', () => {
  it('registers exactly the contract channels', () => {
    expect([...handlers.keys()].sort()).toEqual([
      'backup:append',
      'backup:list',
      'backup:read',
      'backup:remove',
      'backup:write-begin',
      'backup:write-chunk',
      'backup:write-end',
      'files:open',
      'save:begin',
      'save:chunk',
      'save:end',
    ]);
  });

  it.each([
    ['another origin', event('https://evil.example/')],
    ['a file:// page', event('file:///tmp/index.html')],
    ['a subframe', event('hamish://app/index.html', true)],
  ])('refuses %s before opening any dialog', async (_name, ev) => {
    await expect(call('files:open', ev, { maxBytes: 10, extensions: ['txt'] })).rejects.toThrow(/refused/);
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it('refuses an invalid argument', async () => {
    await expect(call('save:begin', event(), { suggestedName: '../x.txt', filterName: 'T', extensions: ['txt'] })).rejects.toThrow(/refused/);
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('backup:*', () => {
  it('keeps the backup in userData/backups and reaches no other file', async () => {
    await expect(call('backup:read', event(), { name: '../Local State' })).rejects.toThrow(/refused/);
    await expect(call('backup:append', event('https://evil.example/'), { name: 'journal-000000000000.jsonl', data: 'x' })).rejects.toThrow(/refused/);
    await call('backup:append', event(), { name: 'journal-000000000000.jsonl', data: '{"commit":1}\n' });
    const begun = (await call('backup:write-begin', event(), { name: 'manifest.json' })) as { token: string };
    await call('backup:write-chunk', event(), { token: begun.token, data: '{}' });
    await call('backup:write-end', event(), { token: begun.token, commit: true });
    expect(await call('backup:list', event(), {})).toEqual({ where: path.join(userData, 'backups'), names: ['journal-000000000000.jsonl', 'manifest.json'] });
    expect(await call('backup:read', event(), { name: 'journal-000000000000.jsonl' })).toBe('{"commit":1}\n');
    await call('backup:remove', event(), { name: 'manifest.json' });
    expect(await readdir(path.join(userData, 'backups'))).toEqual(['journal-000000000000.jsonl']);
  });
});

describe('files:open', () => {
  it('reads small files and reports large ones by size only', async () => {
    dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [path.join(dir, 'small.txt'), path.join(dir, 'big.txt')] });
    const files = (await call('files:open', event(), { maxBytes: 50, extensions: ['txt'] })) as { name: string; size: number; bytes?: Uint8Array }[];
    expect(files[0]).toEqual({ name: 'small.txt', size: 8, bytes: new Uint8Array(Buffer.from('سلام')) });
    expect(files[1]).toEqual({ name: 'big.txt', size: 100 });
  });

  it('returns nothing when cancelled', async () => {
    dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    expect(await call('files:open', event(), { maxBytes: 50, extensions: ['txt'] })).toEqual([]);
  });
});

describe('save:begin, save:chunk, save:end', () => {
  const req = { suggestedName: 'out.jsonld', filterName: 'JSON-LD', extensions: ['jsonld'] };

  it('asks where to save under Documents, writes the chunks as UTF-8 and leaves no temporary file behind', async () => {
    const target = path.join(dir, 'out.jsonld');
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const begun = (await call('save:begin', event(), req)) as { token: string };
    expect(begun.token).toMatch(/^[0-9a-f-]{36}$/);
    expect(dialog.showSaveDialog.mock.calls[0]?.[0]).toMatchObject({ defaultPath: path.join('/home/u/Documents', 'out.jsonld') });
    await call('save:chunk', event(), { token: begun.token, data: '{"نص":' });
    await call('save:chunk', event(), { token: begun.token, data: '1}' });
    expect(await call('save:end', event(), { token: begun.token, commit: true })).toEqual({ saved: true, path: target });
    expect(await readFile(target, 'utf8')).toBe('{"نص":1}');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('begins nothing when the dialog is cancelled', async () => {
    dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    expect(await call('save:begin', event(), req)).toBeNull();
  });
});
