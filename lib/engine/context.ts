/**
 * Everything the engine needs from the outside world comes in through this
 * object: time, network and cache. Tests build one with a fake clock and an
 * injected transport, so no global is ever mocked.
 */
import { createMemoryCache, type TtlCache } from './cache';
import { LIMITS, type FetchPurpose } from './limits';
import type { HostLimiter } from './net/host-limit';
import { createFetcher, type FetchedDocument, type Fetcher, type Transport } from './net/safe-fetch';
import { VerifierError } from './errors';
import type { FormatOutcome } from './formats/types';
import { createWorkBudget, type WorkBudget } from './util/work-budget';

export interface RecipientHint {
  email?: string;
  url?: string;
  telephone?: string;
  did?: string;
}

export interface VerifyContext {
  /** milliseconds since the epoch */
  now(): number;
  /** the only way lib/ reaches the network */
  fetch: Fetcher;
  cache: TtlCache;
  /** in-flight loads shared between concurrent verifications (one fetch per URL) */
  inflight: Map<string, Promise<unknown>>;
  skewSeconds: number;
  /** known identifier of the candidate, for the recipient check */
  recipient?: RecipientHint;
  /**
   * Time left for the CPU-heavy JSON-LD work (expansion and canonicalisation)
   * of the verification in progress, shared by every proof and status list it
   * checks (SECURITY.md row 49). verify() gives each input a fresh one.
   */
  work?: WorkBudget;
  /** length of that budget in ms (LIMITS.canonicalizeMs unless a test shortens it) */
  workMs?: number;
  /**
   * Verifies a credential met while verifying another (a status list), set by
   * the pipeline: handed in, as @digitalbazaar/vc hands in `checkStatus`, so
   * the status checks need not import the pipeline that imports them.
   */
  verifyNested?: (payload: string, ctx: VerifyContext) => Promise<FormatOutcome>;
  /** how deep in such nested verifications this one is (0 or absent: the input itself) */
  nesting?: number;
  /**
   * What a nested verification is for: a status list (whose own status is
   * never checked: no loops), or a credential carried inside another (its
   * `ReportPart` role), which is checked in full, status included, but whose
   * own carried credentials are listed, not verified (SECURITY.md row 61).
   */
  nestedAs?: 'status-list' | 'presented' | 'achievement' | 'endorsement';
  /**
   * The machine-readable address a credential platform publishes for one of
   * its human pages (a Credly badge page → its assertion), from the platform
   * table the caller owns (lib/detect/platforms.ts); used when a followed link
   * ends on such a page (lib/engine/follow.ts).
   */
  platformDataUrl?: (pageUrl: string) => string | undefined;
}

export interface ContextOptions {
  now?: () => number;
  platformDataUrl?: (pageUrl: string) => string | undefined;
  transport?: Transport;
  allowHosts?: Iterable<string>;
  cache?: TtlCache;
  recipient?: RecipientHint;
  timeoutMs?: number;
  /** JSON-LD time budget per verification, in ms */
  workMs?: number;
  /** in-flight loads shared with other contexts: the extension shares them between the verifications of its pages (cache.ts `cached`) */
  inflight?: Map<string, Promise<unknown>>;
  /** requests in flight per host, shared with other contexts (net/host-limit.ts) */
  hostLimiter?: HostLimiter;
}

export function createContext(options: ContextOptions = {}): VerifyContext {
  const now = options.now ?? Date.now;
  return {
    now,
    fetch: createFetcher({ allowHosts: new Set(options.allowHosts ?? []), transport: options.transport, timeoutMs: options.timeoutMs, hostLimiter: options.hostLimiter }),
    cache: options.cache ?? createMemoryCache(now),
    inflight: options.inflight ?? new Map(),
    skewSeconds: LIMITS.skewSeconds,
    recipient: options.recipient,
    ...(options.platformDataUrl ? { platformDataUrl: options.platformDataUrl } : {}),
    ...(options.workMs !== undefined ? { workMs: options.workMs } : {}),
  };
}

/**
 * Wraps a context so one verification can start at most `max` fetches
 * (SECURITY.md budgets: a hostile credential cannot fan out requests).
 */
export function withFetchBudget(ctx: VerifyContext, max: number = LIMITS.fetchesPerVerification): VerifyContext {
  let used = 0;
  // One verification reads an address once: asked again (an OB 2.0 hosted assertion, fetched as
  // the input and then at its id to compare with the issuer's copy), it gets the document it
  // already has, within the second purpose's byte cap. A document reached through redirects is
  // not reused, so a purpose that refuses redirects never gets one.
  const read = new Map<string, Promise<FetchedDocument>>();
  const request = (url: string, purpose: FetchPurpose): Promise<FetchedDocument> => {
    if (++used > max) return Promise.reject(new VerifierError('FETCH_BUDGET_EXCEEDED', { max }));
    const document = ctx.fetch(url, purpose);
    read.set(url, document);
    return document;
  };
  const fetch = (url: string, purpose: FetchPurpose): Promise<FetchedDocument> => {
    const earlier = read.get(url);
    if (!earlier) return request(url, purpose);
    // a failed or redirected read is not the document at this address for every purpose: read it again
    return earlier.then(
      (doc) => (doc.redirects?.length || doc.url !== url ? request(url, purpose) : withinCap(doc, purpose)),
      () => request(url, purpose),
    );
  };
  return { ...ctx, fetch };
}

function withinCap(doc: FetchedDocument, purpose: FetchPurpose): FetchedDocument {
  if (doc.bytes.length > LIMITS.bytes[purpose]) throw new VerifierError('FETCH_TOO_LARGE', { url: doc.url, cap: LIMITS.bytes[purpose] });
  return doc;
}

/** The context for one verification: a fresh JSON-LD work budget (SECURITY.md row 49). */
export function withWorkBudget(ctx: VerifyContext): VerifyContext {
  return { ...ctx, work: createWorkBudget(ctx.workMs ?? LIMITS.canonicalizeMs) };
}
