/**
 * Signed OB 2.0 assertions (validator-core tasks/crypto.py): a compact JWS
 * whose payload is the assertion, signed by the key at
 * `verification.creator` (a CryptographicKey with `publicKeyPem`). The key
 * must be listed in the issuer Profile's `publicKey` (verify_key_ownership),
 * and the issuer's `revocationList` is consulted. Both come from the Issuer
 * profile fetched from its own id, never from an embedded copy (SECURITY.md
 * row 44, lib/engine/formats/ob2/documents.ts).
 */
import { compactVerify, importSPKI } from 'jose';
import { error, fail, fromThrown, pass, skip } from '../../checks/result';
import type { VerifyContext } from '../../context';
import { VerifierError } from '../../errors';
import type { Check } from '../../report';
import { isObject } from '../../util/json';
import { fetchJson, fetchOwnDocument, idsOf, sameUrl, type Json, type Ob2Documents } from './documents';

/** OB 2.0 names RS256; ES256 and EdDSA are accepted as stronger equivalents. `none` and HMAC never. */
export const OB2_ALGORITHMS = ['RS256', 'ES256', 'EdDSA'] as const;

export function creatorOf(assertion: Json): string | undefined {
  const v = assertion.verification ?? assertion.verify;
  return isObject(v) && typeof v.creator === 'string' ? v.creator : undefined;
}

/** The `proof` refusals that need no network: an algorithm outside OB2_ALGORITHMS, or no creator key. */
export function precheckOb2Signature(alg: string, creator: string | undefined): Check | undefined {
  if (!(OB2_ALGORITHMS as readonly string[]).includes(alg)) return fail('proof', 'JWS_ALG_NOT_ALLOWED', { alg: alg.slice(0, 20) });
  if (!creator) return fail('proof', 'JWT_NO_KEY');
  return undefined;
}

/** Fetches the creator key and checks the signature; returns the `proof` check. */
export async function checkOb2Signature(jws: string, alg: string, creator: string | undefined, ctx: VerifyContext): Promise<Check> {
  const refused = precheckOb2Signature(alg, creator);
  if (refused || !creator) return refused ?? fail('proof', 'JWT_NO_KEY');
  let key: CryptoKey;
  try {
    const keyDoc = await fetchJson(creator, 'key-document', ctx);
    // The key document must describe the key that was asked for, not some other one.
    if (!sameUrl(String(keyDoc.id ?? ''), creator)) throw new VerifierError('KEY_DID_DOCUMENT_MISMATCH', { expected: creator.slice(0, 200) });
    if (typeof keyDoc.publicKeyPem !== 'string') throw new VerifierError('KEY_MALFORMED', { reason: 'the key document has no publicKeyPem' });
    key = await importSPKI(keyDoc.publicKeyPem, alg).catch((e) => {
      throw new VerifierError('KEY_MALFORMED', { reason: 'publicKeyPem does not hold a usable public key' }, { cause: e });
    });
  } catch (e) {
    return fromThrown('proof', e);
  }
  try {
    await compactVerify(jws, key, { algorithms: [alg] });
  } catch {
    return fail('proof', 'JWS_SIGNATURE_INVALID');
  }
  return pass('proof', `Signature valid (${alg})`, { keyId: creator });
}

/** The signing key must be one the issuer lists in its `publicKey`. */
export function checkKeyOwnership(creator: string, issuer: Json): Check {
  const listed = idsOf(issuer.publicKey);
  if (listed.some((k) => sameUrl(k, creator))) return pass('issuer-binding', 'The signing key is listed by the issuer', { keyId: creator });
  return fail('issuer-binding', 'KEY_NOT_BOUND_TO_ISSUER', { keyId: creator });
}

/**
 * Issuer `revocationList` with `revokedAssertions[]` of ids or `{id, revocationReason}`.
 * A list that cannot be fetched is STATUS_RETRIEVAL_ERROR; one that is not JSON
 * or names another address as its `id` is not the issuer's list
 * (STATUS_VERIFICATION_ERROR, SECURITY.md row 44). Either way: could not be checked.
 */
export async function checkOb2RevocationList(docs: Ob2Documents, ctx: VerifyContext): Promise<Check> {
  const url = docs.issuer.revocationList;
  if (typeof url !== 'string') return skip('status', 'NOT_APPLICABLE', 'The issuer publishes no revocation list');
  let list: Json;
  try {
    list = await fetchOwnDocument(url, 'status-list', ctx);
  } catch (e) {
    const code = e instanceof VerifierError ? e.code : 'INTERNAL';
    if (code === 'OB2_DOCUMENT_MISMATCH') return error('status', 'STATUS_VERIFICATION_ERROR', { url, reason: 'the revocation list names another address' });
    if (code === 'FETCH_BAD_CONTENT') return error('status', 'STATUS_VERIFICATION_ERROR', { url, reason: 'the revocation list is not JSON' });
    return error('status', 'STATUS_RETRIEVAL_ERROR', { url });
  }
  const revoked = idsOf(list.revokedAssertions);
  if (revoked.includes(String(docs.assertion.id))) return fail('status', 'CRED_REVOKED', { url });
  return pass('status', "Not revoked (checked against the issuer's revocation list)", { url });
}
