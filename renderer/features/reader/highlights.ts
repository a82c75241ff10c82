import type { AnnotationRecord, TextSpan } from '../../../shared/model/annotation';
import { isSafeColor, type LabelSchema } from '../../../shared/model/label-schema';
import { assignTracks } from '../../../shared/anchoring/tracks';
import { rangeOf, type TextLayout } from './layout';

/**
 * Highlights are painted with the CSS Custom Highlight API: one `Range` per span, one `Highlight` per label. Text
 * nodes are never split, so Arabic letters keep joining across a highlight edge and offsets stay trivial
 * (BENCH.md: the fastest approach measured). Each layer has its own style so nested and overlapping spans stay
 * legible: entities fill the background, claims underline, sources overline, cues colour the text.
 *
 * Spans of one layer that nest or cross are drawn on tracks (shared/anchoring/tracks.ts): track 0 keeps the
 * label's plain name, track k ≥ 1 gets the suffix `_k` (ids cannot hold `_`, so names never clash) and a style of
 * its own — a deeper fill for entities, an underline further down for claims and sources — so the inner span of
 * «بعثة الأمم المتحدة للدعم في ليبيا» shows inside the outer one. The focused span's exact extent is drawn as an
 * outline by the overlay.
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

let sheet: CSSStyleSheet | null = null;
const SAFE_ID = /^[a-z0-9-]+$/;

/** One constructed stylesheet for the schema's colours (allowed under a CSP without 'unsafe-inline'). */
export function installLabelStyles(schema: LabelSchema): void {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  const safe = <T extends { id: string; color: string }>(defs: T[]) => defs.filter((d) => isSafeColor(d.color) && SAFE_ID.test(d.id));
  const tracks = [0, 1, 2, 3] as const;
  const rules = [
    ...safe(schema.entityTypes).flatMap((d) => tracks.map((k) => `::highlight(${HIGHLIGHT.mention(d.id, k)}) { background-color: ${mentionFill(d.color, k)}; }`)),
    ...safe(schema.claimStances).flatMap((d) =>
      tracks.map((k) => `::highlight(${HIGHLIGHT.claim(d.id, k)}) { text-decoration: underline 3px ${d.color}; text-underline-offset: ${4 + 5 * k}px; }`),
    ),
    ...safe(schema.sourceTypes).flatMap((d) => tracks.map((k) => `::highlight(${HIGHLIGHT.source(d.id, k)}) { text-decoration: overline 3px ${d.color}; }`)),
  ];
  sheet.replaceSync(rules.join('\n'));
}

/** An entity's fill on track k: each level of nesting a step deeper, so an inner span stands out from its outer one. */
function mentionFill(color: string, k: number): string {
  const base = `${color}5c`;
  return k === 0 ? base : `color-mix(in oklab, ${base}, #1f2328 ${12 * k}%)`;
}

/** Ranges already built for a span object of this article: an edit rebuilds only what it touched. */
const rangeCache = new WeakMap<Element, WeakMap<TextSpan, Range>>();
/** What each highlight group held when last painted, to leave unchanged groups alone. */
const painted = new WeakMap<Element, Map<string, TextSpan[]>>();
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

function cachedRange(root: Element, layout: TextLayout, span: TextSpan): Range {
  let cache = rangeCache.get(root);
  if (!cache) rangeCache.set(root, (cache = new WeakMap()));
  let range = cache.get(span);
  if (!range || !range.startContainer.isConnected) {
    range = rangeOf(root, layout, span.start, span.end);
    cache.set(span, range);
  }
  return range;
}

export function paintAnnotations(root: Element, layout: TextLayout, annotations: readonly AnnotationRecord[]): void {
  const groups = new Map<string, TextSpan[]>();
  const add = (name: string, span: TextSpan) => {
    const list = groups.get(name);
    if (list) list.push(span);
    else groups.set(name, [span]);
  };
  const tracks = new Map<TextSpan, number>();
  for (const kind of ['mention', 'claim', 'source'] as const) {
    for (const [span, k] of assignTracks(annotations.filter((a) => a.kind === kind))) tracks.set(span, Math.min(k, MAX_TRACK));
  }
  for (const a of annotations) {
    const k = tracks.get(a) ?? 0;
    if (a.kind === 'mention') add(HIGHLIGHT.mention(a.entityType, k), a);
    else if (a.kind === 'source') add(HIGHLIGHT.source(a.sourceType, k), a);
    else {
      add(HIGHLIGHT.claim(a.stance, k), a);
      if (a.cue) add(HIGHLIGHT.cue, a.cue);
    }
  }
  const before = painted.get(root) ?? new Map<string, TextSpan[]>();
  for (const name of [...CSS.highlights.keys()]) {
    const n = String(name);
    if (/^hamish-(mention|claim|source)-|^hamish-cue$/.test(n) && !groups.has(n) && owned.get(root)?.get(n) === CSS.highlights.get(n)) CSS.highlights.delete(n);
  }
  for (const [name, spans] of groups) {
    const old = before.get(name);
    if (old && old.length === spans.length && old.every((s, i) => s === spans[i]) && CSS.highlights.has(name)) continue;
    const h = new Highlight(...spans.map((s) => cachedRange(root, layout, s)));
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

export function paintSpans(name: string, root: Element, layout: TextLayout, spans: readonly TextSpan[] | null, priority = 2): void {
  if (!spans || spans.length === 0) {
    CSS.highlights.delete(name);
    return;
  }
  const h = new Highlight(...spans.map((s) => rangeOf(root, layout, s.start, s.end)));
  h.priority = priority;
  register(root, name, h);
}
