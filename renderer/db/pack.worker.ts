/// <reference lib="webworker" />
import { openDatabase } from './database';
import { packDocument } from './packs';

/**
 * Packs are made here, off the main thread: re-reading 10,000 annotations and writing them as one row costs
 * ~200 ms of structured cloning that the page would otherwise spend while the annotator reads. One connection
 * per job, closed after it, so the worker never holds up a schema upgrade.
 */
self.onmessage = async (e: MessageEvent<{ documentId: string }>) => {
  const db = openDatabase();
  try {
    await packDocument(db, e.data.documentId);
  } catch {
    // A pack is only a cache: without it the next open reads record by record.
  } finally {
    db.close();
  }
};
