import type { DocumentRecord } from '../../shared/model/document';
import type { HamishDatabase } from './database';

export type DocumentSummary = Omit<DocumentRecord, 'text'> & { length: number };

export function createDocumentsRepo(db: HamishDatabase) {
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
  };
}

export type DocumentsRepo = ReturnType<typeof createDocumentsRepo>;
