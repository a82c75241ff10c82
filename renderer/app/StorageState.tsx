import { useEffect, useState } from 'react';
import { useI18n } from '../ui/i18n';

/** IndexedDB is best-effort until the browser grants persistence (TRUST.md): say which one we have. */
export function StorageState() {
  const { t } = useI18n();
  // Without the Storage API (TRUST.md F12) nothing will ever answer: say it is unknown, not "checking".
  const [state, setState] = useState<'checking' | 'persistent' | 'best-effort' | 'unknown'>(() =>
    typeof navigator.storage?.persist === 'function' ? 'checking' : 'unknown',
  );
  const [space, setSpace] = useState<{ used: number; quota: number } | null>(null);
  useEffect(() => {
    const storage = navigator.storage;
    if (!storage?.persist) return;
    void storage
      .persist()
      .then((granted) => setState(granted ? 'persistent' : 'best-effort'))
      .catch(() => setState('best-effort'));
    // How much this origin uses and may use (issue 12, item 11); a browser that does not say shows nothing.
    void storage
      .estimate?.()
      .then((e) => typeof e.usage === 'number' && typeof e.quota === 'number' && setSpace({ used: e.usage, quota: e.quota }))
      .catch(() => undefined);
  }, []);
  return (
    <span className={`storage ${state}`} title={t('storage.title')}>
      {t(`storage.${state}`)}
      {space && ` · ${t('storage.space', { used: size(space.used), quota: size(space.quota) })}`}
    </span>
  );
}

function size(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let n = bytes;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return `${n < 10 && u > 0 ? n.toFixed(1) : Math.round(n)} ${units[u]}`;
}
