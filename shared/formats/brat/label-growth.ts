import { MAX_LABELS, validateLabelSchema, type EntityType, type LabelSchema } from '../../model/label-schema';
import { fail, ok, type Result } from '../../result';

const PALETTE = ['#e07b91', '#8dd3c7', '#bebada', '#fb8072', '#80b1d3', '#fdb462', '#b3de69', '#fccde5', '#bc80bd', '#ccebc5'];

/**
 * The label schema an import grows: a class name a file uses that no entity type has as its `tag` becomes a new
 * entity type whose tag is that name exactly (so the corpus exports back to the same names). A name the schema
 * refuses (spaces, control or bidi-override characters, longer than 60) is an error for the caller to report.
 */
export interface SchemaGrowth {
  /** The id of the entity type tagged `tag`, adding one if needed; the error is one sentence for the user. */
  entityTypeFor(tag: string): Result<string, string>;
  /** The id of the entity type tagged `tag` (`PER` for a claimant-only KB entity, `ORG` for a source's), else the first. */
  typeTagged(tag: string): string;
  schema(): LabelSchema;
  /** The tags added by this import, in order. */
  added(): string[];
}

export function growSchema(base: LabelSchema): SchemaGrowth {
  const entityTypes = [...base.entityTypes];
  const byTag = new Map(entityTypes.map((t) => [t.tag, t.id]));
  const ids = new Set(entityTypes.map((t) => t.id));
  const added: string[] = [];
  return {
    entityTypeFor(tag) {
      const known = byTag.get(tag);
      if (known !== undefined) return ok(known);
      if (entityTypes.length >= MAX_LABELS) return fail(`the schema already has ${MAX_LABELS} entity types, so "${printable(tag)}" cannot be added`);
      const def: EntityType = {
        id: freshId(tag, ids),
        nameEn: tag,
        nameAr: tag,
        color: PALETTE[added.length % PALETTE.length]!,
        key: '',
        schemaType: 'schema:Thing',
        tag,
      };
      const check = validateLabelSchema({ ...base, entityTypes: [def] });
      if (!check.ok) return fail(`"${printable(tag)}" cannot be an entity type (a tag is 1–60 visible characters without spaces)`);
      entityTypes.push(def);
      byTag.set(tag, def.id);
      ids.add(def.id);
      added.push(tag);
      return ok(def.id);
    },
    typeTagged: (tag) => (entityTypes.find((t) => t.tag === tag) ?? entityTypes[0])!.id,
    schema: () => ({ ...base, entityTypes: [...entityTypes] }),
    added: () => [...added],
  };
}

/** A stable ASCII id for a new type: `Population-Center` → `population-center`, an Arabic tag → `type`, then -2, -3… */
function freshId(tag: string, taken: ReadonlySet<string>): string {
  const base =
    tag
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^[^a-z]+|-+$/g, '')
      .slice(0, 34)
      .replace(/-+$/, '') || 'type';
  let id = base;
  for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
  return id;
}

/** A label as it may be quoted in a message: invisible and control characters shown as \u escapes. */
export function printable(s: string): string {
  return (
    s
      .slice(0, 80)
      // eslint-disable-next-line no-control-regex -- control characters are exactly what must be made visible
      .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  );
}
