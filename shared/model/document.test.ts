import { describe, expect, it } from 'vitest';
import { DOCUMENT_STATUSES, isDocumentStatus, safeHttpUrl } from './document';

describe('safeHttpUrl', () => {
  it.each([
    ['https://www.aljazeera.net/news/2020/10/23/x', 'https://www.aljazeera.net/news/2020/10/23/x'],
    ['http://example.org', 'http://example.org/'],
    ['  https://example.org/a?b=1#c  ', 'https://example.org/a?b=1#c'],
    ['HTTPS://EXAMPLE.ORG/A', 'https://example.org/A'],
  ])('keeps %j as %j', (raw, url) => {
    expect(safeHttpUrl(raw)).toBe(url);
  });

  it.each([
    ['javascript:alert(1)'],
    ['JAVASCRIPT:alert(1)'],
    [' javascript:alert(1)'],
    ['\tjavascript:alert(1)'],
    ['java\tscript:alert(1)'],
    ['java\nscript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['file:///etc/passwd'],
    ['vbscript:msgbox(1)'],
    ['mailto:a@example.org'],
    ['//evil.example/x'],
    ['www.example.org'],
    ['/relative/path'],
    [''],
    ['not a url'],
  ])('refuses %j', (raw) => {
    expect(safeHttpUrl(raw)).toBeUndefined();
  });
});

describe('isDocumentStatus', () => {
  it('accepts the four statuses and nothing else', () => {
    expect(DOCUMENT_STATUSES).toEqual(['new', 'in-progress', 'done', 'reviewed']);
    for (const s of DOCUMENT_STATUSES) expect(isDocumentStatus(s)).toBe(true);
    for (const x of ['New', 'in progress', '', 'toString', 'length', undefined, null, 0, ['new'], { status: 'new' }]) expect(isDocumentStatus(x)).toBe(false);
  });
});
