import { readdirSync, readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { VALIDATORS } from './paths';

const MODEL = `${VALIDATORS}w3c-annotation-model/`;

interface Assertion {
  file: string;
  expectedResult: 'valid' | 'invalid';
  errorMessage?: string;
  validate: (x: unknown) => boolean;
}

/**
 * The W3C Web Annotation WG's MUST assertions (JSON Schema draft-04), run as web-platform-tests runs them: Ajv with
 * the shared definitions loaded and each assertion's `expectedResult` honoured.
 */
function loadSuite(testList: string): Assertion[] {
  const ajv = new Ajv({ strict: false, validateSchema: false, allErrors: false });
  // Without the formats Ajv silently skips `format: uri` / `date-time`, the checks that catch raw Arabic in ids.
  addFormats(ajv);
  for (const f of readdirSync(`${MODEL}definitions`)) {
    ajv.addSchema(JSON.parse(readFileSync(`${MODEL}definitions/${f}`, 'utf8')));
  }
  const list = JSON.parse(readFileSync(`${MODEL}${testList}`, 'utf8')) as { assertions: string[] };
  return list.assertions.map((file) => {
    const schema = JSON.parse(readFileSync(`${MODEL}${file}`, 'utf8')) as Record<string, unknown>;
    return {
      file,
      expectedResult: schema.expectedResult === 'invalid' ? 'invalid' : 'valid',
      errorMessage: schema.errorMessage as string | undefined,
      validate: ajv.compile({ ...schema, id: undefined, $schema: undefined }) as (x: unknown) => boolean,
    };
  });
}

let suites: { annotation: Assertion[]; collection: Assertion[]; page: Assertion[] } | null = null;
function getSuites() {
  suites ??= {
    annotation: loadSuite('annotations/annotationMusts.test'),
    collection: loadSuite('collections/collectionMusts.test'),
    page: loadSuite('collections/pages/pageMusts.test'),
  };
  return suites;
}

/** Every failed MUST for an exported collection: empty when it conforms. */
export function w3cFailures(collection: Record<string, unknown>): string[] {
  const { annotation, collection: coll, page } = getSuites();
  const context = collection['@context'];
  const failures: string[] = [];
  const run = (what: string, suite: Assertion[], node: unknown) => {
    for (const a of suite) {
      const valid = a.validate(node);
      if (valid !== (a.expectedResult === 'valid')) failures.push(`${what}: ${a.file}: ${a.errorMessage ?? ''}`);
    }
  };
  run('collection', coll, collection);
  const first = collection.first as Record<string, unknown>;
  run('page', page, { '@context': context, ...first });
  for (const item of first.items as Record<string, unknown>[]) {
    run(`annotation ${String(item.id)}`, annotation, { '@context': context, ...item });
  }
  return failures;
}
