/// <reference lib="webworker" />
import type { OpenedFile } from './platform';

export type ReadFilesMessage = { files: File[]; maxBytes: number } | { done: true };
/** What comes back: every file, or the first one that could not be read (moved or deleted since it was picked). */
export type ReadFilesResult = { opened: OpenedFile[] } | { error: string };

/**
 * Picked or dropped files are read here, not on the page: for a folder of thousands of articles, asking each File
 * its size and reading it held the main thread for seconds. They come in batches (handing a File over costs the page
 * a little: Chromium looks at the file on disk), then `done`; the bytes go back moved, not copied, in order.
 */
const reading: Array<Promise<OpenedFile>> = [];
self.onmessage = async (e: MessageEvent<ReadFilesMessage>) => {
  if (!('done' in e.data)) {
    const { files, maxBytes } = e.data;
    for (const file of files)
      reading.push(
        file.size > maxBytes
          ? Promise.resolve({ name: file.name, size: file.size })
          : file.arrayBuffer().then(
              (b) => ({ name: file.name, size: file.size, bytes: new Uint8Array(b) }),
              (err: unknown) => {
                throw new Error(`${file.name}: could not be read (${err instanceof Error ? err.message : String(err)})`);
              },
            ),
      );
    return;
  }
  const post = (m: ReadFilesResult, transfer: ArrayBuffer[] = []) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m, transfer);
  try {
    const opened = await Promise.all(reading);
    post(
      { opened },
      opened.flatMap((f) => (f.bytes ? [f.bytes.buffer as ArrayBuffer] : [])),
    );
  } catch (err) {
    post({ error: err instanceof Error ? err.message : String(err) });
  }
};
