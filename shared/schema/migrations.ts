import type { AnnotationRecord } from '../model/annotation';
import type { DocumentRecord } from '../model/document';

/**
 * Numbered, pure record migrations. Dexie's `version(n).upgrade()` only calls these, so every step is unit-tested
 * on plain objects (STYLE.md habit 5). Each takes a record as stored by version n-1 and returns it as version n
 * stores it; records already in the new shape pass through unchanged, so a step is safe to run twice.
 */

/** v1 → v2: documents gain a status and editable metadata. */
export function documentV1toV2(doc: Record<string, unknown>): DocumentRecord {
  return {
    ...(doc as unknown as DocumentRecord),
    status: (doc.status as DocumentRecord['status']) ?? 'new',
    meta: (doc.meta as DocumentRecord['meta']) ?? {},
  };
}

/** v1 → v2: a v1 mention's `label` becomes `entityType` (the layers got names of their own). */
export function annotationV1toV2(a: Record<string, unknown>): AnnotationRecord {
  if (a.kind === 'mention' && typeof a.label === 'string' && a.entityType === undefined) {
    const { label, ...rest } = a;
    return { ...rest, entityType: label } as unknown as AnnotationRecord;
  }
  return a as unknown as AnnotationRecord;
}

/**
 * The default colours of schema v2 and of v3, frozen here (not read from DEFAULT_LABEL_SCHEMA) so this step means
 * the same whatever later defaults become. v3's palette keeps every pair of a layer ΔE2000 ≥ 20 apart, also under
 * simulated colour blindness (issue 10).
 */
const V2_DEFAULT_COLORS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  entityTypes: { person: '#f2a65a', organisation: '#6cb4ee', location: '#7bc47f', gpe: '#4fb0a5', event: '#c792ea', datetime: '#e6c84f', other: '#b0b0b0' },
  claimStances: { asserted: '#7a3ea1', reported: '#4a5fc1', denied: '#c1443a', hedged: '#c28a2c', question: '#3a8f8f' },
  sourceTypes: {
    'news-agency': '#0f7b6c',
    outlet: '#2f6fb0',
    'official-body': '#8a5a2b',
    spokesperson: '#a8447d',
    'social-media': '#5d6bd1',
    anonymous: '#6b6b6b',
  },
};
export const V3_DEFAULT_COLORS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  entityTypes: { person: '#ff8d00', organisation: '#98b6fe', location: '#51d06e', gpe: '#95fafc', event: '#ea7cb5', datetime: '#fffd24', other: '#adaaa2' },
  claimStances: { asserted: '#511081', reported: '#008ffe', denied: '#e24611', hedged: '#3a311d', question: '#679076' },
  sourceTypes: {
    'news-agency': '#084f49',
    outlet: '#1281dc',
    'official-body': '#878e3f',
    spokesperson: '#b4798c',
    'social-media': '#811f00',
    anonymous: '#4e0bab',
  },
};

/**
 * v2 → v3: a stored label schema takes the new default colour of each shipped label whose colour is still the old
 * default; a colour the user chose, and labels that are not shipped ones, are left alone. Nothing else changes.
 */
export function schemaV2toV3(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...row };
  for (const [layer, old] of Object.entries(V2_DEFAULT_COLORS)) {
    const defs = row[layer];
    if (!Array.isArray(defs)) continue;
    out[layer] = defs.map((d: unknown) => {
      if (typeof d !== 'object' || d === null) return d;
      const def = d as { id?: unknown; color?: unknown };
      const id = typeof def.id === 'string' ? def.id : '';
      const was = Object.hasOwn(old, id) ? old[id] : undefined;
      return was && typeof def.color === 'string' && def.color.toLowerCase() === was ? { ...def, color: V3_DEFAULT_COLORS[layer]![id] } : d;
    });
  }
  return out;
}
