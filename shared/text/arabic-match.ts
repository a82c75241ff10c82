/**
 * Finding the other occurrences of a name ("apply to all mentions", corpus search) with Arabic-aware matching:
 * both sides are folded by arabic-normalize.ts, and a match is a whole word, or a whole word behind proclitics.
 *
 * The proclitic chain allowed before the name: optional و/ف, then optional ب/ك/ل, then optional article ال — with
 * ل + ال written «لل». Nothing else: «محفتر» is not «حفتر» (م is no clitic), and nothing may follow the name
 * («حفترا», «حفتره» are other words as far as matching knows; suffix pronouns are not stripped).
 *
 * Where the returned span starts follows word snapping (README "Word snapping"): the span leaves out و ف ب ك ل,
 * as an annotator tags «حفتر» in «لحفتر», but the article is never a boundary — entity spans keep it (AQMAR,
 * ANERcorp) — so «ليبي» found in «والليبي» gives the span «الليبي». When the preposition ل has fused with the
 * article («للأمم» = ل + الأمم) no offset separates them, so the span takes «للأمم» whole (as snapping does) and
 * says so with `absorbedArticle`. A query that has its own article («الأمم المتحدة») therefore also finds
 * «للأمم المتحدة» and «وللأمم المتحدة», and «الله» finds «لله».
 */
import { normalizeForMatch, originalSpan, type NormalizedText } from './arabic-normalize';
import { isWordChar, wordEndAt, wordStartAt } from './words';

export interface Mention {
  /** The span to tag, UTF-16 offsets into the original text, end exclusive. */
  start: number;
  end: number;
  /** The proclitics left outside the span, folded: '', 'و', 'ل', 'وب', 'فل'… */
  prefix: string;
  /** The span begins with «لل», the preposition ل fused with the article (so it includes the preposition). */
  absorbedArticle: boolean;
}

type Article = 'none' | 'written' | 'fused';
interface Chain {
  /** Folded length of و/ف plus ب/ك/ل: where the span starts unless the article is fused. */
  clitics: number;
  /** Folded length of the و/ف alone: where the span starts when the article is fused. */
  conjunction: number;
  article: Article;
}

/** Every allowed chain (24 with the empty one), folded, with where the span starts inside it. */
const CHAINS = buildChains();

function buildChains(): Map<string, Chain> {
  const chains = new Map<string, Chain>();
  for (const conj of ['', 'و', 'ف']) {
    for (const prep of ['', 'ب', 'ك', 'ل']) {
      chains.set(conj + prep, { clitics: conj.length + prep.length, conjunction: conj.length, article: 'none' });
      if (prep === 'ل') chains.set(conj + 'لل', { clitics: conj.length, conjunction: conj.length, article: 'fused' });
      else chains.set(conj + prep + 'ال', { clitics: conj.length + prep.length, conjunction: conj.length, article: 'written' });
    }
  }
  return chains;
}

const ARTICLE = 'ال';
const LONGEST_CHAIN = 4; // «وبال»
/** Whitespace inside a query matches any run of spaces, tabs or no-break spaces — not a line break. */
const GAP = '[^\\S\\n\\r\\u2028\\u2029]+';

/** A query prepared once, for one document or a whole corpus. */
export interface CompiledQuery {
  /** The folded query with its own spelling. */
  readonly direct: RegExp;
  /** For a query with an article, the rest after ال, found behind a fused «لل» (or «ل» when it starts with ل). */
  readonly stem: RegExp | null;
  readonly stemStartsWithLam: boolean;
  readonly hasArticle: boolean;
  /** Whole-word checks apply only where the query's own edge is a word character («(حفتر» can follow a letter). */
  readonly checkStart: boolean;
  readonly checkEnd: boolean;
}

/** Fold and compile a query; null when nothing is left to find (empty, whitespace, only diacritics). */
export function compileQuery(query: string): CompiledQuery | null {
  const words = normalizeForMatch(query)
    .folded.split(/\s+/u)
    .filter((w) => w !== '');
  const first = words[0];
  if (first === undefined) return null;
  const last = words[words.length - 1]!;
  const source = (ws: string[]) => ws.map(escapeRegExp).join(GAP);
  // The stem must keep two letters: «إلى» folds to «الي», and «ي» behind «لل» is not a mention of it.
  const hasArticle = first.startsWith(ARTICLE) && first.length >= ARTICLE.length + 2;
  const stemWords = hasArticle ? [first.slice(ARTICLE.length), ...words.slice(1)] : null;
  return {
    direct: new RegExp(source(words), 'g'),
    stem: stemWords ? new RegExp(source(stemWords), 'g') : null,
    stemStartsWithLam: stemWords?.[0]?.startsWith('ل') ?? false,
    hasArticle,
    checkStart: isWordChar(String.fromCodePoint(first.codePointAt(0)!)),
    checkEnd: isWordChar(lastChar(last)),
  };
}

/**
 * Every mention of `query` in `text`, in text order. Pass `index` (normalizeForMatch of the same text) to reuse
 * one folding across several queries; an index of another text is ignored.
 */
export function findMentions(text: string, query: string, opts: { index?: NormalizedText } = {}): Mention[] {
  const compiled = compileQuery(query);
  if (!compiled) return [];
  const norm = opts.index && opts.index.original === text ? opts.index : normalizeForMatch(text);
  return findCompiled(norm, compiled);
}

/** Every mention of a compiled query in a normalised text, in text order. */
export function findCompiled(norm: NormalizedText, query: CompiledQuery): Mention[] {
  const out: Mention[] = [];
  scan(norm, query.direct, query, (chain) => (query.hasArticle ? chain.article === 'none' : true), out);
  if (query.stem) {
    // Only the fused spellings: «لل»+stem («للأمم»), or «ل»+stem when the stem itself starts with ل («لله»).
    const fused = (chain: Chain, prefix: string) => chain.article === 'fused' || (query.stemStartsWithLam && prefix.endsWith('ل') && chain.article === 'none');
    const before = out.length;
    scan(norm, query.stem, query, fused, out, true);
    if (out.length > before) out.sort((a, b) => a.start - b.start);
  }
  return out;
}

function scan(
  norm: NormalizedText,
  pattern: RegExp,
  query: CompiledQuery,
  accept: (chain: Chain, prefix: string) => boolean,
  out: Mention[],
  absorbed = false,
): void {
  const { folded } = norm;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(folded); m !== null; m = pattern.exec(folded)) {
    const at = m.index;
    const end = at + m[0].length;
    // Resume one unit on, not after the match: a rejected candidate must not hide one that overlaps it.
    pattern.lastIndex = at + 1;
    if (query.checkEnd && wordEndAt(folded, end) !== end) continue;
    const wordStart = query.checkStart ? wordStartAt(folded, at) : at;
    if (at - wordStart > LONGEST_CHAIN) continue;
    const prefix = folded.slice(wordStart, at);
    const chain = CHAINS.get(prefix);
    if (!chain || !accept(chain, prefix)) continue;
    const fused = absorbed || chain.article === 'fused';
    const spanStart = wordStart + (fused ? chain.conjunction : chain.clitics);
    const span = originalSpan(norm, spanStart, end);
    out.push({ start: span.start, end: span.end, prefix: folded.slice(wordStart, spanStart), absorbedArticle: fused });
  }
}

// ---- corpus search ------------------------------------------------------------------------------------------------

export interface CorpusIndex {
  /** Each document folded once, in the order given. */
  readonly documents: ReadonlyArray<{ readonly id: string; readonly text: NormalizedText }>;
}

/** Fold every document once, so each search over the corpus costs only the matching. */
export function makeCorpusIndex(docs: ReadonlyArray<{ id: string; text: string }>): CorpusIndex {
  return { documents: docs.map((d) => ({ id: d.id, text: normalizeForMatch(d.text) })) };
}

export interface CorpusHit extends Mention {
  documentId: string;
  /** Up to `contextChars` of original text before the span (the clitics included), and after it. */
  before: string;
  match: string;
  after: string;
}

export interface CorpusResult {
  /** The first `limit` hits, in document order then text order. */
  hits: CorpusHit[];
  /** Every hit, also those past `limit`. */
  total: number;
  /** Documents with at least one hit. */
  documents: number;
}

export function searchCorpus(index: CorpusIndex, query: string, opts: { limit?: number; contextChars?: number } = {}): CorpusResult {
  const limit = opts.limit ?? 200;
  const context = opts.contextChars ?? 40;
  const result: CorpusResult = { hits: [], total: 0, documents: 0 };
  const compiled = compileQuery(query);
  if (!compiled) return result;
  for (const doc of index.documents) {
    const mentions = findCompiled(doc.text, compiled);
    if (mentions.length === 0) continue;
    result.total += mentions.length;
    result.documents++;
    const text = doc.text.original;
    for (const m of mentions) {
      if (result.hits.length >= limit) break;
      const from = clampOutOfPair(text, Math.max(0, m.start - context), 1);
      const to = clampOutOfPair(text, Math.min(text.length, m.end + context), -1);
      result.hits.push({
        ...m,
        documentId: doc.id,
        before: text.slice(from, m.start),
        match: text.slice(m.start, m.end),
        after: text.slice(m.end, to),
      });
    }
  }
  return result;
}

/** Move an offset that falls inside a surrogate pair out of it by `step`, so context never shows half an emoji. */
function clampOutOfPair(text: string, i: number, step: 1 | -1): number {
  const low = text.charCodeAt(i);
  const high = text.charCodeAt(i - 1);
  const inside = i > 0 && i < text.length && low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  return inside ? i + step : i;
}

function lastChar(s: string): string {
  const c = s.charCodeAt(s.length - 1);
  return c >= 0xdc00 && c <= 0xdfff && s.length >= 2 ? s.slice(-2) : s.slice(-1);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
