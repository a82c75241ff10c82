import { useEffect, useState } from 'react';
import { useI18n } from '../ui/i18n';

/** IndexedDB is best-effort until the browser grants persistence (TRUST.md): say which one we have. */
export function StorageState() {
  const { t } = useI18n();
  // Without the Storage API (TRUST.md F12) nothing will ever answer: say it is unknown, not "checking".
  const [state, setState] = useState<'checking' | 'persistent' | 'best-effort' | 'unknown'>(() =>
    typeof navigator.storage?.persist === 'function' ? 'checking' : 'unknown',
  );
  useEffect(() => {
    const storage = navigator.storage;
    if (!storage?.persist) return;
    void storage
      .persist()
      .then((granted) => setState(granted ? 'persistent' : 'best-effort'))
      .catch(() => setState('best-effort'));
  }, []);
  return (
    <span className={`storage ${state}`} title={t('storage.title')}>
      {t(`storage.${state}`)}
    </span>
  );
}
