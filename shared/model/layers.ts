import type { AnnotationKind, AnnotationRecord, ClaimRecord, MentionRecord, SourceRecord } from './annotation';
import { findDef, type LabelDef, type LabelLayer, type LabelSchema } from './label-schema';

/**
 * The three annotation layers in one table: an annotation's kind, the part of the label schema its labels come
 * from, and the record field that holds its label id. Code that needs "the label of this annotation" asks here
 * instead of switching on the kind.
 */
export const LAYERS = {
  mention: { kind: 'mention', schemaKey: 'entityTypes', field: 'entityType' },
  claim: { kind: 'claim', schemaKey: 'claimStances', field: 'stance' },
  source: { kind: 'source', schemaKey: 'sourceTypes', field: 'sourceType' },
} as const satisfies Record<AnnotationKind, { kind: AnnotationKind; schemaKey: LabelLayer; field: string }>;

type Labelled = { mention: MentionRecord; claim: ClaimRecord; source: SourceRecord };

/** The label id of an annotation in its own layer (entity type, stance or source type). */
export function labelIdOf(a: AnnotationRecord): string {
  return (a as unknown as Record<string, string>)[LAYERS[a.kind].field]!;
}

/** The labels an annotation of this kind can take. */
export function labelsOf(schema: LabelSchema, kind: AnnotationKind): LabelDef[] {
  return schema[LAYERS[kind].schemaKey];
}

/** The definition of an annotation's label, if the schema has it. */
export function labelDefOf(schema: LabelSchema, a: AnnotationRecord): LabelDef | undefined {
  return findDef(labelsOf(schema, a.kind), labelIdOf(a));
}

/** The same annotation with another label of its layer. */
export function withLabel<K extends AnnotationKind>(a: Labelled[K], labelId: string): Labelled[K] {
  return { ...a, [LAYERS[a.kind].field]: labelId };
}
