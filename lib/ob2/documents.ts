/**
 * Open Badges 2.0 linked documents: fetching them (assertion, BadgeClass,
 * Issuer, key, revocation list) and the small shape helpers the OB 2.0
 * checks share. Everything is fetched through ctx.fetch, so the host policy,
 * byte caps and the per-verification fetch budget apply.
 */
import type { VerifyContext } from '../context';
import { VerifierError } from '../errors';
import type { FetchPurpose } from '../limits';
import type { FetchedDocument } from '../net/safe-fetch';
import { fromUtf8 } from '../util/bytes';
import { asArray, idOf, isObject, parseJsonCapped } from '../util/json';

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

/** A linked value that may be embedded (object) or a URL to fetch. */
export async function resolveLinked(value: unknown, what: string, ctx: VerifyContext): Promise<Json> {
  if (isObject(value)) return value;
  if (typeof value === 'string') return fetchJson(value, 'ob2-document', ctx);
  throw new VerifierError('OB2_INVALID', { reason: `the ${what} is missing` });
}

/** The BadgeClass and its Issuer for an assertion. */
export async function loadBadgeAndIssuer(assertion: Json, ctx: VerifyContext): Promise<Ob2Documents> {
  const badgeClass = await resolveLinked(assertion.badge, 'badge', ctx);
  if (!hasType(badgeClass, 'BadgeClass')) throw new VerifierError('OB2_INVALID', { reason: 'the badge is not a BadgeClass' });
  const issuer = await resolveLinked(badgeClass.issuer, 'issuer', ctx);
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
  const norm = (s: string) => s.replace(/^http:\/\//i, 'https://').replace(/#.*$/, '');
  return norm(a) === norm(b);
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
