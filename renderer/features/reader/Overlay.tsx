import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { TextSpan } from '../../../shared/model/annotation';
import type { MountedText } from './mounted';
import { joinLineBoxes, type Box } from './line-boxes';

export type LinkRole = 'claimant' | 'cue' | 'source';
export const LINK_ROLES: readonly LinkRole[] = ['claimant', 'cue', 'source'];

export interface Connection {
  from: TextSpan;
  to: TextSpan;
  role: LinkRole;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

interface OverlayProps {
  root: HTMLElement | null;
  text: MountedText;
  /** Changes whenever blocks mount or unmount: what is drawn is measured again. */
  mountedKey: string;
  /** Drawn with a solid outline: the focused annotation's exact extent. */
  focused: TextSpan | null;
  /** Drawn with a dashed outline: what a click at the pointer would pick. */
  hover: TextSpan | null;
  connections: readonly Connection[];
  /** Role names written on the links, in the interface language. */
  roleNames: Record<LinkRole, string>;
}

/**
 * What the highlights cannot say, drawn as SVG over the article: the outline of the focused and the hovered span
 * (so a span nested in another of the same layer shows its exact extent) and the claims' links. Coordinates are
 * relative to the article, so everything scrolls with it; they are measured from the laid-out text after layout,
 * and measured again when the article's width changes (lines rewrap).
 */
export const Overlay = memo(function Overlay({ root, text, mountedKey, focused, hover, connections, roleNames }: OverlayProps) {
  const focusLayer = useRef<SVGGElement>(null);
  const hoverLayer = useRef<SVGGElement>(null);
  const linkLayer = useRef<SVGGElement>(null);
  const width = useWidth(root);

  useLayoutEffect(() => drawOutline(focusLayer.current, root, text, focused, 'focus-outline'), [root, text, mountedKey, focused, width]);
  useLayoutEffect(() => drawOutline(hoverLayer.current, root, text, hover, 'hover-outline'), [root, text, mountedKey, hover, width]);
  useLayoutEffect(() => drawLinks(linkLayer.current, root, text, connections, roleNames), [root, text, mountedKey, connections, roleNames, width]);

  return (
    <svg className="overlay" aria-hidden="true">
      <defs>
        {LINK_ROLES.map((role) => (
          <marker
            key={role}
            id={`arrow-${role}`}
            className={`arrow ${role}`}
            viewBox="0 0 8 8"
            refX="8"
            refY="4"
            markerWidth="5"
            markerHeight="5"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 8 4 L 0 8 z" />
          </marker>
        ))}
      </defs>
      <g ref={linkLayer} />
      <g ref={hoverLayer} />
      <g ref={focusLayer} />
    </svg>
  );
});

/** The article's width, so that drawings follow a rewrap; 0 until measured. */
function useWidth(root: HTMLElement | null): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    if (!root) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.round(entry!.contentRect.width)));
    observer.observe(root);
    return () => observer.disconnect();
  }, [root]);
  return width;
}

/** The span's line boxes, relative to the article; none when it is not mounted. */
function boxesOf(root: HTMLElement, text: MountedText, span: TextSpan): Box[] {
  const origin = root.getBoundingClientRect();
  const out: Box[] = [];
  // The mounted pieces: a span whose far end lies in a block out of the DOM still shows the part that is in it.
  for (const [start, end] of text.pieces(span.start, span.end)) {
    for (const r of text.range(start, end)?.getClientRects() ?? []) {
      if (r.width === 0) continue;
      out.push({ x: r.left - origin.left, y: r.top - origin.top, w: r.width, h: r.height });
    }
  }
  return joinLineBoxes(out);
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

function outline(boxes: Box[], className: string): SVGGElement {
  const g = svg('g', { class: className });
  for (const b of boxes) g.append(svg('rect', { x: b.x - 1.5, y: b.y - 1, width: b.w + 3, height: b.h + 2, rx: 3 }));
  return g;
}

function drawOutline(layer: SVGGElement | null, root: HTMLElement | null, text: MountedText, span: TextSpan | null, className: string): void {
  if (!layer) return;
  layer.replaceChildren();
  if (root && span) layer.append(outline(boxesOf(root, text, span), className));
}

/**
 * Where a span starts to be read: its first line's boxes (a line may hold several where the bidi runs of digits or
 * Latin split it) taken together, whose right edge is the reading start.
 */
function firstLine(boxes: Box[]): Box | null {
  const first = boxes[0];
  if (!first) return null;
  const same = boxes.filter((b) => Math.abs(b.y - first.y) < 1);
  const left = Math.min(...same.map((b) => b.x));
  const right = Math.max(...same.map((b) => b.x + b.w));
  return { x: left, y: first.y, w: right - left, h: first.h };
}

/**
 * Each link leaves its claim at the claim's reading start (the right edge of its first line box: the article is
 * right to left), rises into the gap above that line, runs out to a lane in the right margin, travels there to the
 * target's line, and comes back along the gap above it to the target's reading start, where its arrowhead points
 * down at the words. Words are never crossed: only gaps between lines and the margin are used. Lanes keep the
 * vertical runs of different links apart.
 */
function drawLinks(
  layer: SVGGElement | null,
  root: HTMLElement | null,
  text: MountedText,
  connections: readonly Connection[],
  roleNames: Record<LinkRole, string>,
): void {
  if (!layer) return;
  layer.replaceChildren();
  // Measuring forces a layout inside the commit: only do it when there is something to draw.
  if (!root || connections.length === 0) return;
  const firstP = root.querySelector('.line');
  const origin = root.getBoundingClientRect();
  const textRight = (firstP?.getBoundingClientRect().right ?? origin.right) - origin.left;
  const LANES = 5;
  // Runs in one gap are staggered so that links along the same line stay apart; three steps fit in the leading
  // between two wrapped lines (line-height 2.1) without reaching the glyphs of the line above.
  const gap = (i: number) => 5 + 3 * (i % 3);
  const boxes = new Map<TextSpan, Box[]>();
  const measure = (s: TextSpan) => {
    let b = boxes.get(s);
    if (!b) boxes.set(s, (b = boxesOf(root, text, s)));
    return b;
  };
  const targets = new Map<TextSpan, LinkRole>();
  // Where the mounted text begins and ends: a link to a span out of the DOM runs in its lane to that edge.
  const mounted = root.querySelectorAll('[data-index]');
  const edgeTop = mounted.length ? mounted[0]!.getBoundingClientRect().top - origin.top : 0;
  const edgeBottom = mounted.length ? mounted[mounted.length - 1]!.getBoundingClientRect().bottom - origin.top : 0;
  connections.forEach((c, i) => {
    const from = firstLine(measure(c.from));
    const to = firstLine(measure(c.to));
    const lane = textRight + 10 + (i % LANES) * 7;
    if (!from || !to) {
      if (from || to) offscreen(c, i, from, to, lane);
      return;
    }
    const sx = from.x + from.w;
    const tx = to.x + to.w;
    const sy = from.y - gap(i);
    const ty = to.y - gap(i);
    const d = `M ${sx} ${from.y + 1} V ${sy} H ${lane} V ${ty} H ${tx} V ${to.y - 1}`;
    const g = svg('g', { class: `link ${c.role}`, 'data-role': c.role });
    g.append(svg('circle', { cx: sx, cy: from.y + 1, r: 2.5 }));
    g.append(svg('path', { d, 'marker-end': `url(#arrow-${c.role})` }));
    const label = svg('text', { x: tx + 4, y: ty - 2 });
    label.textContent = roleNames[c.role];
    g.append(label);
    layer.append(g);
    targets.set(c.to, c.role);
  });
  /**
   * One end in the DOM, the other not (far up or down a long article): the link runs from the end that is here
   * to the edge of the mounted text in its lane, with an arrowhead pointing the way and the role written there.
   */
  function offscreen(c: Connection, i: number, from: Box | null, to: Box | null, lane: number): void {
    const here = (from ?? to)!;
    // The missing end is above when it starts earlier in the text.
    const up = from ? c.to.start < c.from.start : c.from.start < c.to.start;
    const edge = up ? edgeTop : edgeBottom;
    const x = here.x + here.w;
    const y = here.y - gap(i);
    const g = svg('g', { class: `link offscreen ${c.role}`, 'data-role': c.role });
    // From the claim outwards to the edge; or from the edge in to the target, arrowhead on the words.
    const d = from ? `M ${x} ${here.y + 1} V ${y} H ${lane} V ${edge}` : `M ${lane} ${edge} V ${y} H ${x} V ${here.y - 1}`;
    g.append(svg('path', { d, 'marker-end': `url(#arrow-${c.role})` }));
    const label = svg('text', from ? { x: lane + 4, y: up ? edge + 12 : edge - 4 } : { x: x + 4, y: y - 2 });
    label.textContent = roleNames[c.role];
    g.append(label);
    layer!.append(g);
    if (to) targets.set(c.to, c.role);
  }

  // Linked spans keep their own colour; an outline in the role's colour says what they are to the claim.
  for (const [span, role] of targets) layer.append(outline(measure(span), `linked-outline ${role}`));
}
