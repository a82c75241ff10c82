/** The exact context URL the W3C model requires (http, not https). */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** Hamish's own terms, for what neither the Web Annotation vocabulary nor schema.org covers. */
export const HAMISH_NS = 'https://hamish.app/ns#';

const ref = (id: string) => ({ '@id': id, '@type': '@id' });

/**
 * The inline context that follows anno.jsonld. It only adds terms: `schema:` is already defined by anno.jsonld
 * as http://schema.org/ and must not be redefined (validators/README.md).
 */
export const HAMISH_CONTEXT = {
  // JSON-LD 1.1 (for `@json`): a 1.0 processor stops here instead of misreading the label schema.
  '@version': 1.1,
  hamish: HAMISH_NS,
  documents: { '@id': 'hamish:documents', '@container': '@set' },
  entities: { '@id': 'hamish:entities', '@container': '@set' },
  sha256: 'hamish:sha256',
  fileName: 'hamish:fileName',
  importedAt: { '@id': 'hamish:importedAt', '@type': 'xsd:dateTime' },
  status: 'hamish:status',
  /** 'whitespace': the text was built from tokens (CoNLL), so token-level exports give them back exactly. */
  tokenization: 'hamish:tokenization',
  layer: 'hamish:layer',
  labelId: 'hamish:labelId',
  stance: 'hamish:stance',
  claimant: ref('hamish:claimant'),
  cue: 'hamish:cue',
  reportedBy: ref('hamish:reportedBy'),
  /** The corpus's label schema as one JSON literal, so a re-import restores layers, names, colours and keys. */
  labelSchema: { '@id': 'hamish:labelSchema', '@type': '@json' },
} as const;

export const GENERATOR_IRI = 'https://hamish.app/';
