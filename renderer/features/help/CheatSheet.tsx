import { Modal } from '../../ui/Modal';
import { useI18n } from '../../ui/i18n';
import type { StringKey } from '../../ui/strings';

/** Every shortcut of the workbench, in one place (`?`). The README lists the same table. */
export const SHORTCUTS: ReadonlyArray<[keys: string, what: StringKey]> = [
  ['1–9', 'keys.digits'],
  ['C', 'keys.claim'],
  ['S', 'keys.source'],
  ['Enter', 'keys.enter'],
  ['Shift+← / Shift+→', 'keys.growShrink'],
  ['Ctrl+Shift+← / Ctrl+Shift+→', 'keys.growShrinkStart'],
  ['Alt + mouse', 'keys.alt'],
  ['N / P', 'keys.nextPrev'],
  ['L', 'keys.link'],
  ['K', 'keys.showLinks'],
  ['Click ×2', 'keys.cycle'],
  ['A', 'keys.applyAll'],
  ['Delete', 'keys.delete'],
  ['Esc', 'keys.escape'],
  ['Ctrl+Z / Ctrl+Shift+Z', 'keys.undoRedo'],
  ['Ctrl+O / Ctrl+E', 'keys.importExport'],
  ['?', 'keys.help'],
];

export function CheatSheet({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  return (
    <Modal title={t('keys.title')} onClose={onClose} className="cheatsheet">
      <table>
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd dir="ltr">{keys}</kbd>
              </th>
              <td>{t(what)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={onClose} autoFocus>
        {t('common.close')}
      </button>
    </Modal>
  );
}
