/**
 * The main-process end of the IPC contract. Every channel goes through `handle`, which checks the channel, the
 * sender (our origin, main frame) and the argument before any file-system code runs.
 */
import { open } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { InvokeChannel, InvokeChannels, OpenedFile, OpenFilesRequest, SaveBeginRequest } from '../shared/ipc/contract';
import {
  validateBackupAppend,
  validateBackupFile,
  validateNothing,
  validateOpenFilesRequest,
  validateSaveBeginRequest,
  validateSaveChunkRequest,
  validateSaveEndRequest,
} from '../shared/ipc/contract';
import { createBackupFiles } from './backup-files';
import { createStreamedSaves } from './streamed-save';
import type { Result } from '../shared/result';
import { checkSender, isInvokeChannel } from './guards';

type Arg<C extends InvokeChannel> = InvokeChannels[C][0];
type Ret<C extends InvokeChannel> = InvokeChannels[C][1];

function handle<C extends InvokeChannel>(
  channel: C,
  validate: (x: unknown) => Result<Arg<C>>,
  fn: (arg: Arg<C>, event: IpcMainInvokeEvent) => Promise<Ret<C>>,
): void {
  if (!isInvokeChannel(channel)) throw new Error(`${String(channel)} is not in the IPC contract`);
  ipcMain.handle(channel, async (event, raw: unknown) => {
    const refused = checkSender(event);
    if (refused !== null) throw new Error(`${channel} refused: ${refused}`);
    const arg = validate(raw);
    if (!arg.ok) throw new Error(`${channel} refused: ${arg.error.message}`);
    return fn(arg.value, event);
  });
}

/** Stat through the open handle, so the size we compare is the size of the file we read. */
async function readIfSmall(file: string, maxBytes: number): Promise<OpenedFile> {
  const name = path.basename(file);
  const fh = await open(file, 'r');
  try {
    const { size } = await fh.stat();
    if (size > maxBytes) return { name, size };
    const buffer = await fh.readFile();
    // The file may have grown since the stat; the limit is about what we load into memory.
    if (buffer.byteLength > maxBytes) return { name, size: buffer.byteLength };
    return { name, size: buffer.byteLength, bytes: new Uint8Array(buffer) };
  } finally {
    await fh.close();
  }
}

async function openFiles(req: OpenFilesRequest, event: IpcMainInvokeEvent): Promise<OpenedFile[]> {
  const options: Electron.OpenDialogOptions = {
    properties: ['openFile', 'multiSelections'],
    filters: [{ name: req.extensions.join(', '), extensions: req.extensions }],
  };
  const win = BrowserWindow.fromWebContents(event.sender);
  const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  if (picked.canceled) return [];
  const files: OpenedFile[] = [];
  for (const file of picked.filePaths) files.push(await readIfSmall(file, req.maxBytes));
  return files;
}

async function askWhereToSave(req: SaveBeginRequest, event: IpcMainInvokeEvent): Promise<string | null> {
  const options: Electron.SaveDialogOptions = {
    // The validator has already refused separators, so this cannot point outside Documents.
    defaultPath: path.join(app.getPath('documents'), req.suggestedName),
    filters: [{ name: req.filterName, extensions: req.extensions }],
  };
  const win = BrowserWindow.fromWebContents(event.sender);
  const picked = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  return picked.canceled || !picked.filePath ? null : picked.filePath;
}

export function registerIpcHandlers(): void {
  handle('files:open', validateOpenFilesRequest, openFiles);
  const streamed = createStreamedSaves();
  handle('save:begin', validateSaveBeginRequest, async (req, event) => {
    const target = await askWhereToSave(req, event);
    return target ? { token: await streamed.begin(target, event.sender.id) } : null;
  });
  handle('save:chunk', validateSaveChunkRequest, (req, event) => streamed.chunk(req.token, req.data, event.sender.id));
  handle('save:end', validateSaveEndRequest, (req, event) => streamed.end(req.token, req.commit, event.sender.id));
  // The automatic backup (issue 12): userData/backups, beside the profile's IndexedDB, never inside it.
  const backups = createBackupFiles(path.join(app.getPath('userData'), 'backups'));
  handle('backup:list', validateNothing, () => backups.list());
  handle('backup:read', validateBackupFile, (req) => backups.read(req.name));
  handle('backup:write-begin', validateBackupFile, (req, event) => backups.begin(req.name, event.sender.id));
  handle('backup:write-chunk', validateSaveChunkRequest, (req, event) => backups.chunk(req.token, req.data, event.sender.id));
  handle('backup:write-end', validateSaveEndRequest, (req, event) => backups.end(req.token, req.commit, event.sender.id));
  handle('backup:append', validateBackupAppend, (req) => backups.append(req.name, req.data));
  handle('backup:remove', validateBackupFile, (req) => backups.remove(req.name));
}
