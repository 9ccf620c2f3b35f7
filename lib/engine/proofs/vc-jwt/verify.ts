/**
 * VC-JWT: a credential secured as a compact JWS (VC Data Model 1.1 §6.3.1,
 * VC-JOSE-COSE §3.1.1, OB 3.0 integrity.md §"Verify a Credential VC-JWT
 * Signature"). Order matters for safety: the algorithm, `crit` and `typ` are
 * vetted before anything is fetched (SECURITY.md attacks 1, 2, 7; jws.ts),
 * the key comes from issuer resolution only (attacks 3–6), and the credential
 * is handed on as signed only once its signature verified.
 */
import { fail, fromThrown, pass, skip } from '../../checks/result';
import type { VerifyContext } from '../../context';
import { VerifierError } from '../../errors';
import { signerDidOf } from '../../keys/bind';
import { chooseJwtKeys, type KeyCandidate } from '../../keys/jwt-key';
import type { Check, TechnicalDetails } from '../../report';
import { idOf, isObject } from '../../util/json';
import { checkJwtClaims, credentialFromPayload, type DecodedCredential } from './claims';
import { decodeJws, firstVerifying, type DecodedJws } from './jws';
import { contentTypeFits, shownType, tokenKind } from './token-types';

export interface JwtOutcome {
  /** 'proof', 'issuer-binding' and 'claims' checks */
  checks: Check[];
  technical: TechnicalDetails;
  /** the credential the signature covers; present only when the signature verified */
  credential?: Record<string, unknown>;
  /**
   * The credential as the token's payload carries it, whether or not its
   * signature could be checked: what the summary shows next to the verdict, as
   * a Data Integrity credential's JSON is (never trusted as signed on its own)
   */
  decoded?: DecodedCredential;
  /** the token's registered claims (`exp`, `nbf` bound a VC-JOSE signature) */
  claims?: Record<string, unknown>;
}

interface Decoded {
  token: DecodedJws;
  claims: Record<string, unknown>;
  decoded: DecodedCredential;
}

/**
 * Decodes and vets a credential token without any network access: the JOSE
 * core (jws.ts), then explicit typing: only a generic JWT or a `vc+jwt` may
 * carry a credential, and a `vc+jwt` only with a credential content type.
 */
function decodeCredentialToken(jws: string): Decoded {
  const token = decodeJws(jws);
  const kind = tokenKind(token.header.typ);
  if (kind !== 'jwt' && kind !== 'vc')
    throw new VerifierError('JWS_INVALID', { reason: `the token is typed "${shownType(token.header.typ)}", not as a credential` });
  if (kind === 'vc' && !contentTypeFits(token.header.cty, 'vc'))
    throw new VerifierError('JWS_INVALID', { reason: `content type "${shownType(token.header.cty)}" is not a credential` });
  const decoded = credentialFromPayload(token.payload, kind === 'vc');
  return { token, claims: token.payload as Record<string, unknown>, decoded };
}

/** The technical details of the key a token was checked with. */
export function keyDetails(candidate: KeyCandidate | undefined): TechnicalDetails {
  if (!candidate) return {};
  const { key } = candidate;
  const signerDid = signerDidOf(candidate.binding);
  return {
    keyId: key.id,
    keyController: key.controller || undefined,
    keySource: key.source,
    ...(signerDid ? { signerDid } : {}),
    ...(key.document ? { didDocument: key.document } : {}),
  };
}

/** The token's own description of itself, for the technical details. */
export function headerDetails(token: DecodedJws): TechnicalDetails {
  const { header, alg } = token;
  return {
    alg,
    ...(typeof header.kid === 'string' ? { jwsKid: header.kid.slice(0, 300) } : {}),
    ...(typeof header.typ === 'string' ? { jwsTyp: header.typ.slice(0, 60) } : {}),
  };
}

/**
 * Verifies a compact-JWS credential: algorithm, header, claims, key and
 * issuer binding, signature. Never throws; every problem is a check.
 * @example const { checks, credential } = await verifyVcJwt(token, createContext())
 */
export async function verifyVcJwt(jws: string, ctx: VerifyContext): Promise<JwtOutcome> {
  let parsed: Decoded;
  try {
    parsed = decodeCredentialToken(jws);
  } catch (e) {
    return { checks: [fromThrown('proof', e), skip('issuer-binding'), skip('claims')], technical: {} };
  }
  const { token, claims, decoded } = parsed;
  const { credential } = decoded;
  const unverified = { decoded, claims };
  const technical = headerDetails(token);
  const claimsCheck = checkJwtClaims(claims, credential, decoded.shape);
  const issuerId = idOf(credential.issuer);
  if (issuerId === undefined) {
    return { checks: [skip('proof'), fail('issuer-binding', 'STRUCTURE_ISSUER', { reason: 'no issuer id' }), claimsCheck], technical, ...unverified };
  }
  const choice = await chooseJwtKeys({ kid: token.header.kid, jwk: token.header.jwk }, issuerId, ctx);
  if (choice.candidates.length === 0) {
    return { checks: [skip('proof'), choice.unavailable ?? fail('issuer-binding', 'JWT_NO_KEY'), claimsCheck], technical, ...unverified };
  }
  let verified: KeyCandidate | undefined;
  try {
    verified = await firstVerifying(token, choice.candidates.map((c) => ({ ...c, jwk: c.key.publicKeyJwk })));
  } catch (e) {
    const first = choice.candidates[0]!;
    return { checks: [fromThrown('proof', e), first.binding, claimsCheck], technical: { ...technical, ...keyDetails(first) }, ...unverified };
  }
  if (!verified) {
    const reported = choice.candidates[0]!;
    return { checks: [fail('proof', 'JWS_SIGNATURE_INVALID'), reported.binding, claimsCheck], technical: { ...technical, ...keyDetails(reported) }, ...unverified };
  }
  return {
    checks: [pass('proof', 'The signature is valid', { alg: token.alg }), verified.binding, claimsCheck],
    technical: { ...technical, ...keyDetails(verified) },
    credential: isObject(credential) ? credential : undefined,
    ...unverified,
  };
}
