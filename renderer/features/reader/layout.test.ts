import { describe, expect, it } from 'vitest';
import { layoutText, lineOf } from './layout';

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
