/** Regression: an issuer named only by urn:uuid signed with a did:key (1EdTech ob30/simple-did-key-method.json). */
import { describe, expect, it } from 'vitest';
import { checkKeyBinding, signerDidOf } from '../../../../lib/engine/keys/bind';
import type { ResolvedKey } from '../../../../lib/engine/keys/types';

const didKey = 'did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi';
const key = (source: ResolvedKey['source'], controller = didKey): ResolvedKey => ({
  id: `${controller}#${controller.slice(8)}`,
  controller,
  publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x: 'AA' },
  relationships: { assertionMethod: true, authentication: true },
  source,
});

describe('issuer binding for URN issuers', () => {
  it('accepts the signing did:key as the identity of an issuer that has no resolvable id', () => {
    expect(checkKeyBinding(key('did:key'), 'urn:uuid:6f2e33e5-7a29-4155-840a-59483ba10164').status).toBe('pass');
  });

  it.each(['urn:uuid:6f2e33e5-7a29-4155-840a-59483ba10164', 'Harvard University', 'mailto:registrar@harvard.example'])(
    'SECURITY.md row 46: for %s the established identity is the signer DID, carried in the detail',
    (issuerId) => {
      const binding = checkKeyBinding(key('did:jwk', 'did:jwk:eyJrdHkiOiJPS1AifQ'), issuerId);
      expect(binding).toMatchObject({ status: 'pass', detail: { signerDid: 'did:jwk:eyJrdHkiOiJPS1AifQ' } });
      expect(signerDidOf(binding)).toBe('did:jwk:eyJrdHkiOiJPS1AifQ');
      expect(binding.message).toContain('did:jwk:eyJrdHkiOiJPS1AifQ');
    },
  );

  it('a key bound to an issuer that names keys carries no signer DID: the issuer id is the identity', () => {
    const binding = checkKeyBinding(key('did:key'), didKey);
    expect(binding.status).toBe('pass');
    expect(signerDidOf(binding)).toBeUndefined();
  });

  it('never lets a did:key speak for a resolvable issuer (https or did:web)', () => {
    expect(checkKeyBinding(key('did:key'), 'https://university.example/issuer').code).toBe('KEY_NOT_BOUND_TO_ISSUER');
    expect(checkKeyBinding(key('did:key'), 'did:web:university.example').code).toBe('KEY_NOT_BOUND_TO_ISSUER');
  });

  it('does not extend to keys fetched from somebody else\'s document', () => {
    expect(checkKeyBinding(key('did:web', 'did:web:evil.example'), 'urn:uuid:6f2e33e5-7a29-4155-840a-59483ba10164').code).toBe('KEY_NOT_BOUND_TO_ISSUER');
  });
});
