import { useEffect, useState } from 'react';

/** IndexedDB is best-effort until the browser grants persistence (TRUST.md): say which one we have. */
export function StorageState() {
  const [state, setState] = useState<'persistent' | 'best-effort' | 'unknown'>('unknown');
  useEffect(() => {
    const storage = navigator.storage;
    if (!storage?.persist) return;
    void storage
      .persist()
      .then((granted) => setState(granted ? 'persistent' : 'best-effort'))
      .catch(() => setState('best-effort'));
  }, []);
  return (
    <span className={`storage ${state}`} title="Whether the browser may evict Hamish's data under disk pressure">
      Storage: {state === 'best-effort' ? 'best-effort — export backups regularly' : state}
    </span>
  );
}
