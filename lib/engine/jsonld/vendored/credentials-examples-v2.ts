/**
 * JSON-LD context https://www.w3.org/ns/credentials/examples/v2
 * Used by the W3C specification examples and test vectors. Its @vocab maps every term to the examples namespace.
 *
 * Not published on npm, so vendored here (contexts are never fetched: W3C vc-data-integrity §4.5
 * "Validating Contexts"; SECURITY.md attack 14).
 * Source: w3c/vc-data-model, path `contexts/credentials/examples/v2`, commit 979c4af1cfe2224ed7b0ee5ec4d7a009a465812b.
 * Transcribed as a TypeScript literal; tests/unit/engine/jsonld/contexts.test.ts compares it with the source copy.
 */
import type { JsonLdDocument } from '../contexts';

export const CREDENTIALS_EXAMPLES_V2_URL = 'https://www.w3.org/ns/credentials/examples/v2';

export const CREDENTIALS_EXAMPLES_V2: JsonLdDocument = {
  '@context': {
    '@vocab': 'https://www.w3.org/ns/credentials/examples#',
  },
};
