/**
 * The only module that calls fetch(). Everything the verifier reads from the
 * network goes through here: https only (http is upgraded), no cookies, no
 * referrer, redirects refused, a deadline and a byte cap per purpose, and
 * non-public hosts refused unless the user allowed them (host-policy.ts).
 * The pattern follows jose src/jwks/remote.ts (redirect: 'manual', 200 only,
 * explicit accept header).
 */
import { VerifierError } from '../errors';
import { LIMITS, type FetchPurpose } from '../limits';
import { vetUrl, type HostPolicy } from './host-policy';
import { readAllCapped } from '../util/stream';

export type Transport = (url: string, init: RequestInit) => Promise<Response>;

export interface NetOptions extends HostPolicy {
  /** defaults to the global fetch; tests inject their own */
  transport?: Transport;
  timeoutMs?: number;
}

export interface FetchedDocument {
  /** the URL actually fetched (after the http→https upgrade) */
  url: string;
  status: number;
  contentType: string;
  bytes: Uint8Array;
}

export type Fetcher = (url: string, purpose: FetchPurpose) => Promise<FetchedDocument>;

const ACCEPT: Record<FetchPurpose, string> = {
  'did-document': 'application/did+ld+json, application/did+json, application/json',
  'key-document': 'application/ld+json, application/json',
  jwks: 'application/jwk-set+json, application/json',
  'status-list': 'application/vc+ld+json, application/ld+json, application/vc+jwt, application/json',
  'ob2-document': 'application/ld+json, application/json',
  credential: 'application/vc+ld+json, application/ld+json, application/vc+jwt, application/json, image/png, image/svg+xml',
  image: 'image/png, image/svg+xml',
};

/** Statuses a caller may want to read instead of an error (OB 2.0: 410 Gone = revoked). */
const READABLE_STATUSES = new Set([200, 410]);

export function createFetcher(options: NetOptions): Fetcher {
  const transport: Transport = options.transport ?? ((url, init) => fetch(url, init));
  const timeoutMs = options.timeoutMs ?? LIMITS.fetchMs;
  return async (rawUrl, purpose) => {
    const url = vetUrl(rawUrl, options);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      let res: Response;
      try {
        res = await transport(url.href, {
          method: 'GET',
          redirect: 'manual',
          credentials: 'omit',
          cache: 'no-store',
          referrerPolicy: 'no-referrer',
          headers: { accept: ACCEPT[purpose] },
          signal: controller.signal,
        });
      } catch (e) {
        if (controller.signal.aborted) throw new VerifierError('FETCH_TIMEOUT', { url: url.href, ms: timeoutMs });
        throw new VerifierError('FETCH_NETWORK', { url: url.href }, { cause: e });
      }
      if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400)) {
        await res.body?.cancel().catch(() => {});
        throw new VerifierError('FETCH_REDIRECT_BLOCKED', { url: url.href, status: res.status });
      }
      if (!READABLE_STATUSES.has(res.status)) {
        await res.body?.cancel().catch(() => {});
        throw new VerifierError('FETCH_HTTP_STATUS', { url: url.href, status: res.status });
      }
      const bytes = await readCapped(res, LIMITS.bytes[purpose], url.href, controller);
      return { url: url.href, status: res.status, contentType: res.headers.get('content-type') ?? '', bytes };
    } finally {
      clearTimeout(timer);
    }
  };
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
