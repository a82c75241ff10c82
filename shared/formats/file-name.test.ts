import { describe, expect, it } from 'vitest';
import { CORPUS } from '../../tests/support/news-corpus';
import { exportText } from '../../tests/support/export';
import { storedFileName } from './file-name';
import { importFormat } from './registry';

const enc = (s: string) => new TextEncoder().encode(s);
const ctx = (fileName: string) => ({
  fileName,
  now: '2026-12-03T10:00:00Z',
  newId: (() => {
    let n = 0;
    return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
  })(),
});

// Names an OS or another tool may hand over: a Trojan-Source override, an RLM inside an Arabic name, a NUL, a path.
const HOSTILE = ['cod\u202egnp.txt', 'تقرير\u200fاليوم.txt', 'a\u0000b.txt', 'folder/sub\\نص.txt', '\u200b'];
const STORED = ['codgnp.txt', 'تقريراليوم.txt', 'a_b.txt', 'نص.txt', 'untitled'];

describe('one file-name rule for every importer', () => {
  it('repairs, never refuses: invisible characters go, control characters become _, folders are dropped', () => {
    expect(HOSTILE.map(storedFileName)).toEqual(STORED);
    expect(storedFileName('ا'.repeat(300))).toHaveLength(255);
  });

  it.each(HOSTILE.map((name, i) => [name, STORED[i]!]))('%j is stored the same by the text, CoNLL, brat and Label Studio importers', (name, stored) => {
    const txt = importFormat('txt')!.run([{ path: name, bytes: enc('عنوان\nنص المقال.\n') }], ctx(name));
    const conll = importFormat('conll')!.run([{ path: name, bytes: enc('خليفة\tB-PER\nحفتر\tI-PER\n') }], ctx(name));
    const brat = importFormat('brat')!.run(
      [
        { path: name.replace(/\.txt$/, '') + '.txt', bytes: enc('قال حفتر\n') },
        { path: name.replace(/\.txt$/, '') + '.ann', bytes: enc('T1\tPER 4 8\tحفتر\n') },
      ],
      ctx(name),
    );
    const ls = importFormat('label-studio')!.run([{ path: name, bytes: enc(JSON.stringify([{ data: { text: 'قال حفتر' } }])) }], ctx(name));
    const names = [txt, conll, brat, ls].map((r) => (r.ok ? r.corpus.documents[0]!.fileName : r.issues[0]?.message));
    expect(names.map((n) => n?.replace(/(\.ann|#\d+)$/, ''))).toEqual([stored, stored, storedFileName(name.replace(/\.txt$/, '') + '.txt'), stored]);
  });

  it('what was stored goes through a W3C export and import unchanged; a name the rule repairs is a warning naming its pointer', async () => {
    const doc = { ...CORPUS.documents[0]!, fileName: storedFileName('cod\u202egnp.txt') };
    const file = await exportText('w3c-jsonld', { ...CORPUS, documents: [doc], annotations: CORPUS.annotations.filter((a) => a.documentId === doc.id) });
    if (!file.ok) throw new Error(file.error.message);
    const back = importFormat('w3c-jsonld')!.run([{ path: 'x.jsonld', bytes: enc(file.value) }], ctx('x.jsonld'));
    expect(back.ok && back.corpus.documents[0]!.fileName).toBe('codgnp.txt');
    expect(back.issues).toEqual([]);
    const hostile = importFormat('w3c-jsonld')!.run(
      [{ path: 'x.jsonld', bytes: enc(file.value.replace('"codgnp.txt"', '"cod\\u202egnp.txt"')) }],
      ctx('x.jsonld'),
    );
    expect(hostile.ok && hostile.corpus.documents[0]!.fileName).toBe('codgnp.txt');
    expect(hostile.issues).toEqual([{ severity: 'warning', pointer: '/documents/0/fileName', message: expect.stringContaining('file-name rule') }]);
  });
});
