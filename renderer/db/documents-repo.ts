import type { DocumentDraft } from '../../shared/formats/txt/import-txt';
import type { DocumentRecord } from '../../shared/model/document';
import type { HamishDatabase } from './database';

export type DocumentSummary = Omit<DocumentRecord, 'text'> & { length: number };

export interface StoreDocumentsOutcome {
  stored: DocumentRecord[];
  /** Drafts whose text is already in the corpus (or earlier in the same batch), with the title it is stored under. */
  duplicates: { fileName: string; existingTitle: string }[];
}

export function createDocumentsRepo(db: HamishDatabase, newId: () => string, now: () => string) {
  return {
    async listSummaries(): Promise<DocumentSummary[]> {
      const docs = await db.documents.orderBy('importedAt').toArray();
      return docs.map(({ text, ...rest }) => ({ ...rest, length: text.length }));
    },

    get(id: string): Promise<DocumentRecord | undefined> {
      return db.documents.get(id);
    },

    listAll(): Promise<DocumentRecord[]> {
      return db.documents.orderBy('importedAt').toArray();
    },

    /**
     * Store already-parsed drafts in one transaction: either every new document is stored or none is. Duplicates
     * (same sha256 as a stored document or an earlier draft) are reported, not stored.
     */
    async storeDrafts(drafts: readonly DocumentDraft[]): Promise<StoreDocumentsOutcome> {
      return db.transaction('rw', db.documents, async () => {
        const existing = await db.documents
          .where('sha256')
          .anyOf(drafts.map((d) => d.sha256))
          .toArray();
        const seen = new Map(existing.map((d) => [d.sha256, d.title]));
        const stored: DocumentRecord[] = [];
        const duplicates: StoreDocumentsOutcome['duplicates'] = [];
        const importedAt = now();
        for (const draft of drafts) {
          const prior = seen.get(draft.sha256);
          if (prior !== undefined) {
            duplicates.push({ fileName: draft.fileName, existingTitle: prior });
            continue;
          }
          seen.set(draft.sha256, draft.title);
          stored.push({ id: newId(), importedAt, ...draft, status: 'new', meta: {} });
        }
        await db.documents.bulkAdd(stored);
        return { stored, duplicates };
      });
    },
  };
}

export type DocumentsRepo = ReturnType<typeof createDocumentsRepo>;
