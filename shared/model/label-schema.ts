import { fail, ok, type Problem, type Result } from '../result';

/** One choice of a layer: an entity type, a claim stance or a source type. `id` is stable ASCII; names are read. */
export interface LabelDef {
  id: string;
  nameEn: string;
  nameAr: string;
  /** `#rrggbb`; validated because it reaches CSS. */
  color: string;
  /**
   * A digit 1–9, or '' for none (a corpus imported from CoNLL may have dozens of types). Digits choose within the
   * context: a new mention's type, or the focused annotation's type/stance.
   */
  key: string;
}

export interface EntityType extends LabelDef {
  /** The schema.org class exports type the mention with, e.g. `schema:Person`. */
  schemaType: string;
  /**
   * The class name in token-level formats (CoNLL/IOB2 `B-PER`, JSONL, brat, Label Studio). Kept exactly as an
   * imported file spelled it (`Population-Center`, `MIS1`), so a corpus exports back to the same tags.
   */
  tag: string;
}

export type ClaimStance = LabelDef;

export interface SourceType extends LabelDef {
  schemaType: string;
}

/** The corpus's label schema: what annotators can choose, in each layer. */
export interface LabelSchema {
  entityTypes: EntityType[];
  claimStances: ClaimStance[];
  sourceTypes: SourceType[];
}

export type LabelLayer = keyof LabelSchema;
export const LABEL_LAYERS: readonly LabelLayer[] = ['entityTypes', 'claimStances', 'sourceTypes'];

/**
 * The shipped labels. Entity colours are opaque backgrounds under dark ink (#1f2328); stance colours underline claims
 * and source colours draw a wavy underline, both on the white page. Chosen so every pair within a layer is at least
 * CIEDE2000 ΔE 20 apart, also apart under simulated colour blindness, and readable (label-schema-colours.test.ts).
 * Changing one needs a migration for stored schemas that still hold the old default (shared/schema/migrations.ts).
 */
export const DEFAULT_LABEL_SCHEMA: LabelSchema = {
  entityTypes: [
    { id: 'person', nameEn: 'Person', nameAr: 'شخص', color: '#ff8d00', key: '1', schemaType: 'schema:Person', tag: 'PER' },
    { id: 'organisation', nameEn: 'Organisation', nameAr: 'منظمة', color: '#98b6fe', key: '2', schemaType: 'schema:Organization', tag: 'ORG' },
    { id: 'location', nameEn: 'Location', nameAr: 'مكان', color: '#51d06e', key: '3', schemaType: 'schema:Place', tag: 'LOC' },
    { id: 'gpe', nameEn: 'Geo-political entity', nameAr: 'كيان جغرافي سياسي', color: '#95fafc', key: '4', schemaType: 'schema:AdministrativeArea', tag: 'GPE' },
    { id: 'event', nameEn: 'Event', nameAr: 'حدث', color: '#ea7cb5', key: '5', schemaType: 'schema:Event', tag: 'EVENT' },
    { id: 'datetime', nameEn: 'Date/Time', nameAr: 'تاريخ/وقت', color: '#fffd24', key: '6', schemaType: 'schema:DateTime', tag: 'DATE' },
    { id: 'other', nameEn: 'Other', nameAr: 'أخرى', color: '#adaaa2', key: '7', schemaType: 'schema:Thing', tag: 'MISC' },
  ],
  claimStances: [
    { id: 'asserted', nameEn: 'Asserted', nameAr: 'مؤكَّد', color: '#511081', key: '1' },
    { id: 'reported', nameEn: 'Reported', nameAr: 'منقول', color: '#008ffe', key: '2' },
    { id: 'denied', nameEn: 'Denied', nameAr: 'منفي', color: '#e24611', key: '3' },
    { id: 'hedged', nameEn: 'Hedged', nameAr: 'متحفَّظ', color: '#3a311d', key: '4' },
    { id: 'question', nameEn: 'Question', nameAr: 'تساؤل', color: '#679076', key: '5' },
  ],
  sourceTypes: [
    { id: 'news-agency', nameEn: 'News agency', nameAr: 'وكالة أنباء', color: '#084f49', key: '1', schemaType: 'schema:NewsMediaOrganization' },
    { id: 'outlet', nameEn: 'Outlet', nameAr: 'وسيلة إعلام', color: '#1281dc', key: '2', schemaType: 'schema:NewsMediaOrganization' },
    { id: 'official-body', nameEn: 'Official body', nameAr: 'جهة رسمية', color: '#878e3f', key: '3', schemaType: 'schema:GovernmentOrganization' },
    { id: 'spokesperson', nameEn: 'Spokesperson', nameAr: 'متحدث', color: '#b4798c', key: '4', schemaType: 'schema:Person' },
    { id: 'social-media', nameEn: 'Social media', nameAr: 'وسائل التواصل', color: '#811f00', key: '5', schemaType: 'schema:SocialMediaPosting' },
    { id: 'anonymous', nameEn: 'Anonymous', nameAr: 'مجهول', color: '#4e0bab', key: '6', schemaType: 'schema:Thing' },
  ],
};

const ID = /^[a-z][a-z0-9-]{0,39}$/;
/** Enough for fine-grained imported tag sets (NewsFANE has 45 classes), few enough to list in a menu. */
export const MAX_LABELS = 200;
const TAG = /^[^\s]{1,60}$/;
// Names are shown everywhere: no control characters, bidi overrides (Trojan Source) or invisible characters.
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be refused
const BAD_NAME_CHAR = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;
const COLOR = /^#[0-9a-f]{6}$/i;
const SCHEMA_TYPE = /^schema:[A-Z][A-Za-z]{1,60}$/;

/** Can this be an entity type's token-level tag: 1–60 visible characters, no spaces, no invisible marks? */
export function isValidTag(tag: string): boolean {
  return TAG.test(tag) && !BAD_NAME_CHAR.test(tag);
}

export function isSafeColor(color: string): boolean {
  return COLOR.test(color);
}

function checkName(where: string, pointer: string, value: unknown, problems: Problem[]): void {
  if (typeof value !== 'string' || !value.trim() || value.length > 60 || BAD_NAME_CHAR.test(value)) {
    problems.push({
      code: 'bad-name',
      pointer,
      message: `${where}: a name must be 1–60 visible characters, without control, bidi-override or zero-width characters.`,
    });
  }
}

function checkLayer(layer: LabelLayer, value: unknown, problems: Problem[]): LabelDef[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_LABELS) {
    problems.push({ code: 'bad-layer', pointer: `/${layer}`, message: `${layer}: needs 1–${MAX_LABELS} entries.` });
    return [];
  }
  const ids = new Set<string>();
  const keys = new Set<string>();
  Array.from(value).forEach((def: Record<string, unknown>, i) => {
    const where = `${layer}[${i}]`;
    const at = (field?: string) => `/${layer}/${i}${field ? `/${field}` : ''}`;
    if (typeof def !== 'object' || def === null) {
      problems.push({ code: 'bad-entry', pointer: at(), message: `${where}: must be an object.` });
      return;
    }
    if (typeof def.id !== 'string' || !ID.test(def.id))
      problems.push({ code: 'bad-id', pointer: at('id'), message: `${where}: id must be lowercase ASCII letters, digits and "-", starting with a letter.` });
    else if (ids.has(def.id)) problems.push({ code: 'duplicate-id', pointer: at('id'), message: `${where}: id "${def.id}" is used twice.` });
    else ids.add(def.id);
    checkName(`${where}.nameEn`, at('nameEn'), def.nameEn, problems);
    checkName(`${where}.nameAr`, at('nameAr'), def.nameAr, problems);
    if (typeof def.color !== 'string' || !COLOR.test(def.color))
      problems.push({ code: 'bad-color', pointer: at('color'), message: `${where}: color must be #rrggbb.` });
    if (typeof def.key !== 'string' || !/^[1-9]?$/.test(def.key))
      problems.push({ code: 'bad-key', pointer: at('key'), message: `${where}: key must be one digit 1–9, or empty.` });
    else if (def.key && keys.has(def.key))
      problems.push({ code: 'duplicate-key', pointer: at('key'), message: `${where}: key ${def.key} is used twice in ${layer}.` });
    else if (def.key) keys.add(def.key);
    if (layer === 'entityTypes' && (typeof def.tag !== 'string' || !isValidTag(def.tag))) {
      problems.push({ code: 'bad-tag', pointer: at('tag'), message: `${where}: tag must be 1–60 visible characters without spaces, e.g. "PER".` });
    }
    if (layer !== 'claimStances' && (typeof def.schemaType !== 'string' || !SCHEMA_TYPE.test(def.schemaType))) {
      problems.push({ code: 'bad-schema-type', pointer: at('schemaType'), message: `${where}: schemaType must look like "schema:Person".` });
    }
  });
  return value as LabelDef[];
}

/** Check a label schema from any source (database, editor, import); every problem is reported, not just the first. */
export function validateLabelSchema(x: unknown): Result<LabelSchema, Problem[]> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return fail([{ code: 'bad-schema', pointer: '', message: 'A label schema is an object.' }]);
  const problems: Problem[] = [];
  const obj = x as Record<string, unknown>;
  for (const layer of LABEL_LAYERS) checkLayer(layer, obj[layer], problems);
  if (problems.length) return fail(problems);
  const pick = <T extends LabelDef>(defs: T[], withType: boolean, withTag = false) =>
    defs.map((d) => {
      const e = d as unknown as EntityType;
      return {
        id: d.id,
        nameEn: d.nameEn,
        nameAr: d.nameAr,
        color: d.color,
        key: d.key,
        ...(withType ? { schemaType: e.schemaType } : {}),
        ...(withTag ? { tag: e.tag } : {}),
      } as T;
    });
  return ok({
    entityTypes: pick(obj.entityTypes as EntityType[], true, true),
    claimStances: pick(obj.claimStances as ClaimStance[], false),
    sourceTypes: pick(obj.sourceTypes as SourceType[], true),
  });
}

/** How many annotations use each id of each layer (counted by the caller over the corpus). */
export type LabelUsage = Record<LabelLayer, ReadonlyMap<string, number>>;

/**
 * A schema change may rename, recolour, re-key and add, but never remove an id still in use: that would orphan
 * annotations. Returns the problems (empty when the change is safe).
 */
export function checkSchemaChange(next: LabelSchema, usage: LabelUsage): Problem[] {
  const problems: Problem[] = [];
  for (const layer of LABEL_LAYERS) {
    const kept = new Set(next[layer].map((d) => d.id));
    for (const [id, count] of usage[layer]) {
      if (count > 0 && !kept.has(id)) {
        problems.push({
          code: 'label-in-use',
          pointer: `/${layer}`,
          message: `${layer}: "${id}" is used by ${count} annotation${count === 1 ? '' : 's'}; relabel them before removing it.`,
        });
      }
    }
  }
  return problems;
}

export function findDef<T extends LabelDef>(defs: readonly T[], id: string): T | undefined {
  return defs.find((d) => d.id === id);
}

/**
 * The corpus's schema with the labels an import brings that it lacks, in every layer (matched by id, then by tag
 * or English name), so imported annotations keep their labels. Existing definitions always win; new ones get no
 * key. Returns the schema, how the imported ids map onto it, and the labels that did not fit (over the limit).
 */
export function unionSchema(
  ours: LabelSchema,
  theirs: LabelSchema,
): { schema: LabelSchema; idFor: Record<LabelLayer, Map<string, string>>; dropped: string[] } {
  const idFor = { entityTypes: new Map<string, string>(), claimStances: new Map<string, string>(), sourceTypes: new Map<string, string>() };
  const dropped: string[] = [];
  const merge = <T extends LabelDef>(layer: LabelLayer, mine: readonly T[], incoming: readonly T[]): T[] => {
    const out = [...mine];
    for (const t of incoming) {
      const tagOf = (d: LabelDef) => (d as Partial<EntityType>).tag ?? d.nameEn;
      const same = out.find((o) => o.id === t.id) ?? out.find((o) => tagOf(o) === tagOf(t));
      if (same) idFor[layer].set(t.id, same.id);
      else if (out.length >= MAX_LABELS) dropped.push(`${layer}: ${t.id}`);
      else {
        out.push({ ...t, key: '' });
        idFor[layer].set(t.id, t.id);
      }
    }
    return out;
  };
  return {
    schema: {
      entityTypes: merge('entityTypes', ours.entityTypes, theirs.entityTypes),
      claimStances: merge('claimStances', ours.claimStances, theirs.claimStances),
      sourceTypes: merge('sourceTypes', ours.sourceTypes, theirs.sourceTypes),
    },
    idFor,
    dropped,
  };
}
