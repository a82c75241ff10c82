import type { OpenedFile, Platform } from './platform';
import { opfsBackups } from './opfs-backups';

/** Read a dropped or picked browser `File`, without reading files over the limit. */
export async function readBrowserFile(file: File, maxBytes: number): Promise<OpenedFile> {
  if (file.size > maxBytes) return { name: file.name, size: file.size };
  return { name: file.name, size: file.size, bytes: new Uint8Array(await file.arrayBuffer()) };
}

export function createWebPlatform(): Platform {
  return {
    kind: 'web',
    backups: opfsBackups(),
    pickFiles({ maxBytes, extensions }) {
      return new Promise((resolve) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.multiple = true;
        input.accept = extensions.map((e) => `.${e}`).join(',');
        input.addEventListener('change', () => {
          void Promise.all(Array.from(input.files ?? [], (f) => readBrowserFile(f, maxBytes))).then(resolve);
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
