import type { AnnotationKind, AnnotationRecord } from '../../shared/model/annotation';
import type { HamishDatabase } from './database';
import { annotationsByIndex, packDocument, PACK_MIN } from './packs';

export type KindCounts = Record<AnnotationKind, number>;

export interface AnnotationsRepoOptions {
  /**
   * Makes the pack of a large document just read record by record, in the background: the app hands it to a
   * worker (pack.worker.ts); by default it runs here, after the current task.
   */
  pack?: (documentId: string) => Promise<void>;
}

export function createAnnotationsRepo(db: HamishDatabase, options: AnnotationsRepoOptions = {}) {
  const byIndex = (documentId: string) => annotationsByIndex(db, documentId);
  const pack = options.pack ?? ((documentId: string) => new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => packDocument(db, documentId)));
  const packing = new Set<string>();

  return {
    listByDocument(documentId: string): Promise<AnnotationRecord[]> {
      return byIndex(documentId);
    },

    /**
     * A document's annotations for opening it: from its pack when it has one, else record by record — and then,
     * for a large document, its pack is made in the background, so the next open is quick.
     *
     * A pack served is counted against the records afterwards, off the open's path (the count walks the index:
     * tens of ms at 10,000): a writer unaware of packs — an older Hamish after a downgrade, which Dexie lets write
     * a newer database — may have added or deleted records. Then the pack is dropped and `onStale` told, so the
     * caller reads the records again. (Every build since packs deletes a pack when it writes, and an older window
     * closes its connection for good when a newer version opens: DatabaseGuard.)
     */
    async forOpen(documentId: string, onStale?: () => void): Promise<AnnotationRecord[]> {
      const packed = await db.packs.get(documentId);
      if (packed) {
        void db.annotations
          .where('documentId')
          .equals(documentId)
          .count()
          .then(async (count) => {
            if (count === packed.annotations.length) return;
            await db.packs.delete(documentId);
            onStale?.();
          })
          .catch(() => undefined);
        return packed.annotations;
      }
      const annotations = await byIndex(documentId);
      if (annotations.length >= PACK_MIN && !packing.has(documentId)) {
        packing.add(documentId);
        void pack(documentId)
          .catch(() => undefined)
          .finally(() => packing.delete(documentId));
      }
      return annotations;
    },

    /** The stored records of these ids, in the same order; `undefined` where there is none. */
    getMany(ids: readonly string[]): Promise<(AnnotationRecord | undefined)[]> {
      return db.annotations.bulkGet([...ids]);
    },

    listAll(): Promise<AnnotationRecord[]> {
      return db.annotations.toArray();
    },

    /** Annotation counts per document and kind, in one pass over the annotations (for the corpus view). */
    async countsByDocument(): Promise<Map<string, KindCounts>> {
      const counts = new Map<string, KindCounts>();
      await db.annotations.each((a) => {
        const c = counts.get(a.documentId) ?? { mention: 0, claim: 0, source: 0 };
        c[a.kind]++;
        counts.set(a.documentId, c);
      });
      return counts;
    },
  };
}

export type AnnotationsRepo = ReturnType<typeof createAnnotationsRepo>;
