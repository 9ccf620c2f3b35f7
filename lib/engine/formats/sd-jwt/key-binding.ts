/**
 * The key binding JWT of an SD-JWT presentation (RFC 9901 §4.3, §7.3): the
 * holder proves, with the key the issuer bound in `cnf`, that it presents
 * this very SD-JWT. Checked: `typ: kb+jwt`, an allowed algorithm, a signature
 * by the `cnf.jwk` key, `sd_hash` over the SD-JWT as presented, `iat` not in
 * the future. `aud` and `nonce` say whom and which request it was made for:
 * Credlens is never that verifier (a recruiter reads a credential someone
 * already presented), so they are shown, never required, and `iat` is shown
 * as when the holder presented it.
 */
import { fail, fromThrown, pass, skip } from '../../checks/result';
import type { VerifyContext } from '../../context';
import { VerifierError } from '../../errors';
import { toPublicJwk } from '../../keys/jwk';
import { decodeJws, isoFromNumericDate, signatureVerifies } from '../../proofs/vc-jwt/jws';
import { shownType, tokenKind } from '../../proofs/vc-jwt/token-types';
import type { Check, TechnicalDetails } from '../../report';
import { isObject } from '../../util/json';
import { digestOf } from './disclosures';

export interface KeyBindingOutcome {
  check: Check;
  technical: TechnicalDetails;
}

const invalid = (reason: string) => new VerifierError('SD_JWT_KB_INVALID', { reason });

/**
 * Checks the KB-JWT of a presentation, or says there is none. `cnf` is the
 * issuer-signed payload's confirmation claim; `presented` what `sd_hash` covers.
 */
export async function checkKeyBinding(
  kbJwt: string | undefined,
  cnf: unknown,
  presented: string,
  hash: 'SHA-256' | 'SHA-384' | 'SHA-512',
  ctx: VerifyContext,
): Promise<KeyBindingOutcome> {
  if (kbJwt === undefined) {
    const message = cnf === undefined
      ? 'No key binding: the issuer bound no holder key'
      : 'No key binding: this copy was not presented with the holder\'s key, so whoever holds it could have sent it';
    return { check: skip('key-binding', 'NOT_APPLICABLE', message), technical: {} };
  }
  try {
    return await verifyKeyBinding(kbJwt, cnf, presented, hash, ctx);
  } catch (e) {
    return { check: fromThrown('key-binding', e), technical: {} };
  }
}

async function verifyKeyBinding(kbJwt: string, cnf: unknown, presented: string, hash: 'SHA-256' | 'SHA-384' | 'SHA-512', ctx: VerifyContext): Promise<KeyBindingOutcome> {
  const token = decodeJws(kbJwt);
  // §4.3: "typ: REQUIRED. MUST be kb+jwt" — a credential or any other JWT is not a key binding
  if (tokenKind(token.header.typ) !== 'kb' || token.header.typ === undefined)
    throw invalid(`the key binding JWT is typed "${shownType(token.header.typ)}", not kb+jwt`);
  if (!isObject(cnf)) throw invalid('the issuer bound no holder key (no cnf claim)');
  if (cnf.jwk === undefined) throw new VerifierError('KEY_UNSUPPORTED', { reason: 'the holder key is named by cnf without a JWK' });
  const holderJwk = toPublicJwk(cnf.jwk);
  if (!(await signatureVerifies(token, holderJwk))) throw invalid('it is not signed by the key the issuer bound to the holder');
  const claims = token.payload;
  if (!isObject(claims)) throw invalid('its payload is not a JSON object');
  if (claims.sd_hash !== (await digestOf(presented, hash))) throw invalid('its sd_hash is not that of this SD-JWT: it was made for another presentation');
  const iat = isoFromNumericDate(claims.iat);
  if (iat === undefined) throw invalid('it has no iat');
  if (Date.parse(iat) > ctx.now() + ctx.skewSeconds * 1000) return { check: fail('key-binding', 'SD_JWT_KB_INVALID', { reason: `it says it was made in the future (${iat})` }), technical: {} };
  const technical: TechnicalDetails = {
    keyBindingIat: iat,
    ...(typeof claims.aud === 'string' ? { keyBindingAudience: claims.aud.slice(0, 300) } : {}),
    ...(typeof claims.nonce === 'string' ? { keyBindingNonce: claims.nonce.slice(0, 120) } : {}),
  };
  return { check: pass('key-binding', `Presented with the holder's key on ${iat}`, { iat }), technical };
}
