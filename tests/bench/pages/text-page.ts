// Shared by the limit and peer pages: the article laid out as the app's reader does (one <p> per line).

export interface BenchSpan {
  id: string;
  start: number;
  end: number;
  quote: string;
  /** The highlight name the app would paint it under (hamish-mention-person…). */
  layer: string;
}

export interface TextPageApi {
  /** Milliseconds from building the article to the frame after it (and its highlights) were painted. */
  run(text: string, spans: readonly BenchSpan[]): Promise<number>;
}

declare global {
  interface Window {
    __page?: TextPageApi;
  }
}

export function lineStarts(lines: readonly string[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const line of lines) {
    starts.push(at);
    at += line.length + 1;
  }
  return starts;
}

export function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** `<article dir=rtl lang=ar>` with one `<p>` (one text node) per line, appended to #host. */
export function buildArticle(lines: readonly string[]): HTMLElement {
  const article = document.createElement('article');
  article.className = 'reader';
  article.dir = 'rtl';
  article.lang = 'ar';
  for (const line of lines) {
    const p = document.createElement('p');
    p.className = line.trim() ? 'line' : 'line blank';
    p.textContent = line;
    article.append(p);
  }
  document.getElementById('host')!.append(article);
  return article;
}

export const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));

/** The same box, font and line metrics as the app's reader (renderer/styles.css .reader). */
export function pageHtml(fontFaces: string, extraHead = '', script = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bench</title>
<style>
${fontFaces}
body { margin: 0; background: #fbfaf7; color: #1f2328; }
#host { height: 100vh; overflow: auto; padding: 1.5rem 2rem 4rem; box-sizing: border-box; }
.reader { width: 38em; margin: 0 auto; font-family: 'Noto Naskh Arabic', serif; font-size: 1.25rem; line-height: 2.1; position: relative; }
.reader .line { margin: 0 0 0.6em; white-space: pre-wrap; unicode-bidi: plaintext; }
.reader .line.blank { margin: 0; height: 0.5em; }
::highlight(hamish-mention-person) { background-color: #f2a65a5c; }
::highlight(hamish-mention-organisation) { background-color: #6cb4ee5c; }
::highlight(hamish-mention-location) { background-color: #7bc47f5c; }
::highlight(hamish-claim-asserted) { text-decoration: underline 3px #7a3ea1; }
::highlight(hamish-source-news-agency) { text-decoration: overline 3px #0f7b6c; }
</style>
${extraHead}</head><body><div id="host"></div>${script}</body></html>
`;
}
