import type { EntityLabel } from '../../shared/model/label-set';

/** Keys typed into a form control belong to it, not to the workbench's shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The label for a key press. Digits are matched on the physical key (`Digit1`, `Numpad1`) as well as the
 * character, so they work on an Arabic layout where the top row may type ١٢٣.
 */
export function labelForKey(e: Pick<KeyboardEvent, 'key' | 'code'>, labels: readonly EntityLabel[]): EntityLabel | undefined {
  const digit = /^(?:Digit|Numpad)(\d)$/.exec(e.code)?.[1];
  return labels.find((l) => l.key === e.key || (digit !== undefined && l.key === digit));
}
