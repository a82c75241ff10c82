import type { AnnotationRecord, TextSpan } from '../../../shared/model/annotation';
import { isSafeColor, type LabelLayer, type LabelSchema } from '../../../shared/model/label-schema';
import { rangeOf, type TextLayout } from './layout';

/**
 * Highlights are painted with the CSS Custom Highlight API: one `Range` per span, one `Highlight` per label. Text
 * nodes are never split, so Arabic letters keep joining across a highlight edge and offsets stay trivial
 * (BENCH.md: the fastest approach measured). Each layer has its own style so nested and overlapping spans stay
 * legible: entities fill the background, claims underline, sources draw a wavy underline, cues colour the text.
 */
export const HIGHLIGHT = {
  mention: (id: string) => `hamish-mention-${id}`,
  claim: (id: string) => `hamish-claim-${id}`,
  source: (id: string) => `hamish-source-${id}`,
  cue: 'hamish-cue',
  pending: 'hamish-pending',
  focus: 'hamish-focus',
  linked: 'hamish-linked',
  flash: 'hamish-flash',
} as const;

/**
 * How each layer marks its spans, shared by the reader and the legend so the legend shows exactly what is painted.
 * Entities: an opaque fill under the dark ink. Claims: a straight 3px underline 6px under the baseline (ink-skipping
 * clears the descenders). Sources: a wavy 2px underline 12px under it — below a claim's line, so both show on one
 * word, and still nearer its own words than the next line (an overline sat nearer the line above); a wavy line also
 * clears descenders, which it does not skip. None of these is the pending selection (ink) or the search flash (teal).
 */
export function labelStyle(layer: LabelLayer, color: string): string {
  if (layer === 'entityTypes') return `background-color: ${color};`;
  if (layer === 'claimStances') return `text-decoration: underline solid 3px ${color}; text-underline-offset: 6px;`;
  return `text-decoration: underline wavy 2px ${color}; text-underline-offset: 12px;`;
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
  // Each label's style twice: on its highlight in the article, and on the class of its swatch in the legend.
  const rule = (name: string, style: string) => `::highlight(${name}) { ${style} }\n.${name} { ${style} }`;
  const rules = [
    ...safe(schema.entityTypes).map((d) => rule(HIGHLIGHT.mention(d.id), labelStyle('entityTypes', d.color))),
    ...safe(schema.claimStances).map((d) => rule(HIGHLIGHT.claim(d.id), labelStyle('claimStances', d.color))),
    ...safe(schema.sourceTypes).map((d) => rule(HIGHLIGHT.source(d.id), labelStyle('sourceTypes', d.color))),
  ];
  sheet.replaceSync(rules.join('\n'));
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
  for (const a of annotations) {
    if (a.kind === 'mention') add(HIGHLIGHT.mention(a.entityType), a);
    else if (a.kind === 'source') add(HIGHLIGHT.source(a.sourceType), a);
    else {
      add(HIGHLIGHT.claim(a.stance), a);
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
    // Cues and layers paint above entity backgrounds.
    h.priority = name === HIGHLIGHT.cue ? 3 : name.startsWith('hamish-mention-') ? 0 : 1;
    register(root, name, h);
  }
  painted.set(root, groups);
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
