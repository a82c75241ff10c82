import type { AnnotationRecord, TextSpan } from '../../../shared/model/annotation';
import { isSafeColor, type LabelLayer, type LabelSchema } from '../../../shared/model/label-schema';
import { assignTracks } from '../../../shared/anchoring/tracks';
import { LINE_ATTR } from './layout';
import type { MountedText } from './mounted';

/**
 * Highlights are painted with the CSS Custom Highlight API: one `Range` per span, one `Highlight` per label. A
 * highlight never splits a text node (they are cut once, between words: layout.ts), so Arabic letters keep joining
 * across a highlight edge inside a word and offsets stay trivial (BENCH.md: the fastest approach measured). Each layer has its own style so nested and overlapping spans stay
 * legible: entities fill the background, claims underline, sources draw a wavy underline, cues colour the text.
 *
 * Spans of one layer that nest or cross are drawn on tracks (shared/anchoring/tracks.ts): track 0 keeps the
 * label's plain name, track k ≥ 1 gets the suffix `_k` (ids cannot hold `_`, so names never clash) and a style of
 * its own — a deeper fill for entities, an underline further down for claims and sources — so the inner span of
 * «بعثة الأمم المتحدة للدعم في ليبيا» shows inside the outer one. The focused span's exact extent is drawn as an
 * outline by the overlay.
 *
 * Only spans in the mounted blocks (mounted.ts) are registered: any DOM change costs a frame in proportion to the
 * ranges registered, so a long article must not register all of them.
 */
const track = (name: string, k: number) => (k === 0 ? name : `${name}_${k}`);
export const HIGHLIGHT = {
  mention: (id: string, k = 0) => track(`hamish-mention-${id}`, k),
  claim: (id: string, k = 0) => track(`hamish-claim-${id}`, k),
  source: (id: string, k = 0) => track(`hamish-source-${id}`, k),
  cue: 'hamish-cue',
  pending: 'hamish-pending',
  flash: 'hamish-flash',
} as const;

/** Tracks beyond this are drawn like the last one: three levels of nesting inside one layer is already rare. */
export const MAX_TRACK = 3;

/** Painting order: layers above entity fills, deeper tracks above shallower ones, selection and flash on top. */
export const HIGHLIGHT_PRIORITY = { mention: 0, claim: 10, source: 20, cue: 30, pending: 40, flash: 41 } as const;

/**
 * How each layer marks its spans, shared by the reader and the legend so the legend shows exactly what is painted.
 * Entities: an opaque fill under the dark ink. Claims: a straight 3px underline 6px under the baseline (ink-skipping
 * clears the descenders). Sources: a wavy 2px underline 12px under it — below a claim's line, so both show on one
 * word, and still nearer its own words than the next line (an overline sat nearer the line above); a wavy line also
 * clears descenders, which it does not skip. None of these is the pending selection (ink) or the search flash (teal).
 */
export function labelStyle(layer: LabelLayer, color: string, track = 0): string {
  // Nested spans of a layer, track by track: an entity's fill a step deeper, a claim's or source's line lower.
  if (layer === 'entityTypes') return `background-color: ${track === 0 ? color : `color-mix(in oklab, ${color}, #1f2328 ${12 * track}%)`};`;
  if (layer === 'claimStances') return `text-decoration: underline solid 3px ${color}; text-underline-offset: ${6 + 4 * track}px;`;
  return `text-decoration: underline wavy 2px ${color}; text-underline-offset: ${12 + 4 * track}px;`;
}

let sheet: CSSStyleSheet | null = null;
const SAFE_ID = /^[a-z0-9-]+$/;

/** One constructed stylesheet for the schema's colours (allowed under a CSP without 'unsafe-inline'). */
export function installLabelStyles(schema: LabelSchema): void {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  const safe = <T extends { id: string; color: string }>(defs: T[]) => defs.filter((d) => isSafeColor(d.color) && SAFE_ID.test(d.id));
  // Each label's style on its highlights in the article (track by track), and on the class of its legend swatch.
  const tracks = [0, 1, 2, 3] as const;
  const rule = (name: string, style: string) => `::highlight(${name}) { ${style} }`;
  const rules = (layer: LabelLayer, defs: { id: string; color: string }[], name: (id: string, k?: number) => string) =>
    defs.flatMap((d) => [...tracks.map((k) => rule(name(d.id, k), labelStyle(layer, d.color, k))), `.${name(d.id)} { ${labelStyle(layer, d.color)} }`]);
  const all = [
    ...rules('entityTypes', safe(schema.entityTypes), HIGHLIGHT.mention),
    ...rules('claimStances', safe(schema.claimStances), HIGHLIGHT.claim),
    ...rules('sourceTypes', safe(schema.sourceTypes), HIGHLIGHT.source),
  ];
  sheet.replaceSync(all.join('\n'));
}

/** The ranges built for a span object of this article, with the piece each covers: a repaint reuses them. */
const rangeCache = new WeakMap<TextSpan, Array<{ start: number; end: number; range: Range }>>();
/** What each highlight group held when last painted, to leave unchanged groups alone. */
const painted = new WeakMap<Element, Map<string, Range[]>>();
/** The Highlight objects each article registered, so that closing it removes its own and never the next one's. */
const owned = new WeakMap<Element, Map<string, Highlight>>();

function register(root: Element, name: string, h: Highlight): void {
  let mine = owned.get(root);
  if (!mine) owned.set(root, (mine = new Map()));
  mine.set(name, h);
  CSS.highlights.set(name, h);
}

/**
 * Remove what this article registered and nothing else: when one document replaces another, the new article may
 * already have registered the same names (hamish-mention-person…) before the old one is cleaned up.
 */
export function unpaint(root: Element): void {
  for (const [name, h] of owned.get(root) ?? []) if (CSS.highlights.get(name) === h) CSS.highlights.delete(name);
  owned.delete(root);
  painted.delete(root);
}

/**
 * Is a cached Range still on its text? When a block leaves the DOM, a Range into it is not left dangling: the DOM
 * moves its ends to the article itself, where it would cover other text.
 */
function live(range: Range): boolean {
  const onText = (n: Node) => n.isConnected && (n.nodeType === Node.TEXT_NODE || (n instanceof Element && n.hasAttribute(LINE_ATTR)));
  return onText(range.startContainer) && onText(range.endContainer);
}

/** The mounted pieces of a span as Ranges, reusing those built before while their text nodes are in the DOM. */
function rangesOf(text: MountedText, span: TextSpan): Range[] {
  const pieces = text.pieces(span.start, span.end);
  const cached = rangeCache.get(span);
  const out: Range[] = [];
  const next: Array<{ start: number; end: number; range: Range }> = [];
  for (const [start, end] of pieces) {
    let range = cached?.find((c) => c.start === start && c.end === end && live(c.range))?.range;
    range ??= text.range(start, end) ?? undefined;
    if (!range) continue;
    out.push(range);
    next.push({ start, end, range });
  }
  rangeCache.set(span, next);
  return out;
}

/**
 * Tracks among the spans painted: a span that overlaps a painted one touches the same mounted block, so it is
 * painted too, and the work is the size of what is mounted, not of the whole article.
 */
function tracksOf(near: readonly AnnotationRecord[]): Map<TextSpan, number> {
  const tracks = new Map<TextSpan, number>();
  for (const kind of ['mention', 'claim', 'source'] as const) {
    for (const [span, k] of assignTracks(near.filter((a) => a.kind === kind))) tracks.set(span, Math.min(k, MAX_TRACK));
  }
  return tracks;
}

/**
 * Register the highlights of the annotations that touch the mounted blocks (`near`, from the reader's index of
 * annotations by block): one Highlight per label and track.
 */
export function paintAnnotations(root: Element, text: MountedText, near: readonly AnnotationRecord[]): void {
  const tracks = tracksOf(near);
  const groups = new Map<string, Range[]>();
  const add = (name: string, span: TextSpan) => {
    const ranges = rangesOf(text, span);
    if (ranges.length === 0) return;
    const list = groups.get(name);
    if (list) list.push(...ranges);
    else groups.set(name, ranges);
  };
  for (const a of near) {
    const k = tracks.get(a) ?? 0;
    if (a.kind === 'mention') add(HIGHLIGHT.mention(a.entityType, k), a);
    else if (a.kind === 'source') add(HIGHLIGHT.source(a.sourceType, k), a);
    else {
      add(HIGHLIGHT.claim(a.stance, k), a);
      if (a.cue) add(HIGHLIGHT.cue, a.cue);
    }
  }
  const before = painted.get(root) ?? new Map<string, Range[]>();
  const mine = owned.get(root);
  for (const [name, h] of mine ?? []) {
    if (!groups.has(name) && /^hamish-(mention|claim|source)-|^hamish-cue$/.test(name)) {
      if (CSS.highlights.get(name) === h) CSS.highlights.delete(name);
      mine!.delete(name);
    }
  }
  for (const [name, ranges] of groups) {
    const old = before.get(name);
    if (old && old.length === ranges.length && old.every((r, i) => r === ranges[i]) && mine?.get(name) === CSS.highlights.get(name)) continue;
    const h = new Highlight(...ranges);
    h.priority = priorityOf(name);
    register(root, name, h);
  }
  painted.set(root, groups);
}

function priorityOf(name: string): number {
  if (name === HIGHLIGHT.cue) return HIGHLIGHT_PRIORITY.cue;
  const layer = /^hamish-(mention|claim|source)-/.exec(name)?.[1] as 'mention' | 'claim' | 'source';
  return HIGHLIGHT_PRIORITY[layer] + Number(/_(\d)$/.exec(name)?.[1] ?? 0);
}

/** One highlight for a few spans of the reader's own (the selection, a search hit), cut to what is mounted. */
export function paintSpans(name: string, root: Element, text: MountedText, spans: readonly { start: number; end: number }[] | null, priority: number): void {
  const ranges = (spans ?? []).flatMap((s) => text.pieces(s.start, s.end).flatMap(([a, b]) => text.range(a, b) ?? []));
  const mine = owned.get(root);
  if (ranges.length === 0) {
    if (mine?.get(name) && CSS.highlights.get(name) === mine.get(name)) CSS.highlights.delete(name);
    mine?.delete(name);
    return;
  }
  const h = new Highlight(...ranges);
  h.priority = priority;
  register(root, name, h);
}
