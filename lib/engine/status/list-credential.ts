/**
 * Fetches and verifies a status list credential (BitstringStatusListCredential
 * or StatusList2021Credential). Its bits are trusted only after the list
 * itself passes full verification (Bitstring Status List §3.2 "Validate
 * Algorithm", step "verify the status list credential"), so a list swapped on
 * the server or in transit cannot un-revoke a credential.
 *
 * A verified list is evidence about a credential only when (SECURITY.md rows
 * 44–45; the first rule is checked here, the others by lib/engine/status/index.ts
 * `whyNotUsable`, since they depend on the entry):
 * - its `id` is the `statusListCredential` URL it was fetched from: a list
 *   speaks only for its own address;
 * - its issuer is the credential's issuer (same id; an issuer object counts by
 *   its id), as @digitalbazaar/vc-bitstring-status-list checks by default
 *   (`verifyMatchingIssuers: true`). Otherwise whoever serves the list URL
 *   could sign a list of their own (a did:key costs nothing) that says "not
 *   revoked". A list signed with a separate status-service key, like the one
 *   the DCC test fixtures' revoked credentials point at, is therefore "could
 *   not be checked";
 * - it is itself current (validity window), of the entry's list type and
 *   purpose, with one-bit entries. A list that has a status of its own is never
 *   used (no loops), and one that is not verified is not evidence.
 * Anything else is STATUS_VERIFICATION_ERROR with the reason: the credential's
 * status is unknown, never "not revoked" and never "revoked".
 */
import { cached, statusCacheKey } from '../cache';
import type { VerifyContext } from '../context';
import { VerifierError, toVerifierError } from '../errors';
import { LIMITS } from '../limits';
import { sameUrl } from '../keys/document';
import { withoutFragment } from '../keys/load';
import { fromUtf8 } from '../util/bytes';
import { asArray, idOf, isObject, str } from '../util/json';
import { deriveVerdict } from '../verdict';

/** What is kept (and cached) about a list once it verified; plain JSON so any cache can store it. */
export interface TrustedList {
  ok: true;
  url: string;
  types: string[];
  purposes: string[];
  encodedList: string;
  statusSize: number;
  issuer?: string;
  validFrom?: string;
  validUntil?: string;
  /** how long the list says it may be cached (Bitstring Status List §2.1 `ttl`, in ms) */
  ttlMs?: number;
  /** when the list was fetched (ms since the epoch): the time a report can say revocation was checked */
  fetchedAt?: number;
}

export interface UntrustedList {
  ok: false;
  url: string;
  reason: string;
  fetchedAt?: number;
}

export type LoadedList = TrustedList | UntrustedList;

/**
 * `checkedAt`: when the list the answer comes from was fetched (ISO 8601), so
 * the report can say "revocation checked at …" even when the list came from the cache.
 */
export function checkedAtOf(fetchedAt: number | undefined): { checkedAt?: string } {
  return typeof fetchedAt === 'number' && Number.isFinite(fetchedAt) ? { checkedAt: new Date(fetchedAt).toISOString() } : {};
}

/** A fetched list's `id` names the address it came from (http read as https, no fragment; SECURITY.md row 44). */
export const namesAddress = (id: string | undefined, fetchedUrl: string): boolean =>
  id !== undefined && sameUrl(withoutFragment(id), withoutFragment(fetchedUrl));

/**
 * A status list is verified one level down, and a list never gets its own status checked (no
 * loops). A credential carried inside another (an endorsement, a CLR's achievement) is verified
 * one level down too, but is a credential of its own: its status is checked.
 */
export const isNestedStatusContext = (ctx: VerifyContext): boolean => ctx.nestedAs === 'status-list';

/**
 * Loads the list at `url`, sharing one fetch between concurrent callers and
 * caching the outcome for `listLifetime`. Throws STATUS_RETRIEVAL_ERROR
 * when the list cannot be fetched (not cached, so a retry can succeed).
 */
export function loadStatusList(url: string, ctx: VerifyContext): Promise<LoadedList> {
  return cached(ctx.cache, ctx.inflight as Map<string, Promise<LoadedList>>, statusCacheKey('status-list', url), (list) => listLifetime(list, ctx.now()), () =>
    fetchAndVerify(url, ctx),
  );
}

/**
 * How long a loaded list may be kept: never past its own `validUntil` (VC
 * Data Model 2.0 §4.9: after it, the list says nothing) nor its `ttl`
 * (Bitstring Status List §2.1: how long a verifier may cache it, in ms), and
 * never longer than LIMITS.statusCacheMs, so a revocation is seen within minutes.
 * @example listLifetime({ ...list, ttlMs: 60_000 }, Date.now()) // 60000
 */
export function listLifetime(list: LoadedList, now: number): number {
  if (!list.ok) return LIMITS.statusCacheMs;
  const untilEnd = list.validUntil === undefined ? Infinity : Date.parse(list.validUntil) - now;
  return Math.min(LIMITS.statusCacheMs, list.ttlMs ?? Infinity, Number.isNaN(untilEnd) ? Infinity : untilEnd);
}

async function fetchAndVerify(url: string, ctx: VerifyContext): Promise<LoadedList> {
  let text: string;
  let fetchedUrl: string;
  const fetchedAt = ctx.now();
  try {
    const doc = await ctx.fetch(url, 'status-list');
    if (doc.status !== 200) throw new VerifierError('FETCH_HTTP_STATUS', { url, status: doc.status });
    text = fromUtf8(doc.bytes).replace(/^\uFEFF/, '').trim();
    fetchedUrl = doc.url;
  } catch (e) {
    const err = toVerifierError(e);
    throw new VerifierError('STATUS_RETRIEVAL_ERROR', { url, cause: err.code }, { cause: e });
  }
  const nested: VerifyContext = { ...ctx, nesting: (ctx.nesting ?? 0) + 1, nestedAs: 'status-list' };
  try {
    if (!ctx.verifyNested) throw new VerifierError('INTERNAL', { reason: 'no nested verifier in the context' });
    const outcome = await ctx.verifyNested(text, nested);
    const verdict = deriveVerdict(outcome.checks, outcome.required);
    // "could not check" may be passing (a key server down): thrown, so it is not cached
    if (verdict === 'unverifiable') throw new VerifierError('STATUS_VERIFICATION_ERROR', { url, reason: 'the list could not be verified' });
    if (verdict !== 'verified') {
      const failed = outcome.checks.find((c) => c.status === 'fail' || c.status === 'error');
      return { ok: false, url, reason: `the list is ${verdict}${failed ? ` (${failed.code})` : ''}`, fetchedAt };
    }
    return { ...describeList(url, fetchedUrl, outcome.credential), fetchedAt };
  } catch (e) {
    if (e instanceof VerifierError && e.code === 'STATUS_VERIFICATION_ERROR') throw e;
    return { ok: false, url, reason: `the list could not be read (${toVerifierError(e).code})`, fetchedAt };
  }
}

function describeList(url: string, fetchedUrl: string, credential: unknown): LoadedList {
  if (!isObject(credential)) return { ok: false, url, reason: 'the list is not a credential' };
  const id = str(credential.id);
  // SECURITY.md row 44: a list copied to another address is not the list the credential names.
  if (!namesAddress(id, fetchedUrl)) return { ok: false, url, reason: `the list names another address (${(id ?? 'no id').slice(0, 200)})` };
  const subject = asArray(credential.credentialSubject)[0];
  if (!isObject(subject) || typeof subject.encodedList !== 'string')
    return { ok: false, url, reason: 'the list has no encodedList' };
  const purposes = asArray(subject.statusPurpose).filter((p): p is string => typeof p === 'string');
  const statusSize = subject.statusSize === undefined ? 1 : Number(subject.statusSize);
  const ttl = Number(subject.ttl);
  return {
    ok: true,
    url,
    types: asArray(credential.type).filter((t): t is string => typeof t === 'string'),
    purposes,
    encodedList: subject.encodedList,
    statusSize,
    issuer: idOf(credential.issuer),
    validFrom: str(credential.validFrom) ?? str(credential.issuanceDate),
    validUntil: str(credential.validUntil) ?? str(credential.expirationDate),
    ...(Number.isSafeInteger(ttl) && ttl > 0 ? { ttlMs: ttl } : {}),
  };
}
