import { DEFAULT_LABEL_SCHEMA, isValidTag, MAX_LABELS, type EntityType, type LabelSchema } from '../../model/label-schema';

/** Can a class read from a file become an entity type's tag (and, as it stands, its name)? */
export const isUsableClass = isValidTag;

/** Colours for imported classes, chosen to stay apart from each other on a white page. */
const PALETTE = [
  '#e6194b',
  '#3cb44b',
  '#4363d8',
  '#f58231',
  '#911eb4',
  '#42d4f4',
  '#f032e6',
  '#bfef45',
  '#fabed4',
  '#469990',
  '#dcbeff',
  '#9a6324',
  '#c8b900',
  '#800000',
  '#aaffc3',
  '#808000',
  '#ffd8b1',
  '#000075',
  '#a9a9a9',
  '#e6beff',
];

export interface ConllSchema {
  schema: LabelSchema;
  /** Entity type id for each class that got one. */
  typeIdOf: Map<string, string>;
  /** Classes past MAX_LABELS, which get no type (their spans are dropped). */
  dropped: string[];
}

/**
 * The label schema of an imported CoNLL corpus: the default claim stances and source types, and one entity type
 * per class seen, in the order first seen. A class equal to a default type's tag (PER, ORG, LOC, GPE, EVENT, DATE,
 * MISC) reuses that type; any other class gets a new type whose tag is the class exactly (so it exports back the
 * same), named by the class in both languages, with an id slugged from it (`Population-Center` →
 * `population-center`, `Other_PER` → `other-per`; `x-` before a leading digit; `-2`, `-3`… on a clash; never a
 * default type's id), the next free digit key while digits last, then none, and a colour from a fixed palette.
 * With no class at all the default entity types are kept, as a schema needs at least one.
 */
export function schemaForClasses(classes: readonly string[]): ConllSchema {
  const kept = classes.slice(0, MAX_LABELS);
  const defaults = DEFAULT_LABEL_SCHEMA.entityTypes;
  const usedKeys = new Set(kept.flatMap((c) => defaults.filter((d) => d.tag === c).map((d) => d.key)));
  const usedIds = new Set(defaults.map((d) => d.id));
  const typeIdOf = new Map<string, string>();
  let fresh = 0;
  const entityTypes = kept.map((cls): EntityType => {
    const reused = defaults.find((d) => d.tag === cls);
    if (reused) {
      typeIdOf.set(cls, reused.id);
      return { ...reused };
    }
    const id = uniqueId(slug(cls), usedIds);
    usedIds.add(id);
    typeIdOf.set(cls, id);
    const key = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].find((k) => !usedKeys.has(k)) ?? '';
    if (key) usedKeys.add(key);
    const color = PALETTE[fresh++ % PALETTE.length]!;
    return { id, nameEn: cls, nameAr: cls, color, key, schemaType: 'schema:Thing', tag: cls };
  });
  return {
    schema: {
      entityTypes: entityTypes.length ? entityTypes : defaults.map((d) => ({ ...d })),
      claimStances: DEFAULT_LABEL_SCHEMA.claimStances.map((d) => ({ ...d })),
      sourceTypes: DEFAULT_LABEL_SCHEMA.sourceTypes.map((d) => ({ ...d })),
    },
    typeIdOf,
    dropped: classes.slice(MAX_LABELS),
  };
}

/** A label id from a class: lowercase ASCII letters, digits and single hyphens, starting with a letter. */
export function slug(cls: string): string {
  let s = cls
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (s === '') s = 'type';
  if (/^[0-9]/.test(s)) s = `x-${s}`;
  return s.slice(0, 34).replace(/-+$/, '');
}

function uniqueId(base: string, used: ReadonlySet<string>): string {
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base}-${n}`;
    if (!used.has(id)) return id;
  }
}
