import type { AnnotationKind, AnnotationRecord } from '../../shared/model/annotation';
import type { HamishDatabase } from './database';

export type KindCounts = Record<AnnotationKind, number>;

export function createAnnotationsRepo(db: HamishDatabase) {
  return {
    listByDocument(documentId: string): Promise<AnnotationRecord[]> {
      return db.annotations.where('[documentId+start]').between([documentId, -Infinity], [documentId, Infinity]).toArray();
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
