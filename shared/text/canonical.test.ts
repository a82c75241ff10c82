import { describe, expect, it } from 'vitest';
import { canonicalizeText, MAX_TITLE, titleOf } from './canonical';

const BOM = '\ufeff';

describe('canonicalizeText', () => {
  it.each([
    ['removes a leading BOM', `${BOM}ليبيا`, 'ليبيا'],
    ['removes only one BOM', `${BOM}${BOM}ليبيا`, `${BOM}ليبيا`],
    ['keeps a BOM that is not leading', `ليبيا${BOM}`, `ليبيا${BOM}`],
    ['keeps a leading space before a BOM', ` ${BOM}x`, ` ${BOM}x`],
    ['turns CRLF into LF', 'سطر\r\nسطر\r\n', 'سطر\nسطر\n'],
    ['turns a lone CR into LF', 'سطر\rسطر\r', 'سطر\nسطر\n'],
    ['turns CR CR LF into two LFs', 'a\r\r\nb', 'a\n\nb'],
    ['leaves LF CR as two LFs', 'a\n\rb', 'a\n\nb'],
    ['handles BOM + CRLF together', `${BOM}عنوان\r\n\r\nنص`, 'عنوان\n\nنص'],
    ['leaves an empty string empty', '', ''],
    ['turns a BOM alone into nothing', BOM, ''],
  ])('%s', (_what, input, expected) => {
    expect(canonicalizeText(input)).toBe(expected);
  });

  // Everything but BOM and line ends stays byte-exact: offsets must point into what the user imported.
  it.each([
    ['tatweel', 'الـ23 من أكتوبر — جـــامعة'],
    ['diacritics', 'تمّ التوصّل إلى وقفٍ لإطلاقِ النار'],
    ['no-break space', 'مجموعة\u00a05\u00a0+\u00a05'],
    ['RLM U+200F and LRM U+200E', 'REUTERS\u200f/\u200eEsam'],
    ['ALM U+061C', '5\u061c+\u061c5'],
    ['bidi isolates and ZWNJ/ZWJ', '\u2067ليبيا\u2069 می\u200cخواهم \u200d'],
    ['NFD sequences (not normalised to NFC)', 'Cafe\u0301 \u0627\u0653 \u0648\u0654'],
    ['NFC-decomposable Arabic kept composed', '\u0622 \u0624'],
    ['other line separators', 'a\u2028b\u2029c\u0085d\u000be\u000cf'],
    ['trailing whitespace and tabs', 'نص  \t\n\n  '],
    ['emoji and 𝔸', '😀 🇱🇾 𝔸'],
    ['lone surrogate', 'x\ud800y'],
  ])('keeps %s unchanged', (_what, text) => {
    const out = canonicalizeText(text);
    expect(out).toBe(text);
    expect(Buffer.from(out, 'utf8').equals(Buffer.from(text, 'utf8'))).toBe(true);
  });

  it('does not apply NFC', () => {
    const nfd = 'e\u0301';
    expect(canonicalizeText(nfd)).not.toBe(nfd.normalize('NFC'));
  });

  it('is idempotent after the first BOM', () => {
    const once = canonicalizeText(`${BOM}a\r\nb\rc`);
    expect(canonicalizeText(once)).toBe(once);
  });
});

describe('titleOf', () => {
  it.each([
    ['the first line', 'عنوان\nنص', 'عنوان'],
    ['the first non-empty line', '\n\n   \n\tعنوان المقال  \nنص', 'عنوان المقال'],
    ['trimmed of no-break spaces', '\u00a0 عنوان\u00a0\n', 'عنوان'],
    ['skipping a line of no-break spaces', '\u00a0\u3000\nعنوان', 'عنوان'],
    ['keeping inner spacing', '  اللجنة   العسكرية 5+5 ', 'اللجنة   العسكرية 5+5'],
    ['keeping diacritics and tatweel', 'تمّ الـ23\n', 'تمّ الـ23'],
    ['Latin', 'Sorry, you need to enable JavaScript to visit this website.\n\nالجامعة', 'Sorry, you need to enable JavaScript to visit this website.'],
    ['empty for an empty text', '', ''],
    ['empty for whitespace only', ' \n\t\n  \n', ''],
  ])('is %s', (_what, text, title) => {
    expect(titleOf(text)).toBe(title);
  });

  it('splits on LF only, so it expects canonical text', () => {
    expect(titleOf(canonicalizeText('\r\n\r\nعنوان\r\nنص'))).toBe('عنوان');
  });
});

describe('titleOf skips lines of invisible marks only', () => {
  it.each([
    ['\u200f\n\u200bعنوان الخبر\n', '\u200bعنوان الخبر'],
    ['\u200e \u061c\nREUTERS', 'REUTERS'],
    ['\u200f\u200e\u2066\u2069', ''],
  ])('%j → %j', (text, title) => {
    expect(titleOf(text)).toBe(title);
  });
});

describe('titleOf a long first line', () => {
  it('cuts it to MAX_TITLE at a space, with an ellipsis, however long the line', () => {
    const words = 'كلمة عربية طويلة '.repeat(200_000);
    const title = titleOf(`${words}\nنص`);
    expect(title.endsWith('…')).toBe(true);
    expect(title.length).toBeLessThanOrEqual(MAX_TITLE + 1);
    expect(title.length).toBeGreaterThan((MAX_TITLE * 2) / 3);
    expect(words.startsWith(title.slice(0, -1))).toBe(true);
    expect(title.at(-2)).not.toBe(' ');
  });

  it('cuts a line with no space where it must, never inside a surrogate pair', () => {
    const title = titleOf(`${'ب'.repeat(199)}😀${'ج'.repeat(500)}`);
    expect(title).toBe(`${'ب'.repeat(199)}…`);
  });

  it('keeps a title of exactly MAX_TITLE characters whole', () => {
    expect(titleOf(`${'د'.repeat(MAX_TITLE)}\nنص`)).toBe('د'.repeat(MAX_TITLE));
  });
});
