import { DOCUMENT_STATUSES, type DocumentStatus } from '../../../shared/model/document';
import { useI18n } from '../../ui/i18n';

/** A document status picker; `withAll` adds "All" for filters. */
export function StatusSelect<T extends DocumentStatus | 'all'>({
  value,
  onChange,
  label,
  withAll,
}: {
  value: T;
  onChange(value: T): void;
  label?: string;
  withAll?: boolean;
}) {
  const { t } = useI18n();
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value as T)}>
      {withAll && <option value="all">{t('status.all')}</option>}
      {DOCUMENT_STATUSES.map((s) => (
        <option key={s} value={s}>
          {t(`status.${s}`)}
        </option>
      ))}
    </select>
  );
}
