/// <reference lib="webworker" />
import type { OpenedFile } from './platform';

export type ReadFilesMessage = { files: File[]; maxBytes: number } | { done: true };

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
          : file.arrayBuffer().then((b) => ({ name: file.name, size: file.size, bytes: new Uint8Array(b) })),
      );
    return;
  }
  const opened = await Promise.all(reading);
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(
    opened,
    opened.flatMap((f) => (f.bytes ? [f.bytes.buffer as ArrayBuffer] : [])),
  );
};
