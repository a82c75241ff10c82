import { describe, expect, it } from 'vitest';
import { createClaim, createMention, createSource, type AnnotationRecord } from '../../model/annotation';
import type { DocumentRecord } from '../../model/document';
import { DEFAULT_LABEL_SCHEMA } from '../../model/label-schema';
import { encodeUtf8 } from '../../text/utf8';
import type { Corpus } from '../corpus';
import { importConll } from './parse';
import { exportConll, type ConllExportIssue, type ConllExportOptions } from './serialize';

const NOW = '2024-05-01T10:00:00.000Z';

function doc(id: string, text: string, fileName = `${id}.txt`): DocumentRecord {
  return { id, title: id, text, sha256: '', fileName, importedAt: NOW, status: 'new', meta: {} };
}

let n = 0;
function mention(d: DocumentRecord, quote: string, entityType: string, nth = 0): AnnotationRecord {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = d.text.indexOf(quote, start + 1);
  const r = createMention(d.text, { id: `m${++n}`, documentId: d.id, start, end: start + quote.length, now: NOW, entityType });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function corpus(documents: DocumentRecord[], annotations: AnnotationRecord[]): Corpus {
  return { documents, annotations, entities: [], schema: DEFAULT_LABEL_SCHEMA };
}

function exported(c: Corpus, opts: Omit<ConllExportOptions, 'onIssue'> = {}): { text: string; issues: ConllExportIssue[] } {
  const issues: ConllExportIssue[] = [];
  const text = [...exportConll(c, { ...opts, onIssue: (i) => issues.push(i) })].join('');
  return { text, issues };
}

describe('exportConll', () => {
  it('writes -DOCSTART-, token TAB tag, a blank line after each sentence, IOB2 from the type tag, LF only', () => {
    const d = doc('a', 'التقى خليفة حفتر في بنغازي. ثم غادر.');
    const { text, issues } = exported(corpus([d], [mention(d, 'خليفة حفتر', 'person'), mention(d, 'بنغازي', 'location')]));
    expect(text).toBe('-DOCSTART-\tO\n\nالتقى\tO\nخليفة\tB-PER\nحفتر\tI-PER\nفي\tO\nبنغازي\tB-LOC\n.\tO\n\nثم\tO\nغادر\tO\n.\tO\n\n');
    expect(issues).toEqual([]);
  });

  it('one -DOCSTART- per document; claims and sources are not tags; a space separator on request', () => {
    const a = doc('a', 'قال حفتر');
    const b = doc('b', 'رويترز');
    const claim = createClaim(a.text, { id: 'c1', documentId: 'a', start: 0, end: 8, now: NOW, stance: 'asserted' });
    const source = createSource(b.text, { id: 's1', documentId: 'b', start: 0, end: 6, now: NOW, sourceType: 'news-agency' });
    if (!claim.ok || !source.ok) throw new Error('fixture');
    const { text } = exported(corpus([a, b], [claim.value, source.value, mention(a, 'حفتر', 'person')]), { separator: ' ' });
    expect(text).toBe('-DOCSTART- O\n\nقال O\nحفتر B-PER\n\n-DOCSTART- O\n\nرويترز O\n\n');
  });

  it('keeps the outermost of nested or overlapping mentions and reports the others', () => {
    const d = doc('a', 'جامعة الدول العربية في القاهرة');
    const outer = mention(d, 'جامعة الدول العربية', 'organisation');
    const inner = mention(d, 'الدول العربية', 'gpe');
    const overlap = mention(d, 'العربية في القاهرة', 'location');
    const { text, issues } = exported(corpus([d], [inner, overlap, outer]));
    expect(text.split('\n').slice(2, 7)).toEqual(['جامعة\tB-ORG', 'الدول\tI-ORG', 'العربية\tI-ORG', 'في\tO', 'القاهرة\tO']);
    expect(issues.map((i) => i.annotationId)).toEqual([overlap.id, inner.id]);
    expect(issues[0]!.message).toMatch(/shares a token with «جامعة الدول العربية».*one layer/);
  });

  it('equal spans: the earlier id wins; adjacent mentions of one type stay apart (B- B-)', () => {
    const d = doc('a', 'حفتر سلامة');
    const a = mention(d, 'حفتر', 'person');
    const dup = mention(d, 'حفتر', 'location');
    const b = mention(d, 'سلامة', 'person');
    const { text, issues } = exported(corpus([d], [dup, b, a]));
    expect(text).toContain('حفتر\tB-PER\nسلامة\tB-PER\n');
    expect(issues.map((i) => i.annotationId)).toEqual([dup.id]);
  });

  it('a mention inside «لحفتر»: the whole token, reported; with splitClitics ل is O and حفتر B-PER', () => {
    const d = doc('a', 'مبعوثا لحفتر');
    const c = corpus([d], [mention(d, 'حفتر', 'person')]);
    const plain = exported(c);
    expect(plain.text).toContain('لحفتر\tB-PER\n');
    expect(plain.issues[0]!.message).toMatch(/boundary falls inside a token; the whole token is tagged \(«لحفتر»\)/);
    const split = exported(c, { splitClitics: true });
    expect(split.text).toBe('-DOCSTART-\tO\n\nمبعوثا\tO\nل\tO\nحفتر\tB-PER\n\n');
    expect(split.issues).toEqual([]);
  });

  it('a mention across a sentence break restarts with B- and is reported', () => {
    const d = doc('a', 'أ ب\nج د');
    const { text, issues } = exported(corpus([d], [mention(d, 'ب\nج', 'person')]));
    expect(text).toBe('-DOCSTART-\tO\n\nأ\tO\nب\tB-PER\n\nج\tB-PER\nد\tO\n\n');
    expect(issues[0]!.message).toMatch(/across a sentence break/);
  });

  it('reports and leaves out unanchored mentions, unknown types and empty documents', () => {
    const d = doc('a', 'حفتر في ليبيا');
    const moved = { ...mention(d, 'حفتر', 'person'), quote: 'سلامة' };
    const unknown = mention(d, 'ليبيا', 'nation');
    const { text, issues } = exported(corpus([d, doc('empty', ' \n ')], [moved, unknown]));
    expect(text).toBe('-DOCSTART-\tO\n\nحفتر\tO\nفي\tO\nليبيا\tO\n\n');
    expect(issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/quote is not at its offsets/),
      expect.stringMatching(/entity type "nation" is not in the label schema/),
      expect.stringMatching(/"empty" has no tokens/),
    ]);
  });

  it("tokenizer 'auto' keeps a CoNLL file's own tokens; 'arabic' re-tokenizes", () => {
    const d = doc('a', 'للانقسام؛ 4٠٠', 'x.conll#2');
    expect(exported(corpus([d], []), { tokenizer: 'auto' }).text).toBe('-DOCSTART-\tO\n\nللانقسام؛\tO\n4٠٠\tO\n\n');
    expect(exported(corpus([d], [])).text).toBe('-DOCSTART-\tO\n\nللانقسام\tO\n؛\tO\n4٠٠\tO\n\n');
    expect(exported(corpus([{ ...d, fileName: 'x.txt' }], []), { tokenizer: 'auto' }).text).toContain('؛\tO');
  });

  it('streams a large document in chunks and returns its counts', () => {
    const d = doc('a', Array.from({ length: 30000 }, (_, i) => `كلمة${i}`).join(' '));
    const gen = exportConll(corpus([d], [mention(d, 'كلمة7 كلمة8', 'person')]));
    const chunks: string[] = [];
    let r = gen.next();
    while (!r.done) {
      chunks.push(r.value);
      r = gen.next();
    }
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.join('').split('\n')).toHaveLength(30000 + 4);
    expect(r.value).toEqual({ documents: 1, sentences: 1, tokens: 30000, spans: 1, issues: 0 });
  });

  it('round trip: an IOB2 file with tabs, LF and a final newline imports and exports to the same bytes', () => {
    const input =
      '-DOCSTART-\tO\n\n\u200eفرانكفورت\tB-Population-Center\n(\tO\n\u200eد\tB-Media\n\u200eب\tI-Media\n)\tO\n\n\u200f\tO\nO\tB-ENGLISH\n\n-DOCSTART-\tO\n\nب\tI--ORG\n\n';
    const r = importConll(encodeUtf8(input), { fileName: 'x.conll', newId: () => `id${++n}`, now: NOW });
    if (!r.ok) throw new Error('import');
    expect(exported(r.corpus, { tokenizer: 'whitespace' }).text).toBe(input.replace('I--ORG', 'B--ORG'));
    expect(exported(r.corpus, { tokenizer: 'auto' }).text).toBe(input.replace('I--ORG', 'B--ORG'));
  });
});
