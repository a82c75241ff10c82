import { clip, isObj, Issues, own } from './read';
import { ANNO_CONTEXT, HAMISH_CONTEXT } from './vocabulary';

/** More contexts than this in one `@context` is not a Web Annotation file (TRUST.md: a chain of 11 contexts). */
const MAX_CONTEXTS = 8;

/** Terms of anno.jsonld the importer reads by name: an inline context must not give them another meaning. */
const ANNO_TERMS = new Set([
  'id',
  'type',
  'body',
  'target',
  'source',
  'selector',
  'refinedBy',
  'items',
  'first',
  'next',
  'last',
  'partOf',
  'start',
  'end',
  'exact',
  'prefix',
  'suffix',
  'purpose',
  'value',
  'motivation',
  'created',
  'modified',
  'generator',
  'label',
  'total',
  'startIndex',
  'format',
  'language',
  'schema',
  'oa',
  'as',
  'dc',
  'dcterms',
  'rdf',
  'rdfs',
  'xsd',
  'Annotation',
  'AnnotationPage',
  'AnnotationCollection',
  'TextualBody',
  'SpecificResource',
  'TextPositionSelector',
  'TextQuoteSelector',
]);
const OURS: Record<string, unknown> = HAMISH_CONTEXT;

function checkInline(ctx: Record<string, unknown>, at: string, issues: Issues): void {
  for (const key of Object.keys(ctx)) {
    const def = own(ctx, key);
    const p = `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (key === '@version' && def === 1.1) continue;
    if (key.startsWith('@')) issues.error(p, `${key} is not accepted in an inline context (it could import or re-base terms).`);
    else if (ANNO_TERMS.has(key)) issues.error(p, `the inline context redefines "${key}", a term of the Web Annotation context.`);
    else if (Object.hasOwn(OURS, key) && JSON.stringify(def) !== JSON.stringify(OURS[key]))
      issues.error(p, `the inline context defines "${key}" differently from Hamish's vocabulary.`);
    else if (isObj(def) && own(def, '@context') !== undefined) issues.error(`${p}/@context`, 'scoped contexts are not accepted.');
  }
}

/**
 * The `@context` must name the W3C context exactly as `http://www.w3.org/ns/anno.jsonld`, may add inline terms,
 * and may name no other remote context: the importer never fetches anything, so any other URL is refused here
 * instead of being trusted blindly.
 */
export function checkContext(value: unknown, at: string, issues: Issues): void {
  const p = `${at}/@context`;
  if (value === undefined) return issues.error(p, `no @context: a Web Annotation file names ${ANNO_CONTEXT}.`);
  const list = Array.isArray(value) ? value : [value];
  if (list.length > MAX_CONTEXTS) return issues.error(p, `${list.length} contexts (at most ${MAX_CONTEXTS}).`);
  list.forEach((c, i) => {
    const cp = Array.isArray(value) ? `${p}/${i}` : p;
    if (typeof c === 'string' && c !== ANNO_CONTEXT) {
      const hint = c === 'https://www.w3.org/ns/anno.jsonld' ? ` (the W3C context is named with http:, not https:: ${ANNO_CONTEXT})` : '';
      issues.error(cp, `the remote context ${JSON.stringify(clip(c))} is refused: the importer fetches nothing and accepts only ${ANNO_CONTEXT}${hint}.`);
    } else if (isObj(c)) checkInline(c, cp, issues);
    else if (typeof c !== 'string') issues.error(cp, 'a context must be a URL or an object.');
  });
  if (!list.includes(ANNO_CONTEXT)) issues.error(p, `the @context does not include ${ANNO_CONTEXT}.`);
}
