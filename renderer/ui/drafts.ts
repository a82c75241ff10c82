import { useCallback, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';

/**
 * Text typed into a field but not yet handed to the Workbench (TRUST.md F13). While any is held the toolbar does not
 * say "Saved" and leaving the page warns; a field hands its text over at most `DRAFT_DELAY_MS` after the last
 * keystroke, and at once on blur, `pagehide`, the page going hidden, and unmount.
 */
export const DRAFT_DELAY_MS = 300;

const held = new Set<symbol>();
/** Every mounted field's flush, so text can be handed over when the database is about to close (TRUST.md F5). */
const flushers = new Set<() => void>();
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

export const drafts = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** Is any typed text not yet handed over? */
  pending: (): boolean => held.size > 0,
  /** Hand every field's typed text over now. */
  flushAll(): void {
    for (const flush of flushers) flush();
  },
};

export function useDraftsPending(): boolean {
  return useSyncExternalStore(drafts.subscribe, drafts.pending);
}

/**
 * A field's text, handed to `commit` as the annotator types (debounced) and whenever the page may go away.
 * `commit` returns false when it refused the text (an invalid URL): it stays a draft, and unsaved. While the field
 * has focus its text is the annotator's; otherwise it shows what is stored (normalised, or changed elsewhere).
 */
export function useDraft(stored: string, commit: (value: string) => boolean | void) {
  const [value, setValue] = useState(stored);
  const [focused, setFocused] = useState(false);
  const state = useRef({ key: Symbol('draft'), value: stored, dirty: false, timer: 0 as ReturnType<typeof setTimeout> | 0, commit });
  // The latest commit (it closes over the latest stored record), for the timer and the page events.
  useLayoutEffect(() => {
    state.current.commit = commit;
  });

  const flush = useCallback(() => {
    const s = state.current;
    if (s.timer) clearTimeout(s.timer);
    s.timer = 0;
    if (!s.dirty) return;
    if (s.commit(s.value) === false) return;
    s.dirty = false;
    if (held.delete(s.key)) notify();
  }, []);

  const onChange = useCallback(
    (next: string) => {
      const s = state.current;
      s.value = next;
      setValue(next);
      s.dirty = true;
      if (!held.has(s.key)) {
        held.add(s.key);
        notify();
      }
      if (s.timer) clearTimeout(s.timer);
      s.timer = setTimeout(flush, DRAFT_DELAY_MS);
    },
    [flush],
  );

  useEffect(() => {
    if (focused || state.current.dirty) return;
    state.current.value = stored;
    setValue(stored);
  }, [stored, focused]);

  useEffect(() => {
    const s = state.current;
    const onHide = () => flush();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    flushers.add(flush);
    return () => {
      flushers.delete(flush);
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
      if (held.delete(s.key)) notify();
    };
  }, [flush]);

  return {
    value,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
    onFocus: () => setFocused(true),
    onBlur: () => {
      flush();
      setFocused(false);
    },
  };
}
