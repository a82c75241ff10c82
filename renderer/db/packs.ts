import type { HamishDatabase } from './database';

/** Below this many annotations a document is read record by record quickly enough (~15 ms): no pack. */
export const PACK_MIN = 1000;

export const annotationsByIndex = (db: HamishDatabase, documentId: string) =>
  db.annotations.where('[documentId+start]').between([documentId, -Infinity], [documentId, Infinity]).toArray();

/**
 * Make a document's pack (database.ts): read its annotations and write them as one row in one read-write
 * transaction, so that no write can fall between the two — the pack is exactly what is stored, and any later
 * write of the document's annotations deletes it (workspace-repo.ts).
 */
export function packDocument(db: HamishDatabase, documentId: string): Promise<void> {
  return db.transaction('rw', [db.annotations, db.packs], async () => {
    const annotations = await annotationsByIndex(db, documentId);
    // A document that shrank below the threshold loses its pack rather than keep an old one.
    if (annotations.length >= PACK_MIN) await db.packs.put({ documentId, annotations });
    else await db.packs.delete(documentId);
  });
}
