/**
 * Fetches and verifies a status list credential (BitstringStatusListCredential
 * or StatusList2021Credential). Its bits are trusted only after the list
 * itself passes full verification (Bitstring Status List §3.2 "Validate
 * Algorithm", step "verify the status list credential"), so a list swapped on
 * the server or in transit cannot un-revoke a credential.
 *
 * Issuer equality is not required: the spec does not require it, and the
 * credential's own (signed) `statusListCredential` URL already names the list
 * its issuer chose — real deployments (the DCC fixtures) sign lists with a
 * separate status-service key. The list issuer is reported in the detail.
 */
import { cached } from '../cache';
import type { VerifyContext } from '../context';
import { VerifierError, toVerifierError } from '../errors';
import { LIMITS } from '../limits';
import { verifyPayload } from '../pipeline';
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

/** Contexts used to verify a status list: a list never gets its own status checked (no loops). */
const nestedContexts = new WeakSet<VerifyContext>();

export const isNestedStatusContext = (ctx: VerifyContext): boolean => nestedContexts.has(ctx);

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
  try {
    const doc = await ctx.fetch(url, 'status-list');
    if (doc.status !== 200) throw new VerifierError('FETCH_HTTP_STATUS', { url, status: doc.status });
    text = fromUtf8(doc.bytes).replace(/^\uFEFF/, '').trim();
  } catch (e) {
    const err = toVerifierError(e);
    throw new VerifierError('STATUS_RETRIEVAL_ERROR', { url, cause: err.code }, { cause: e });
  }
  const nested: VerifyContext = { ...ctx };
  nestedContexts.add(nested);
  try {
    const outcome = await verifyPayload(text, nested);
    const verdict = deriveVerdict(outcome.checks, outcome.required);
    // "could not check" may be passing (a key server down): thrown, so it is not cached
    if (verdict === 'unverifiable') throw new VerifierError('STATUS_VERIFICATION_ERROR', { url, reason: 'the list could not be verified' });
    if (verdict !== 'verified') {
      const failed = outcome.checks.find((c) => c.status === 'fail' || c.status === 'error');
      return { ok: false, url, reason: `the list is ${verdict}${failed ? ` (${failed.code})` : ''}` };
    }
    return describeList(url, outcome.credential);
  } catch (e) {
    if (e instanceof VerifierError && e.code === 'STATUS_VERIFICATION_ERROR') throw e;
    return { ok: false, url, reason: `the list could not be read (${toVerifierError(e).code})` };
  }
}

function describeList(url: string, credential: unknown): LoadedList {
  if (!isObject(credential)) return { ok: false, url, reason: 'the list is not a credential' };
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
