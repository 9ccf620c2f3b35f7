/**
 * Which cache a check reads (context-caches.ts): "Check again now" reads
 * nothing from it and leaves what it read for every later check; a page scan
 * re-reads revocation answers older than a minute; everything else uses
 * what the cache holds.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { statusCacheKey } from '../../../../lib/engine/cache';
import { createContextCaches, PAGE_SCAN_STATUS_MAX_AGE_MS } from '../../../../lib/extension/background/context-caches';
import { fromStorageArea } from '../../../../lib/extension/background/storage-area';

const LIST = statusCacheKey('status-list', 'https://issuer.example/status/1');
const KEY = 'key:did:web:issuer.example#key-1';
const FIVE_MINUTES = 5 * 60_000;

beforeEach(() => fakeBrowser.reset());

function caches() {
  let now = 1_000_000;
  const c = createContextCaches(fromStorageArea(fakeBrowser.storage.session), () => now);
  return { ...c, advance: (ms: number) => (now += ms) };
}

describe('createContextCaches', () => {
  it('a fresh check reads nothing from the cache, and what it reads replaces the cached copy for later checks', async () => {
    const c = caches();
    await c.cachesFor().cache.set(LIST, 'list before the revocation', FIVE_MINUTES);
    const fresh = c.cachesFor({ fresh: true });
    expect(await fresh.cache.get(LIST)).toBeUndefined();
    expect(fresh.inflight).toBeUndefined();
    await fresh.cache.set(LIST, 'list with the revocation', FIVE_MINUTES);
    expect(await c.cachesFor().cache.get(LIST)).toBe('list with the revocation');
    expect(await c.cachesFor({ pageScan: true }).cache.get(LIST)).toBe('list with the revocation');
  });

  it('a page scan re-reads a revocation answer older than a minute, but keeps using cached keys', async () => {
    const c = caches();
    await c.cachesFor().cache.set(LIST, 'list', FIVE_MINUTES);
    await c.cachesFor().cache.set(KEY, 'key', 10 * 60_000);
    c.advance(PAGE_SCAN_STATUS_MAX_AGE_MS);
    expect(await c.cachesFor({ pageScan: true }).cache.get(LIST)).toBe('list');
    c.advance(1);
    expect(await c.cachesFor({ pageScan: true }).cache.get(LIST)).toBeUndefined();
    expect(await c.cachesFor({ pageScan: true }).cache.get(KEY)).toBe('key');
    // other checks (a recipient re-check) still use the list within its five minutes
    expect(await c.cachesFor().cache.get(LIST)).toBe('list');
  });

  it('page scans share their in-flight loads with each other only', () => {
    const c = caches();
    expect(c.cachesFor({ pageScan: true }).inflight).toBe(c.cachesFor({ pageScan: true }).inflight);
    expect(c.cachesFor({ pageScan: true }).inflight).not.toBe(c.cachesFor().inflight);
  });
});
