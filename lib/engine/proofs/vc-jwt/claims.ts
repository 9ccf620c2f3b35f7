/**
 * The credential inside a VC-JWT and the agreement between JWT claims and
 * credential properties. Three shapes exist:
 * - VC Data Model 1.1 §6.3.1 (JWT encoding): the credential is the `vc`
 *   claim; `iss`, `sub`, `jti`, `nbf`, `exp` stand for issuer,
 *   credentialSubject.id, id, issuanceDate and expirationDate and are copied
 *   in only where the credential lacks them;
 * - OB 3.0 VC-JWT (a VC 2.0 payload typed `JWT` or untyped): the payload is
 *   the credential, and where both a claim and the property are present they
 *   must agree (OB 3.0 integrity.md §"Verify a Credential"; SECURITY.md attack 8);
 * - VC-JOSE-COSE (`typ: vc+jwt`, §3.1.1): the payload is the credential and
 *   nothing is mirrored. Only `iss`, when present, must be the issuer (the
 *   W3C suite's statements 24–25); `exp` and `nbf` bound the signature
 *   (§"JOSE Header Parameters and JWT Claims": they are not `validUntil` /
 *   `validFrom`), so they narrow the validity window without being copied
 *   into the credential shown; `vc` and `vp` claims must not be present.
 */
import { fail, pass } from '../../checks/result';
import type { ValidityWindow } from '../../checks/validity';
import { VerifierError } from '../../errors';
import type { Check } from '../../report';
import { asArray, idOf, isObject } from '../../util/json';
import { isoFromNumericDate } from './jws';

export interface DecodedCredential {
  credential: Record<string, unknown>;
  /** which JWT shape carried it */
  shape: 'vc-claim' | 'payload' | 'vc-jose';
}

/**
 * Extracts the credential from a decoded JWT payload. `vcJose` is true for a
 * token typed `vc+jwt`. Throws JWS_INVALID when the payload carries no
 * credential, or a VC-JOSE payload carries a `vc` or `vp` claim.
 */
export function credentialFromPayload(payload: unknown, vcJose = false): DecodedCredential {
  if (!isObject(payload)) throw new VerifierError('JWS_INVALID', { reason: 'payload is not a JSON object' });
  if (vcJose) {
    // VC-JOSE-COSE §3.1.1: "The JWT Claim Names vc and vp MUST NOT be present"
    if (payload.vc !== undefined || payload.vp !== undefined)
      throw new VerifierError('JWS_INVALID', { reason: 'a vc+jwt payload is the credential itself and must carry no vc or vp claim' });
    if (payload['@context'] === undefined) throw new VerifierError('JWS_INVALID', { reason: 'a vc+jwt payload carries no credential' });
    return { credential: payload, shape: 'vc-jose' };
  }
  if (isObject(payload.vc)) return { credential: fillFromClaims(payload.vc, payload), shape: 'vc-claim' };
  if (payload['@context'] !== undefined && payload.type !== undefined) return { credential: fillWindow(payload, payload, false), shape: 'payload' };
  throw new VerifierError('JWS_INVALID', { reason: 'payload carries no credential' });
}

const V1_CONTEXT = 'https://www.w3.org/2018/credentials/v1';
const V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';

/**
 * OB 3.0 integrity.md: "exp, if present, sets validUntil" (and nbf the start),
 * so a token's signed lifetime is never ignored by the validity check, which
 * reads only the credential's dates. Only absent properties are filled.
 */
function fillWindow(credential: Record<string, unknown>, claims: Record<string, unknown>, vcClaim: boolean): Record<string, unknown> {
  const first = asArray(credential['@context'] as unknown)[0];
  // The `vc` claim is the VCDM 1.1 JWT encoding: its dates are 1.1 names unless the credential says 2.0.
  const v1 = first === V1_CONTEXT || (vcClaim && first !== V2_CONTEXT);
  const [fromKey, untilKey] = v1 ? ['issuanceDate', 'expirationDate'] : ['validFrom', 'validUntil'];
  const out = { ...credential };
  const nbf = isoFromNumericDate(claims.nbf);
  if (nbf && credential.validFrom === undefined && credential.issuanceDate === undefined) out[fromKey] = nbf;
  const exp = isoFromNumericDate(claims.exp);
  if (exp && credential.validUntil === undefined && credential.expirationDate === undefined) out[untilKey] = exp;
  return out;
}

/** VCDM 1.1 §6.3.1: "if … not present, the … property MUST be set from the claim". */
function fillFromClaims(vc: Record<string, unknown>, claims: Record<string, unknown>): Record<string, unknown> {
  const credential: Record<string, unknown> = { ...vc };
  if (credential.issuer === undefined && typeof claims.iss === 'string') credential.issuer = claims.iss;
  if (credential.id === undefined && typeof claims.jti === 'string') credential.id = claims.jti;
  if (typeof claims.sub === 'string' && isObject(credential.credentialSubject) && credential.credentialSubject.id === undefined)
    credential.credentialSubject = { ...credential.credentialSubject, id: claims.sub };
  return fillWindow(credential, claims, true);
}

const seconds = (date: unknown): number | undefined => {
  if (typeof date !== 'string') return undefined;
  const ms = Date.parse(date);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
};

/** Returns the first claim that disagrees with the credential, or undefined. */
function firstMismatch(claims: Record<string, unknown>, credential: Record<string, unknown>): string | undefined {
  const issuer = idOf(credential.issuer);
  if (claims.iss !== undefined && claims.iss !== issuer) return 'iss';
  const subjectIds = asArray(credential.credentialSubject as unknown).map(idOf).filter((s) => s !== undefined);
  if (claims.sub !== undefined && subjectIds.length > 0 && !subjectIds.includes(claims.sub as string)) return 'sub';
  if (claims.jti !== undefined && credential.id !== undefined && claims.jti !== credential.id) return 'jti';
  const from = credential.validFrom ?? credential.issuanceDate;
  if (claims.nbf !== undefined && from !== undefined && (typeof claims.nbf !== 'number' || Math.floor(claims.nbf) !== seconds(from))) return 'nbf';
  const until = credential.validUntil ?? credential.expirationDate;
  if (claims.exp !== undefined && until !== undefined && (typeof claims.exp !== 'number' || Math.floor(claims.exp) !== seconds(until))) return 'exp';
  return undefined;
}

/** VC-JOSE-COSE: only `iss` speaks about the credential; `exp`/`nbf` must at least be NumericDates (RFC 7519 §4.1.4–4.1.5). */
function firstVcJoseMismatch(claims: Record<string, unknown>, credential: Record<string, unknown>): string | undefined {
  if (claims.iss !== undefined && claims.iss !== idOf(credential.issuer)) return 'iss';
  for (const claim of ['nbf', 'exp'] as const) {
    if (claims[claim] !== undefined && isoFromNumericDate(claims[claim]) === undefined) return claim;
  }
  return undefined;
}

/**
 * The 'claims' check: registered claims must agree with the credential.
 * @example checkJwtClaims({ iss: 'did:key:z…' }, { issuer: 'did:key:z…' }) // pass
 */
export function checkJwtClaims(claims: Record<string, unknown>, credential: Record<string, unknown>, shape: DecodedCredential['shape'] = 'payload'): Check {
  const claim = shape === 'vc-jose' ? firstVcJoseMismatch(claims, credential) : firstMismatch(claims, credential);
  return claim === undefined ? pass('claims', 'The token claims agree with the credential') : fail('claims', 'JWT_CLAIM_MISMATCH', { claim });
}

/**
 * The validity window of a VC-JOSE credential: its own validFrom/validUntil,
 * narrowed by the signature's `nbf`/`exp` (a signature past `exp` is not to be
 * accepted, RFC 7519 §4.1.4), so the window is the later start and the earlier end.
 */
export function vcJoseWindow(credentialWindow: ValidityWindow, claims: Record<string, unknown>): ValidityWindow {
  const later = (a?: string, b?: string) => (!a ? b : !b ? a : Date.parse(a) >= Date.parse(b) ? a : b);
  const earlier = (a?: string, b?: string) => (!a ? b : !b ? a : Date.parse(a) <= Date.parse(b) ? a : b);
  return {
    validFrom: later(credentialWindow.validFrom, isoFromNumericDate(claims.nbf)),
    validUntil: earlier(credentialWindow.validUntil, isoFromNumericDate(claims.exp)),
  };
}
