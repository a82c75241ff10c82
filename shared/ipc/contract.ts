/**
 * The one IPC contract between Electron's main process and the preload. Main registers exactly these channels,
 * the preload exposes exactly `HamishBridge`, and every argument that crosses is checked by the validators here.
 */
import { fail, ok, type Problem, type Result } from '../result';

/** The custom scheme the renderer is served from. Fixed forever: IndexedDB is keyed by this origin. */
export const APP_SCHEME = 'hamish';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export interface OpenedFile {
  name: string;
  size: number;
  /** Absent when the file is larger than the limit the renderer asked for: it is never read. */
  bytes?: Uint8Array;
}

export interface OpenFilesRequest {
  /** Files larger than this are reported by size and not read. */
  maxBytes: number;
  /** Extensions without the dot, e.g. ["txt"]. */
  extensions: string[];
}

export type SaveFileResult = { saved: true; path: string } | { saved: false };

/**
 * Every save is streamed: begin (the dialog), any number of chunks, then end (commit or abort). (A one-shot
 * `file:save` channel existed beside it unused; it is gone, so the page can reach one less channel.)
 */
export interface SaveBeginRequest {
  suggestedName: string;
  filterName: string;
  extensions: string[];
}
export type SaveBeginResult = { token: string } | null;
export interface SaveChunkRequest {
  token: string;
  data: string;
}
export interface SaveEndRequest {
  token: string;
  /** false throws the partial file away (the user cancelled, or the export failed). */
  commit: boolean;
}

/**
 * The automatic backup's files in userData/backups (shared/backup/files.ts): only these names, so no message can
 * reach a file outside that folder.
 */
export const BACKUP_FILE = /^(?:manifest\.json|(?:snapshot|journal)-\d{12}\.jsonl)$/;
export interface BackupFileRequest {
  name: string;
}
export interface BackupAppendRequest {
  name: string;
  data: string;
}
export interface BackupListResult {
  /** The folder, for the footer. */
  where: string;
  names: string[];
}

export type MenuCommand = 'import' | 'import-annotations' | 'export' | 'undo' | 'redo';
export const MENU_COMMANDS: readonly MenuCommand[] = ['import', 'import-annotations', 'export', 'undo', 'redo'];

/** Invoke channels: name → [argument, result]. */
export interface InvokeChannels {
  'files:open': [OpenFilesRequest, OpenedFile[]];
  'save:begin': [SaveBeginRequest, SaveBeginResult];
  'save:chunk': [SaveChunkRequest, void];
  'save:end': [SaveEndRequest, SaveFileResult];
  'backup:list': [Record<string, never>, BackupListResult];
  'backup:read': [BackupFileRequest, string | null];
  /** A whole file, streamed like a save: written beside it and renamed over it only at the end. */
  'backup:write-begin': [BackupFileRequest, { token: string }];
  'backup:write-chunk': [SaveChunkRequest, void];
  'backup:write-end': [SaveEndRequest, void];
  'backup:append': [BackupAppendRequest, void];
  'backup:remove': [BackupFileRequest, void];
}
export type InvokeChannel = keyof InvokeChannels;

/** Main → renderer event channel for menu commands. */
export const MENU_CHANNEL = 'menu:command';

/** What the preload puts on `window.hamish`. */
export interface HamishBridge {
  openFiles(req: OpenFilesRequest): Promise<OpenedFile[]>;
  saveBegin(req: SaveBeginRequest): Promise<SaveBeginResult>;
  saveChunk(req: SaveChunkRequest): Promise<void>;
  saveEnd(req: SaveEndRequest): Promise<SaveFileResult>;
  backupList(): Promise<BackupListResult>;
  backupRead(req: BackupFileRequest): Promise<string | null>;
  backupWriteBegin(req: BackupFileRequest): Promise<{ token: string }>;
  backupWriteChunk(req: SaveChunkRequest): Promise<void>;
  backupWriteEnd(req: SaveEndRequest): Promise<void>;
  backupAppend(req: BackupAppendRequest): Promise<void>;
  backupRemove(req: BackupFileRequest): Promise<void>;
  /** Returns an unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

// Names end up in dialogs and on disk: no path separators, control characters or bidi overrides (Trojan Source).
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be refused
const BAD_NAME = /[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// Windows refuses these names (with any extension), and a trailing dot or space is silently dropped there.
const RESERVED_NAME = /^(?:con|prn|aux|nul|com\d|lpt\d)(?:\..*)?$|^\.{1,2}$|[. ]$/i;
const EXT = /^[a-z0-9]{1,10}$/i;

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function problem(message: string): { ok: false; error: Problem } {
  return fail({ code: 'bad-ipc-argument', message });
}

function checkExtensions(x: unknown): x is string[] {
  return Array.isArray(x) && x.length > 0 && x.length <= 20 && x.every((e) => typeof e === 'string' && EXT.test(e));
}

export function validateOpenFilesRequest(x: unknown): Result<OpenFilesRequest> {
  if (!isRecord(x)) return problem('files:open expects an object');
  const { maxBytes, extensions } = x;
  if (typeof maxBytes !== 'number' || !Number.isSafeInteger(maxBytes) || maxBytes <= 0) return problem('maxBytes must be a positive integer');
  if (!checkExtensions(extensions)) return problem('extensions must be 1–20 short alphanumeric strings');
  return ok({ maxBytes, extensions: [...extensions] });
}

export function validateSaveBeginRequest(x: unknown): Result<SaveBeginRequest> {
  if (!isRecord(x)) return problem('save:begin expects an object');
  const { suggestedName, filterName, extensions } = x;
  if (typeof suggestedName !== 'string' || !suggestedName || suggestedName.length > 200 || BAD_NAME.test(suggestedName) || RESERVED_NAME.test(suggestedName)) {
    return problem('suggestedName must be a plain file name');
  }
  if (typeof filterName !== 'string' || filterName.length > 100 || BAD_NAME.test(filterName)) return problem('filterName must be a short label');
  if (!checkExtensions(extensions)) return problem('extensions must be 1–20 short alphanumeric strings');
  return ok({ suggestedName, filterName, extensions: [...extensions] });
}

const TOKEN = /^[0-9a-f-]{36}$/;
/** A chunk is at most 64 MiB of text: exports stream in pieces, never one giant message. */
const MAX_CHUNK = 64 * 1024 * 1024;

export function validateSaveChunkRequest(x: unknown): Result<SaveChunkRequest> {
  if (!isRecord(x) || typeof x.token !== 'string' || !TOKEN.test(x.token)) return problem('save:chunk needs a token');
  if (typeof x.data !== 'string' || x.data.length > MAX_CHUNK) return problem('save:chunk data must be a string of at most 64 MiB');
  return ok({ token: x.token, data: x.data });
}

export function validateSaveEndRequest(x: unknown): Result<SaveEndRequest> {
  if (!isRecord(x) || typeof x.token !== 'string' || !TOKEN.test(x.token)) return problem('save:end needs a token');
  if (typeof x.commit !== 'boolean') return problem('save:end needs commit: boolean');
  return ok({ token: x.token, commit: x.commit });
}

export function validateNothing(x: unknown): Result<Record<string, never>> {
  if (x !== undefined && !(isRecord(x) && Object.keys(x).length === 0)) return problem('this channel takes no argument');
  return ok({});
}

export function validateBackupFile(x: unknown): Result<BackupFileRequest> {
  if (!isRecord(x) || typeof x.name !== 'string' || !BACKUP_FILE.test(x.name))
    return problem('a backup file is manifest.json, snapshot-<12 digits>.jsonl or journal-<12 digits>.jsonl');
  return ok({ name: x.name });
}

export function validateBackupAppend(x: unknown): Result<BackupAppendRequest> {
  const file = validateBackupFile(x);
  if (!file.ok) return file;
  const data = (x as Record<string, unknown>).data;
  if (typeof data !== 'string' || data.length > MAX_CHUNK) return problem('backup:append data must be a string of at most 64 MiB');
  return ok({ name: file.value.name, data });
}

export function isMenuCommand(x: unknown): x is MenuCommand {
  return typeof x === 'string' && (MENU_COMMANDS as readonly string[]).includes(x);
}
