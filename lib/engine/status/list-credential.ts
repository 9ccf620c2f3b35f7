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
import { cached } from '../cache';
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
}

export interface UntrustedList {
  ok: false;
  url: string;
  reason: string;
}

export type LoadedList = TrustedList | UntrustedList;

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
 * caching the outcome for LIMITS.statusCacheMs. Throws STATUS_RETRIEVAL_ERROR
 * when the list cannot be fetched (not cached, so a retry can succeed).
 */
export function loadStatusList(url: string, ctx: VerifyContext): Promise<LoadedList> {
  return cached(ctx.cache, ctx.inflight as Map<string, Promise<LoadedList>>, `status-list:${url}`, LIMITS.statusCacheMs, () =>
    fetchAndVerify(url, ctx),
  );
}

async function fetchAndVerify(url: string, ctx: VerifyContext): Promise<LoadedList> {
  let text: string;
  let fetchedUrl: string;
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
      return { ok: false, url, reason: `the list is ${verdict}${failed ? ` (${failed.code})` : ''}` };
    }
    return describeList(url, fetchedUrl, outcome.credential);
  } catch (e) {
    if (e instanceof VerifierError && e.code === 'STATUS_VERIFICATION_ERROR') throw e;
    return { ok: false, url, reason: `the list could not be read (${toVerifierError(e).code})` };
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
  };
}
