/**
 * A TTL cache keyed by URL. The engine only sees this interface; the CLI uses
 * the in-memory one, the extension one backed by extension storage (the MV3
 * service worker is killed when idle, so module globals are not a cache).
 */
export interface TtlCache {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, ttlMs: number): Promise<void>;
}

export function createMemoryCache(now: () => number = Date.now, maxEntries = 500): TtlCache {
  const entries = new Map<string, { value: unknown; expires: number }>();
  return {
    async get<T>(key: string) {
      const e = entries.get(key);
      if (!e) return undefined;
      if (e.expires <= now()) {
        entries.delete(key);
        return undefined;
      }
      return e.value as T;
    },
    async set<T>(key: string, value: T, ttlMs: number) {
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(key, { value, expires: now() + ttlMs });
    },
  };
}

/**
 * How long a loaded value may be kept, in ms: a fixed time, or one the value
 * itself decides (a status list says how long it may be cached). Zero or less: not kept.
 */
export type Lifetime<T> = number | ((value: T) => number);

/**
 * Cache keys of revocation and suspension answers. The extension reads these
 * again sooner than other entries when a page is scanned anew (a reload), so
 * a revocation shows within a minute (lib/extension/background/session-cache.ts).
 */
export const statusCacheKey = (kind: 'status-list' | 'revocation-list' | 'token-status-list', url: string): string => `${kind}:${url}`;
export const isStatusCacheKey = (key: string): boolean => /^(?:status-list|revocation-list|token-status-list):/.test(key);

/**
 * Runs `load` once per key while its result is fresh; concurrent callers share one promise.
 * The extension shares `inflight` between the verifications of a page, so one caller's load
 * may fail for reasons of its own (its fetch budget spent, its time budget gone): a caller that
 * joined a load that failed runs its own, so no verification inherits another one's failure.
 */
export function cached<T>(cache: TtlCache, inflight: Map<string, Promise<T>>, key: string, ttlMs: Lifetime<T>, load: () => Promise<T>): Promise<T> {
  const pending = inflight.get(key);
  if (pending) return pending.catch(() => loadOnce(cache, inflight, key, ttlMs, load));
  return loadOnce(cache, inflight, key, ttlMs, load);
}

function loadOnce<T>(cache: TtlCache, inflight: Map<string, Promise<T>>, key: string, ttlMs: Lifetime<T>, load: () => Promise<T>): Promise<T> {
  const p: Promise<T> = (async () => {
    const hit = await cache.get<T>(key);
    if (hit !== undefined) return hit;
    const value = await load();
    const keepMs = typeof ttlMs === 'function' ? ttlMs(value) : ttlMs;
    if (keepMs > 0) await cache.set(key, value, keepMs);
    return value;
  })().finally(() => {
    if (inflight.get(key) === p) inflight.delete(key);
  });
  inflight.set(key, p);
  return p;
}
