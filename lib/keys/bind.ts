/**
 * Issuer binding: a signature only means something when the key belongs to
 * the issuer the credential names (VC Data Integrity §4.3 "the controller of
 * the verification method MUST be the issuer"; digitalbazaar/vc
 * CredentialIssuancePurpose; OB 3.0 §8.2 key provenance). Rows 3, 6 and 10 of
 * the SECURITY.md attack table.
 */
import { fail, pass } from '../checks/result';
import type { Check } from '../report';
import { splitDidUrl } from './did-key';
import { httpsOrigin, sameUrl } from './https';
import type { ResolvedKey } from './types';

/**
 * Checks that `key` is controlled by `issuerId` and listed for assertions.
 * @example checkKeyBinding(await resolveVerificationMethod(vm, ctx), 'did:web:example.com')
 */
export function checkKeyBinding(key: ResolvedKey, issuerId: string): Check {
  // An issuer named only by a URN (urn:uuid:…) claims no resolvable identity that could be impersonated:
  // the signing key is then the only identity there is, exactly as for a did:key issuer. Its name stays
  // the issuer's own claim in the trust panel. (1EdTech validator ob30/simple-did-key-method.json.)
  if (/^urn:/i.test(issuerId) && key.relationships.assertionMethod && (key.source === 'did:key' || key.source === 'did:jwk'))
    return pass('issuer-binding', 'The issuer is identified only by the key that signed it; its name is its own claim', {
      keyId: key.id.slice(0, 200),
      controller: key.controller.slice(0, 200),
    });
  const controllerMatches = key.controller === issuerId || (httpsOrigin(issuerId) !== undefined && sameUrl(key.controller, issuerId));
  if (!controllerMatches) return fail('issuer-binding', 'KEY_NOT_BOUND_TO_ISSUER', { keyId: key.id.slice(0, 200), reason: 'controller' });
  if (!key.relationships.assertionMethod)
    return fail('issuer-binding', 'KEY_NOT_BOUND_TO_ISSUER', { keyId: key.id.slice(0, 200), reason: 'not an assertion method' });
  return pass('issuer-binding', 'The signing key belongs to the issuer', { keyId: key.id.slice(0, 200), controller: key.controller.slice(0, 200) });
}

/**
 * The binding refusals that need no network: call BEFORE resolving a key so
 * an attacker-chosen URL is never fetched. Returns a failing check, or
 * undefined when resolution may proceed.
 * - an http(s) key on a different origin than an http(s) issuer (row 6);
 * - a DID-URL key whose DID differs from a DID issuer (the DID document that
 *   would be fetched is not the issuer's, so it cannot bind the key: row 10).
 */
export function precheckKeyBinding(verificationMethod: string, issuerId: string): Check | undefined {
  const refuse = (reason: string) => fail('issuer-binding', 'KEY_NOT_BOUND_TO_ISSUER', { keyId: verificationMethod.slice(0, 200), reason });
  const issuerOrigin = httpsOrigin(issuerId);
  const keyOrigin = httpsOrigin(verificationMethod);
  if (issuerOrigin !== undefined && keyOrigin !== undefined && issuerOrigin !== keyOrigin) return refuse('key on another origin');
  if (issuerId.startsWith('did:') && verificationMethod.startsWith('did:') && splitDidUrl(verificationMethod).did !== issuerId)
    return refuse('key of another DID');
  return undefined;
}
