import type { OpenedFile, Platform } from './platform';
import { opfsBackups } from './opfs-backups';
import type { ReadFilesMessage, ReadFilesResult } from './read-files.worker';

/** Files handed to the reading worker per task: each costs the page a look at the file on disk (~0.9 ms here). */
const BATCH = 32;

/**
 * Read dropped or picked browser `File`s in a worker (read-files.worker.ts), without reading files over the limit.
 * The files are handed over in batches, one task each, so a folder of thousands never freezes the page.
 */
export function readBrowserFiles(files: readonly File[], maxBytes: number): Promise<OpenedFile[]> {
  if (files.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./read-files.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<ReadFilesResult>) => {
      worker.terminate();
      if ('error' in e.data) reject(new Error(e.data.error));
      else resolve(e.data.opened);
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'the files could not be read'));
    };
    const send = (from: number) => {
      if (from >= files.length) return worker.postMessage({ done: true } satisfies ReadFilesMessage);
      worker.postMessage({ files: files.slice(from, from + BATCH), maxBytes } satisfies ReadFilesMessage);
      setTimeout(() => send(from + BATCH), 0);
    };
    send(0);
  });
}

export function createWebPlatform(): Platform {
  return {
    kind: 'web',
    backups: opfsBackups(),
    pickFiles({ maxBytes, extensions }) {
      return new Promise((resolve, reject) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.multiple = true;
        input.accept = extensions.map((e) => `.${e}`).join(',');
        input.addEventListener('change', () => {
          void readBrowserFiles(Array.from(input.files ?? []), maxBytes).then(resolve, reject);
        });
        input.addEventListener('cancel', () => resolve([]));
        input.click();
      });
    },
    async saveStream({ suggestedName, mimeType }, produce) {
      // Blob parts, never one joined string: the browser may keep large blobs on disk.
      const parts: string[] = [];
      await produce(async (chunk) => {
        parts.push(chunk);
      });
      download(new Blob(parts, { type: mimeType }), suggestedName);
      return 'saved';
    },
    onMenuCommand() {
      return () => {};
    },
  };
}

function download(blob: Blob, suggestedName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = suggestedName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the URL; revoke later so slow browsers still read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
