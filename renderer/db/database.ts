import Dexie, { type Table } from 'dexie';
import type { AnnotationRecord } from '../../shared/model/annotation';
import type { DocumentRecord } from '../../shared/model/document';

export const DATABASE_NAME = 'hamish';

/**
 * The one Dexie module: every `version(n)` lives here (Dexie #1835: versions split across instances drop tables).
 * Durability is `strict`: "Saved" is shown only after a commit that has reached the disk (TRUST.md F3).
 */
export class HamishDatabase extends Dexie {
  documents!: Table<DocumentRecord, string>;
  annotations!: Table<AnnotationRecord, string>;

  constructor(name = DATABASE_NAME) {
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      documents: 'id, &sha256, importedAt',
      annotations: 'id, documentId, [documentId+start]',
    });
  }
}

export function openDatabase(name = DATABASE_NAME): HamishDatabase {
  return new HamishDatabase(name);
}
