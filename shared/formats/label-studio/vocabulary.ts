/**
 * How Hamish's model is spelled in Label Studio: one `Labels` control over one `Text`, relations between regions,
 * and per-region controls for what belongs to one region (a claim's stance and date, a mention's KB entity).
 * `labelStudioConfig` writes the matching labeling config.
 */
export const LS = {
  /** `from_name` of the span labels; `to_name` of everything. */
  labels: 'label',
  text: 'text',
  /** Span labels besides entity type tags: */
  claim: 'Claim',
  cue: 'Cue',
  /** `Source:<source type id>`, e.g. `Source:news-agency`. */
  sourcePrefix: 'Source:',
  /** Per-region `choices` on a claim: its stance id. */
  stance: 'stance',
  /** Per-region `textarea` on a mention or source: `[name, urn:uuid:<entity id>, external id?]`. */
  entity: 'entity',
  /** Per-region `textarea` on a claim whose claimant is a KB entity, not a mention: same shape as `entity`. */
  claimantEntity: 'claimantEntity',
  /** Per-region `textarea` on a claim: `[YYYY-MM-DD]`. */
  claimDate: 'claimDate',
  /** Relation labels, from the claim region to the other. */
  claimant: 'claimant',
  cueRelation: 'cue',
  reportedBy: 'reportedBy',
} as const;

export const UTF16_WARNING = 'UTF-16 offsets detected (Label Studio < 1.0)';
