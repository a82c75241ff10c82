import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, USER_DATA_DIR_NAME, USER_DATA_OVERRIDE_ENV, userDataDir } from './identity';

// Do not "fix" these literals to make a failing test pass. Chromium stores IndexedDB per origin under userData:
// changing the origin or the folder name orphans every existing user's database (TRUST.md, Desktop shell).
describe('app identity', () => {
  it('serves the renderer from hamish://app', () => {
    expect(APP_ORIGIN).toBe('hamish://app');
  });

  it('keeps user data in a folder named Hamish', () => {
    expect(USER_DATA_DIR_NAME).toBe('Hamish');
    expect(userDataDir('/home/u/.config', {})).toBe(path.join('/home/u/.config', 'Hamish'));
  });

  it('honours an absolute override for tests and ignores a relative one', () => {
    const tmp = path.resolve('/tmp/hamish-test');
    expect(userDataDir('/home/u/.config', { [USER_DATA_OVERRIDE_ENV]: tmp })).toBe(tmp);
    expect(userDataDir('/home/u/.config', { [USER_DATA_OVERRIDE_ENV]: 'rel' })).toBe(path.join('/home/u/.config', 'Hamish'));
  });
});
