import type { AnnotationRecord } from '../../../shared/model/annotation';
import { findDef, type LabelSchema } from '../../../shared/model/label-schema';
import { labelDefOf } from '../../../shared/model/layers';

type Namer = (def: { nameEn: string; nameAr: string }) => string;

/** The name of an annotation's label in its layer, e.g. "Person", "Claim (Asserted)", "Source (News agency)". */
export function labelName(a: AnnotationRecord, schema: LabelSchema, name: Namer, layerName: (layer: 'claim' | 'source') => string): string {
  if (a.kind === 'mention') {
    const def = findDef(schema.entityTypes, a.entityType);
    return def ? name(def) : a.entityType;
  }
  if (a.kind === 'claim') {
    const def = findDef(schema.claimStances, a.stance);
    return `${layerName('claim')} (${def ? name(def) : a.stance})`;
  }
  const def = findDef(schema.sourceTypes, a.sourceType);
  return `${layerName('source')} (${def ? name(def) : a.sourceType})`;
}

export function labelColor(a: AnnotationRecord, schema: LabelSchema): string | undefined {
  return labelDefOf(schema, a)?.color;
}
