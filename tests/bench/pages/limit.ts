// The limit: the bare CSS Custom Highlight API, one Range per span and one Highlight per label — no app code.
// Serialised into the page by the harness, so it must not reference anything outside its own body.
import type { BenchSpan } from './text-page';

export async function limitRun(args: { text: string; spans: readonly BenchSpan[] }): Promise<number> {
  const lines = args.text.split('\n');
  const starts: number[] = [];
  let at = 0;
  for (const line of lines) {
    starts.push(at);
    at += line.length + 1;
  }
  const t0 = performance.now();
  const article = document.createElement('article');
  article.className = 'reader';
  article.dir = 'rtl';
  article.lang = 'ar';
  const nodes: Text[] = [];
  for (const line of lines) {
    const p = document.createElement('p');
    p.className = line.trim() ? 'line' : 'line blank';
    const t = document.createTextNode(line);
    p.append(t);
    nodes.push(t);
    article.append(p);
  }
  document.getElementById('host')!.append(article);
  const point = (offset: number): [Text, number] => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return [nodes[lo]!, offset - starts[lo]!];
  };
  const groups = new Map<string, Range[]>();
  for (const s of args.spans) {
    const r = document.createRange();
    r.setStart(...point(s.start));
    r.setEnd(...point(s.end));
    const list = groups.get(s.layer) ?? [];
    list.push(r);
    groups.set(s.layer, list);
  }
  for (const [name, ranges] of groups) CSS.highlights.set(name, new Highlight(...ranges));
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const t1 = await new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  return t1 - t0;
}
