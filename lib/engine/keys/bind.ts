/**
 * Issuer binding: a signature only means something when the key belongs to
 * the issuer the credential names (VC Data Integrity §4.3 "the controller of
 * the verification method MUST be the issuer"; digitalbazaar/vc
 * CredentialIssuancePurpose; OB 3.0 §8.2 key provenance). Rows 3, 6, 10, 46,
 * 47 and 48 of the SECURITY.md attack table.
 */
import { fail, pass } from '../checks/result';
import type { Check } from '../report';
import { splitDidUrl } from './did-key';
import { didUrlProblem, isDidLike, namesKey } from './did-syntax';
import { didWebToUrl } from './did-web';
import { httpsOrigin, sameUrl } from './https';
import { didMethod } from './resolve';
import type { ResolvedKey } from './types';

/** Keys that are their own DID document: the key is the whole identity, and resolving it fetches nothing. */
const SELF_CERTIFYING_METHODS: ReadonlySet<string> = new Set(['key', 'jwk']);
const SELF_CERTIFYING_SOURCES: ReadonlySet<ResolvedKey['source']> = new Set(['did:key', 'did:jwk']);

/**
 * The issuer id itself, before anything is resolved for it: what is written as
 * a DID must be one (SECURITY.md row 47). Undefined when it may be used.
 * @example checkIssuerId('did:WEB:example.com') // fail DID_INVALID
 */
export function checkIssuerId(issuerId: string): Check | undefined {
  const problem = isDidLike(issuerId) ? didUrlProblem(issuerId) : undefined;
  return problem ? fail('issuer-binding', 'DID_INVALID', { did: issuerId.slice(0, 200), reason: problem }) : undefined;
}

/**
 * Checks that `key` is controlled by `issuerId` and listed for assertions.
 * @example checkKeyBinding(await resolveVerificationMethod(vm, ctx), 'did:web:example.com')
 */
export function checkKeyBinding(key: ResolvedKey, issuerId: string): Check {
  const invalidIssuer = checkIssuerId(issuerId);
  if (invalidIssuer) return invalidIssuer;
  // An issuer id that names no key (urn:uuid:…) claims no identity that a key could be checked against.
  // A self-certifying key may still sign for it, but then the key's DID is the only identity established:
  // the issuer's id and name stay its own claims and are never shown or trusted as the signer
  // (SECURITY.md row 46; 1EdTech validator ob30/simple-did-key-method.json).
  if (!namesKey(issuerId) && key.relationships.assertionMethod && SELF_CERTIFYING_SOURCES.has(key.source))
    return pass('issuer-binding', `Signed by ${key.controller.slice(0, 200)}: the issuer's id names no key, so its id and name are its own claims`, {
      keyId: key.id.slice(0, 200),
      controller: key.controller.slice(0, 200),
      signerDid: key.controller.slice(0, 200),
    });
  const controllerMatches = key.controller === issuerId || (httpsOrigin(issuerId) !== undefined && sameUrl(key.controller, issuerId));
  if (!controllerMatches) return fail('issuer-binding', 'KEY_NOT_BOUND_TO_ISSUER', { keyId: key.id.slice(0, 200), reason: 'controller' });
  if (!key.relationships.assertionMethod)
    return fail('issuer-binding', 'KEY_NOT_BOUND_TO_ISSUER', { keyId: key.id.slice(0, 200), reason: 'not an assertion method' });
  return pass('issuer-binding', 'The signing key belongs to the issuer', { keyId: key.id.slice(0, 200), controller: key.controller.slice(0, 200) });
}

/**
 * Checks that `key` may sign a presentation for `holderId` (VC Data Model 2.0
 * §4.13 `holder`; @digitalbazaar/vc verifyPresentation, AuthenticationProofPurpose):
 * the key's controller is the holder, and the holder lists it for
 * authentication. A key a JWK set publishes for an https holder, and a
 * self-certifying did:key / did:jwk (which lists itself for both), count as
 * the holder's own. Fails with KEY_NOT_BOUND_TO_HOLDER.
 */
export function checkHolderBinding(key: ResolvedKey, holderId: string): Check {
  const invalidHolder = isDidLike(holderId) ? didUrlProblem(holderId) : undefined;
  if (invalidHolder) return fail('proof', 'DID_INVALID', { did: holderId.slice(0, 200), reason: invalidHolder });
  const controllerMatches = key.controller === holderId || (httpsOrigin(holderId) !== undefined && sameUrl(key.controller, holderId));
  if (!controllerMatches) return fail('proof', 'KEY_NOT_BOUND_TO_HOLDER', { keyId: key.id.slice(0, 200), reason: 'controller' });
  if (!key.relationships.authentication && key.source !== 'jwks')
    return fail('proof', 'KEY_NOT_BOUND_TO_HOLDER', { keyId: key.id.slice(0, 200), reason: 'not an authentication key' });
  return pass('proof', `Signed by the holder ${holderId.slice(0, 200)}`, { keyId: key.id.slice(0, 200), holder: holderId.slice(0, 200) });
}

/** The DID that a passing binding established as the signer in place of the issuer's own id (row 46). */
export function signerDidOf(binding: Check): string | undefined {
  const signerDid = binding.status === 'pass' ? binding.detail?.signerDid : undefined;
  return typeof signerDid === 'string' ? signerDid : undefined;
}

/** The origin a did:web key's DID document would be fetched from; undefined for anything else. */
function didWebOrigin(verificationMethod: string): string | undefined {
  if (didMethod(verificationMethod) !== 'web') return undefined;
  try {
    return httpsOrigin(didWebToUrl(splitDidUrl(verificationMethod).did));
  } catch {
    return undefined; // not a did:web that could be fetched: resolution reports why
  }
}

/**
 * The binding refusals that need no network: call BEFORE resolving a key so a
 * key that could never be the issuer's is never fetched (SECURITY.md row 48).
 * Returns a failing check, or undefined when resolution may proceed.
 * - an issuer id written as a DID that is not one (row 47);
 * - an https issuer: its keys are listed on its own origin, so a key fetched
 *   from another origin, by URL (row 6) or as a did:web document, cannot be its key;
 * - a DID issuer: its keys are its own verification methods, so a key of another
 *   DID (the document that would be fetched is not the issuer's: row 10) or an
 *   https key cannot be its key;
 * - an issuer id that names no key: only a self-certifying key (did:key,
 *   did:jwk) can sign for it, as itself (row 46).
 */
export function precheckKeyBinding(verificationMethod: string, issuerId: string): Check | undefined {
  const invalidIssuer = checkIssuerId(issuerId);
  if (invalidIssuer) return invalidIssuer;
  const refuse = (reason: string) => fail('issuer-binding', 'KEY_NOT_BOUND_TO_ISSUER', { keyId: verificationMethod.slice(0, 200), reason });
  const keyIsDid = isDidLike(verificationMethod);
  const keyOrigin = httpsOrigin(verificationMethod);
  const issuerOrigin = httpsOrigin(issuerId);
  if (issuerOrigin !== undefined) {
    const fetchedFrom = keyOrigin ?? didWebOrigin(verificationMethod);
    if (fetchedFrom !== undefined && fetchedFrom !== issuerOrigin) return refuse('key on another origin');
    return undefined;
  }
  if (isDidLike(issuerId)) {
    if (keyOrigin !== undefined) return refuse('an https key cannot be a verification method of a DID issuer');
    if (keyIsDid && splitDidUrl(verificationMethod).did !== issuerId) return refuse('key of another DID');
    return undefined;
  }
  if (keyOrigin !== undefined || (keyIsDid && !SELF_CERTIFYING_METHODS.has(didMethod(verificationMethod) ?? '')))
    return refuse('the issuer id names no key');
  return undefined;
}
