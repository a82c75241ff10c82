import { compareByPosition, type AnnotationRecord } from '../../../shared/model/annotation';
import type { DocumentRecord } from '../../../shared/model/document';
import { invert, isEmptyChange, type Change } from '../../../shared/model/edits';
import type { KbEntity } from '../../../shared/model/kb-entity';
import { DEFAULT_LABEL_SCHEMA, type LabelSchema } from '../../../shared/model/label-schema';
import type { AnnotationsRepo } from '../../db/annotations-repo';
import type { DocumentsRepo } from '../../db/documents-repo';
import type { WorkspaceRepo } from '../../db/workspace-repo';

export type SaveState = { status: 'saved' } | { status: 'saving' } | { status: 'failed'; message: string };

export interface WorkbenchSnapshot {
  document: DocumentRecord | null;
  /** The open document's annotations, in text order. */
  annotations: readonly AnnotationRecord[];
  entities: readonly KbEntity[];
  schema: LabelSchema;
  save: SaveState;
  canUndo: boolean;
  canRedo: boolean;
}

export interface WorkbenchRepos {
  documents: DocumentsRepo;
  annotations: AnnotationsRepo;
  workspace: WorkspaceRepo;
}

/**
 * The workspace as the annotator edits it: the open document, its annotations, the corpus's KB entities and
 * label schema. Every edit is a `Change`: it shows at once (the highlight is painted before IndexedDB commits),
 * is written in one transaction, and goes on the undo stack. "Saved" is reported only once every write has
 * committed. Undo and redo apply inverse changes through the same path, so they are saved like any edit, and
 * they reach across documents (a bulk "apply to all mentions" is one undo step).
 */
export class Workbench {
  private state: Omit<WorkbenchSnapshot, 'canUndo' | 'canRedo'> = {
    document: null,
    annotations: [],
    entities: [],
    schema: DEFAULT_LABEL_SCHEMA,
    save: { status: 'saved' },
  };
  private undoStack: Change[] = [];
  private redoStack: Change[] = [];
  private pending = 0;
  /** Changes shown but not yet written, in the order they are written (the head is the one being written). */
  private queued: Change[] = [];
  private tail: Promise<void> = Promise.resolve();
  private listeners = new Set<() => void>();
  private snapshot: WorkbenchSnapshot = this.makeSnapshot();
  private content: WorkbenchSnapshot = this.snapshot;
  private opening = 0;

  /**
   * `afterPaint` resolves once the edit has been painted: the write starts then, so the IndexedDB work (Dexie, the
   * structured clone) is not in the frame that shows the edit. "Saved" still waits for the commit.
   */
  constructor(
    private readonly repos: WorkbenchRepos,
    private readonly afterPaint: () => Promise<void> = () => Promise.resolve(),
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): WorkbenchSnapshot => this.snapshot;

  /**
   * The snapshot without the save state's comings and goings: it changes only when something else does, so the
   * views that read it do not render again for "Saving…" and "Saved". Its `save` is not kept current; the save
   * state is read on its own (getSaveState), by the one element that shows it.
   */
  getContentSnapshot = (): WorkbenchSnapshot => this.content;

  getSaveState = (): SaveState => this.state.save;

  /** Resolves when every write issued so far has committed (or failed). */
  whenSaved(): Promise<void> {
    return this.tail;
  }

  async load(): Promise<void> {
    const [entities, schema] = await Promise.all([this.repos.workspace.listEntities(), this.repos.workspace.loadSchema()]);
    this.set({ entities, schema });
  }

  async open(documentId: string | null): Promise<void> {
    const ticket = ++this.opening;
    if (!documentId) {
      this.set({ document: null, annotations: [] });
      return;
    }
    const [doc, anns] = await Promise.all([this.repos.documents.get(documentId), this.repos.annotations.listByDocument(documentId)]);
    // A slower load for a document the user already left must not replace the one they opened since.
    if (ticket !== this.opening) return;
    this.set({ document: doc ?? null, annotations: doc ? anns.sort(compareByPosition) : [] });
    // Edits shown but not yet written (a write waits for the paint) are not in what was read: show them too.
    for (const queued of this.queued) this.set(this.withChange(queued));
  }

  apply(change: Change): void {
    if (isEmptyChange(change)) return;
    this.undoStack.push(change);
    this.redoStack = [];
    this.applyAndSave(change);
  }

  undo(): void {
    const change = this.undoStack.pop();
    if (!change) return;
    this.redoStack.push(change);
    this.applyAndSave(invert(change), change);
  }

  redo(): void {
    const change = this.redoStack.pop();
    if (!change) return;
    this.undoStack.push(change);
    this.applyAndSave(change);
  }

  private applyAndSave(change: Change, undoing?: Change): void {
    this.set(this.withChange(change));
    this.pending++;
    this.queued.push(change);
    this.set({ save: { status: 'saving' } });
    this.tail = this.tail.then(async () => {
      try {
        await this.afterPaint();
        await this.repos.workspace.applyChange(change);
        if (--this.pending === 0 && this.state.save.status === 'saving') this.set({ save: { status: 'saved' } });
      } catch (err) {
        this.pending--;
        this.undoStack = this.undoStack.filter((c) => c !== change);
        this.redoStack = this.redoStack.filter((c) => c !== change);
        // An undo that never reached the disk leaves its edit stored: keep that edit undoable.
        if (undoing && this.redoStack.at(-1) === undoing) this.undoStack.push(this.redoStack.pop()!);
        this.set({ save: { status: 'failed', message: `Not saved: ${describeError(err)}` } });
        await this.reloadAfterFailure(change);
      } finally {
        this.queued.shift();
      }
    });
  }

  /** Show what is really stored rather than an edit that never reached the disk. */
  private async reloadAfterFailure(change: Change): Promise<void> {
    try {
      const docId = this.state.document?.id ?? null;
      const [entities, anns, doc] = await Promise.all([
        this.repos.workspace.listEntities(),
        docId ? this.repos.annotations.listByDocument(docId) : Promise.resolve([]),
        docId ? this.repos.documents.get(docId) : Promise.resolve(undefined),
      ]);
      this.set({ entities, annotations: anns.sort(compareByPosition), document: doc ?? null });
      // The edits queued behind the failed one are not written yet: keep showing them.
      for (const later of this.queued.slice(1)) this.set(this.withChange(later));
    } catch {
      // Even reading fails (the database is gone or closed): take the failed edit back out of memory.
      this.set(this.withChange(invert(change)));
    }
  }

  private withChange(change: Change): Partial<WorkbenchSnapshot> {
    const doc = this.state.document;
    let annotations = this.state.annotations;
    const mine = change.annotations.filter(([b, a]) => (a ?? b)!.documentId === doc?.id);
    if (mine.length) {
      const byId = new Map(annotations.map((a) => [a.id, a]));
      for (const [before, after] of mine) {
        if (after) byId.set(after.id, after);
        else if (before) byId.delete(before.id);
      }
      annotations = [...byId.values()].sort(compareByPosition);
    }
    let entities = this.state.entities;
    if (change.entities.length) {
      const byId = new Map(entities.map((e) => [e.id, e]));
      for (const [before, after] of change.entities) {
        if (after) byId.set(after.id, after);
        else if (before) byId.delete(before.id);
      }
      entities = [...byId.values()].sort((x, y) => x.name.localeCompare(y.name, 'ar'));
    }
    let document = doc;
    // The open document may be replaced (status, metadata) or removed (undoing the import that added it).
    for (const [before, after] of change.documents) if ((after ?? before)?.id === doc?.id) document = after ?? null;
    if (!document) annotations = [];
    const schema = change.schema ? change.schema[1] : this.state.schema;
    return { annotations, entities, document, schema };
  }

  private set(patch: Partial<WorkbenchSnapshot>): void {
    this.state = { ...this.state, ...patch };
    this.snapshot = this.makeSnapshot();
    if (Object.keys(patch).some((k) => k !== 'save')) this.content = this.snapshot;
    for (const l of this.listeners) l();
  }

  private makeSnapshot(): WorkbenchSnapshot {
    return { ...this.state, canUndo: this.undoStack.length > 0, canRedo: this.redoStack.length > 0 };
  }
}

function describeError(err: unknown): string {
  const e = err as { name?: string; inner?: { name?: string }; message?: string };
  if (e?.name === 'QuotaExceededError' || e?.inner?.name === 'QuotaExceededError') return 'storage is full';
  return e?.message ?? String(err);
}
