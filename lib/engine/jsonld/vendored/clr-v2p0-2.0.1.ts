/**
 * JSON-LD context https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json
 * Comprehensive Learner Record 2.0 (ClrCredential wraps OB 3.0 credentials).
 *
 * Not published on npm, so vendored here (contexts are never fetched: W3C vc-data-integrity §4.5
 * "Validating Contexts"; SECURITY.md attack 14).
 * Source: 1EdTech/digital-credentials-public-validator, path `inspector-vc/src/main/resources/contexts/clr-v2p0-2.0.1.json`, commit 38254719cf0a490a403c9c812b01e6ab0678f2f3.
 * Transcribed as a TypeScript literal; tests/unit/engine/jsonld/contexts.test.ts compares it with the source copy.
 */
import type { JsonLdDocument } from '../contexts';

export const CLR_V2P0_2_0_1_URL = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';

export const CLR_V2P0_2_0_1: JsonLdDocument = {
  '@context': {
    id: '@id',
    type: '@type',
    ClrCredential: {
      '@id': 'https://purl.imsglobal.org/spec/vc/clr/vocab.html#ClrCredential',
      '@context': {
        id: '@id',
        type: '@type',
        partial: {
          '@id': 'https://purl.imsglobal.org/spec/vc/clr/vocab.html#partial',
          '@type': 'xsd:boolean',
        },
      },
    },
    ClrSubject: {
      '@id': 'https://purl.imsglobal.org/spec/vc/clr/vocab.html#ClrSubject',
      '@context': {
        id: '@id',
        type: '@type',
        cred: 'https://www.w3.org/2018/credentials#',
        obi: 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#',
        achievement: {
          '@id': 'https://purl.imsglobal.org/spec/vc/clr/vocab.html#achievement',
          '@type': 'obi:Achievement',
          '@container': '@set',
        },
        association: {
          '@id': 'https://purl.imsglobal.org/spec/vc/clr/vocab.html#association',
          '@type': 'https://purl.imsglobal.org/spec/vc/clr/vocab.html#Association',
          '@container': '@set',
        },
        verifiableCredential: {
          '@id': 'https://purl.imsglobal.org/spec/vc/clr/vocab.html#verifiableCredential',
          '@type': 'cred:verifiableCredential',
          '@container': '@set',
        },
        identifier: {
          '@id': 'https://purl.imsglobal.org/spec/vc/clr/vocab.html#identifier-1',
          '@type': 'obi:Identifier',
          '@container': '@set',
        },
      },
    },
    Association: {
      '@id': 'https://purl.imsglobal.org/spec/vc/clr/vocab.html#Association',
      '@context': {
        associationType: {
          '@id': 'https://purl.imsglobal.org/spec/vc/clr/vocab.html#AssociationType',
        },
        sourceId: {
          '@id': 'https://purl.imsglobal.org/spec/vc/clr/vocab.html#sourceId',
          '@type': 'xsd:anyURI',
        },
        targetId: {
          '@id': 'https://purl.imsglobal.org/spec/vc/clr/vocab.html#targetId',
          '@type': 'xsd:anyURI',
        },
      },
    },
  },
};
