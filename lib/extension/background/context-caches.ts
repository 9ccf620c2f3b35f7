/**
 * Which cache a verification reads, by how fresh its answer must be
 * (deps.ts ContextFreshness):
 * - "Check again now" / "Try again" (`fresh`): nothing from the cache, and
 *   what it reads replaces the cached copy (session-cache.ts `refreshingCache`);
 * - a page scanned anew (`pageScan`, e.g. a reload): revocation answers older
 *   than PAGE_SCAN_STATUS_MAX_AGE_MS are read again, so a recruiter who
 *   reloads a profile sees a revocation within a minute; keys as cached;
 * - anything else: what the cache holds (status lists at most five minutes,
 *   lib/engine/status/list-credential.ts `listLifetime`).
 */
import { isStatusCacheKey, type TtlCache } from '../../engine';
import type { ContextFreshness } from './deps';
import { createSessionCache, refreshingCache } from './session-cache';
import type { KeyValueArea } from './storage-area';

/** The oldest revocation answer a page scan uses. */
export const PAGE_SCAN_STATUS_MAX_AGE_MS = 60_000;

/** In-flight loads shared between verifications (lib/engine/cache.ts `cached`). */
type Inflight = Map<string, Promise<unknown>>;

export interface ContextCaches {
  cache: TtlCache;
  /** absent: the verification shares no load with others (it must not join one that answers from the cache) */
  inflight?: Inflight;
}

/** The worker's caches over one storage area; `cachesFor` picks per verification. */
export function createContextCaches(area: KeyValueArea, now: () => number = Date.now) {
  const shared = createSessionCache(area, now);
  const scan = createSessionCache(area, now, { maxAgeMs: (key) => (isStatusCacheKey(key) ? PAGE_SCAN_STATUS_MAX_AGE_MS : undefined) });
  // A page scan joins only other page scans' loads: a load another check started may answer with an older list.
  const inflight: Inflight = new Map();
  const scanInflight: Inflight = new Map();
  return {
    cachesFor(freshness: ContextFreshness = {}): ContextCaches {
      if (freshness.fresh) return { cache: refreshingCache(shared) };
      if (freshness.pageScan) return { cache: scan, inflight: scanInflight };
      return { cache: shared, inflight };
    },
  };
}
