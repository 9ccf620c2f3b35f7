/**
 * JSON-LD context https://w3id.org/security/jwk/v1
 * JsonWebKey verification methods (did:jwk documents, controller documents).
 *
 * Not published on npm, so vendored here (contexts are never fetched: W3C vc-data-integrity §4.5
 * "Validating Contexts"; SECURITY.md attack 14).
 * Source: w3c/vc-data-integrity, path `contexts/jwk/v1`, commit 570d764182aa915427da16bdd4514af874fb86ed.
 * Transcribed as a TypeScript literal; tests/unit/engine/jsonld/contexts.test.ts compares it with the source copy.
 */
import type { JsonLdDocument } from '../contexts';

export const JWK_V1_URL = 'https://w3id.org/security/jwk/v1';

export const JWK_V1: JsonLdDocument = {
  '@context': {
    id: '@id',
    type: '@type',
    '@protected': true,
    JsonWebKey: {
      '@id': 'https://w3id.org/security#JsonWebKey',
      '@context': {
        '@protected': true,
        id: '@id',
        type: '@type',
        controller: {
          '@id': 'https://w3id.org/security#controller',
          '@type': '@id',
        },
        revoked: {
          '@id': 'https://w3id.org/security#revoked',
          '@type': 'http://www.w3.org/2001/XMLSchema#dateTime',
        },
        expires: {
          '@id': 'https://w3id.org/security#expiration',
          '@type': 'http://www.w3.org/2001/XMLSchema#dateTime',
        },
        publicKeyJwk: {
          '@id': 'https://w3id.org/security#publicKeyJwk',
          '@type': '@json',
        },
        secretKeyJwk: {
          '@id': 'https://w3id.org/security#secretKeyJwk',
          '@type': '@json',
        },
      },
    },
  },
};
