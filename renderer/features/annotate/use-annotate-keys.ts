import { useEffect } from 'react';
import { findDef } from '../../../shared/model/label-schema';
import { isTypingTarget } from '../../ui/keys';
import type { Annotate } from './use-annotate';
import type { WorkbenchSnapshot } from './workbench';
import { labelsOf } from '../../../shared/model/layers';

/** The digit of a key press, from the physical key so that Arabic layouts (١٢٣) and AZERTY work too. */
export function digitOf(e: Pick<KeyboardEvent, 'key' | 'code'>): string | null {
  const fromCode = /^(?:Digit|Numpad)([1-9])$/.exec(e.code)?.[1];
  if (fromCode) return fromCode;
  return /^[1-9]$/.test(e.key) ? e.key : null;
}

/**
 * The workbench's single-key shortcuts (the cheat sheet lists them). Letters are matched on the physical key
 * (`KeyC`), so they work whatever the keyboard layout; keys typed into form fields and dialogs are left alone.
 */
export function useAnnotateKeys(annotate: Annotate, snapshot: WorkbenchSnapshot, handlers: { applyAll(): void }, enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(e: KeyboardEvent) {
      if (e.defaultPrevented || isTypingTarget(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if ((e.target as Element | null)?.closest?.('dialog')) return;
      const { schema } = snapshot;
      const a = annotate;
      const digit = digitOf(e);
      let handled = true;
      if (e.key === 'Escape') {
        if (a.linkMode) a.setLinkMode(false);
        else if (a.pending) a.setPending(null);
        else a.focus(null);
      } else if (digit && a.pending) {
        const def = schema.entityTypes.find((d) => d.key === digit);
        if (def) a.create('mention', def.id);
      } else if (digit && a.focused) {
        const defs = labelsOf(schema, a.focused.kind);
        const def = findDef(defs, defs.find((d) => d.key === digit)?.id ?? '');
        if (def) a.relabelFocused(def.id);
      } else if (e.code === 'KeyC' && a.pending) a.create('claim', schema.claimStances[0]!.id);
      else if (e.code === 'KeyS' && a.pending) a.create('source', schema.sourceTypes[0]!.id);
      else if (e.key === 'Enter' && a.pending && !(e.target instanceof HTMLButtonElement)) a.confirm();
      else if (e.code === 'KeyL' && a.focusedClaim) a.setLinkMode(!a.linkMode);
      else if (e.code === 'KeyK') a.setShowLinks(!a.showLinks);
      else if (e.code === 'KeyN') a.step(1);
      else if (e.code === 'KeyP') a.step(-1);
      else if (e.code === 'KeyA' && a.focused?.kind === 'mention') handlers.applyAll();
      else if ((e.key === 'Delete' || e.key === 'Backspace') && a.focused) a.requestDelete(a.focused);
      else handled = false;
      if (handled) e.preventDefault();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [annotate, snapshot, handlers, enabled]);
}
