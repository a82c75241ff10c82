import { describe, expect, it } from 'vitest';
import { normalizeForMatch } from './arabic-normalize';
import { compileQuery, findMentions, makeCorpusIndex, searchCorpus } from './arabic-match';

/** `⟦` and `⟧` mark the expected spans in a snippet; returns the snippet without them and the spans. */
function marked(s: string): { text: string; spans: Array<[number, number]> } {
  const spans: Array<[number, number]> = [];
  let text = '';
  let open = -1;
  for (const ch of s) {
    if (ch === '⟦') open = text.length;
    else if (ch === '⟧') spans.push([open, text.length]);
    else text += ch;
  }
  return { text, spans };
}

/** [why, query, snippet with every expected mention marked]. An unmarked snippet expects no mention. */
const CASES: Array<[string, string, string]> = [
  // whole words, and proclitics left outside the span
  ['bare name', 'حفتر', 'قال ⟦حفتر⟧ إن'],
  ['ل before the name', 'حفتر', 'مبعوثا ل⟦حفتر⟧ في'],
  ['و before the name', 'حفتر', 'السراج و⟦حفتر⟧ في'],
  ['ب before the name', 'حفتر', 'اتصل ب⟦حفتر⟧ أمس'],
  ['ف before the name', 'حفتر', 'ف⟦حفتر⟧ رفض'],
  ['ك before the name', 'حفتر', 'قائد ك⟦حفتر⟧ لا'],
  ['و + ل chain', 'حفتر', 'ول⟦حفتر⟧ قوات'],
  ['punctuation after the name', 'حفتر', '⟦حفتر⟧، و⟦حفتر⟧. "⟦حفتر⟧"'],
  ['a suffix makes another word', 'حفتر', 'حفترا حفتره حفترية'],
  ['a match never starts inside a word (م is no clitic)', 'حفتر', 'محفتر سحفتر'],
  ['a clitic chain that is not allowed (ب + و)', 'حفتر', 'بوحفتر للوحفتر'],
  ['a rejected candidate does not hide an overlapping one', 'وو', 'و⟦وو⟧ و⟦وو⟧ ⟦وو⟧'],
  // the article: written → kept inside the span; fused with ل → the whole «لل» word
  ['article kept inside the span', 'ليبي', 'الجيش ⟦الليبي⟧ و⟦الليبي⟧ ب⟦الليبي⟧ ⟦ليبي⟧'],
  ['fused لل with an article-less query takes لل', 'جيش', '⟦للجيش⟧ و⟦للجيش⟧'],
  ['query with its own article', 'الأمم المتحدة', '⟦الأمم المتحدة⟧ و⟦الأمم المتحدة⟧ ب⟦الأمم المتحدة⟧'],
  ['query article absorbed into لل', 'الأمم المتحدة', 'العام ⟦للأمم المتحدة⟧ و⟦للأمم المتحدة⟧'],
  ['query with article does not find the bare noun', 'الأمم المتحدة', 'أمم متحدة'],
  ['query article with a ل-initial stem: ل + الله = لله', 'الله', '⟦الله⟧ ⟦لله⟧ و⟦لله⟧ ب⟦الله⟧'],
  ['«إلى» (folds to الي) is not found behind لل', 'إلى', '⟦إلى⟧ للي'],
  // «ليبيا» and «الليبي» are different words
  ['«ليبيا» does not match «الليبي»', 'ليبيا', 'الليبي الليبية الليبيين'],
  ['«الليبي» does not match «ليبيا»', 'الليبي', 'ليبيا لليبيا'],
  ['«ليبيا» behind ل (ل + ليبيا) and و', 'ليبيا', '⟦ليبيا⟧ ل⟦ليبيا⟧ و⟦ليبيا⟧ ⟦ليبيا⟧،'],
  // folding on both sides
  ['hamza variants (query أ)', 'أحمد', '⟦أحمد⟧ ⟦احمد⟧ ⟦إحمد⟧ ⟦آحمد⟧'],
  ['hamza variants (query bare)', 'احمد', '⟦أحمد⟧ ⟦احمد⟧'],
  ['ى / ي', 'مصطفى', '⟦مصطفى⟧ ⟦مصطفي⟧'],
  ['ة / ه', 'المتحدة', '⟦المتحدة⟧ ⟦المتحده⟧'],
  ['tatweel in the text', 'حفتر', '⟦حفـــتر⟧ و⟦حفتـر⟧'],
  ['diacritics in the text, covered to the last mark', 'خليفة', 'المشير ⟦خَلِيفَةُ⟧ قال'],
  ['diacritics in the query', 'خَلِيفَة حَفْتَر', '⟦خليفة حفتر⟧'],
  ['tanween after the last letter is covered, the space is not', 'حفتر', '⟦حفترٌ⟧ قال'],
  ['bidi marks around the name stay out', 'حفتر', '\u200f⟦حفتر⟧\u200f، ⟦حفتر⟧\u200e'],
  ['Latin case, / as a word boundary', 'Reuters', '(⟦REUTERS⟧/Esam) ⟦reuters⟧ ReutersX'],
  ['Arabic-Indic and ASCII digits', '٥+٥', 'اللجنة ⟦5+5⟧ و⟦٥+٥⟧ 15+5 5+5+5'],
  ['ASCII query finds Arabic-Indic digits', '2020', 'عام ⟦٢٠٢٠⟧ و⟦2020⟧ 20201'],
  ['emoji (surrogate pairs) around matches', 'حفتر', '😀⟦حفتر⟧😀 𝔸حفتر حفتر𝔸 ⟦حفتر⟧🇱🇾'],
  ['multi-word: any run of spaces or NBSP', 'خليفة حفتر', '⟦خليفة\u00a0حفتر⟧ ⟦خليفة  \t حفتر⟧ ⟦خليفة\u00a0 حفتر⟧'],
  ['multi-word: never across a line break', 'خليفة حفتر', 'خليفة\nحفتر'],
  ['multi-word: clitic before the first word only', 'خليفة حفتر', 'ل⟦خليفة حفتر⟧ خليفة لحفتر'],
  ['query with punctuation edges: no word check at a non-letter edge', '(حفتر)', 'قال ⟦(حفتر)⟧ و⟦(حفتر)⟧ حفتر'],
  ['whitespace-only query', ' \u00a0\t', 'حفتر'],
  ['diacritics-only query', '\u064e\u0651', 'حفتر'],
  ['empty query', '', 'حفتر'],
];

describe('findMentions', () => {
  it.each(CASES)('%s', (_why, query, snippet) => {
    const { text, spans } = marked(snippet);
    const found = findMentions(text, query).map((m) => [m.start, m.end]);
    expect(found).toEqual(spans);
  });
});

/** [query, text, expected span text, prefix, absorbedArticle] for the first mention. */
const DETAILS: Array<[string, string, string, string, boolean]> = [
  ['حفتر', 'لحفتر', 'حفتر', 'ل', false],
  ['حفتر', 'وَلِحفتر', 'حفتر', 'ول', false],
  ['حفتر', 'فبحفتر', 'حفتر', 'فب', false],
  ['ليبي', 'والليبي', 'الليبي', 'و', false],
  ['ليبي', 'بالليبي', 'الليبي', 'ب', false],
  ['جيش', 'وللجيش', 'للجيش', 'و', true],
  ['الأمم', 'للأمم', 'للأمم', '', true],
  ['الأمم', 'فللأمم', 'للأمم', 'ف', true],
  ['الأمم', 'وبالأمم', 'الأمم', 'وب', false],
  ['ليبيا', 'لليبيا', 'ليبيا', 'ل', false],
];

describe('mention details', () => {
  it.each(DETAILS)('%s in %s', (query, text, spanText, prefix, absorbed) => {
    const [m] = findMentions(text, query);
    expect(m).toBeDefined();
    expect(text.slice(m!.start, m!.end)).toBe(spanText);
    expect(m!.prefix).toBe(prefix);
    expect(m!.absorbedArticle).toBe(absorbed);
  });

  it('reuses a given index, and ignores one of another text', () => {
    const text = 'قال حفتر';
    const index = normalizeForMatch(text);
    expect(findMentions(text, 'حفتر', { index })).toEqual(findMentions(text, 'حفتر'));
    expect(findMentions(text, 'حفتر', { index: normalizeForMatch('حفتر') })).toEqual([{ start: 4, end: 8, prefix: '', absorbedArticle: false }]);
  });

  it('compiles nothing for an empty query', () => {
    expect(compileQuery('  ')).toBeNull();
    expect(compileQuery('الأمم')?.hasArticle).toBe(true);
    expect(compileQuery('الى')?.hasArticle).toBe(false);
  });
});

describe('searchCorpus', () => {
  const index = makeCorpusIndex([
    { id: 'a', text: 'قال المشير خليفة حفتر إن قوات حفتر تقدمت.' },
    { id: 'b', text: 'لا ذكر له هنا.' },
    { id: 'c', text: '😀لحفتر' + ' س'.repeat(30) },
  ]);

  it('finds hits in document order with original context and a total', () => {
    const r = searchCorpus(index, 'حفتر', { contextChars: 6 });
    expect(r.total).toBe(3);
    expect(r.documents).toBe(2);
    expect(r.hits.map((h) => [h.documentId, h.before, h.match, h.after])).toEqual([
      ['a', 'خليفة ', 'حفتر', ' إن قو'],
      ['a', ' قوات ', 'حفتر', ' تقدمت'],
      ['c', '😀ل', 'حفتر', ' س س س'],
    ]);
  });

  it('counts every hit past the limit', () => {
    const r = searchCorpus(index, 'حفتر', { limit: 1 });
    expect(r.hits).toHaveLength(1);
    expect(r.total).toBe(3);
  });

  it('never cuts a surrogate pair in the context', () => {
    const r = searchCorpus(index, 'حفتر', { contextChars: 2 });
    expect(r.hits[2]!.before).toBe('ل');
  });

  it('returns nothing for an empty query', () => {
    expect(searchCorpus(index, '')).toEqual({ hits: [], total: 0, documents: 0 });
  });
});
