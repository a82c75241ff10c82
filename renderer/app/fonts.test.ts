import { afterEach, describe, expect, it, vi } from 'vitest';
import { APP_FONT_SAMPLE, APP_FONTS, loadAppFonts } from './fonts';

function fakeDocument(load: (font: string, text: string) => Promise<unknown>) {
  vi.stubGlobal('document', { fonts: { load } });
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('loadAppFonts', () => {
  it('asks for both weights with a sample touching the Arabic and the Latin subsets', async () => {
    const load = vi.fn<(font: string, text: string) => Promise<unknown>>(() => Promise.resolve([]));
    fakeDocument(load);
    await loadAppFonts();
    expect(load.mock.calls.map((c) => c[0])).toEqual([...APP_FONTS]);
    expect(APP_FONTS.join()).toMatch(/400.*Noto Naskh Arabic.*700.*Noto Naskh Arabic/);
    expect(APP_FONT_SAMPLE).toMatch(/[\u0600-\u06ff]/);
    expect(APP_FONT_SAMPLE).toMatch(/[A-Za-z0-9]/);
  });

  it('gives up after the timeout when a face never arrives, and survives a failed load', async () => {
    vi.useFakeTimers();
    fakeDocument(() => new Promise(() => {}));
    let done = false;
    void loadAppFonts(1500).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(1499);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
    fakeDocument(() => Promise.reject(new Error('network')));
    await expect(loadAppFonts(1500)).resolves.toBeUndefined();
  });
});
