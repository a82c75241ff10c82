import { describe, expect, it } from 'vitest';
import { DEFAULT_ENTITY_LABELS } from '../../shared/model/label-set';
import { labelForKey } from './keys';

describe('labelForKey', () => {
  it.each([
    [{ key: '1', code: 'Digit1' }, 'person'],
    [{ key: '١', code: 'Digit1' }, 'person'], // Arabic layout: the same physical key types an Arabic-Indic digit
    [{ key: '&', code: 'Digit1' }, 'person'], // AZERTY
    [{ key: '3', code: 'Numpad3' }, 'location'],
    [{ key: '5', code: 'Digit5' }, 'other'],
  ])('%o → %s', (e, id) => {
    expect(labelForKey(e, DEFAULT_ENTITY_LABELS)?.id).toBe(id);
  });

  it('ignores keys that are no label', () => {
    expect(labelForKey({ key: '9', code: 'Digit9' }, DEFAULT_ENTITY_LABELS)).toBeUndefined();
    expect(labelForKey({ key: 'a', code: 'KeyA' }, DEFAULT_ENTITY_LABELS)).toBeUndefined();
  });
});
