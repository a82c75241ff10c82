import { useCallback, useMemo, useState } from 'react';
import type { AnnotationRecord, ClaimRecord, MentionRecord } from '../../../shared/model/annotation';
import { merge, type Change } from '../../../shared/model/edits';
import type { Span } from '../../../shared/text/words';
import type { Connection } from '../reader/Overlay';
import { addAndLink, addAnnotation, dependentsOf, linkClaim, relabel, remove, type Ctx, type Layer } from '../../../shared/model/commands';
import type { Workbench, WorkbenchSnapshot } from './workbench';

export interface AnnotateDeps {
  workbench: Workbench;
  snapshot: WorkbenchSnapshot;
  newId(): string;
  now(): string;
  notify(message: string): void;
  /** Told which role a link in link mode gave the chosen span. */
  onLinked(role: 'claimant' | 'source' | 'cue'): void;
  reveal(a: AnnotationRecord): void;
  /** Every claim's links drawn, not only the focused annotation's (kept by the app across documents). */
  showLinks: boolean;
  setShowLinks(on: boolean): void;
}

/** The annotator's working state in one document (selection, focus, link mode) and the edits it leads to. */
export function useAnnotate({ workbench, snapshot, newId, now, notify, onLinked, reveal, showLinks, setShowLinks }: AnnotateDeps) {
  const [pending, setPending] = useState<Span | null>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  // Link mode belongs to one claim: it is on while that claim is focused, and ends when the focus moves elsewhere.
  const [linkClaimId, setLinkClaimId] = useState<string | null>(null);
  const [lastEntityType, setLastEntityType] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<{ annotation: AnnotationRecord; dependents: ClaimRecord[] } | null>(null);

  const doc = snapshot.document;
  const ctx: Ctx | null = useMemo(
    () => (doc ? { document: doc, annotations: snapshot.annotations, schema: snapshot.schema, newId, now } : null),
    [doc, snapshot.annotations, snapshot.schema, newId, now],
  );
  const focused = snapshot.annotations.find((a) => a.id === focusedId) ?? null;
  const focusedClaim = focused?.kind === 'claim' ? focused : null;
  const linkMode = linkClaimId !== null && linkClaimId === focusedClaim?.id;
  const setLinkMode = useCallback((on: boolean) => setLinkClaimId(on ? (focusedClaim?.id ?? null) : null), [focusedClaim]);
  // Focus moved to another annotation (the list, N/P, a new claim): link mode is over, and does not come back.
  if (linkClaimId !== null && !linkMode) setLinkClaimId(null);

  const focus = useCallback(
    (a: AnnotationRecord | null, show = true) => {
      setFocusedId(a?.id ?? null);
      if (a && show) reveal(a);
    },
    [reveal],
  );

  const apply = useCallback((change: Change) => workbench.apply(change), [workbench]);

  /** Link the focused claim in link mode. Link mode stays on (until Esc), so claimant, cue and source go in one go. */
  const linkTo = useCallback(
    (claim: ClaimRecord, target: AnnotationRecord | Span, extra?: Change) => {
      if (!ctx) return;
      const linked = linkClaim(ctx, claim, 'kind' in target ? target : { ...target, quote: '' });
      if (!linked.ok) return notify(linked.error.message);
      apply(extra ? merge(extra, linked.value.change) : linked.value.change);
      onLinked(linked.value.role);
      setPending(null);
    },
    [ctx, apply, notify, onLinked],
  );

  const create = useCallback(
    (layer: Layer, labelId: string) => {
      if (!ctx || !pending) return;
      if (linkMode && focusedClaim && layer !== 'claim') {
        const made = addAndLink(ctx, focusedClaim, layer, pending, labelId);
        if (!made.ok) return notify(made.error.message);
        if (layer === 'mention') setLastEntityType(labelId);
        apply(made.value.change);
        setPending(null);
        if (made.value.role) onLinked(made.value.role);
        else setFocusedId(made.value.record.id);
        return;
      }
      const made = addAnnotation(ctx, layer, pending, labelId);
      if (!made.ok) return notify(made.error.message);
      if (layer === 'mention') setLastEntityType(labelId);
      apply(made.value.change);
      setPending(null);
      setFocusedId(made.value.record.id);
    },
    [ctx, pending, linkMode, focusedClaim, apply, notify, onLinked],
  );

  const pick = useCallback(
    (a: AnnotationRecord) => {
      if (linkMode && focusedClaim && a.id !== focusedClaim.id) linkTo(focusedClaim, a);
      else focus(a, false);
    },
    [linkMode, focusedClaim, linkTo, focus],
  );

  /** Enter: confirm the selection — as the focused claim's cue in link mode, else with the last entity type. */
  const confirm = useCallback(() => {
    if (!ctx || !pending) return;
    if (linkMode && focusedClaim) linkTo(focusedClaim, pending);
    else create('mention', lastEntityType ?? ctx.schema.entityTypes[0]!.id);
  }, [ctx, pending, linkMode, focusedClaim, lastEntityType, linkTo, create]);

  const relabelFocused = useCallback(
    (labelId: string) => {
      if (ctx && focused) apply(relabel(ctx, focused, labelId));
    },
    [ctx, focused, apply],
  );

  const requestDelete = useCallback(
    (a: AnnotationRecord) => {
      if (!ctx) return;
      const dependents = dependentsOf(ctx, a);
      if (dependents.length > 0) setConfirmDelete({ annotation: a, dependents });
      else {
        apply(remove(ctx, a));
        if (a.id === focusedId) setFocusedId(null);
      }
    },
    [ctx, apply, focusedId],
  );

  const confirmDeletion = useCallback(() => {
    if (ctx && confirmDelete) {
      apply(remove(ctx, confirmDelete.annotation));
      if (confirmDelete.annotation.id === focusedId) setFocusedId(null);
    }
    setConfirmDelete(null);
  }, [ctx, confirmDelete, apply, focusedId]);

  const step = useCallback(
    (dir: 1 | -1) => {
      const list = snapshot.annotations;
      if (list.length === 0) return;
      const i = list.findIndex((a) => a.id === focusedId);
      const next = i < 0 ? (dir === 1 ? 0 : list.length - 1) : (i + dir + list.length) % list.length;
      focus(list[next]!);
    },
    [snapshot.annotations, focusedId, focus],
  );

  // Every claim's links when shown; else the focused claim's, or for a focused mention or source the links of the
  // claims that point at it (still drawn from the claim, so the role is written at the focused span).
  const connections: Connection[] = useMemo(() => {
    if (!focused && !showLinks) return [];
    const byId = new Map(snapshot.annotations.map((a) => [a.id, a]));
    const linksOf = (claim: ClaimRecord): Connection[] => {
      const out: Connection[] = [];
      const claimant = claim.claimantId ? byId.get(claim.claimantId) : undefined;
      const source = claim.sourceId ? byId.get(claim.sourceId) : undefined;
      if (claimant) out.push({ from: claim, to: claimant, role: 'claimant' });
      if (claim.cue) out.push({ from: claim, to: claim.cue, role: 'cue' });
      if (source) out.push({ from: claim, to: source, role: 'source' });
      return out;
    };
    if (showLinks) return snapshot.annotations.flatMap((a) => (a.kind === 'claim' ? linksOf(a) : []));
    if (!focused) return [];
    if (focused.kind === 'claim') return linksOf(focused);
    return snapshot.annotations
      .filter((a): a is ClaimRecord => a.kind === 'claim' && (a.claimantId === focused.id || a.sourceId === focused.id))
      .flatMap((claim) => linksOf(claim).filter((c) => c.to === focused));
  }, [focused, showLinks, snapshot.annotations]);

  const reset = useCallback(() => {
    setPending(null);
    setFocusedId(null);
    setLinkClaimId(null);
  }, []);

  return {
    ctx,
    pending,
    setPending,
    focused,
    focusedClaim,
    focus,
    linkMode,
    setLinkMode,
    showLinks,
    setShowLinks,
    create,
    pick,
    confirm,
    relabelFocused,
    requestDelete,
    confirmDelete,
    confirmDeletion,
    cancelDelete: () => setConfirmDelete(null),
    step,
    connections,
    reset,
    apply,
    linkTo,
    isMention: (a: AnnotationRecord | null): a is MentionRecord => a?.kind === 'mention',
  };
}

export type Annotate = ReturnType<typeof useAnnotate>;
