/**
 * The holder's signature on a presentation: a Data Integrity proof with
 * `proofPurpose: authentication` (VC Data Model 2.0 §4.13; vc-data-integrity
 * §4.4), or the JWS of a VP-JWT (VC 1.1 §6.3.1 `vp` claim; VC-JOSE-COSE
 * §3.1.2 `vp+jwt`). Its key must belong to the `holder` the presentation
 * names (lib/engine/keys/bind.ts `checkHolderBinding`). One 'proof' check
 * says it all: the signature holds and is the holder's, or why not.
 *
 * A `challenge` / `domain` (DI) or `nonce` / `aud` (JWT) say which verifier
 * and request the presentation was made for. Credlens is never that
 * verifier, so they are shown in the technical details, never required.
 */
import { error, fail, fromThrown, pass, skip } from '../../checks/result';
import type { VerifyContext } from '../../context';
import { checkHolderBinding, precheckKeyBinding } from '../../keys/bind';
import { chooseJwtKeys } from '../../keys/jwt-key';
import { resolveVerificationMethod } from '../../keys/resolve';
import { verifyDataIntegrity, type ProofPurpose } from '../../proofs/data-integrity/verify';
import { firstVerifying, isoFromNumericDate, type DecodedJws } from '../../proofs/vc-jwt/jws';
import { headerDetails, keyDetails } from '../../proofs/vc-jwt/verify';
import type { Check, TechnicalDetails } from '../../report';
import { asArray, isObject } from '../../util/json';
import { holderOf } from './structure';

export interface HolderProof {
  /** the 'proof' check: pass, fail or error; skip when the holder did not sign */
  check: Check;
  technical: TechnicalDetails;
  signed: boolean;
}

/** What a presentation without a holder signature gets: absence is not a failure (SECURITY.md row 59). */
export const UNSIGNED: HolderProof = {
  check: skip('proof', 'NOT_APPLICABLE', 'No holder signature: the presentation is not signed by its holder, so only its credentials are checked'),
  technical: {},
  signed: false,
};

/** The presentation's holder, as an authentication by it (a key in its `authentication`, SECURITY.md row 59). */
const AUTHENTICATION: ProofPurpose = { name: 'authentication', signerOf: holderOf, bind: checkHolderBinding };

/** One 'proof' check from a signature check and a binding check: both must pass. */
function combine(signature: Check, binding: Check, holder: string): Check {
  if (signature.status === 'pass' && binding.status === 'pass') return pass('proof', `Signed by its holder ${holder.slice(0, 200)}`, { holder: holder.slice(0, 200) });
  const worst = [signature, binding].find((c) => c.status === 'fail') ?? [signature, binding].find((c) => c.status === 'error') ?? signature;
  // a key refused before any lookup (lib/engine/keys/bind.ts precheckKeyBinding) is refused as the holder's
  if (worst.code === 'KEY_NOT_BOUND_TO_ISSUER') return fail('proof', 'KEY_NOT_BOUND_TO_HOLDER', worst.detail ?? {});
  return { ...worst, id: 'proof' };
}

/** The holder proof of a JSON-LD presentation with an embedded `proof`. */
export async function holderProofOfJsonLd(vp: Record<string, unknown>, ctx: VerifyContext): Promise<HolderProof> {
  if (vp.proof === undefined) return UNSIGNED;
  const holder = holderOf(vp);
  const options = asArray(vp.proof).find(isObject) ?? {};
  const technical: TechnicalDetails = {
    ...(typeof options.challenge === 'string' ? { holderChallenge: options.challenge.slice(0, 200) } : {}),
    ...(typeof options.domain === 'string' ? { holderDomain: options.domain.slice(0, 200) } : {}),
  };
  if (holder === undefined) return { check: error('proof', 'KEY_UNRESOLVABLE', { reason: 'the presentation is signed but names no holder' }), technical, signed: true };
  const outcome = await verifyDataIntegrity(vp, ctx, resolveVerificationMethod, AUTHENTICATION);
  const [signature = skip('proof'), binding = skip('issuer-binding')] = outcome.checks;
  return { check: combine(signature, binding, holder), technical: { ...outcome.technical, ...technical }, signed: true };
}

/**
 * The holder proof of a VP-JWT. `holder` is the presentation's holder, which
 * `iss`, when present, must repeat (VC 1.1 §6.3.1; VC-JOSE-COSE statements 24–25).
 */
export async function holderProofOfJwt(token: DecodedJws, claims: Record<string, unknown>, holder: string | undefined, ctx: VerifyContext): Promise<HolderProof> {
  const technical: TechnicalDetails = {
    ...headerDetails(token),
    ...(typeof claims.nonce === 'string' ? { holderNonce: claims.nonce.slice(0, 200) } : {}),
    ...(typeof claims.aud === 'string' ? { holderAudience: claims.aud.slice(0, 200) } : {}),
    ...(isoFromNumericDate(claims.iat) ? { holderSignedAt: isoFromNumericDate(claims.iat) } : {}),
  };
  const signer = holder ?? (typeof claims.iss === 'string' ? claims.iss : undefined);
  if (signer === undefined) return { check: error('proof', 'KEY_UNRESOLVABLE', { reason: 'the presentation is signed but names no holder' }), technical, signed: true };
  if (claims.iss !== undefined && claims.iss !== signer) return { check: fail('proof', 'JWT_CLAIM_MISMATCH', { claim: 'iss' }), technical, signed: true };
  try {
    const kid = typeof token.header.kid === 'string' ? token.header.kid : undefined;
    const refused = kid !== undefined && /^(did:|https?:)/.test(kid) ? precheckKeyBinding(kid, signer) : undefined;
    if (refused) return { check: combine(skip('proof'), refused, signer), technical, signed: true };
    const choice = await chooseJwtKeys({ kid: token.header.kid, jwk: token.header.jwk }, signer, ctx);
    if (choice.candidates.length === 0) return { check: combine(skip('proof'), choice.unavailable ?? fail('proof', 'JWT_NO_KEY'), signer), technical, signed: true };
    const verified = await firstVerifying(token, choice.candidates.map((c) => ({ ...c, jwk: c.key.publicKeyJwk })));
    if (!verified) return { check: fail('proof', 'JWS_SIGNATURE_INVALID'), technical: { ...technical, ...keyDetails(choice.candidates[0]) }, signed: true };
    // a header key the holder does not list was refused (or left unbound) by key selection; any other key must be the holder's
    const binding = verified.key.source === 'jws-header' ? verified.binding : checkHolderBinding(verified.key, signer);
    return { check: combine(pass('proof'), binding, signer), technical: { ...technical, ...keyDetails(verified) }, signed: true };
  } catch (e) {
    return { check: fromThrown('proof', e), technical, signed: true };
  }
}
