/**
 * JSON-LD context https://w3id.org/security/suites/jws-2020/v1
 * JsonWebSignature2020 proofs and JsonWebKey2020 verification methods (W3C CCG lds-jws2020).
 *
 * Vendored from the specification's own repository, which w3id.org redirects to: the npm copy
 * (@transmute/security-context 0.7.0-unstable) adds a `privateKeyJwk` term that the published
 * context does not have (tests/unit/engine/jsonld/contexts.test.ts holds the two equal apart from it).
 * Contexts are never fetched (W3C vc-data-integrity §4.5 "Validating Contexts"; SECURITY.md attack 14).
 * Source: w3c-ccg/lds-jws2020, path `docs/contexts/v1/index.json`, commit 39437ff6fb74596f09a8de5d914b2e15426ff7a2.
 * Transcribed as a TypeScript literal.
 */
import type { JsonLdDocument } from '../contexts';

export const JWS_2020_V1_URL = 'https://w3id.org/security/suites/jws-2020/v1';

const SEC = 'https://w3id.org/security#';

export const JWS_2020_V1: JsonLdDocument = {
  '@context': {
    JsonWebKey2020: {
      '@id': `${SEC}JsonWebKey2020`,
      '@context': {
        '@protected': true,
        id: '@id',
        type: '@type',
        publicKeyJwk: { '@id': `${SEC}publicKeyJwk`, '@type': '@json' },
      },
    },
    JsonWebSignature2020: {
      '@id': `${SEC}JsonWebSignature2020`,
      '@context': {
        '@protected': true,
        id: '@id',
        type: '@type',
        challenge: `${SEC}challenge`,
        created: { '@id': 'http://purl.org/dc/terms/created', '@type': 'http://www.w3.org/2001/XMLSchema#dateTime' },
        domain: `${SEC}domain`,
        expires: { '@id': `${SEC}expiration`, '@type': 'http://www.w3.org/2001/XMLSchema#dateTime' },
        jws: `${SEC}jws`,
        nonce: `${SEC}nonce`,
        proofPurpose: {
          '@id': `${SEC}proofPurpose`,
          '@type': '@vocab',
          '@context': {
            '@protected': true,
            id: '@id',
            type: '@type',
            assertionMethod: { '@id': `${SEC}assertionMethod`, '@type': '@id', '@container': '@set' },
            authentication: { '@id': `${SEC}authenticationMethod`, '@type': '@id', '@container': '@set' },
            capabilityInvocation: { '@id': `${SEC}capabilityInvocationMethod`, '@type': '@id', '@container': '@set' },
            capabilityDelegation: { '@id': `${SEC}capabilityDelegationMethod`, '@type': '@id', '@container': '@set' },
            keyAgreement: { '@id': `${SEC}keyAgreementMethod`, '@type': '@id', '@container': '@set' },
          },
        },
        verificationMethod: { '@id': `${SEC}verificationMethod`, '@type': '@id' },
      },
    },
  },
};
