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
 * Runs `load` once per key while its result is fresh; concurrent callers share one promise.
 * The extension shares `inflight` between the verifications of a page, so one caller's load
 * may fail for reasons of its own (its fetch budget spent, its time budget gone): a caller that
 * joined a load that failed runs its own, so no verification inherits another one's failure.
 */
export function cached<T>(cache: TtlCache, inflight: Map<string, Promise<T>>, key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
  const pending = inflight.get(key);
  if (pending) return pending.catch(() => loadOnce(cache, inflight, key, ttlMs, load));
  return loadOnce(cache, inflight, key, ttlMs, load);
}

function loadOnce<T>(cache: TtlCache, inflight: Map<string, Promise<T>>, key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
  const p: Promise<T> = (async () => {
    const hit = await cache.get<T>(key);
    if (hit !== undefined) return hit;
    const value = await load();
    await cache.set(key, value, ttlMs);
    return value;
  })().finally(() => {
    if (inflight.get(key) === p) inflight.delete(key);
  });
  inflight.set(key, p);
  return p;
}
