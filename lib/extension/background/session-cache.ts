/**
 * The engine's TtlCache (lib/engine/cache.ts) over extension session storage, so
 * resolved keys and status lists survive the service worker being killed when
 * idle (SECURITY.md rule 6) and are shared by every tab. Best effort: a
 * failed write (quota) only means a later fetch.
 */
import { type TtlCache } from '../../engine';
import type { KeyValueArea } from './storage-area';

interface Entry {
  value: unknown;
  expires: number;
  /** when it was stored; entries written before this field existed count as old */
  storedAt?: number;
}

export interface SessionCacheOptions {
  /**
   * The oldest entry (in ms) this cache answers with, per key; undefined: any
   * entry that has not expired. Older entries are left for other readers.
   */
  maxAgeMs?: (key: string) => number | undefined;
}

const PREFIX = 'cache:';
const BYTES_TAG = '__credlensBytes';

/**
 * Extension storage keeps JSON-like values only: a Uint8Array (a status list
 * bitstring) would come back as a plain object. Bytes are tagged as base64.
 */
export function toStorable(value: unknown): unknown {
  if (value instanceof Uint8Array) {
    let bin = '';
    for (let i = 0; i < value.length; i += 0x8000) bin += String.fromCharCode(...value.subarray(i, i + 0x8000));
    return { [BYTES_TAG]: btoa(bin) };
  }
  if (Array.isArray(value)) return value.map(toStorable);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toStorable(v)]));
  return value;
}

/** Inverse of toStorable. */
export function fromStorable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromStorable);
  if (value && typeof value === 'object') {
    const tagged = (value as Record<string, unknown>)[BYTES_TAG];
    if (typeof tagged === 'string') return Uint8Array.from(atob(tagged), (c) => c.charCodeAt(0));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromStorable(v)]));
  }
  return value;
}

export function createSessionCache(area: KeyValueArea, now: () => number = Date.now, options: SessionCacheOptions = {}): TtlCache {
  return {
    async get<T>(key: string) {
      let entry: Entry | undefined;
      try {
        entry = await area.get<Entry>(PREFIX + key);
      } catch {
        return undefined;
      }
      if (!entry || typeof entry.expires !== 'number') return undefined;
      if (entry.expires <= now()) {
        await area.remove(PREFIX + key).catch(() => {});
        return undefined;
      }
      const maxAge = options.maxAgeMs?.(key);
      if (maxAge !== undefined && !(now() - (entry.storedAt ?? -Infinity) <= maxAge)) return undefined;
      return fromStorable(entry.value) as T;
    },
    async set<T>(key: string, value: T, ttlMs: number) {
      try {
        await area.set(PREFIX + key, { value: toStorable(value), expires: now() + ttlMs, storedAt: now() } satisfies Entry);
      } catch {
        // quota reached: the cache is an optimisation only
      }
    },
  };
}

/**
 * A cache that answers nothing and stores what is loaded: a check asked for
 * anew ("Check again now") reads every key and list from its source, and
 * what it read replaces the older copy for every later check (a revocation
 * seen once is seen by the next page load too).
 */
export function refreshingCache(shared: TtlCache): TtlCache {
  return { get: async () => undefined, set: (key, value, ttlMs) => shared.set(key, value, ttlMs) };
}
