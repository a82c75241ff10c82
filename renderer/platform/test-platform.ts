import type { MenuCommand } from '../../shared/ipc/contract';
import { memoryBackups } from './memory-backups';
import type { OpenedFile, Platform, SaveOptions } from './platform';

export interface SavedFile {
  options: SaveOptions;
  text: string;
}

/** The platform of renderer unit tests: files to open are handed to it, and saved files are kept for reading back. */
export interface TestPlatform extends Platform {
  /** The files the next `pickFiles` serves; with none queued, the dialog is cancelled (no files). */
  willPick(files: readonly { name: string; bytes: Uint8Array }[]): void;
  /** The next save dialog is cancelled: `produce` is never called and nothing is saved. */
  willCancelSave(): void;
  /** What each `pickFiles` call asked for, in order. */
  readonly picks: { maxBytes: number; extensions: string[] }[];
  /** Every file saved, in order. A save whose producer threw is not here, as no host leaves a partial file. */
  readonly saved: SavedFile[];
  /** Send a menu command to the listeners, as Electron's application menu does. */
  menu(command: MenuCommand): void;
}

export function createTestPlatform(kind: Platform['kind'] = 'web'): TestPlatform {
  const queued: (readonly { name: string; bytes: Uint8Array }[])[] = [];
  const listeners = new Set<(command: MenuCommand) => void>();
  let cancelSave = false;
  const platform: TestPlatform = {
    kind,
    backups: memoryBackups(),
    picks: [],
    saved: [],
    willPick: (files) => void queued.push(files),
    willCancelSave: () => void (cancelSave = true),
    menu: (command) => listeners.forEach((l) => l(command)),
    async pickFiles(options) {
      platform.picks.push(options);
      // As both hosts do: a file over the limit comes back with its size and without its bytes.
      return (queued.shift() ?? []).map(({ name, bytes }): OpenedFile =>
        bytes.length > options.maxBytes ? { name, size: bytes.length } : { name, size: bytes.length, bytes },
      );
    },
    async saveStream(options, produce) {
      if (cancelSave) {
        cancelSave = false;
        return 'cancelled';
      }
      const chunks: string[] = [];
      await produce(async (chunk) => void chunks.push(chunk));
      platform.saved.push({ options, text: chunks.join('') });
      return 'saved';
    },
    onMenuCommand(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return platform;
}
