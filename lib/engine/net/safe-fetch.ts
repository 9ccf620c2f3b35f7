/**
 * The only module that calls fetch(). Everything the verifier reads from the
 * network goes through here: https only (http is upgraded), no cookies, no
 * referrer, redirects refused (a credential link follows at most
 * LIMITS.redirectHops, each hop checked like the first), a deadline and a
 * byte cap per purpose, and non-public hosts refused unless the user allowed
 * them (host-policy.ts).
 * The pattern follows jose src/jwks/remote.ts (redirect: 'manual', 200 only,
 * explicit accept header).
 *
 * Two fetches for extension pages have their own narrower rules here too
 * (SECURITY.md network policy): the PDF the user has open in a tab
 * (fetchTabPdf, the one fetch that sends cookies) and the extension's own
 * packaged files (fetchOwnResource).
 */
import { VerifierError } from '../errors';
import { LIMITS, PAGE_FETCH, type FetchPurpose, type PageFetchPurpose } from '../limits';
import type { HostLimiter } from './host-limit';
import { vetUrl, type HostPolicy } from './host-policy';
import { readAllCapped } from '../util/stream';

export type Transport = (url: string, init: RequestInit) => Promise<Response>;

export interface NetOptions extends HostPolicy {
  /** defaults to the global fetch; tests inject their own */
  transport?: Transport;
  timeoutMs?: number;
  /**
   * Requests in flight per host, shared with other fetchers (host-limit.ts). A request
   * waiting for its turn is inside its deadline: a host that hangs makes the requests
   * queued behind it time out at the same deadline, not later.
   */
  hostLimiter?: HostLimiter;
}

export interface FetchedDocument {
  /** the URL actually fetched (after the http→https upgrade and any redirects followed) */
  url: string;
  /** the addresses a followed redirect passed through before `url`, in order */
  redirects?: string[];
  status: number;
  contentType: string;
  bytes: Uint8Array;
}

export type Fetcher = (url: string, purpose: FetchPurpose) => Promise<FetchedDocument>;

/**
 * The `accept` header per purpose. Each stays a CORS-safelisted header (Fetch
 * §2.2.2: at most 128 bytes), so a cross-origin GET needs no preflight, which
 * issuers' servers rarely answer.
 */
export const ACCEPT: Record<FetchPurpose, string> = {
  'did-document': 'application/did+ld+json, application/did+json, application/json',
  'key-document': 'application/ld+json, application/json',
  jwks: 'application/jwk-set+json, application/json',
  'jwt-vc-issuer': 'application/json',
  'status-list': 'application/vc+ld+json, application/ld+json, application/vc+jwt, application/statuslist+jwt, application/json',
  'ob2-document': 'application/ld+json, application/json',
  credential: 'application/vc+ld+json, application/ld+json, application/vc+jwt, application/json, image/png, image/svg+xml',
  // a credential first, the web page in front of one last (lib/engine/follow.ts reads that page)
  'credential-link': 'application/vc+ld+json, application/vc+jwt, application/ld+json, application/json;q=0.9, text/html;q=0.5, */*;q=0.1',
  image: 'image/png, image/svg+xml',
};

/** Purposes whose address may redirect: a link a profile gives is often wrapped or shortened. */
const FOLLOWS_REDIRECTS: ReadonlySet<FetchPurpose> = new Set(['credential-link']);

const isRedirect = (res: Response) => res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400);

/** Statuses a caller may want to read instead of an error (OB 2.0: 410 Gone = revoked). */
const READABLE_STATUSES = new Set([200, 410]);

/** The browser's (or Node's) fetch: the one call of it in the code base. */
const globalTransport: Transport = (url, init) => fetch(url, init);

export function createFetcher(options: NetOptions): Fetcher {
  const transport: Transport = options.transport ?? globalTransport;
  const timeoutMs = options.timeoutMs ?? LIMITS.fetchMs;
  return async (rawUrl, purpose) => {
    let url = vetUrl(rawUrl, options);
    const controller = new AbortController();
    // one deadline for the whole fetch, redirects included
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const get = async (target: URL, redirect: RequestRedirect): Promise<Response> => {
      const request = () =>
        transport(target.href, {
          method: 'GET',
          redirect,
          credentials: 'omit',
          cache: 'no-store',
          referrerPolicy: 'no-referrer',
          headers: { accept: ACCEPT[purpose] },
          signal: controller.signal,
        });
      try {
        return await (options.hostLimiter ? options.hostLimiter.run(target.host, request, controller.signal) : request());
      } catch (e) {
        if (controller.signal.aborted) throw new VerifierError('FETCH_TIMEOUT', { url: target.href, ms: timeoutMs });
        throw new VerifierError('FETCH_NETWORK', { url: target.href }, { cause: e });
      }
    };
    try {
      const redirects: string[] = [];
      let res = await get(url, 'manual');
      while (isRedirect(res)) {
        await res.body?.cancel().catch(() => {});
        if (!FOLLOWS_REDIRECTS.has(purpose)) throw new VerifierError('FETCH_REDIRECT_BLOCKED', { url: url.href, status: res.status });
        if (redirects.length >= LIMITS.redirectHops) throw new VerifierError('FETCH_REDIRECT_BLOCKED', { url: url.href, reason: `more than ${LIMITS.redirectHops} redirects` });
        redirects.push(url.href);
        const location = res.type === 'opaqueredirect' ? undefined : res.headers.get('location');
        if (location) {
          // SECURITY.md row 55: every hop is checked like the first, before it is requested
          url = vetHop(location, url, options);
          res = await get(url, 'manual');
          continue;
        }
        // A browser hides a redirect's target from the extension (an opaque redirect). It is
        // followed by the browser, inside the same deadline; where it ended is checked before
        // anything is read, and the extension's network rules (SECURITY.md, network policy) keep
        // the hops in between off private addresses.
        res = await get(url, 'follow');
        url = vetHop(res.url || url.href, url, options);
        if (isRedirect(res)) throw new VerifierError('FETCH_REDIRECT_BLOCKED', { url: url.href, reason: 'too many redirects' });
      }
      if (!READABLE_STATUSES.has(res.status)) {
        await res.body?.cancel().catch(() => {});
        throw new VerifierError('FETCH_HTTP_STATUS', { url: url.href, status: res.status });
      }
      const bytes = await readCapped(res, LIMITS.bytes[purpose], url.href, controller);
      return { url: url.href, status: res.status, contentType: res.headers.get('content-type') ?? '', bytes, ...(redirects.length ? { redirects } : {}) };
    } finally {
      clearTimeout(timer);
    }
  };
}

/** A redirect target, resolved against the address that sent it and held to the same host policy; refused as FETCH_REDIRECT_BLOCKED. */
function vetHop(location: string, from: URL, policy: HostPolicy): URL {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw new VerifierError('FETCH_REDIRECT_BLOCKED', { url: from.href, reason: 'a redirect to an address that is not a URL' });
  }
  try {
    return vetUrl(next.href, policy);
  } catch (e) {
    const code = e instanceof VerifierError ? e.code : 'FETCH_URL_REJECTED';
    throw new VerifierError('FETCH_REDIRECT_BLOCKED', { url: from.href, to: next.href.slice(0, 200), reason: code });
  }
}

export interface PageFetchOptions {
  /** defaults to the global fetch; tests inject their own */
  transport?: Transport;
}

const TAB_DOCUMENT_SCHEMES: ReadonlySet<string> = new Set(['https:', 'http:', 'file:']);
const EXTENSION_SCHEMES: ReadonlySet<string> = new Set(['chrome-extension:', 'moz-extension:']);

function parseUrl(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

/**
 * Reads the PDF the user has open in a tab, for the verify page's "scan this
 * PDF". The only fetch that sends cookies: `tabUrl` is the address the tab
 * shows (the popup reads it through activeTab and opens the verify page,
 * which no web page can open), so the browser has just sent those cookies to
 * load it, and a CV behind a login stays readable. Redirects are refused, so
 * the cookies go to that one address and nowhere it points to. The host
 * policy does not apply: the user is already looking at this document, on
 * whatever host, including an intranet one.
 */
export async function fetchTabPdf(tabUrl: string, options: PageFetchOptions = {}): Promise<Uint8Array> {
  const url = parseUrl(tabUrl);
  if (!url || !TAB_DOCUMENT_SCHEMES.has(url.protocol) || url.username || url.password)
    throw new VerifierError('FETCH_URL_REJECTED', { url: tabUrl.slice(0, 200), reason: 'not the address of a web or file document' });
  return fetchForPage(url.href, 'tab-pdf', 'include', options);
}

/**
 * Reads a file packaged with this extension (a `_locales/<lang>/messages.json`),
 * by its `runtime.getURL` address. `ownRoot` is `runtime.getURL('/')`: it must
 * be an extension origin, and `url` must lie under it, or nothing is fetched.
 */
export async function fetchOwnResource(url: string, ownRoot: string, options: PageFetchOptions = {}): Promise<Uint8Array> {
  const root = parseUrl(ownRoot);
  if (!root || !EXTENSION_SCHEMES.has(root.protocol) || !root.host || root.pathname !== '/' || root.search || root.hash || root.username || root.password)
    throw new VerifierError('FETCH_URL_REJECTED', { url: ownRoot.slice(0, 200), reason: 'not the root of an extension' });
  const target = parseUrl(url);
  if (!target || target.protocol !== root.protocol || target.host !== root.host || target.username || target.password)
    throw new VerifierError('FETCH_URL_REJECTED', { url: url.slice(0, 200), reason: 'not a file of this extension' });
  return fetchForPage(target.href, 'extension-resource', 'omit', options);
}

/** One GET for an extension page: redirects refused, a deadline and a byte cap per purpose, a 2xx status. */
async function fetchForPage(url: string, purpose: PageFetchPurpose, credentials: RequestCredentials, options: PageFetchOptions): Promise<Uint8Array> {
  const { bytes: cap, ms } = PAGE_FETCH[purpose];
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    let res: Response;
    try {
      res = await (options.transport ?? globalTransport)(url, { method: 'GET', redirect: 'manual', credentials, referrerPolicy: 'no-referrer', signal: controller.signal });
    } catch (e) {
      if (controller.signal.aborted) throw new VerifierError('FETCH_TIMEOUT', { url, ms });
      throw new VerifierError('FETCH_NETWORK', { url }, { cause: e });
    }
    if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400)) {
      await res.body?.cancel().catch(() => {});
      throw new VerifierError('FETCH_REDIRECT_BLOCKED', { url, status: res.status });
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      throw new VerifierError('FETCH_HTTP_STATUS', { url, status: res.status });
    }
    return await readCapped(res, cap, url, controller);
  } finally {
    clearTimeout(timer);
  }
}

/** Streams the body, counting bytes; Content-Length is advisory only. */
async function readCapped(res: Response, cap: number, url: string, controller: AbortController): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > cap) {
    controller.abort();
    throw new VerifierError('FETCH_TOO_LARGE', { url, cap });
  }
  if (!res.body) return new Uint8Array(0);
  try {
    return await readAllCapped(res.body.getReader(), cap, () => {
      controller.abort();
      return new VerifierError('FETCH_TOO_LARGE', { url, cap });
    });
  } catch (e) {
    if (e instanceof VerifierError) throw e;
    if (controller.signal.aborted) throw new VerifierError('FETCH_TIMEOUT', { url });
    throw new VerifierError('FETCH_NETWORK', { url }, { cause: e });
  }
}
