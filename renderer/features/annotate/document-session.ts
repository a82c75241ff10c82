import { compareByPosition, createMention, type AnnotationRecord } from '../../../shared/model/annotation';
import type { DocumentRecord } from '../../../shared/model/document';
import type { Problem, Result } from '../../../shared/result';
import type { AnnotationsRepo } from '../../db/annotations-repo';

/** One undoable step: each pair is the record before and after (undefined = absent). */
type Change = ReadonlyArray<readonly [AnnotationRecord | undefined, AnnotationRecord | undefined]>;

export type SaveState = { status: 'saved' } | { status: 'saving' } | { status: 'failed'; message: string };

export interface SessionSnapshot {
  document: DocumentRecord;
  /** In text order. */
  annotations: readonly AnnotationRecord[];
  save: SaveState;
  canUndo: boolean;
  canRedo: boolean;
}

/**
 * The open document's annotations. Changes show at once (the highlight is painted before IndexedDB commits) and
 * are written in order; "Saved" is reported only once every write has committed. Undo and redo replay changes
 * through the same path, so they are saved like any edit.
 */
export class DocumentSession {
  private annotations: AnnotationRecord[];
  private undoStack: Change[] = [];
  private redoStack: Change[] = [];
  private pending = 0;
  private save: SaveState = { status: 'saved' };
  private tail: Promise<void> = Promise.resolve();
  private listeners = new Set<() => void>();
  private snapshot: SessionSnapshot;

  constructor(
    readonly document: DocumentRecord,
    initial: readonly AnnotationRecord[],
    private readonly repo: AnnotationsRepo,
    private readonly newId: () => string,
    private readonly now: () => string,
  ) {
    this.annotations = [...initial].sort(compareByPosition);
    this.snapshot = this.makeSnapshot();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SessionSnapshot => this.snapshot;

  /** Resolves when every write issued so far has committed (or failed). */
  whenSaved(): Promise<void> {
    return this.tail;
  }

  addMention(start: number, end: number, label: string): Result<AnnotationRecord, Problem> {
    const made = createMention(this.document.text, { id: this.newId(), documentId: this.document.id, start, end, label, now: this.now() });
    if (made.ok) {
      const duplicate = this.annotations.find((a) => a.start === start && a.end === end && a.label === label);
      if (duplicate) return { ok: false, error: { code: 'duplicate', message: `«${duplicate.quote}» already has this label.` } };
      this.commit([[undefined, made.value]]);
    }
    return made;
  }

  remove(id: string): void {
    const existing = this.annotations.find((a) => a.id === id);
    if (existing) this.commit([[existing, undefined]]);
  }

  undo(): void {
    const change = this.undoStack.pop();
    if (!change) return;
    this.redoStack.push(change);
    this.apply(change.map(([before, after]) => [after, before] as const));
  }

  redo(): void {
    const change = this.redoStack.pop();
    if (!change) return;
    this.undoStack.push(change);
    this.apply(change);
  }

  private commit(change: Change): void {
    this.undoStack.push(change);
    this.redoStack = [];
    this.apply(change);
  }

  private apply(change: Change): void {
    this.annotations = this.withChange(change);
    this.persist(change);
  }

  private withChange(change: Change): AnnotationRecord[] {
    const byId = new Map(this.annotations.map((a) => [a.id, a]));
    for (const [before, after] of change) {
      if (after) byId.set(after.id, after);
      else if (before) byId.delete(before.id);
    }
    return [...byId.values()].sort(compareByPosition);
  }

  private persist(change: Change): void {
    this.pending++;
    this.save = { status: 'saving' };
    this.emit();
    this.tail = this.tail.then(async () => {
      try {
        const puts = change.flatMap(([, after]) => (after ? [after] : []));
        const deletes = change.flatMap(([before, after]) => (before && !after ? [before.id] : []));
        await this.repo.applyChange(puts, deletes);
        if (--this.pending === 0 && this.save.status === 'saving') this.save = { status: 'saved' };
      } catch (err) {
        this.pending--;
        this.save = { status: 'failed', message: `Not saved: ${err instanceof Error ? err.message : String(err)}` };
        // Show what is really stored rather than an edit that never reached the disk; when even reading fails,
        // take the failed edit back out of memory.
        const stored = await this.repo.listByDocument(this.document.id).catch(() => null);
        this.annotations = stored ? stored.sort(compareByPosition) : this.withChange(change.map(([before, after]) => [after, before] as const));
        this.undoStack = this.undoStack.filter((c) => c !== change);
      }
      this.emit();
    });
  }

  private emit(): void {
    this.snapshot = this.makeSnapshot();
    for (const l of this.listeners) l();
  }

  private makeSnapshot(): SessionSnapshot {
    return {
      document: this.document,
      annotations: this.annotations,
      save: this.save,
      canUndo: this.undoStack.length > 0,
      canRedo: this.redoStack.length > 0,
    };
  }
}
