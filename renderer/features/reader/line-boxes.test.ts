import { describe, expect, it } from 'vitest';
import { joinLineBoxes } from './line-boxes';

describe('joinLineBoxes', () => {
  it('joins the word boxes of one line, right to left as an Arabic span gives them, into one', () => {
    // «غسان سلامة»: «غسان » on the right, then «سلامة» to its left, both on one line.
    expect(
      joinLineBoxes([
        { x: 600, y: 40, w: 50, h: 42 },
        { x: 540, y: 40, w: 60, h: 42 },
      ]),
    ).toEqual([{ x: 540, y: 40, w: 110, h: 42 }]);
  });

  it('keeps one box per line, and parts of a line apart when a gap lies between them', () => {
    const wrapped = [
      { x: 20, y: 40, w: 80, h: 42 },
      { x: 700, y: 94, w: 60, h: 42 },
      { x: 640, y: 94, w: 60, h: 42 },
      { x: 300, y: 94, w: 40, h: 42 },
    ];
    expect(joinLineBoxes(wrapped)).toEqual([
      { x: 20, y: 40, w: 80, h: 42 },
      { x: 640, y: 94, w: 120, h: 42 },
      { x: 300, y: 94, w: 40, h: 42 },
    ]);
  });
});
