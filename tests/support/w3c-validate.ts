import { readdirSync, readFileSync } from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { VALIDATORS } from './paths';

/**
 * The W3C Web Annotation WG's MUST assertions (JSON Schema draft-04), run as web-platform-tests runs them: Ajv with
 * the shared definitions loaded, keywords beside `$ref` ignored (draft-04), and each assertion's
 * `expectedResult` honoured. Used by the unit tests of the exporter and by the browser tests on a real download.
 */
const MODEL = `${VALIDATORS}w3c-annotation-model/`;
const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8'));

// Warnings that say the draft-04 rule is in effect are expected; any other (e.g. "unknown format") is not.
const EXPECTED_WARNING = /ignoreKeywordsWithRef|^\$ref: keywords ignored/;
export const ajvWarnings: unknown[] = [];

const ajv = new Ajv({
  strict: false,
  validateSchema: false,
  ignoreKeywordsWithRef: true, // draft-04: keywords beside "$ref" are ignored (deprecated in Ajv 8, still honoured)
  allErrors: true,
  logger: {
    log: () => {},
    warn: (...m: unknown[]) => void (EXPECTED_WARNING.test(String(m[0])) || ajvWarnings.push(m)),
    error: (...m: unknown[]) => void ajvWarnings.push(m),
  },
});
// Without formats Ajv skips `format: uri` / `date-time`: the checks that catch raw Arabic in ids and zone-less dates.
addFormats(ajv);
for (const f of readdirSync(`${MODEL}definitions/`)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  ajv.addSchema(readJson(`${MODEL}definitions/${f}`));
}

export interface Assertion {
  path: string;
  expected: boolean;
  validate: ValidateFunction;
}

function assertions(testFile: string): Assertion[] {
  const list = readJson(`${MODEL}${testFile}`).assertions as string[];
  return list.map((path) => {
    const schema = readJson(`${MODEL}${path}`);
    const validate = ajv.getSchema(schema.id as string) ?? ajv.compile(schema);
    return { path, expected: schema.expectedResult !== 'invalid', validate };
  });
}

export const ANNOTATION_MUSTS = assertions('annotations/annotationMusts.test');
export const COLLECTION_MUSTS = assertions('collections/collectionMusts.test');
export const PAGE_MUSTS = assertions('collections/pages/pageMusts.test');

/** The assertions whose outcome differs from their expectedResult, with Ajv's errors. */
export function unmet(musts: Assertion[], data: unknown): string[] {
  return musts.filter((a) => a.validate(data) !== a.expected).map((a) => `${a.path}: ${ajv.errorsText(a.validate.errors)}`);
}

/** Every failed MUST of an exported collection, its page and each annotation (given the collection's context). */
export function w3cFailures(collection: Record<string, unknown>): string[] {
  const context = collection['@context'];
  const first = collection.first as Record<string, unknown>;
  return [
    ...unmet(COLLECTION_MUSTS, collection).map((f) => `collection: ${f}`),
    ...unmet(PAGE_MUSTS, { '@context': context, ...first }).map((f) => `page: ${f}`),
    ...(first.items as Record<string, unknown>[]).flatMap((item) =>
      unmet(ANNOTATION_MUSTS, { '@context': context, ...item }).map((f) => `annotation ${String(item.id)}: ${f}`),
    ),
  ];
}
