import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tokenize, type Sentence, type TokenizeOptions } from './tokens';

const NEWS = new URL('../../../shared/corpus/news/', import.meta.url);
const ARTICLE = {
  '001': readFileSync(new URL('001_53365f3f7872f5a8.txt', NEWS), 'utf8'),
  '002': readFileSync(new URL('002_1243eb3aa8ecf769.txt', NEWS), 'utf8'),
  '003': readFileSync(new URL('003_e3d42777f53ff652.txt', NEWS), 'utf8'),
};
const line = (id: keyof typeof ARTICLE, n: number) => ARTICLE[id].split('\n')[n - 1]!;

const words = (text: string, opts?: TokenizeOptions) => tokenize(text, opts).flatMap((s) => s.tokens.map((t) => t.text));
const sentences = (text: string, opts?: TokenizeOptions) => tokenize(text, opts).map((s) => s.tokens.map((t) => t.text).join(' '));

function expectSlices(text: string, result: Sentence[]): void {
  let last = 0;
  for (const s of result) {
    expect(s.start).toBe(s.tokens[0]!.start);
    expect(s.end).toBe(s.tokens.at(-1)!.end);
    for (const t of s.tokens) {
      expect(t.text).toBe(text.slice(t.start, t.end));
      expect(t.text).not.toMatch(/^\s|\s$/);
      expect(t.end).toBeGreaterThan(t.start);
      expect(t.start).toBeGreaterThanOrEqual(last);
      last = t.end;
    }
  }
}

describe('tokenize, arabic mode, on real news lines', () => {
  it('splits punctuation and brackets off words: «(رويترز)»', () => {
    expect(words(line('001', 4)).slice(-4)).toEqual(['ليبيا', '(', 'رويترز', ')']);
  });

  it('keeps «5+5» one token and splits the Arabic comma after it', () => {
    const toks = words(line('003', 7));
    const i = toks.indexOf('5+5');
    expect(toks.slice(i - 1, i + 3)).toEqual(['العسكرية', '5+5', '،', 'السفير']);
  });

  it('splits «REUTERS/Esam», keeps «Al-Fetori» apart at its hyphen, ends the sentence after «2017.»', () => {
    const l = line('001', 3);
    expect(words(l)).toEqual(expect.arrayContaining(['REUTERS', '/', 'Esam', 'Al', '-', 'Fetori', '2017', '.']));
    expect(sentences(l)).toHaveLength(2);
    expect(sentences(l)[1]).toBe('REUTERS / Esam Omran Al - Fetori');
  });

  it('splits straight and curly quotes', () => {
    expect(words(line('002', 2))).toEqual(expect.arrayContaining(['"', 'مراقبة', 'محايدة', '"']));
    expect(words(line('003', 7))).toEqual(expect.arrayContaining(['“', 'القيادة', 'العامة', '”', '،']));
  });

  it('keeps «لحفتر» whole without clitic splitting, splits it with', () => {
    expect(words(line('001', 1)).at(-1)).toBe('لحفتر');
    const all = tokenize(ARTICLE['001'], { splitClitics: true });
    const head = all[0]!.tokens.map((t) => t.text);
    // the article writes «حفتر», «لندن» and «موسكو» alone elsewhere: evidence that the first letter is a clitic
    expect(head).toEqual(['اجتماع', 'ب', 'لندن', 'حول', 'ليبيا', 'و', 'موسكو', 'تستقبل', 'مبعوثا', 'ل', 'حفتر']);
    expectSlices(ARTICLE['001'], all);
  });

  it('offsets always slice to the token text, in every article and mode', () => {
    for (const text of Object.values(ARTICLE)) {
      for (const opts of [{}, { splitClitics: true }, { mode: 'whitespace' as const }, { mode: 'whitespace' as const, splitClitics: true }]) {
        expectSlices(text, tokenize(text, opts));
      }
    }
  });

  it('never makes a token of whitespace, and sentences end at line breaks', () => {
    const text = ARTICLE['002'];
    const result = tokenize(text);
    const lines = text.split('\n').filter((l) => l.trim()).length;
    expect(result.length).toBeGreaterThanOrEqual(lines);
    for (const s of result) expect(text.slice(s.start, s.end)).not.toContain('\n');
  });
});

describe('tokenize, arabic mode, rules', () => {
  const CASES: Array<[string, string, string[]]> = [
    ['numbers with joiners', 'في 2020/10 بنسبة 3.5 و1,000 و٣٫٥ 10:30', ['في', '2020/10', 'بنسبة', '3.5', 'و1,000', 'و٣٫٥', '10:30']],
    ['Arabic punctuation', 'قال: نعم؛ لا، ربما؟', ['قال', ':', 'نعم', '؛', 'لا', '،', 'ربما', '؟']],
    ['guillemets, ellipsis, runs of dots', '«حفتر»… ثم... انتهى!!', ['«', 'حفتر', '»', '…', 'ثم', '...', 'انتهى', '!!']],
    ['a slash between words, a hyphen between letters', 'شمال-غرب و/أو', ['شمال', '-', 'غرب', 'و', '/', 'أو']],
    ['an apostrophe between Latin letters stays, a quote does not', "O'Donnell 'قال'", ["O'Donnell", "'", 'قال', "'"]],
    ['emoji are tokens, also glued to words', 'قال😀حفتر 👍🏽 👨‍👩‍👧', ['قال', '😀', 'حفتر', '👍🏽', '👨‍👩‍👧']],
    ['RLM stays with its word, before punctuation too', 'الطولونية\u200f. \u200f x', ['الطولونية\u200f', '.', '\u200f', 'x']],
    ['a leading LRM stays with its word', '\u200eالمانيا \u200e،', ['\u200eالمانيا', '\u200e،']],
    ['a mark between punctuation and a word goes with the word', '(\u200fرويترز)', ['(', '\u200fرويترز', ')']],
    ['ZWNJ/ZWJ inside a word', 'می\u200cخواهم a\u200db', ['می\u200cخواهم', 'a\u200db']],
    ['diacritics and tatweel stay on the word', 'وَرَحَّبَ بـالحكومة', ['وَرَحَّبَ', 'بـالحكومة']],
    ['percent and dollar', '50% $5', ['50', '%', '$', '5']],
  ];
  it.each(CASES)('%s', (_name, text, expected) => {
    expect(words(text)).toEqual(expected);
    expectSlices(text, tokenize(text));
  });

  it('ends sentences after . ! ? ؟ … followed by a space, not inside numbers or before a non-space', () => {
    expect(sentences('بلغ 3.5 مليون. وقال: «انتهى.» ثم؟ لا… نعم!\nسطر')).toEqual(['بلغ 3.5 مليون .', 'وقال : « انتهى . »', 'ثم ؟', 'لا …', 'نعم !', 'سطر']);
    expect(sentences('e.g.x ليبيا.الجيش')).toEqual(['e . g . x ليبيا . الجيش']);
  });

  it('drops empty lines and whitespace-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' \n\n\t \u00a0')).toEqual([]);
    expect(sentences('أ\n\n\nب')).toEqual(['أ', 'ب']);
  });
});

describe('tokenize, whitespace mode', () => {
  it('tokens are runs of non-whitespace, a lone RLM included; sentences are lines', () => {
    const text = 'للانقسام؛ 4٠٠ \u200f (x\n\u200eالمانيا ،\n\nOK';
    expect(tokenize(text, { mode: 'whitespace' }).map((s) => s.tokens.map((t) => t.text))).toEqual([
      ['للانقسام؛', '4٠٠', '\u200f', '(x'],
      ['\u200eالمانيا', '،'],
      ['OK'],
    ]);
  });

  it('handles a 20,000-token line linearly', () => {
    const text = Array.from({ length: 20000 }, (_, i) => `w${i}`).join(' ');
    const t0 = performance.now();
    const result = tokenize(text, { mode: 'whitespace' });
    const arabic = tokenize(text);
    expect(result[0]!.tokens).toHaveLength(20000);
    expect(arabic[0]!.tokens).toHaveLength(20000);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('tokenize, clitic splitting', () => {
  const split = (text: string, boundaries?: number[]) => words(text, { splitClitics: true, ...(boundaries ? { boundaries } : {}) });

  it('splits و ف ب ك ل when the rest stands alone in the text', () => {
    expect(split('حفتر ولحفتر فحفتر كحفتر')).toEqual(['حفتر', 'و', 'ل', 'حفتر', 'ف', 'حفتر', 'ك', 'حفتر']);
  });

  it('keeps names whose first letter only looks like a clitic', () => {
    expect(split('ليبيا فرنسا بريطانيا وزير المانيا')).toEqual(['ليبيا', 'فرنسا', 'بريطانيا', 'وزير', 'المانيا']);
  });

  it('«لليبيا» is ل + ليبيا; «للحكومة» stays whole without a mention there', () => {
    expect(split('ليبيا لليبيا للحكومة')).toEqual(['ليبيا', 'ل', 'ليبيا', 'للحكومة']);
  });

  it('needs three letters as evidence (كان is not ك + ان), two with a boundary hint', () => {
    expect(split('ان كان')).toEqual(['ان', 'كان']);
    expect(split('كان', [1])).toEqual(['ك', 'ان']);
  });

  it('keeps the article unless a boundary asks for it, then splits every clitic before it', () => {
    expect(split('حكومة الحكومة')).toEqual(['حكومة', 'الحكومة']);
    expect(split('للحكومة', [2])).toEqual(['ل', 'ل', 'حكومة']);
    expect(split('والحكومة', [3])).toEqual(['و', 'ال', 'حكومة']);
    expect(split('الحكومة والحكومة')).toEqual(['الحكومة', 'و', 'الحكومة']);
  });

  it('a mention «حفتر» inside «لحفتر» gets its own token from the hint alone', () => {
    const text = 'مبعوثا لحفتر';
    expect(split(text, [text.indexOf('حفتر')])).toEqual(['مبعوثا', 'ل', 'حفتر']);
  });

  it('keeps harakat, tatweel and a leading LRM on the clitic; leaves one-letter rests alone', () => {
    expect(split('حفتر وَحفتر لـحفتر \u200eبحفتر ول')).toEqual(['حفتر', 'وَ', 'حفتر', 'لـ', 'حفتر', '\u200eب', 'حفتر', 'ول']);
  });
});
