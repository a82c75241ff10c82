import { describe, expect, it } from 'vitest';
import { pushAll } from './arrays';

describe('pushAll', () => {
  it('appends a million items where a spread overflows the stack', () => {
    const many = Array.from({ length: 1_000_000 }, (_, i) => i);
    expect(() => [0].push(...many)).toThrow(RangeError);
    const into = [-1];
    expect(pushAll(into, many)).toBe(into);
    expect([into.length, into[1], into.at(-1)]).toEqual([1_000_001, 0, 999_999]);
  });
});
