/**
 * did:jwk (did:jwk method specification §Read): the method-specific id is
 * the base64url of a JWK; the only verification method is `#0`. Resolution
 * is local. Private (`d`) and symmetric (`kty: "oct"`) keys are refused
 * (SECURITY.md attack 24).
 */
import { VerifierError } from '../errors';
import { fromBase64, fromUtf8 } from '../util/bytes';
import { parseJsonCapped } from '../util/json';
import { splitDidUrl } from './did-key';
import { assertDidUrl } from './did-syntax';
import { toPublicJwk } from './jwk';
import type { ResolvedKey } from './types';

const JWK_CAPS = { chars: 8192, depth: 4, keys: 50 };

/**
 * Resolves `did:jwk:…` or `did:jwk:…#0`.
 * @example resolveDidJwk('did:jwk:eyJrdHkiOiJPS1AiLCJjcnYiOiJFZDI1NTE5IiwieCI6Ii4uLiJ9#0')
 */
export function resolveDidJwk(verificationMethod: string): ResolvedKey {
  assertDidUrl(verificationMethod);
  const { did, fragment } = splitDidUrl(verificationMethod);
  if (fragment !== undefined && fragment !== '0')
    throw new VerifierError('KEY_NOT_FOUND', { keyId: verificationMethod.slice(0, 200), reason: 'did:jwk has only #0' });
  let key = RESOLVED.get(did);
  if (!key) {
    key = readDidJwk(did);
    if (RESOLVED.size >= RESOLVED_MAX) RESOLVED.delete(RESOLVED.keys().next().value!);
    RESOLVED.set(did, key);
  }
  return key;
}

/**
 * Keys already read, by DID: a did:jwk is its own document, so reading it again gives the same key
 * (a holder's tokens repeat one). Bounded; only keys that were read without error are kept.
 */
const RESOLVED = new Map<string, ResolvedKey>();
const RESOLVED_MAX = 64;

function readDidJwk(did: string): ResolvedKey {
  const encoded = did.slice('did:jwk:'.length);
  const bytes = encoded.length <= 8192 && /^[A-Za-z0-9_-]+$/.test(encoded) ? fromBase64(encoded) : undefined;
  if (!bytes) throw new VerifierError('KEY_MALFORMED', { reason: 'did:jwk is not base64url' });
  let jwk: unknown;
  try {
    jwk = parseJsonCapped(fromUtf8(bytes), JWK_CAPS);
  } catch {
    throw new VerifierError('KEY_MALFORMED', { reason: 'did:jwk is not a JSON JWK' });
  }
  const publicKeyJwk = toPublicJwk(jwk);
  const id = `${did}#0`;
  // did:jwk §Read: a key with "use": "enc" is only a keyAgreement key, never an assertion key.
  const signing = (jwk as { use?: unknown }).use !== 'enc';
  return {
    id,
    controller: did,
    publicKeyJwk,
    relationships: { assertionMethod: signing, authentication: signing },
    source: 'did:jwk',
    document: {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/jws-2020/v1'],
      id: did,
      verificationMethod: [{ id, type: 'JsonWebKey2020', controller: did, publicKeyJwk }],
      ...(signing ? { assertionMethod: [id], authentication: [id] } : { keyAgreement: [id] }),
    },
  };
}
