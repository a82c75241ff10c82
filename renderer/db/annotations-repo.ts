import type { AnnotationRecord } from '../../shared/model/annotation';
import type { HamishDatabase } from './database';

export function createAnnotationsRepo(db: HamishDatabase) {
  return {
    listByDocument(documentId: string): Promise<AnnotationRecord[]> {
      return db.annotations.where('[documentId+start]').between([documentId, -Infinity], [documentId, Infinity]).toArray();
    },

    listAll(): Promise<AnnotationRecord[]> {
      return db.annotations.toArray();
    },

    /** Write one edit in one transaction: every record is put or deleted, or nothing is. */
    async applyChange(puts: readonly AnnotationRecord[], deletes: readonly string[]): Promise<void> {
      await db.transaction('rw', db.annotations, async () => {
        if (deletes.length) await db.annotations.bulkDelete([...deletes]);
        if (puts.length) await db.annotations.bulkPut([...puts]);
      });
    },

    countByDocument(documentId: string): Promise<number> {
      return db.annotations.where('documentId').equals(documentId).count();
    },
  };
}

export type AnnotationsRepo = ReturnType<typeof createAnnotationsRepo>;
