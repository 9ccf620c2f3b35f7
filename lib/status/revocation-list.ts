/**
 * OB 3.0 `1EdTechRevocationList` (VCRL-10): GET the entry's `id`, a JSON list
 * whose `revokedCredential[]` holds `{id, revoked?}`; the credential is
 * revoked when its id is listed and `revoked` is true or omitted (1EdTech
 * validator RevocationListProbe). The list is unsigned: it is trusted because
 * the issuer signed its URL into the credential, and it is fetched over https.
 */
import { cached } from '../cache';
import { fail, pass } from '../checks/result';
import type { VerifyContext } from '../context';
import { VerifierError, toVerifierError } from '../errors';
import { LIMITS } from '../limits';
import type { Check } from '../report';
import { fromUtf8 } from '../util/bytes';
import { asArray, isObject, parseJsonCapped } from '../util/json';

/** Ids the list marks as revoked. */
export function revokedIds(list: unknown): string[] {
  if (!isObject(list)) throw new VerifierError('STATUS_VERIFICATION_ERROR', { reason: 'the revocation list is not a JSON object' });
  return asArray(list.revokedCredential)
    .filter((r): r is Record<string, unknown> => isObject(r) && typeof r.id === 'string' && r.revoked !== false)
    .map((r) => r.id as string);
}

async function loadRevokedIds(url: string, ctx: VerifyContext): Promise<string[]> {
  let text: string;
  try {
    const doc = await ctx.fetch(url, 'status-list');
    if (doc.status !== 200) throw new VerifierError('FETCH_HTTP_STATUS', { url, status: doc.status });
    text = fromUtf8(doc.bytes);
  } catch (e) {
    throw new VerifierError('STATUS_RETRIEVAL_ERROR', { url, cause: toVerifierError(e).code }, { cause: e });
  }
  try {
    return revokedIds(parseJsonCapped(text));
  } catch (e) {
    throw new VerifierError('STATUS_VERIFICATION_ERROR', { url, reason: `the revocation list is unreadable (${toVerifierError(e).code})` });
  }
}

export async function checkRevocationList(entry: Record<string, unknown>, credential: Record<string, unknown>, ctx: VerifyContext): Promise<Check> {
  const url = entry.id;
  if (typeof url !== 'string') return fail('status', 'STRUCTURE_STATUS', { reason: 'a 1EdTechRevocationList entry needs the list URL as its id' });
  if (typeof credential.id !== 'string') return fail('status', 'STRUCTURE_STATUS', { reason: 'a credential on a revocation list needs an id' });
  const ids = await cached(ctx.cache, ctx.inflight as Map<string, Promise<string[]>>, `revocation-list:${url}`, LIMITS.statusCacheMs, () =>
    loadRevokedIds(url, ctx),
  );
  if (ids.includes(credential.id)) return fail('status', 'CRED_REVOKED', { url });
  return pass('status', "Not revoked (checked against the issuer's revocation list)", { url });
}
