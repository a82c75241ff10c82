import { compareByPosition, type AnnotationRecord } from '../../../shared/model/annotation';
import type { DocumentRecord } from '../../../shared/model/document';
import { invert, isEmptyChange, type Change } from '../../../shared/model/edits';
import { footprint, meets } from '../../../shared/model/footprint';
import type { KbEntity } from '../../../shared/model/kb-entity';
import { DEFAULT_LABEL_SCHEMA, type LabelSchema } from '../../../shared/model/label-schema';
import type { AnnotationsRepo } from '../../db/annotations-repo';
import type { DocumentsRepo } from '../../db/documents-repo';
import type { StorageChange } from '../../db/storage-changes';
import type { AppliedChange, ApplyOptions, WorkspaceRepo } from '../../db/workspace-repo';
import { hasAny, mergeReports, storedChange, type Stored } from './stored-change';

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
 *
 * It follows the database too: what another window (or any other writer) stores for the open document, the KB
 * entities or the label schema is adopted once this window has no write of its own waiting (see lookAtStore).
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
  private frozen = false;
  /** Changes shown but not yet written, in the order they are written (the head is the one being written). */
  private queued: Change[] = [];
  private tail: Promise<void> = Promise.resolve();
  private listeners = new Set<() => void>();
  private snapshot: WorkbenchSnapshot = this.makeSnapshot();
  private content: WorkbenchSnapshot = this.snapshot;
  private opening = 0;
  /** Bumped by every edit this window shows: a read of the store begun before it may not hold it yet. */
  private edits = 0;
  /** What other writes may have changed and has not been read yet. */
  private unseen: StorageChange = {};
  private looking = false;
  private unwatch: (() => void) | null = null;

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
    this.watch();
    const [entities, schema] = await Promise.all([this.repos.workspace.listEntities(), this.repos.workspace.loadSchema()]);
    this.set({ entities, schema });
    this.lookAtStore();
  }

  /** Stop following the database. */
  dispose(): void {
    this.unwatch?.();
    this.unwatch = null;
  }

  async open(documentId: string | null): Promise<void> {
    const ticket = ++this.opening;
    this.watch();
    if (!documentId) {
      this.set({ document: null, annotations: [] });
      return;
    }
    // A pack found stale after the open (see forOpen) is answered like another window's write of every record.
    const stale = () => {
      if (ticket !== this.opening) return;
      this.unseen = mergeReports(this.unseen, { annotations: 'all' });
      this.lookAtStore();
    };
    const [doc, anns] = await Promise.all([this.repos.documents.get(documentId), this.repos.annotations.forOpen(documentId, stale)]);
    // A slower load for a document the user already left must not replace the one they opened since.
    if (ticket !== this.opening) return;
    this.set({ document: doc ?? null, annotations: doc ? anns.sort(compareByPosition) : [] });
    // Edits shown but not yet written (a write waits for the paint) are not in what was read: show them too.
    for (const queued of this.queued) this.set(this.withChange(queued));
    // Writes reported while it was being read may or may not be in what was read: look at them.
    this.lookAtStore();
  }

  /**
   * Take no more edits (another window is upgrading the database: TRUST.md F5). Writes already issued still
   * commit; edits, undo and redo after this do nothing, so no shortcut or menu command writes to a closing database.
   */
  freeze(): void {
    this.frozen = true;
  }

  apply(change: Change): void {
    if (this.frozen || isEmptyChange(change)) return;
    this.undoStack.push(change);
    this.redoStack = [];
    this.applyAndSave(change);
  }

  /**
   * Apply a change whose final contents the writing transaction decides (an article import leaves out the texts
   * stored meanwhile, perhaps by another window), and wait for it. So unlike `apply`, nothing shows before the commit:
   * the change is shown and goes on the undo stack as it was written, and a failed write, which wrote nothing, is
   * thrown to the caller to report.
   */
  applyAndWait(change: Change, options: ApplyOptions = {}): Promise<AppliedChange> {
    if (this.frozen) return Promise.reject(new Error('Hamish was updated in another window: reload this one to go on; nothing was written.'));
    this.pending++;
    this.set({ save: { status: 'saving' } });
    const written = this.tail.then(async () => {
      try {
        const applied = await this.repos.workspace.applyChange(change, options);
        if (!isEmptyChange(applied.change)) {
          this.undoStack.push(applied.change);
          this.redoStack = [];
          // Like any edit shown: a look at the store begun before it may read what predates it (see adopt).
          this.edits++;
          this.set(this.withChange(applied.change));
        }
        return applied;
      } finally {
        // A failure leaves the screen as stored (nothing was shown), so it is not a "Not saved" of the workspace.
        if (--this.pending === 0 && this.state.save.status === 'saving') this.set({ save: { status: 'saved' } });
      }
    });
    this.tail = written.then(
      () => undefined,
      () => undefined,
    );
    return written;
  }

  undo(): void {
    if (this.frozen) return;
    const change = this.undoStack.pop();
    if (!change) return;
    this.redoStack.push(change);
    this.applyAndSave(invert(change), change);
  }

  redo(): void {
    if (this.frozen) return;
    const change = this.redoStack.pop();
    if (!change) return;
    this.undoStack.push(change);
    this.applyAndSave(change);
  }

  private applyAndSave(change: Change, undoing?: Change): void {
    this.edits++;
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
        this.lookAtStore();
      }
    });
  }

  private watch(): void {
    this.unwatch ??= this.repos.workspace.watch((c) => {
      this.unseen = mergeReports(this.unseen, c);
      this.lookAtStore();
    });
  }

  /**
   * Read back what the writes reported since the last look may have changed, and adopt what differs from what
   * this window shows: another window's edit of the open document, its KB entities or its label schema. Never while
   * an edit of this window's is waiting to be written, so an edit shown is never replaced by an older stored state
   * (and a local edit not yet written is never lost); the writes are looked at once the queue is empty. This
   * window's own writes are reported too: read back, they equal what is shown, and nothing changes. Only the
   * records named by the report are read (one or two per keystroke), unless a write named a range.
   */
  private lookAtStore(): void {
    if (this.looking || this.queued.length > 0 || !hasAny(this.unseen)) return;
    const report = this.unseen;
    this.unseen = {};
    this.looking = true;
    void this.adopt(report).finally(() => {
      this.looking = false;
      this.lookAtStore();
    });
  }

  private async adopt(report: StorageChange): Promise<void> {
    const [edits, opening, doc] = [this.edits, this.opening, this.state.document];
    let stored: Stored;
    try {
      stored = await this.readStored(report, doc?.id);
    } catch {
      return; // The database cannot be read (closed, deleted): keep what is shown.
    }
    // An edit was shown, or another document opened, while reading: what was read may predate it. Look again later.
    if (edits !== this.edits || opening !== this.opening || doc !== this.state.document || this.queued.length > 0) {
      this.unseen = mergeReports(report, this.unseen);
      return;
    }
    const external = storedChange(this.state, report, stored);
    if (isEmptyChange(external)) return;
    this.forgetOverwritten(external);
    this.set(this.withChange(external));
  }

  private async readStored(report: StorageChange, docId: string | undefined): Promise<Stored> {
    const { annotations: a, documents: d, entities: e, schemas: s } = report;
    const [annotations, document, entities, schema] = await Promise.all([
      docId && a ? (a === 'all' ? this.repos.annotations.listByDocument(docId) : this.repos.annotations.getMany([...a])) : undefined,
      docId && d && (d === 'all' || d.has(docId)) ? this.repos.documents.get(docId).then((record) => ({ record })) : undefined,
      e ? this.repos.workspace.listEntities() : undefined,
      s ? this.repos.workspace.loadSchema() : undefined,
    ]);
    return { annotations, document, entities, schema };
  }

  /**
   * Another writer's change makes some undo and redo steps unsafe: undoing (or redoing) a step that wrote one of
   * the records it changed would silently overwrite that edit, and one that deletes a record it now links to would
   * leave a dangling link. Those steps are dropped — only those, so an annotator whose other window works elsewhere
   * in the document keeps their own history — and nothing stored is touched. A new label schema or the open
   * document removed (its import undone elsewhere) clears both stacks: a step might bring back an annotation
   * whose label or document no longer exists. Steps in other documents are not checked: only the open document
   * is followed.
   */
  private forgetOverwritten(external: Change): void {
    const wholesale = external.schema !== undefined || external.documents.some(([, after]) => !after);
    const touched = footprint(external);
    const safe = (c: Change) => !wholesale && !meets(footprint(c), touched);
    this.undoStack = this.undoStack.filter(safe);
    this.redoStack = this.redoStack.filter(safe);
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
