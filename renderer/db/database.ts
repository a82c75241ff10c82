import Dexie, { type Table } from 'dexie';
import type { AnnotationRecord } from '../../shared/model/annotation';
import type { DocumentRecord } from '../../shared/model/document';
import type { KbEntity } from '../../shared/model/kb-entity';
import type { LabelSchema } from '../../shared/model/label-schema';
import { annotationV1toV2, documentV1toV2, schemaV2toV3 } from '../../shared/schema/migrations';

export const DATABASE_NAME = 'hamish';

/** The corpus's label schema, one row (id "corpus"). */
export interface SchemaRow extends LabelSchema {
  id: 'corpus';
  modified: string;
}

/**
 * A read cache of one large document's annotations, in `[documentId+start]` order, read in one get instead of
 * one record at a time (IndexedDB spends ~15 µs per record: 10,000 annotations take ~150 ms to read, their pack
 * ~10 ms). Never the record of truth: every transaction that writes a document's annotations deletes its pack
 * (workspace-repo.ts), so a pack that exists is current; see annotations-repo.ts for how one is made.
 */
export interface PackRow {
  documentId: string;
  annotations: AnnotationRecord[];
}

/**
 * Counters kept with the workspace. `commit` is bumped by every transaction that writes the workspace, inside it, so
 * commits are numbered in the order IndexedDB made them, across windows: the backup journal replays in that order.
 */
export interface MetaRow {
  id: 'commit';
  value: number;
}

/**
 * The one Dexie module: every `version(n)` lives here (Dexie #1835: versions split across instances drop tables).
 * Upgrades call the pure migrations of shared/schema. Durability is `strict`: "Saved" is shown only after a
 * commit that has reached the disk (TRUST.md F3).
 */
export class HamishDatabase extends Dexie {
  documents!: Table<DocumentRecord, string>;
  annotations!: Table<AnnotationRecord, string>;
  entities!: Table<KbEntity, string>;
  schemas!: Table<SchemaRow, string>;
  packs!: Table<PackRow, string>;
  meta!: Table<MetaRow, string>;

  constructor(name = DATABASE_NAME) {
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      documents: 'id, &sha256, importedAt',
      annotations: 'id, documentId, [documentId+start]',
    });
    this.version(2)
      .stores({
        documents: 'id, &sha256, importedAt, status',
        annotations: 'id, documentId, [documentId+start], kind, entityId, claimantEntityId',
        entities: 'id, name',
        schemas: 'id',
      })
      .upgrade(async (tx) => {
        await tx
          .table('documents')
          .toCollection()
          .modify((d: Record<string, unknown>) => Object.assign(d, documentV1toV2(d)));
        await tx
          .table('annotations')
          .toCollection()
          .modify((a: Record<string, unknown>, ref) => {
            ref.value = annotationV1toV2(a) as unknown as Record<string, unknown>;
          });
      });
    // v3: the new default palette (issue 10); a stored schema keeps the colours its users chose.
    this.version(3)
      .stores({})
      .upgrade(async (tx) => {
        await tx
          .table('schemas')
          .toCollection()
          .modify((row: Record<string, unknown>, ref) => {
            ref.value = schemaV2toV3(row);
          });
      });
    // v4: the packs read cache (issue 10: opening a document with 10,000 annotations); it starts empty. A later
    // upgrade that rewrites annotations must clear `packs` in the same upgrade.
    this.version(4).stores({ packs: 'documentId' });
    // v5: the commit counter the automatic backup orders its journal by (issue 12); it starts at 0.
    this.version(5).stores({ meta: 'id' });
  }
}

export function openDatabase(name = DATABASE_NAME): HamishDatabase {
  return new HamishDatabase(name);
}
