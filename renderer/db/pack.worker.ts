/// <reference lib="webworker" />
import { openDatabase } from './database';
import { packDocument } from './packs';

/**
 * Packs are made here, off the main thread: re-reading 10,000 annotations and writing them as one row costs
 * ~200 ms of structured cloning that the page would otherwise spend while the annotator reads. One connection
 * per job, closed after it, so the worker never holds up a schema upgrade.
 */
let chain = Promise.resolve();

/** Jobs run one after another (each holds the annotations for ~200 ms); each is answered with its document id. */
self.onmessage = (e: MessageEvent<{ documentId: string }>) => {
  const { documentId } = e.data;
  chain = chain.then(async () => {
    const db = openDatabase();
    try {
      await packDocument(db, documentId);
    } catch {
      // A pack is only a cache: without it the next open reads record by record.
    } finally {
      db.close();
      (self as unknown as DedicatedWorkerGlobalScope).postMessage({ done: documentId });
    }
  });
};
