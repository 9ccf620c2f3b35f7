/**
 * All the keys an issuer has published for making assertions, for tokens
 * that do not name their key by URL: a header `jwk` must be one of them
 * (by RFC 7638 thumbprint), and a token with no key hint is tried against
 * them. HTTPS issuers publish a JWKS (OB 3.0 key provenance); DID issuers
 * list keys under `assertionMethod`.
 */
import { calculateJwkThumbprint } from 'jose';
import type { VerifyContext } from '../context';
import { VerifierError } from '../errors';
import { assertDidUrl, isDidLike } from './did-syntax';
import { httpsOrigin } from './https';
import { jwksKey, loadIssuerJwks } from './jwks';
import { didMethod, didMethodFor } from './resolve';
import type { ResolvedKey } from './types';

/** Keys that may be used as the issuer's assertion keys, each with its thumbprint and JWKS `kid`. */
export interface IssuerKey {
  key: ResolvedKey;
  thumbprint: string;
  kid?: string;
}

/** RFC 7638 SHA-256 thumbprint of a public JWK. */
export const thumbprintOf = (jwk: JsonWebKey): Promise<string> =>
  calculateJwkThumbprint(jwk as Parameters<typeof calculateJwkThumbprint>[0]);

/**
 * Loads the issuer's assertion keys. Throws VerifierError (FETCH_*, KEY_*)
 * when they cannot be obtained, so callers can report "could not check".
 * @example const keys = await loadIssuerKeys('https://issuer.example/issuers/1', ctx)
 */
export async function loadIssuerKeys(issuerId: string, ctx: VerifyContext): Promise<IssuerKey[]> {
  if (httpsOrigin(issuerId) !== undefined) {
    const entries = await loadIssuerJwks(issuerId, ctx);
    return entries.map((e) => ({ key: jwksKey(e, issuerId), thumbprint: e.thumbprint, kid: e.kid }));
  }
  if (isDidLike(issuerId)) assertDidUrl(issuerId);
  if (issuerId.includes('#')) throw new VerifierError('KEY_UNRESOLVABLE', { reason: 'issuer id is a DID URL' });
  if (didMethod(issuerId) === undefined) throw new VerifierError('KEY_UNRESOLVABLE', { reason: 'issuer id is neither an https URL nor a DID' });
  const keys = await didMethodFor(issuerId).assertionKeys(issuerId, ctx);
  return Promise.all(keys.map(async (key) => ({ key, thumbprint: await thumbprintOf(key.publicKeyJwk) })));
}
