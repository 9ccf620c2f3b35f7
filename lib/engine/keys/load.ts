/**
 * Fetches a key-bearing JSON document (DID document, controller document,
 * JWKS) once per URL: results are kept in `ctx.cache` for LIMITS.keyCacheMs
 * and concurrent callers share one in-flight load (lib/engine/cache.ts `cached`).
 */
import { cached } from '../cache';
import type { VerifyContext } from '../context';
import { VerifierError } from '../errors';
import { LIMITS, type FetchPurpose } from '../limits';
import { fromUtf8 } from '../util/bytes';
import { parseJsonCapped } from '../util/json';

/** Small documents need no deep nesting; tighter caps than credentials. */
const DOCUMENT_CAPS = { chars: 64 * 1024, depth: 16, keys: 2_000 };

/**
 * Loads and parses the JSON at `url` (without fragment) through `ctx.fetch`.
 * Fetch failures keep their FETCH_* code; unparseable bodies are FETCH_BAD_CONTENT.
 */
export function loadJsonDocument(url: string, purpose: FetchPurpose, ctx: VerifyContext): Promise<unknown> {
  const inflight = ctx.inflight as Map<string, Promise<unknown>>;
  return cached(ctx.cache, inflight, `${purpose}:${url}`, LIMITS.keyCacheMs, async () => {
    const fetched = await ctx.fetch(url, purpose);
    try {
      return parseJsonCapped(fromUtf8(fetched.bytes), DOCUMENT_CAPS);
    } catch (e) {
      throw new VerifierError('FETCH_BAD_CONTENT', { url: fetched.url.slice(0, 200), reason: 'not JSON within limits' }, { cause: e });
    }
  });
}

/** `url` without its fragment. */
export const withoutFragment = (url: string): string => {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
};
