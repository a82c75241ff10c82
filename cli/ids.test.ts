import { describe, expect, it } from 'vitest';
import { monotonicIds } from './ids';

describe('monotonicIds', () => {
  it('gives RFC 9562 version-7 UUIDs that sort in creation order, also many within one millisecond and when the clock goes back', () => {
    let clock = 1_700_000_000_000;
    const next = monotonicIds(() => clock);
    const ids: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      if (i === 5000) clock -= 10;
      ids.push(next());
    }
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids[0]!.replace(/-/g, '').slice(0, 12)).toBe((1_700_000_000_000).toString(16).padStart(12, '0'));
  });
});
