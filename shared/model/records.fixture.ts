// Small records for the model's tests (merge, replace): a document of a text, a mention, a KB entity, and a
// workspace holding them as the merge planner reads it.
import { sha256Text } from '../text/sha256';
import type { AnnotationRecord, MentionRecord } from './annotation';
import type { DocumentRecord } from './document';
import type { KbEntity } from './kb-entity';
import type { MergeWorkspace } from './merge';

export const T = '2026-11-23T10:00:00Z';

export const docOf = (id: string, text: string, extra: Partial<DocumentRecord> = {}): DocumentRecord => ({
  id,
  title: text.slice(0, 5),
  text,
  sha256: sha256Text(text),
  fileName: `${id}.txt`,
  importedAt: T,
  status: 'new',
  meta: {},
  ...extra,
});

export const mentionOf = (id: string, documentId: string, extra: Partial<MentionRecord> = {}): MentionRecord => ({
  id,
  documentId,
  kind: 'mention',
  start: 0,
  end: 3,
  quote: 'قال',
  entityType: 'person',
  created: T,
  modified: T,
  ...extra,
});

export const entityOf = (id: string, name: string): KbEntity => ({ id, name, entityType: 'person', aliases: [], created: T, modified: T });

export const workspaceOf = (docs: DocumentRecord[], anns: AnnotationRecord[] = [], ents: KbEntity[] = []): MergeWorkspace => ({
  documentsBySha: new Map(docs.map((d) => [d.sha256, d])),
  annotationsById: new Map(anns.map((a) => [a.id, a])),
  entitiesById: new Map(ents.map((e) => [e.id, e])),
});
