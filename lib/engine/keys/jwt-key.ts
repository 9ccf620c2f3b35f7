/**
 * Which key may verify a VC-JWT, and whether it is the issuer's. The JOSE
 * header only ever *hints*: a `kid` URL is resolved (after the no-fetch
 * binding pre-check), a header `jwk` is accepted only when its thumbprint is
 * one of the issuer's published keys (SECURITY.md attack 3), and `jku`/`x5u`
 * are never read (attack 4).
 */
import { fail, error, fromThrown } from '../checks/result';
import type { VerifyContext } from '../context';
import type { Check } from '../report';
import { isNonPublicHost } from '../net/host-policy';
import { checkIssuerId, checkKeyBinding, precheckKeyBinding } from './bind';
import { httpsOrigin } from './https';
import { loadIssuerKeys, thumbprintOf } from './issuer-keys';
import { toPublicJwk } from './jwk';
import { didMethod, resolveVerificationMethod } from './resolve';
import type { ResolvedKey } from './types';

/** A key the signature may be checked with and what binding it to the issuer established. */
export interface KeyCandidate {
  key: ResolvedKey;
  binding: Check;
}

export interface JwtKeyChoice {
  /** in order of preference; at most MAX_CANDIDATES */
  candidates: KeyCandidate[];
  /** the 'issuer-binding' check when there is no candidate at all */
  unavailable?: Check;
}

/** The header members key selection reads; everything else (jku, x5u, x5c) is ignored. */
export interface JwtKeyHints {
  kid?: unknown;
  jwk?: unknown;
}

const MAX_CANDIDATES = 10;
const isUrlLike = (s: string) => s.startsWith('did:') || /^https?:\/\//i.test(s);

/** A `kid` as an absolute verification method URL, or undefined when it is only a key-set label. */
export function absoluteKid(kid: unknown, issuerId: string): string | undefined {
  if (typeof kid !== 'string' || kid === '' || kid.length > 8192) return undefined;
  if (isUrlLike(kid)) return kid;
  // RFC 3986 §5.2 relative reference: '#frag' against the issuer id (DID or URL).
  if (kid.startsWith('#')) return issuerId.split('#')[0] + kid;
  // did:jwk/did:key tokens often carry a bare fragment as kid ("0").
  if (didMethod(issuerId) !== undefined) return `${issuerId.split('#')[0]}#${kid}`;
  return undefined;
}

/**
 * Chooses the keys to verify a token with and binds them to `issuerId`.
 * Never throws: resolution problems become the 'issuer-binding' check.
 * @example const { candidates } = await chooseJwtKeys({ kid: 'did:web:example.com#key-1' }, 'did:web:example.com', ctx)
 */
export async function chooseJwtKeys(hints: JwtKeyHints, issuerId: string, ctx: VerifyContext): Promise<JwtKeyChoice> {
  const invalidIssuer = checkIssuerId(issuerId);
  if (invalidIssuer) return { candidates: [], unavailable: invalidIssuer };
  try {
    const kidUrl = absoluteKid(hints.kid, issuerId);
    if (kidUrl !== undefined) return await fromKidUrl(kidUrl, issuerId, ctx);
    if (hints.jwk !== undefined) return await fromHeaderJwk(hints.jwk, issuerId, ctx);
    return await fromIssuerKeys(issuerId, typeof hints.kid === 'string' ? hints.kid : undefined, ctx);
  } catch (e) {
    return { candidates: [], unavailable: fromThrown('issuer-binding', e) };
  }
}

/**
 * SECURITY.md attack 5: a kid URL that could only be an SSRF probe is named for what it is,
 * before the origin comparison could hide it: credentials in the URL
 * (`https://issuer.example@127.0.0.1/`) and, off the issuer's origin, a
 * non-public host. Same-origin kids are left to safe-fetch, which honours
 * the user's allowed intranet hosts.
 */
function refuseProbe(kid: string, issuerId: string): Check | undefined {
  let url: URL;
  try {
    url = new URL(kid);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username || url.password) return error('issuer-binding', 'FETCH_URL_REJECTED', { url: kid.slice(0, 200), reason: 'credentials in URL' });
  if (httpsOrigin(kid) !== httpsOrigin(issuerId) && isNonPublicHost(url.hostname))
    return error('issuer-binding', 'FETCH_PRIVATE_ADDRESS', { host: url.hostname.slice(0, 100) });
  return undefined;
}

async function fromKidUrl(kid: string, issuerId: string, ctx: VerifyContext): Promise<JwtKeyChoice> {
  const refused = refuseProbe(kid, issuerId) ?? precheckKeyBinding(kid, issuerId);
  if (refused) return { candidates: [], unavailable: refused };
  const key = await resolveVerificationMethod(kid, ctx);
  return { candidates: [{ key, binding: checkKeyBinding(key, issuerId) }] };
}

async function fromHeaderJwk(rawJwk: unknown, issuerId: string, ctx: VerifyContext): Promise<JwtKeyChoice> {
  const jwk = toPublicJwk(rawJwk);
  const thumbprint = await thumbprintOf(jwk);
  const headerKey: ResolvedKey = {
    id: `urn:ietf:params:oauth:jwk-thumbprint:sha-256:${thumbprint}`,
    controller: '',
    publicKeyJwk: jwk,
    relationships: { assertionMethod: false, authentication: false },
    source: 'jws-header',
  };
  let issuerKeys;
  try {
    issuerKeys = await loadIssuerKeys(issuerId, ctx);
  } catch (e) {
    // The signature can still be checked with the header key, but it proves nothing until bound.
    return { candidates: [{ key: headerKey, binding: fromThrown('issuer-binding', e) }] };
  }
  const match = issuerKeys.find((k) => k.thumbprint === thumbprint);
  if (!match) {
    const binding = fail('issuer-binding', 'KEY_NOT_BOUND_TO_ISSUER', { keyId: headerKey.id, reason: 'header key is not one of the issuer keys' });
    return { candidates: [{ key: headerKey, binding }] };
  }
  return { candidates: [{ key: match.key, binding: checkKeyBinding(match.key, issuerId) }] };
}

async function fromIssuerKeys(issuerId: string, label: string | undefined, ctx: VerifyContext): Promise<JwtKeyChoice> {
  const keys = await loadIssuerKeys(issuerId, ctx);
  const matching = label === undefined ? keys : keys.filter((k) => k.kid === label);
  if (matching.length === 0) {
    const unavailable = label === undefined
      ? error('issuer-binding', 'JWT_NO_KEY', { reason: 'the issuer publishes no usable key' })
      : fail('issuer-binding', 'KEY_NOT_BOUND_TO_ISSUER', { keyId: label.slice(0, 200), reason: 'kid is not one of the issuer keys' });
    return { candidates: [], unavailable };
  }
  return { candidates: matching.slice(0, MAX_CANDIDATES).map((k) => ({ key: k.key, binding: checkKeyBinding(k.key, issuerId) })) };
}
