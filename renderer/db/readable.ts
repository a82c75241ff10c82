import type { Corpus } from '../../shared/formats/corpus';
import { DEFAULT_LABEL_SCHEMA, validateLabelSchema } from '../../shared/model/label-schema';
import { DATABASE_NAME } from './database';

/**
 * What a database that Hamish cannot open (a failed upgrade, a newer version's, TRUST.md F7) still holds, read with
 * the bare IndexedDB API at whatever version it is, never upgrading or writing it: the records of every table that
 * reads, and a sentence for each one that does not.
 */
export async function readWhatIsReadable(name = DATABASE_NAME): Promise<{ corpus: Corpus; problems: string[] }> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name);
    // No database at all: make none (aborting the version-1 creation leaves nothing behind).
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error(`the database "${name}" cannot be read`));
  });
  const problems: string[] = [];
  const all = async <T>(store: string): Promise<T[]> => {
    if (!db.objectStoreNames.contains(store)) return [];
    try {
      return await new Promise<T[]>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as T[]);
        req.onerror = () => reject(req.error);
      });
    } catch (err) {
      problems.push(`${store}: ${err instanceof Error ? err.message : String(err)}`);
      return [];
    }
  };
  try {
    const [documents, annotations, entities, schemas] = await Promise.all([
      all<Corpus['documents'][number]>('documents'),
      all<Corpus['annotations'][number]>('annotations'),
      all<Corpus['entities'][number]>('entities'),
      all<unknown>('schemas'),
    ]);
    const stored = schemas[0] ? validateLabelSchema(schemas[0]) : null;
    return { corpus: { documents, annotations, entities, schema: stored?.ok ? stored.value : DEFAULT_LABEL_SCHEMA }, problems };
  } finally {
    db.close();
  }
}
