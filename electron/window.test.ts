import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';

const openExternal = vi.fn(async (_url: string) => {});
vi.mock('electron', () => ({ BrowserWindow: class {}, shell: { openExternal } }));
const { hardenWebContents, START_URL } = await import('./window');

type Listener = (event: { preventDefault(): void; defaultPrevented: boolean }, url: string) => void;

/** The parts of a WebContents the rules touch, recording what they registered. */
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    getURL: () => START_URL,
    on: (name: string, listener: Listener) => void listeners.set(name, listener),
    setWindowOpenHandler: (h: typeof openHandler) => void (openHandler = h),
  };
  hardenWebContents(contents as unknown as WebContents);
  const fire = (name: string, url: string) => {
    const event = { defaultPrevented: false, preventDefault: () => void (event.defaultPrevented = true) };
    listeners.get(name)!(event, url);
    return event.defaultPrevented;
  };
  return { fire, open: (url: string) => openHandler!({ url }).action };
}

beforeEach(() => openExternal.mockClear());

describe('hardenWebContents', () => {
  it('prevents every navigation, the app’s own URL included', () => {
    const c = fakeContents();
    for (const url of [START_URL, `${START_URL}#x`, 'app://hamish/other.html', 'https://example.org/', 'javascript:alert(1)', 'file:///etc/passwd'])
      expect(c.fire('will-navigate', url), url).toBe(true);
  });

  it('hands http(s) links to the OS browser, and nothing else', () => {
    const c = fakeContents();
    c.fire('will-navigate', 'https://example.org/a');
    c.fire('will-navigate', 'javascript:alert(1)');
    c.fire('will-navigate', 'file:///etc/passwd');
    c.fire('will-navigate', START_URL);
    expect(openExternal.mock.calls).toEqual([['https://example.org/a']]);
  });

  it('denies every new window and webview', () => {
    const c = fakeContents();
    expect(c.open('https://example.org/')).toBe('deny');
    expect(c.open(START_URL)).toBe('deny');
    expect(c.fire('will-attach-webview', '')).toBe(true);
    expect(openExternal.mock.calls).toEqual([['https://example.org/']]);
  });
});
