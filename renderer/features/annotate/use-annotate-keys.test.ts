import { describe, expect, it } from 'vitest';
import { digitOf } from './use-annotate-keys';

describe('digitOf', () => {
  it.each([
    [{ key: '1', code: 'Digit1' }, '1'],
    [{ key: '١', code: 'Digit1' }, '1'], // Arabic layout: the same physical key types an Arabic-Indic digit
    [{ key: '&', code: 'Digit1' }, '1'], // AZERTY
    [{ key: '3', code: 'Numpad3' }, '3'],
    [{ key: '0', code: 'Digit0' }, null],
    [{ key: 'a', code: 'KeyA' }, null],
  ])('%o → %s', (e, digit) => {
    expect(digitOf(e)).toBe(digit);
  });
});
