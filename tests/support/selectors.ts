interface Selector {
  type: string;
  start?: number;
  end?: number;
  exact?: string;
  prefix?: string;
  suffix?: string;
}

/**
 * Checks every annotation of an exported collection against the text of the document it targets, counting code
 * points as the W3C model does: the position selector must slice to the quote, and prefix/suffix must be the
 * text right before and after it. Returns one line per mismatch.
 */
export function selectorMismatches(collection: Record<string, unknown>): string[] {
  const docs = new Map<string, string[]>();
  for (const d of collection.documents as Record<string, unknown>[]) docs.set(String(d.id), Array.from(String(d['schema:text'])));
  const items = (collection.first as { items: Record<string, unknown>[] }).items;
  const out: string[] = [];
  for (const item of items) {
    const target = item.target as { source: string; selector: Selector[] };
    const text = docs.get(target.source);
    if (!text) {
      out.push(`${String(item.id)}: target ${target.source} is not among the documents`);
      continue;
    }
    const pos = target.selector.find((s) => s.type === 'TextPositionSelector');
    const quote = target.selector.find((s) => s.type === 'TextQuoteSelector');
    if (!pos || !quote) {
      out.push(`${String(item.id)}: needs both a TextPositionSelector and a TextQuoteSelector`);
      continue;
    }
    const at = text.slice(pos.start, pos.end).join('');
    if (at !== quote.exact) out.push(`${String(item.id)}: text at ${pos.start}–${pos.end} is «${at}», quote is «${quote.exact}»`);
    const before = text.slice(Math.max(0, pos.start! - 32), pos.start).join('');
    const after = text.slice(pos.end, pos.end! + 32).join('');
    if (before !== quote.prefix) out.push(`${String(item.id)}: prefix «${quote.prefix}» is not the 32 code points before`);
    if (after !== quote.suffix) out.push(`${String(item.id)}: suffix «${quote.suffix}» is not the 32 code points after`);
  }
  return out;
}
