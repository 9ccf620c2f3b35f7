/**
 * Per-tab token bucket for messages from content scripts (SECURITY.md
 * attack 25: a page flooding messages is slowed down, not served). Kept in
 * memory: a worker restart resets the buckets, which only ever helps the page
 * by one burst.
 */
export interface RateLimiter {
  /** true when `key` may send one more message now */
  take(key: string | number): boolean;
  forget(key: string | number): void;
}

export interface RateLimitOptions {
  /** burst size */
  capacity: number;
  refillPerSecond: number;
  now?: () => number;
}

/** Defaults: a LinkedIn profile sends a handful of batches; 20 at once and 5/s after is generous. */
export const CONTENT_RATE_LIMIT: RateLimitOptions = { capacity: 20, refillPerSecond: 5 };

export function createRateLimiter(options: RateLimitOptions = CONTENT_RATE_LIMIT): RateLimiter {
  const now = options.now ?? Date.now;
  const buckets = new Map<string | number, { tokens: number; at: number }>();
  return {
    take(key) {
      const t = now();
      const b = buckets.get(key) ?? { tokens: options.capacity, at: t };
      b.tokens = Math.min(options.capacity, b.tokens + ((t - b.at) / 1000) * options.refillPerSecond);
      b.at = t;
      buckets.set(key, b);
      if (b.tokens < 1) return false;
      b.tokens -= 1;
      return true;
    },
    forget(key) {
      buckets.delete(key);
    },
  };
}
