import type { MenuCommand, OpenedFile } from '../../shared/ipc/contract';

/**
 * The one seam between the renderer and its host. `app/` picks the implementation once (Electron via the preload,
 * or a plain browser page); nothing else asks which host it runs in.
 */
export interface Platform {
  kind: 'electron' | 'web';
  /** Let the user choose files; files over `maxBytes` come back with their size and no bytes. */
  pickFiles(options: { maxBytes: number; extensions: string[] }): Promise<OpenedFile[]>;
  /**
   * Save text produced in chunks (an export running in a worker). `produce` calls `write` for each chunk; when it
   * throws (cancel, failure) nothing is saved and no partial file is left. Electron streams the chunks to disk; the
   * browser collects them into a Blob and downloads it.
   */
  saveStream(options: SaveOptions, produce: (write: (chunk: string) => Promise<void>) => Promise<void>): Promise<'saved' | 'cancelled'>;
  /** Menu commands from the host (Electron's application menu); the web has none. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Where the automatic backup lives, outside IndexedDB; null where the host has no such place. */
  backups: BackupStore | null;
}

/**
 * A folder of text files outside IndexedDB (the browser's Origin Private File System, Electron's userData), so that
 * a database the browser discards or cannot read can be rebuilt (TRUST.md F11). Every write replaces a file whole or
 * not at all; `append` adds to the end.
 */
export interface BackupStore {
  /** Where it is, for the footer ("this browser's private storage", a folder path). */
  where: string;
  list(): Promise<string[]>;
  /** A file's text, or null when there is no such file. */
  read(name: string): Promise<string | null>;
  write(name: string, chunks: Iterable<string> | AsyncIterable<string>): Promise<void>;
  append(name: string, text: string): Promise<void>;
  remove(name: string): Promise<void>;
}

export interface SaveOptions {
  suggestedName: string;
  mimeType: string;
  filterName: string;
  extensions: string[];
}

export type { OpenedFile };
