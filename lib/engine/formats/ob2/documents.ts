/**
 * Open Badges 2.0 linked documents: fetching them (assertion, BadgeClass,
 * Issuer, key, revocation list) and the small shape helpers the OB 2.0
 * checks share. Everything is fetched through ctx.fetch, so the host policy,
 * byte caps and the per-verification fetch budget apply.
 *
 * A document speaks only for the address it came from (SECURITY.md row 44):
 * a fetched BadgeClass, Issuer or revocation list must name that address as
 * its `id`, and the Issuer that authorises keys (`publicKey`), hosts
 * (`verification`), the revocation list and the name shown is always the
 * copy fetched from its own `id`, never one embedded in the assertion.
 */
import type { VerifyContext } from '../../context';
import { VerifierError } from '../../errors';
import type { FetchPurpose } from '../../limits';
import type { FetchedDocument } from '../../net/safe-fetch';
import { fromUtf8 } from '../../util/bytes';
import { asArray, idOf, isObject, parseJsonCapped, str } from '../../util/json';

export type Json = Record<string, unknown>;

/** The three documents an OB 2.0 badge is made of, once fetched. */
export interface Ob2Documents {
  assertion: Json;
  badgeClass: Json;
  issuer: Json;
}

/** The OB 2.0 context URLs validator-core accepts (openbadges/verifier/utils.py OPENBADGES_CONTEXT_V2_URI and its alias). */
export const OB2_CONTEXTS = ['https://w3id.org/openbadges/v2', 'https://openbadgespec.org/v2/context.json'];

export const hasType = (doc: Json, type: string): boolean =>
  asArray(doc.type).some((t) => t === type || t === `https://w3id.org/openbadges#${type}`);

/** Parses a fetched body as a JSON object. */
export function jsonBody(doc: FetchedDocument): Json {
  let value: unknown;
  try {
    value = parseJsonCapped(fromUtf8(doc.bytes).replace(/^\uFEFF/, ''));
  } catch (e) {
    if (e instanceof VerifierError && e.code !== 'INPUT_UNPARSEABLE') throw e;
    throw new VerifierError('FETCH_BAD_CONTENT', { url: doc.url, reason: 'not JSON' });
  }
  if (!isObject(value)) throw new VerifierError('FETCH_BAD_CONTENT', { url: doc.url, reason: 'not a JSON object' });
  return value;
}

/** Fetches a JSON document; a 410 is refused here (callers that read 410 use ctx.fetch directly). */
export async function fetchJson(url: string, purpose: FetchPurpose, ctx: VerifyContext): Promise<Json> {
  const doc = await ctx.fetch(url, purpose);
  if (doc.status !== 200) throw new VerifierError('FETCH_HTTP_STATUS', { url: doc.url, status: doc.status });
  return jsonBody(doc);
}

/**
 * Fetches the JSON document at `url` and requires its `id` to name the address
 * it was fetched from (the fetcher's final URL), else OB2_DOCUMENT_MISMATCH:
 * a copy of the university's profile served from another host is not the
 * university's (SECURITY.md row 44).
 */
export async function fetchOwnDocument(url: string, purpose: FetchPurpose, ctx: VerifyContext): Promise<Json> {
  const doc = await ctx.fetch(url, purpose);
  if (doc.status !== 200) throw new VerifierError('FETCH_HTTP_STATUS', { url: doc.url, status: doc.status });
  const body = jsonBody(doc);
  if (!sameUrl(str(body.id), doc.url))
    throw new VerifierError('OB2_DOCUMENT_MISMATCH', { url: doc.url.slice(0, 200), found: (str(body.id) ?? 'no id').slice(0, 200) });
  return body;
}

/**
 * The BadgeClass of an assertion: embedded in the assertion (whose copy was
 * fetched from its own id or is signed, so the BadgeClass came with it) or
 * fetched from its URL.
 */
async function loadBadgeClass(value: unknown, ctx: VerifyContext): Promise<Json> {
  if (isObject(value)) return value;
  if (typeof value === 'string') return fetchOwnDocument(value, 'ob2-document', ctx);
  throw new VerifierError('OB2_INVALID', { reason: 'the badge is missing' });
}

/**
 * The Issuer profile, always fetched from its own http(s) id: an embedded
 * Issuer is only the assertion's claim about its issuer, and a claim cannot
 * authorise the key that signed it or the host that serves it. An issuer with
 * no web address has no profile to fetch, so neither can be checked
 * (OB2_ISSUER_NO_ADDRESS, "could not be checked"; validator-core only warns
 * for a non-HTTP issuer, but its embedded policy would then be the forger's).
 */
async function loadIssuer(value: unknown, ctx: VerifyContext): Promise<Json> {
  const id = typeof value === 'string' ? value : idOf(value);
  if (value === undefined || value === null) throw new VerifierError('OB2_INVALID', { reason: 'the issuer is missing' });
  if (id === undefined || !/^https?:\/\//i.test(id)) throw new VerifierError('OB2_ISSUER_NO_ADDRESS', { issuer: (id ?? 'no id').slice(0, 200) });
  return fetchOwnDocument(id, 'ob2-document', ctx);
}

/** The BadgeClass and its (fetched) Issuer for an assertion. */
export async function loadBadgeAndIssuer(assertion: Json, ctx: VerifyContext): Promise<Ob2Documents> {
  const badgeClass = await loadBadgeClass(assertion.badge, ctx);
  if (!hasType(badgeClass, 'BadgeClass')) throw new VerifierError('OB2_INVALID', { reason: 'the badge is not a BadgeClass' });
  const issuer = await loadIssuer(badgeClass.issuer, ctx);
  if (!hasType(issuer, 'Issuer') && !hasType(issuer, 'Profile')) throw new VerifierError('OB2_INVALID', { reason: 'the issuer is not an Issuer profile' });
  return { assertion, badgeClass, issuer };
}

/**
 * Compares URLs as the fetcher would use them: plain http is upgraded to
 * https before any request (safe-fetch), so `http://x/k` and `https://x/k`
 * name the same document.
 */
export function sameUrl(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  return normalUrl(a) === normalUrl(b);
}

/** https, no fragment, and the WHATWG serialisation the fetcher reports (host case, default port). */
function normalUrl(s: string): string {
  const upgraded = s.replace(/^http:\/\//i, 'https://').replace(/#.*$/, '');
  try {
    return new URL(upgraded).href;
  } catch {
    return upgraded;
  }
}

/** `id`s of a value that may be a string, an object, or an array of either. */
export const idsOf = (v: unknown): string[] => asArray(v).map(idOf).filter((x): x is string => typeof x === 'string');

export function hostOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).host.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}
