import { describe, expect, it } from 'vitest';
import { importW3C } from '../../shared/formats/w3c-jsonld/import';
import { createMention, type AnnotationRecord } from '../../shared/model/annotation';
import type { DocumentRecord } from '../../shared/model/document';
import { sha256Text } from '../../shared/text/sha256';
import { exportText } from '../support/export';

// Issue 12: a W3C file of ~120,000+ annotations overflowed the stack on import (`push(...items)`). Hamish must
// read back what it writes.
describe('a W3C export of 130,000 annotations', () => {
  it('imports back whole', { timeout: 120_000 }, async () => {
    const WORD = 'كلمة ';
    const count = 130_000;
    const text = WORD.repeat(count);
    const doc: DocumentRecord = {
      id: '00000000-0000-4000-8000-000000000001',
      title: 'كلمة',
      text,
      sha256: sha256Text(text),
      fileName: 'big.txt',
      importedAt: '2026-12-03T10:00:00Z',
      status: 'new',
      meta: {},
    };
    const annotations: AnnotationRecord[] = Array.from({ length: count }, (_, i) => {
      const m = createMention(text, {
        id: `00000000-0000-4000-8000-${String(i + 2).padStart(12, '0')}`,
        documentId: doc.id,
        start: i * 5,
        end: i * 5 + 4,
        entityType: 'person',
        now: doc.importedAt,
      });
      if (!m.ok) throw new Error(m.error.message);
      return m.value;
    });
    const file = await exportText('w3c-jsonld', { documents: [doc], annotations });
    if (!file.ok) throw new Error(file.error.message);
    let n = 0;
    const back = importW3C(file.value, { fileName: 'big.jsonld', newId: () => `id-${++n}`, now: doc.importedAt });
    expect(back.ok ? back.corpus.annotations.length : back.issues.slice(0, 3)).toBe(count);
  });
});
