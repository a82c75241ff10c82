import { useLayoutEffect, useRef } from 'react';
import type { TextSpan } from '../../../shared/model/annotation';
import { rangeOf, type TextLayout } from './layout';

export interface Connection {
  from: TextSpan;
  to: TextSpan;
  role: 'claimant' | 'cue' | 'source';
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Draws the links of the focused claim (to its claimant, cue and source) as curves over the article, so the
 * annotator sees at a glance what is connected. Coordinates are relative to the article, so they scroll with it;
 * the paths are measured from the laid-out text, so they are drawn imperatively after layout.
 */
export function Connectors({ root, layout, connections }: { root: HTMLElement | null; layout: TextLayout; connections: readonly Connection[] }) {
  const svg = useRef<SVGSVGElement>(null);
  useLayoutEffect(() => {
    const el = svg.current;
    if (!el) return;
    el.replaceChildren();
    // Measuring forces a layout inside the commit: only do it when there is something to draw.
    if (!root || connections.length === 0) return;
    const box = root.getBoundingClientRect();
    const anchor = (span: TextSpan) => {
      const r = rangeOf(root, layout, span.start, span.end).getClientRects()[0];
      return r ? { x: r.left + r.width / 2 - box.left, y: r.top - box.top } : null;
    };
    for (const c of connections) {
      const a = anchor(c.from);
      const b = anchor(c.to);
      if (!a || !b) continue;
      const top = Math.min(a.y, b.y) - Math.max(18, Math.abs(b.x - a.x) / 6);
      const path = document.createElementNS(SVG_NS, 'path');
      path.setAttribute('class', `connector ${c.role}`);
      path.setAttribute('d', `M ${a.x} ${a.y} C ${a.x} ${top}, ${b.x} ${top}, ${b.x} ${b.y}`);
      path.dataset.role = c.role;
      el.append(path);
    }
  }, [root, layout, connections]);
  return <svg ref={svg} className="connectors" aria-hidden="true" />;
}
