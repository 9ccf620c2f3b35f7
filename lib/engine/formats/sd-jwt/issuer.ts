/**
 * Whose key may have signed an SD-JWT, and whether it is the issuer's
 * (draft-ietf-oauth-sd-jwt-vc §2.5 "Issuer Verification Key Discovery and
 * Validation"; "if a recipient cannot validate that the public verification
 * key corresponds to the Issuer … the SD-JWT VC MUST be rejected"):
 *
 * - `x5c` in the header: the chain is checked as included (lib/engine/keys/x5c.ts),
 *   and its leaf must name an https `iss` in its subjectAltName (a URI equal
 *   to `iss`, or `iss`'s host as a DNS name), else KEY_NOT_BOUND_TO_ISSUER.
 *   That is necessary, not sufficient: anyone can make a certificate naming
 *   any host, and whether the chain ends at a trust anchor (an EU trusted
 *   list, a CA) cannot be checked offline. So the chain binds the key to the
 *   issuer only when the issuer itself publishes that key in its JWT VC
 *   Issuer Metadata; otherwise the signature proves only that the holder of
 *   that certificate signed: CERTIFICATE_NOT_ANCHORED, "could not be checked".
 * - an https `iss` without `x5c`: the keys of its JWT VC Issuer Metadata
 *   (lib/engine/keys/jwt-vc-issuer.ts); a `kid` must name one of them.
 * - a DID `iss` (and the `issuer` of a W3C credential secured with SD-JWT,
 *   VC-JOSE-COSE §3.2): the VC-JWT rules of lib/engine/keys/jwt-key.ts.
 * Header `jwk`, `jku` and `x5u` never supply a key (SECURITY.md attacks 3–4).
 */
import { error, fail, fromThrown, pass } from '../../checks/result';
import type { VerifyContext } from '../../context';
import { httpsOrigin } from '../../keys/https';
import { thumbprintOf } from '../../keys/issuer-keys';
import { chooseJwtKeys } from '../../keys/jwt-key';
import { loadMetadataKeys, metadataKey } from '../../keys/jwt-vc-issuer';
import type { ResolvedKey } from '../../keys/types';
import { readX5c } from '../../keys/x5c';
import { didMethod } from '../../keys/resolve';
import type { DecodedJws } from '../../proofs/vc-jwt/jws';
import type { Check, TechnicalDetails } from '../../report';

/** A key the issuer-signed JWT may be checked with, and what binding it to the issuer established. */
export interface IssuerCandidate {
  key: ResolvedKey;
  jwk: JsonWebKey;
  binding: Check;
}

export interface IssuerKeyChoice {
  candidates: IssuerCandidate[];
  /** the 'issuer-binding' check when there is no candidate at all */
  unavailable?: Check;
  technical: TechnicalDetails;
}

/** How the issuer is named: an SD-JWT VC's `iss`, or a W3C credential's `issuer` (VC-JWT key rules). */
export type IssuerNaming = 'iss' | 'w3c-issuer';

/**
 * Chooses the keys `token` may be checked with and binds them to `issuer`.
 * Never throws. `signingTime` is when the certificate of an `x5c` chain must
 * have been valid.
 */
export async function chooseIssuerKeys(token: DecodedJws, issuer: string | undefined, naming: IssuerNaming, signingTime: Date, ctx: VerifyContext): Promise<IssuerKeyChoice> {
  try {
    if (token.header.x5c !== undefined) return await fromCertificate(token.header.x5c, issuer, signingTime, ctx);
    if (issuer === undefined) return { candidates: [], unavailable: fail('issuer-binding', 'STRUCTURE_ISSUER', { reason: 'it names no issuer and carries no certificate' }), technical: {} };
    if (naming === 'iss' && didMethod(issuer) === undefined) return await fromMetadata(token.header.kid, issuer, ctx);
    const choice = await chooseJwtKeys({ kid: token.header.kid, jwk: token.header.jwk }, issuer, ctx);
    return {
      candidates: choice.candidates.map((c) => ({ key: c.key, jwk: c.key.publicKeyJwk, binding: c.binding })),
      ...(choice.unavailable ? { unavailable: choice.unavailable } : {}),
      technical: {},
    };
  } catch (e) {
    return { candidates: [], unavailable: fromThrown('issuer-binding', e), technical: {} };
  }
}

async function fromMetadata(kid: unknown, iss: string, ctx: VerifyContext): Promise<IssuerKeyChoice> {
  const entries = await loadMetadataKeys(iss, ctx);
  const named = typeof kid === 'string' ? entries.filter((e) => e.kid === kid) : entries;
  if (named.length === 0) {
    const unavailable = typeof kid === 'string'
      ? fail('issuer-binding', 'KEY_NOT_BOUND_TO_ISSUER', { keyId: kid.slice(0, 200), reason: "kid is not one of the issuer's published keys" })
      : error('issuer-binding', 'JWT_NO_KEY', { reason: 'the issuer publishes no usable key' });
    return { candidates: [], unavailable, technical: {} };
  }
  const binding = pass('issuer-binding', 'The signing key is one the issuer publishes (JWT VC Issuer Metadata)', { issuer: iss.slice(0, 200) });
  return { candidates: named.map((e) => ({ key: metadataKey(e, iss), jwk: e.jwk, binding })), technical: {} };
}

/** The host an https issuer is known by, for its certificate's DNS names. */
const hostOf = (iss: string): string | undefined => (httpsOrigin(iss) !== undefined && iss.startsWith('https:') ? new URL(iss).hostname.toLowerCase() : undefined);

async function fromCertificate(x5c: unknown, iss: string | undefined, signingTime: Date, ctx: VerifyContext): Promise<IssuerKeyChoice> {
  const chain = await readX5c(x5c, signingTime);
  if (!('leaf' in chain)) return { candidates: [], unavailable: chain, technical: {} };
  const key: ResolvedKey = {
    id: `x5c:${chain.subject.slice(0, 200)}`,
    controller: chain.subject,
    publicKeyJwk: chain.leafJwk,
    relationships: { assertionMethod: true, authentication: false },
    source: 'x5c',
  };
  const technical: TechnicalDetails = { certificateSubject: chain.subject, x5cChainLength: chain.length };
  const unanchored = error('issuer-binding', 'CERTIFICATE_NOT_ANCHORED', { subject: chain.subject.slice(0, 200) });
  const host = iss === undefined ? undefined : hostOf(iss);
  if (iss === undefined || host === undefined) return { candidates: [{ key, jwk: key.publicKeyJwk, binding: unanchored }], technical };
  if (!chain.uris.includes(iss) && !chain.dnsNames.includes(host)) {
    const binding = fail('issuer-binding', 'KEY_NOT_BOUND_TO_ISSUER', { keyId: key.id, reason: `the certificate is not issued to ${host}` });
    return { candidates: [{ key, jwk: key.publicKeyJwk, binding }], technical };
  }
  let published = false;
  try {
    const thumbprint = await thumbprintOf(chain.leafJwk);
    published = (await loadMetadataKeys(iss, ctx)).some((e) => e.thumbprint === thumbprint);
  } catch {
    // no metadata, or none that names this issuer: the certificate stays unanchored
  }
  const binding = published
    ? pass('issuer-binding', `The certificate (${chain.subject.slice(0, 120)}) names the issuer, which publishes its key`, { issuer: iss.slice(0, 200) })
    : unanchored;
  return { candidates: [{ key, jwk: key.publicKeyJwk, binding }], technical };
}
