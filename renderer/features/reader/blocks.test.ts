import { describe, expect, it } from 'vitest';
import { blockOfLine, blockOfOffset, blocksOf, estimateHeight } from './blocks';
import { layoutText } from './layout';

describe('blocksOf', () => {
  const text = ['سطر أول', '', 'x'.repeat(30), 'y'.repeat(5), 'z'.repeat(50), 'أخير'].join('\n');
  const layout = layoutText(text);

  it('covers every line once, in order, cutting at whole lines', () => {
    const blocks = blocksOf(layout, 40, 3);
    expect(blocks.map((b) => [b.firstLine, b.lineCount])).toEqual([
      [0, 3],
      [3, 1],
      [4, 1],
      [5, 1],
    ]);
    for (const b of blocks) {
      expect(text.slice(b.start, b.end)).toBe(layout.lines.slice(b.firstLine, b.firstLine + b.lineCount).join('\n'));
    }
  });

  it('keeps a line longer than a block whole, and makes one block of a one-line text', () => {
    expect(blocksOf(layoutText('a'.repeat(100)), 10, 3)).toEqual([{ index: 0, firstLine: 0, lineCount: 1, start: 0, end: 100 }]);
    expect(blocksOf(layoutText(''), 10, 3)).toEqual([{ index: 0, firstLine: 0, lineCount: 1, start: 0, end: 0 }]);
  });

  it('finds the block of a line and of an offset, a line end included', () => {
    const blocks = blocksOf(layout, 40, 3);
    expect([0, 2, 3, 4, 5].map((l) => blockOfLine(blocks, l))).toEqual([0, 0, 1, 2, 3]);
    expect(blockOfOffset(blocks, 0)).toBe(0);
    expect(blockOfOffset(blocks, blocks[1]!.start)).toBe(1);
    expect(blockOfOffset(blocks, blocks[1]!.start - 1)).toBe(0);
    expect(blockOfOffset(blocks, text.length)).toBe(3);
  });

  it('guesses heights from rows: wrapped lines, gaps and blank lines', () => {
    const [first] = blocksOf(layout, 40, 3);
    // 'سطر أول' one row, '' blank, 30 x at 20 per row: two rows.
    expect(estimateHeight(layout, first!, { charsPerRow: 20, rowHeight: 40, lineGap: 10, blankHeight: 8 })).toBe(40 + 10 + 8 + 80 + 10);
  });
});
