/**
 * did:key (W3C CCG did:key v0.7 §3.1): the DID is the key. Resolution is
 * purely local — the public key is decoded from the method-specific id and
 * the DID document is generated, so nothing is fetched.
 */
import { VerifierError } from '../errors';
import { assertDidUrl } from './did-syntax';
import { decodeMultikey } from './multikey';
import type { ResolvedKey } from './types';

/** Splits a DID URL into the DID and its fragment (without '#'). */
export function splitDidUrl(url: string): { did: string; fragment?: string } {
  const hash = url.indexOf('#');
  return hash < 0 ? { did: url } : { did: url.slice(0, hash), fragment: url.slice(hash + 1) };
}

/**
 * Resolves `did:key:z…` or `did:key:z…#z…` to its key. Anything that is not a
 * DID URL is DID_INVALID; malformed multibase, an unknown multicodec or a wrong
 * key length is KEY_MALFORMED.
 * @example await resolveDidKey('did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK')
 */
export function resolveDidKey(verificationMethod: string): ResolvedKey {
  assertDidUrl(verificationMethod);
  const { did, fragment } = splitDidUrl(verificationMethod);
  const multibase = did.slice('did:key:'.length);
  // did:key §3.1.2: a method-specific id with path, query or extra colons is not a key.
  if (!/^z[1-9A-HJ-NP-Za-km-z]+$/.test(multibase)) throw new VerifierError('KEY_MALFORMED', { reason: 'did:key is not base58btc multibase' });
  // §3.1.3: the one verification method's fragment is the multibase value itself.
  if (fragment !== undefined && fragment !== multibase)
    throw new VerifierError('KEY_NOT_FOUND', { keyId: verificationMethod.slice(0, 200), reason: 'fragment is not the key' });
  const publicKeyJwk = decodeMultikey(multibase);
  const id = `${did}#${multibase}`;
  return {
    id,
    controller: did,
    publicKeyJwk,
    relationships: { assertionMethod: true, authentication: true },
    source: 'did:key',
    document: generatedDocument(did, id, multibase),
  };
}

function generatedDocument(did: string, id: string, multibase: string) {
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did,
    verificationMethod: [{ id, type: 'Multikey', controller: did, publicKeyMultibase: multibase }],
    assertionMethod: [id],
    authentication: [id],
  };
}
