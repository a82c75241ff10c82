// The peer: @recogito/text-annotator 4 rendering the same text and spans (its default SPANS renderer).
import { createTextAnnotator } from '@recogito/text-annotator';
import '@recogito/text-annotator/text-annotator.css';
import { buildArticle, lineOf, lineStarts, nextFrame, type BenchSpan } from './text-page';

window.__page = {
  async run(text: string, spans: readonly BenchSpan[]) {
    const lines = text.split('\n');
    const starts = lineStarts(lines);
    // Recogito counts offsets over the container's text nodes, which leave out the '\n' between paragraphs.
    const annotations = spans.map((s) => ({
      id: s.id,
      bodies: [],
      target: { annotation: s.id, selector: [{ quote: s.quote, start: s.start - lineOf(starts, s.start), end: s.end - lineOf(starts, s.end) }] },
    }));
    const t0 = performance.now();
    const article = buildArticle(lines);
    const anno = createTextAnnotator(article);
    const painted = new Promise<void>((resolve) => {
      const off = anno.renderer.on('onRedraw', () => {
        if ((article.querySelector('.r6o-span-highlight-layer')?.childElementCount ?? 0) === 0) return;
        off();
        resolve();
      });
    });
    // @ts-expect-error: the native format revives `range` from start/end; the types want a Range already.
    anno.setAnnotations(annotations);
    await painted;
    const t1 = await nextFrame();
    return t1 - t0;
  },
};
