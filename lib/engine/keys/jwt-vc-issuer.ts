/**
 * JWT VC Issuer Metadata (draft-ietf-oauth-sd-jwt-vc §4): an SD-JWT VC issuer
 * whose `iss` is an https URL publishes its keys at
 * `https://<host>/.well-known/jwt-vc-issuer<path>`. The document speaks only
 * for the issuer it names (§4.3: its `issuer` must be identical to `iss`, or
 * nothing in it is used; SECURITY.md row 44), and a `jwks_uri` is followed
 * only on the issuer's own origin, so the metadata cannot send the engine to
 * fetch from another host (draft §7.1 on server-side request forgery).
 */
import type { VerifyContext } from '../context';
import { VerifierError } from '../errors';
import { isObject } from '../util/json';
import { httpsOrigin } from './https';
import { jwksEntries, type JwksEntry } from './jwks';
import { loadJsonDocument } from './load';
import type { ResolvedKey } from './types';

/**
 * The metadata address of an issuer: the well-known string between host and
 * path, a terminating `/` removed (§4.1). Throws KEY_UNRESOLVABLE for an
 * `iss` that is not an https URL without query or fragment.
 * @example metadataUrl('https://example.com/tenant/1234') // 'https://example.com/.well-known/jwt-vc-issuer/tenant/1234'
 */
export function metadataUrl(iss: string): string {
  let url: URL;
  try {
    url = new URL(iss);
  } catch {
    throw new VerifierError('KEY_UNRESOLVABLE', { reason: 'the issuer is not a URL' });
  }
  if (url.protocol !== 'https:' || url.search || url.hash || url.username || url.password)
    throw new VerifierError('KEY_UNRESOLVABLE', { reason: 'the issuer is not an https URL without query or fragment' });
  const path = url.pathname.replace(/\/$/, '');
  return `${url.origin}/.well-known/jwt-vc-issuer${path}`;
}

/**
 * The issuer's signing keys from its metadata (inline `jwks`, or `jwks_uri`
 * on its origin). Throws VerifierError: KEY_DID_DOCUMENT_MISMATCH when the
 * metadata names another issuer, FETCH_* / KEY_UNRESOLVABLE when the keys
 * cannot be obtained.
 */
export async function loadMetadataKeys(iss: string, ctx: VerifyContext): Promise<JwksEntry[]> {
  const url = metadataUrl(iss);
  const metadata = await loadJsonDocument(url, 'jwt-vc-issuer', ctx);
  if (!isObject(metadata)) throw new VerifierError('FETCH_BAD_CONTENT', { url, reason: 'the issuer metadata is not a JSON object' });
  if (metadata.issuer !== iss)
    throw new VerifierError('KEY_DID_DOCUMENT_MISMATCH', { expected: iss.slice(0, 200), found: String(typeof metadata.issuer === 'string' ? metadata.issuer : 'none').slice(0, 200) });
  const { jwks, jwks_uri: jwksUri } = metadata;
  // §4.2: "either jwks_uri or jwks … but not both"
  if ((jwks === undefined) === (jwksUri === undefined))
    throw new VerifierError('FETCH_BAD_CONTENT', { url, reason: 'the issuer metadata must give either jwks or jwks_uri' });
  if (jwks !== undefined) return jwksEntries(jwks, iss);
  if (typeof jwksUri !== 'string' || httpsOrigin(jwksUri) !== httpsOrigin(iss) || !jwksUri.startsWith('https:'))
    throw new VerifierError('KEY_UNRESOLVABLE', { reason: `the issuer's jwks_uri is not on its own origin (${String(jwksUri).slice(0, 120)})` });
  return jwksEntries(await loadJsonDocument(jwksUri, 'jwks', ctx), iss);
}

/** A metadata key as a key controlled by the issuer that published it. */
export function metadataKey(entry: JwksEntry, iss: string): ResolvedKey {
  return {
    id: `${metadataUrl(iss)}#${entry.kid ?? entry.thumbprint}`,
    controller: iss,
    publicKeyJwk: entry.jwk,
    relationships: { assertionMethod: true, authentication: false },
    source: 'jwt-vc-issuer',
  };
}
