/**
 * OB 3.0 `1EdTechRevocationList` (VCRL-10): GET the entry's `id`, a JSON list
 * whose `revokedCredential[]` holds `{id, revoked?}`; the credential is
 * revoked when its id is listed and `revoked` is true or omitted (1EdTech
 * validator RevocationListProbe).
 *
 * The list is unsigned: it is evidence only because the credential's issuer
 * signed its URL into the credential (SECURITY.md row 45).
 * - An https issuer publishes on its own origin, so a list elsewhere is not
 *   read (as its JWKS: lib/engine/keys/jwks.ts).
 * - A DID issuer has no origin to compare with: the URL it signed is its
 *   choice of host (OB 3.0 §VCRL names only the entry's `id` as the list's
 *   address), so it is read wherever it is.
 * - The body must be a revocation list for that address: a `revokedCredential`
 *   array, and an `id`, when present, naming the URL it came from (row 44).
 *   An empty list may omit the array ([0..*]) but then must name its address.
 * Anything else is STATUS_VERIFICATION_ERROR ("could not be checked").
 */
import { cached, statusCacheKey } from '../cache';
import { error, fail, pass } from '../checks/result';
import type { VerifyContext } from '../context';
import { VerifierError, toVerifierError } from '../errors';
import { httpsOrigin } from '../keys/https';
import { LIMITS } from '../limits';
import type { Check } from '../report';
import { fromUtf8 } from '../util/bytes';
import { asArray, idOf, isObject, parseJsonCapped, str } from '../util/json';
import { checkedAtOf, namesAddress } from './list-credential';

/** Ids the list at `url` marks as revoked; throws STATUS_VERIFICATION_ERROR when the body is not that list. */
export function revokedIds(list: unknown, url: string): string[] {
  const notAList = (reason: string) => new VerifierError('STATUS_VERIFICATION_ERROR', { url: url.slice(0, 200), reason });
  if (!isObject(list)) throw notAList('the revocation list is not a JSON object');
  const id = str(list.id);
  if (list.id !== undefined && !namesAddress(id, url)) throw notAList('the revocation list names another address');
  if (list.revokedCredential === undefined ? id === undefined : !Array.isArray(list.revokedCredential))
    throw notAList('the document is not a revocation list');
  return asArray(list.revokedCredential)
    .filter((r): r is Record<string, unknown> => isObject(r) && typeof r.id === 'string' && r.revoked !== false)
    .map((r) => r.id as string);
}

/** The revoked ids of one list, and when the list was fetched (the time the report says revocation was checked). */
interface LoadedRevocationList {
  ids: string[];
  fetchedAt?: number;
}

async function loadRevokedIds(url: string, ctx: VerifyContext): Promise<LoadedRevocationList> {
  const fetchedAt = ctx.now();
  let text: string;
  let fetchedUrl: string;
  try {
    const doc = await ctx.fetch(url, 'status-list');
    if (doc.status !== 200) throw new VerifierError('FETCH_HTTP_STATUS', { url, status: doc.status });
    text = fromUtf8(doc.bytes);
    fetchedUrl = doc.url;
  } catch (e) {
    throw new VerifierError('STATUS_RETRIEVAL_ERROR', { url, cause: toVerifierError(e).code }, { cause: e });
  }
  let parsed: unknown;
  try {
    parsed = parseJsonCapped(text);
  } catch (e) {
    throw new VerifierError('STATUS_VERIFICATION_ERROR', { url, reason: `the revocation list is unreadable (${toVerifierError(e).code})` });
  }
  return { ids: revokedIds(parsed, fetchedUrl), fetchedAt };
}

export async function checkRevocationList(entry: Record<string, unknown>, credential: Record<string, unknown>, ctx: VerifyContext): Promise<Check> {
  const url = entry.id;
  if (typeof url !== 'string') return fail('status', 'STRUCTURE_STATUS', { reason: 'a 1EdTechRevocationList entry needs the list URL as its id' });
  if (typeof credential.id !== 'string') return fail('status', 'STRUCTURE_STATUS', { reason: 'a credential on a revocation list needs an id' });
  const issuerOrigin = httpsOrigin(idOf(credential.issuer) ?? '');
  if (issuerOrigin !== undefined && httpsOrigin(url) !== issuerOrigin)
    return error('status', 'STATUS_VERIFICATION_ERROR', { url, reason: `the revocation list is not on the issuer's own site (${issuerOrigin})` });
  const list = await cached(ctx.cache, ctx.inflight as Map<string, Promise<LoadedRevocationList>>, statusCacheKey('revocation-list', url), LIMITS.statusCacheMs, () =>
    loadRevokedIds(url, ctx),
  );
  const checkedAt = checkedAtOf(list.fetchedAt);
  if (list.ids.includes(credential.id)) return fail('status', 'CRED_REVOKED', { url, ...checkedAt });
  return pass('status', "Not revoked (checked against the issuer's revocation list)", { url, ...checkedAt });
}
