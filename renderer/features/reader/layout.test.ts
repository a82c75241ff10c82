import { describe, expect, it } from 'vitest';
import { layoutText, lineOf, pieceAt, pieceStarts, wordPieces } from './layout';

describe('layoutText', () => {
  it('gives every line its offset in the canonical text, blank lines included', () => {
    const text = 'عنوان\n\nفقرة أولى\nREUTERS 5+5\n';
    const layout = layoutText(text);
    expect(layout.lines).toEqual(['عنوان', '', 'فقرة أولى', 'REUTERS 5+5', '']);
    layout.lines.forEach((line, i) => expect(text.slice(layout.starts[i], layout.starts[i]! + line.length)).toBe(line));
  });

  it('finds the line of any offset, a line end belonging to its line', () => {
    const layout = layoutText('ab\ncd\n\nef');
    expect([0, 1, 2, 3, 5, 6, 7, 9].map((o) => lineOf(layout, o))).toEqual([0, 0, 0, 1, 1, 2, 3, 3]);
  });
});

describe('wordPieces', () => {
  it('cuts a line after whitespace only, so the pieces join back into it and no word is split', () => {
    const line = '  قال المتحدث\u00a0باسم الأمم المتحدة،  ستيفان دوجاريك (رويترز) 😀 🇹🇳 x\ty';
    const pieces = wordPieces(line);
    expect(pieces.join('')).toBe(line);
    expect(pieces.slice(0, 2)).toEqual(['  ', 'قال ']);
    expect(pieces).toContain('المتحدث\u00a0');
    expect(pieces).toContain('المتحدة،  ');
    expect(pieces.at(-1)).toBe('y');
    for (const p of pieces) expect(p.trim()).not.toMatch(/\s/);
  });

  it('gives no piece to an empty line and one to a line without spaces', () => {
    expect(wordPieces('')).toEqual([]);
    expect(wordPieces('كلمة')).toEqual(['كلمة']);
  });

  it('finds the piece of every position, a piece start belonging to its piece', () => {
    const line = 'ab cd  ef';
    const starts = pieceStarts(line);
    expect(starts).toEqual([0, 3, 7]);
    expect([0, 2, 3, 6, 7, 9].map((w) => pieceAt(starts, w))).toEqual([0, 0, 1, 1, 2, 2]);
  });
});
