import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { importTxt } from '../../../shared/formats/txt/import-txt';
import type { DocumentRecord } from '../../../shared/model/document';
import { NEWS_DIR } from '../../../tests/support/paths';
import { createAnnotationsRepo } from '../../db/annotations-repo';
import { openDatabase, type HamishDatabase } from '../../db/database';
import { DocumentSession } from './document-session';

let db: HamishDatabase;
afterEach(async () => {
  db.close();
  await db.delete();
});

function article(): DocumentRecord {
  const bytes = readFileSync(`${NEWS_DIR}002_1243eb3aa8ecf769.txt`);
  const r = importTxt({ name: '002.txt', size: bytes.length, bytes });
  if (!r.ok) throw new Error(r.error.message);
  return { id: 'doc-002', importedAt: '2026-11-23T10:00:00.000Z', ...r.value };
}

function setup() {
  db = openDatabase(`test-${crypto.randomUUID()}`);
  const repo = createAnnotationsRepo(db);
  let n = 0;
  const session = new DocumentSession(article(), [], repo, () => `ann-${++n}`, () => '2026-11-23T10:00:00.000Z');
  return { repo, session, doc: session.document };
}

const spanOf = (text: string, quote: string) => {
  const start = text.indexOf(quote);
  return [start, start + quote.length] as const;
};

describe('DocumentSession', () => {
  it('shows a mention at once, in text order, and reports Saved only after IndexedDB has it', async () => {
    const { repo, session, doc } = setup();
    session.addMention(...spanOf(doc.text, 'خليفة حفتر'), 'person');
    session.addMention(...spanOf(doc.text, 'ستيفان دوجاريك'), 'person');
    expect(session.getSnapshot().save.status).toBe('saving');
    expect(session.getSnapshot().annotations.map((a) => a.quote)).toEqual(['ستيفان دوجاريك', 'خليفة حفتر']);
    await session.whenSaved();
    expect(session.getSnapshot().save.status).toBe('saved');
    expect((await repo.listByDocument(doc.id)).map((a) => a.quote)).toEqual(['ستيفان دوجاريك', 'خليفة حفتر']);
  });

  it('undoes and redoes create and delete, in memory and in the database', async () => {
    const { repo, session, doc } = setup();
    const made = session.addMention(...spanOf(doc.text, 'الأمم المتحدة'), 'organisation');
    expect(made.ok).toBe(true);
    const id = made.ok ? made.value.id : '';
    session.remove(id);
    await session.whenSaved();
    expect(await repo.listByDocument(doc.id)).toEqual([]);
    session.undo();
    await session.whenSaved();
    expect((await repo.listByDocument(doc.id)).map((a) => a.id)).toEqual([id]);
    session.undo();
    await session.whenSaved();
    expect(await repo.listByDocument(doc.id)).toEqual([]);
    expect(session.getSnapshot()).toMatchObject({ canUndo: false, canRedo: true });
    session.redo();
    session.redo();
    await session.whenSaved();
    expect(await repo.listByDocument(doc.id)).toEqual([]);
    expect(session.getSnapshot()).toMatchObject({ canUndo: true, canRedo: false });
  });

  it('refuses a span outside the text and the same span with the same label twice', () => {
    const { session, doc } = setup();
    expect(session.addMention(10, 5, 'person')).toMatchObject({ ok: false, error: { code: 'bad-span' } });
    expect(session.addMention(0, doc.text.length + 1, 'person')).toMatchObject({ ok: false });
    session.addMention(...spanOf(doc.text, 'ليبيا'), 'location');
    expect(session.addMention(...spanOf(doc.text, 'ليبيا'), 'location')).toMatchObject({ ok: false, error: { code: 'duplicate' } });
    expect(session.getSnapshot().annotations).toHaveLength(1);
  });

  it('shows what is really stored when a write fails', async () => {
    const { session, doc } = setup();
    db.close();
    session.addMention(...spanOf(doc.text, 'غسان سلامة'), 'person');
    await session.whenSaved();
    const snap = session.getSnapshot();
    expect(snap.save.status).toBe('failed');
    expect(snap.annotations).toEqual([]);
  });
});
