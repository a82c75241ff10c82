import type { MenuCommand, OpenedFile } from '../../shared/ipc/contract';

/**
 * The one seam between the renderer and its host. `app/` picks the implementation once (Electron via the preload,
 * or a plain browser page); nothing else asks which host it runs in.
 */
export interface Platform {
  kind: 'electron' | 'web';
  /** Let the user choose files; files over `maxBytes` come back with their size and no bytes. */
  pickFiles(options: { maxBytes: number; extensions: string[] }): Promise<OpenedFile[]>;
  /** Save text under a name the user confirms (a native dialog, or a browser download). */
  saveText(options: { suggestedName: string; data: string; mimeType: string; filterName: string; extensions: string[] }): Promise<'saved' | 'cancelled'>;
  /** Menu commands from the host (Electron's application menu); the web has none. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

export type { OpenedFile };
