/**
 * Hosted OB 2.0 assertions (validator-core tasks/verification.py): the
 * issuer's server is the authority, so the assertion is fetched at its `id`
 * and that copy is the truth; HTTP 410 Gone or `revoked: true` means revoked
 * (OB 2.0 §Assertion "revoked"; validator-core#236). The copy must be hosted
 * where the issuer allows (`hosted_id_in_verification_scope`).
 */
import { fail, fromThrown, pass, skip } from '../../checks/result';
import type { VerifyContext } from '../../context';
import { VerifierError } from '../../errors';
import type { Check } from '../../report';
import { isObject } from '../../util/json';
import { hostOf, idsOf, jsonBody, loadBadgeAndIssuer, type Json, type Ob2Documents } from './documents';
import { checkOb2Structure } from './structure';

export const GONE_MESSAGE = 'The issuer no longer hosts this badge (HTTP 410 Gone): it was revoked';

export interface HostedResult {
  checks: Check[];
  documents?: Ob2Documents;
  /** set when the given copy differs from the hosted one (the hosted one is used) */
  mismatch: boolean;
}

/** Fields that carry the badge's meaning; a difference in any of them is a mismatch. */
const COMPARED = ['id', 'recipient', 'badge', 'issuedOn', 'expires', 'verification', 'evidence', 'narrative', 'revoked'];

const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x) => (isObject(x) ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, x[k]])) : x));

export function differsFromHosted(given: Json, hosted: Json): boolean {
  return COMPARED.some((k) => canonical(given[k] ?? null) !== canonical(hosted[k] ?? null));
}

/**
 * Origin policy: the assertion id must start with one of the issuer's
 * `verification.startsWith` (if set), and its host must be among
 * `verification.allowedOrigins` (default: the issuer id's host). `issuer` is
 * the profile fetched from its own id (lib/engine/formats/ob2/documents.ts), so the policy is
 * the issuer's, never one embedded by whoever hosts the assertion
 * (SECURITY.md row 44).
 */
export function checkHostedOrigin(assertionId: string, issuer: Json): Check | undefined {
  const policy = isObject(issuer.verification) ? issuer.verification : {};
  const startsWith = idsOf(policy.startsWith);
  if (startsWith.length > 0 && !startsWith.some((prefix) => assertionId.startsWith(prefix)))
    return fail('hosted', 'OB2_HOSTED_ORIGIN_NOT_ALLOWED', { url: assertionId });
  const issuerId = typeof issuer.id === 'string' && /^https?:/i.test(issuer.id) ? issuer.id : undefined;
  // OB 2.0 §VerificationObject: allowedOrigins are domain names; tolerate a full origin too
  const asHost = (o: string) => hostOf(o.includes('://') ? o : `https://${o}`) ?? o.toLowerCase();
  const allowed = policy.allowedOrigins !== undefined ? idsOf(policy.allowedOrigins).map(asHost) : issuerId ? [hostOf(issuerId)!] : [];
  if (allowed.length > 0 && !allowed.includes(hostOf(assertionId) ?? ''))
    return fail('hosted', 'OB2_HOSTED_ORIGIN_NOT_ALLOWED', { url: assertionId });
  return undefined;
}

/** Runs the hosted verification; returns `hosted` and `status` checks. */
export async function verifyHosted(given: Json, ctx: VerifyContext): Promise<HostedResult> {
  const id = given.id as string;
  let hosted: Json;
  try {
    if (!/^https?:\/\//i.test(id)) throw new VerifierError('OB2_INVALID', { reason: 'a hosted assertion needs an http(s) id' });
    const doc = await ctx.fetch(id, 'ob2-document');
    if (doc.status === 410) return revokedByGone(given, ctx);
    hosted = jsonBody(doc);
  } catch (e) {
    return { checks: [fromThrown('hosted', e), skip('status')], mismatch: false };
  }
  const structure = checkOb2Structure(hosted);
  if (structure.status !== 'pass') return { checks: [fail('hosted', 'OB2_HOSTED_MISMATCH', { reason: structure.message }), skip('status')], mismatch: true };
  if (hosted.id !== id) return { checks: [fail('hosted', 'OB2_HOSTED_MISMATCH', { reason: 'the hosted copy has another id' }), skip('status')], mismatch: true };
  const mismatch = differsFromHosted(given, hosted);
  let documents: Ob2Documents;
  try {
    documents = await loadBadgeAndIssuer(hosted, ctx);
  } catch (e) {
    return { checks: [fromThrown('hosted', e), skip('status')], mismatch };
  }
  const origin = checkHostedOrigin(id, documents.issuer);
  if (origin) return { checks: [origin, skip('status')], documents, mismatch };
  const hostedCheck = pass('hosted', mismatch ? "Checked against the issuer's copy (the copy given here differs; the issuer's copy is shown)" : "Matches the copy the issuer hosts", { url: id });
  return { checks: [hostedCheck, revocationOf(hosted, id)], documents, mismatch };
}

/** The `status` check of a hosted copy that was served (not 410): `revoked: true` means revoked. */
export function revocationOf(hosted: Json, url: string): Check {
  return hosted.revoked === true ? fail('status', 'CRED_REVOKED', { url }) : pass('status', 'Not revoked (the issuer still hosts this badge)');
}

/**
 * 410 Gone: the issuer withdrew the badge. There is no hosted copy to check
 * the given one against, so `hosted` is not passed (the given copy is shown,
 * but never used as the verified payload, e.g. for the recipient).
 */
async function revokedByGone(given: Json, ctx: VerifyContext): Promise<HostedResult> {
  const documents = await loadBadgeAndIssuer(given, ctx).catch(() => undefined);
  return { checks: [skip('hosted', 'NOT_APPLICABLE', GONE_MESSAGE), fail('status', 'CRED_REVOKED', { url: String(given.id) })], documents, mismatch: false };
}
