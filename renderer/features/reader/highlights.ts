import type { AnnotationRecord } from '../../../shared/model/annotation';
import { isSafeColor, type EntityLabel } from '../../../shared/model/label-set';
import { rangeOf, type TextLayout } from './layout';

/**
 * Highlights are painted with the CSS Custom Highlight API: one `Range` per annotation, one `Highlight` per label.
 * The text nodes are never split, so Arabic letters keep joining across a highlight edge and offsets stay trivial
 * (BENCH.md: the fastest approach measured, and the limit row of `npm run bench`).
 */
const PREFIX = 'hamish-label-';
export const PENDING = 'hamish-pending';
export const FLASH = 'hamish-flash';
export const FOCUS = 'hamish-focus';

let sheet: CSSStyleSheet | null = null;

/** One constructed stylesheet for the label colours (allowed under a CSP without 'unsafe-inline'). */
export function installLabelStyles(labels: readonly EntityLabel[]): void {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  const rules = labels
    .filter((l) => isSafeColor(l.color) && /^[a-z0-9-]+$/.test(l.id))
    .map((l) => `::highlight(${PREFIX}${l.id}) { background-color: ${l.color}66; text-decoration: underline 2px ${l.color}; text-underline-offset: 6px; }`);
  sheet.replaceSync(rules.join('\n'));
}

export function paintAnnotations(root: Element, layout: TextLayout, annotations: readonly AnnotationRecord[], labels: readonly EntityLabel[]): void {
  const byLabel = new Map<string, Range[]>(labels.map((l) => [l.id, []]));
  for (const a of annotations) byLabel.get(a.label)?.push(rangeOf(root, layout, a.start, a.end));
  for (const [id, ranges] of byLabel) CSS.highlights.set(PREFIX + id, new Highlight(...ranges));
}

export function paintSpan(name: string, root: Element, layout: TextLayout, span: { start: number; end: number } | null): void {
  if (span) CSS.highlights.set(name, new Highlight(rangeOf(root, layout, span.start, span.end)));
  else CSS.highlights.delete(name);
}

export function clearHighlights(): void {
  for (const name of [...CSS.highlights.keys()]) if (String(name).startsWith('hamish-')) CSS.highlights.delete(name);
}
