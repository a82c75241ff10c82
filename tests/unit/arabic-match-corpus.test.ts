import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findMentions, makeCorpusIndex, searchCorpus } from '../../shared/text/arabic-match';
import { wordEndAt, wordStartAt } from '../../shared/text/words';

/** The five real articles, read as the app reads them (UTF-8, LF, no BOM: the canonical text is the file). */
const NEWS = new URL('../../../shared/corpus/news/', import.meta.url);
const FILES = readdirSync(NEWS)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const ARTICLES = FILES.map((f) => ({ id: f.slice(0, 3), text: readFileSync(new URL(f, NEWS), 'utf8') }));

/**
 * Expected counts, derived by hand outside the matcher, per article 000…004:
 *   grep -o 'حفتر' FILE | wc -l                       → 0 3 3 2 0
 *   grep -o 'ليبيا' FILE | wc -l                      → 6 12 5 4 7
 *   grep -oP '(?<![\p{L}\p{M}\p{N}])[وفبكل]{0,2}NAME(?![\p{L}\p{M}\p{N}])' FILE | wc -l  (whole words behind
 *     at most two proclitics) gives the same numbers, so no occurrence sits inside a longer word; and for
 *     NAME = الليبي it gives 1 2 6 1 3 (the «الليبية», «الليبيين» of `grep -o 'الليبي'` are other words).
 * The surface forms, from `grep -o '[^ ]*حفتر[^ ]*'` and `grep -o '[^ ]*ليبيا[^ ]*'`: «حفتر» alone or as «لحفتر»
 * (article 001), «ليبيا» alone or as «لليبيا» (article 000), followed at most by punctuation. A check with
 * marks and tatweel allowed between the letters found no other spelling (no diacritics on these names).
 */
const EXPECTED: Array<[query: string, perArticle: number[], words: string[], span: string]> = [
  ['حفتر', [0, 3, 3, 2, 0], ['حفتر', 'لحفتر'], 'حفتر'],
  ['ليبيا', [6, 12, 5, 4, 7], ['ليبيا', 'لليبيا'], 'ليبيا'],
  ['الليبي', [1, 2, 6, 1, 3], ['الليبي'], 'الليبي'],
];

describe('Arabic-aware matching on the news corpus', () => {
  it('reads all five articles', () => {
    expect(ARTICLES.map((a) => a.id)).toEqual(['000', '001', '002', '003', '004']);
  });

  describe.each(EXPECTED)('«%s»', (query, perArticle, words, span) => {
    const found = ARTICLES.map((a) => ({ text: a.text, mentions: findMentions(a.text, query) }));

    it('counts the hand-derived mentions per article', () => {
      expect(found.map((f) => f.mentions.length)).toEqual(perArticle);
    });

    it('tags only the name, inside one of the accepted whole words', () => {
      for (const { text, mentions } of found) {
        for (const m of mentions) {
          expect(text.slice(m.start, m.end)).toBe(span);
          // The whole word around the span, by word snapping's own rules, not the matcher's.
          expect(words).toContain(text.slice(wordStartAt(text, m.start), wordEndAt(text, m.end)));
        }
      }
    });
  });

  it('finds the one «لحفتر» with its clitic outside the span', () => {
    const prefixes = findMentions(ARTICLES[1]!.text, 'حفتر').map((m) => m.prefix);
    expect(prefixes.sort()).toEqual(['', '', 'ل']);
  });

  it('never confuses «ليبيا» with «الليبي» / «الليبية»', () => {
    for (const { text } of ARTICLES) {
      const libya = new Set(findMentions(text, 'ليبيا').map((m) => m.start));
      for (const m of findMentions(text, 'الليبي')) expect(libya.has(m.start)).toBe(false);
      for (const m of findMentions(text, 'ليبيا')) expect(text.slice(m.start - 2, m.start)).not.toBe('ال');
    }
  });

  it('gives the same totals through a corpus index', () => {
    const index = makeCorpusIndex(ARTICLES);
    const r = searchCorpus(index, 'حفتر', { limit: 5 });
    expect([r.total, r.documents, r.hits.length]).toEqual([8, 3, 5]);
    expect(r.hits.map((h) => h.documentId)).toEqual(['001', '001', '001', '002', '002']);
    for (const h of r.hits) expect(h.match).toBe('حفتر');
    expect(searchCorpus(index, 'ليبيا').total).toBe(34);
  });
});
