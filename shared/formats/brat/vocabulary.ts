/**
 * How Hamish's model is spelled in brat standoff. Mentions are `T` lines typed by their entity type's `tag`; the
 * rest use these names, and `annotation.conf` declares them all.
 */
export const BRAT = {
  claim: 'Claim',
  cue: 'Cue',
  /** A source annotation is typed `Source-<source type id>`, e.g. `Source-news-agency`. */
  sourcePrefix: 'Source-',
  /** Relations go from the claim (Arg1) to the claimant mention, the cue or the source (Arg2). */
  claimant: 'Claimant',
  cueRelation: 'Cue',
  reportedBy: 'ReportedBy',
  /** `A1\tStance T5 asserted`: the claim's stance, by stance id. */
  stance: 'Stance',
  /** `N1\tReference T2 Wikidata:Q19878\tname`: a mention's or source's KB entity. */
  reference: 'Reference',
  /** `N2\tClaimant T5 Hamish:<uuid>\tname`: a claimant that is a KB entity rather than a mention in the text. */
  claimantEntity: 'Claimant',
  /** The normalisation databases: the KB entity's own id, and its external id when it has one. */
  hamishDb: 'Hamish',
  wikidataDb: 'Wikidata',
  urlDb: 'URL',
  /** `#1\tAnnotatorNotes T5\tclaimDate=2020-10-23`. */
  notes: 'AnnotatorNotes',
  claimDateNote: 'claimDate=',
} as const;

/**
 * Python's `str.splitlines`, which brat's `.ann` reader uses (via `codecs` `readlines`), breaks a line at each of
 * these; a `T` line's text must therefore never contain one.
 */
// eslint-disable-next-line no-control-regex -- these control characters are line breaks to Python
export const PY_LINE_BREAK = /[\n\v\f\r\u001c-\u001e\u0085\u2028\u2029]/;
