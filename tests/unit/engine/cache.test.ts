/**
 * `cached`: one load per key while it is fresh, shared by concurrent callers.
 * The extension shares the in-flight loads between all verifications of a
 * page, so a load that failed for the caller that started it (its own fetch
 * budget, its own time budget, a key it may not look up) must not fail the
 * others that joined it.
 */
import { describe, expect, it } from 'vitest';
import { cached, createMemoryCache, isStatusCacheKey, statusCacheKey } from '../../../lib/engine/cache';
import { createContext } from '../../../lib/engine/context';
import { verify } from '../../../lib/engine/pipeline';
import { thirdPartyIssuer } from '../../support/third-party-signing';

const later = <T>(value: T, ms = 5) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('cached', () => {
  it('runs one load for concurrent callers and answers the next caller from the cache', async () => {
    const cache = createMemoryCache();
    const inflight = new Map<string, Promise<string>>();
    let loads = 0;
    const load = () => (loads++, later('document'));
    const both = await Promise.all([cached(cache, inflight, 'k', 1000, load), cached(cache, inflight, 'k', 1000, load)]);
    expect(both).toEqual(['document', 'document']);
    expect(await cached(cache, inflight, 'k', 1000, load)).toBe('document');
    expect(loads).toBe(1);
    expect(inflight.size).toBe(0);
  });

  it('bug: a verification that joined another one’s load inherited its failure; it now runs its own load', async () => {
    const cache = createMemoryCache();
    const inflight = new Map<string, Promise<string>>();
    // the first caller may not fetch this key (SECURITY.md: a key that is not its issuer's is never looked up)
    const refused = cached(cache, inflight, 'key:did:web:issuer.example#key-1', 1000, () => later(null).then(() => Promise.reject(new Error('not looked up'))));
    const joined = cached(cache, inflight, 'key:did:web:issuer.example#key-1', 1000, () => later('the issuer key'));
    await expect(refused).rejects.toThrow('not looked up');
    expect(await joined).toBe('the issuer key');
  });

  it('a failed load is not cached: the next caller loads again', async () => {
    const cache = createMemoryCache();
    const inflight = new Map<string, Promise<string>>();
    await expect(cached(cache, inflight, 'k', 1000, () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cached(cache, inflight, 'k', 1000, () => later('up'))).toBe('up');
  });

  it('a load that settles after a newer one started for the same key leaves the newer one in flight', async () => {
    const cache = createMemoryCache();
    const inflight = new Map<string, Promise<string>>();
    let releaseFirst!: () => void;
    const first = cached(cache, inflight, 'k', 1000, () => new Promise<string>((_, reject) => (releaseFirst = () => reject(new Error('first failed')))));
    const second = cached(cache, inflight, 'k', 1000, () => later('second', 30));
    await later(null, 1); // the first load has looked in the cache and started
    releaseFirst();
    await expect(first).rejects.toThrow('first failed');
    // the joiner's own load is now the one in flight: a third caller shares it
    await later(null, 1);
    expect(inflight.size).toBe(1);
    let thirdLoads = 0;
    const third = cached(cache, inflight, 'k', 1000, () => (thirdLoads++, later('third')));
    expect(await Promise.all([second, third])).toEqual(['second', 'second']);
    expect(thirdLoads).toBe(0);
  });
});

describe('verifications that share their in-flight loads (the extension checks a page\'s rows together)', () => {
  it('fetch the issuer\'s DID document once for two credentials of one did:web issuer checked at the same time', async () => {
    const issuer = await thirdPartyIssuer('did:web:university.example');
    const credential = (n: number) =>
      issuer.sign({
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        id: `urn:uuid:7d6c0b0e-0000-4000-8000-00000000000${n}`,
        type: ['VerifiableCredential'],
        issuer: issuer.did,
        validFrom: '2026-01-01T00:00:00Z',
        credentialSubject: { id: 'did:example:learner' },
      });
    const fetched: string[] = [];
    const transport = async (url: string) => {
      fetched.push(url);
      await later(null, 10);
      return new Response(JSON.stringify(issuer.didDocument), { headers: { 'content-type': 'application/did+json' } });
    };
    const cache = createMemoryCache();
    const inflight = new Map<string, Promise<unknown>>();
    const context = () => createContext({ transport, cache, inflight, now: () => Date.parse('2026-06-01T00:00:00Z') });
    const reports = await Promise.all([1, 2].map(async (n) => verify({ text: JSON.stringify(await credential(n)) }, context())));
    expect(reports.map((r) => r.verdict)).toEqual(['verified', 'verified']);
    expect(fetched).toEqual(['https://university.example/.well-known/did.json']);
  });
});

describe('cached: a lifetime the value decides', () => {
  it('keeps each value as long as it says, and not at all when it says zero or less', async () => {
    let now = 0;
    const cache = createMemoryCache(() => now);
    const inflight = new Map<string, Promise<{ keepMs: number; n: number }>>();
    let loads = 0;
    const load = (keepMs: number) => () => later({ keepMs, n: ++loads });
    const lifetime = (v: { keepMs: number }) => v.keepMs;
    await cached(cache, inflight, 'short', lifetime, load(100));
    now = 50;
    expect((await cached(cache, inflight, 'short', lifetime, load(100))).n).toBe(1);
    now = 151;
    expect((await cached(cache, inflight, 'short', lifetime, load(100))).n).toBe(2);
    await cached(cache, inflight, 'never', lifetime, load(0));
    expect((await cached(cache, inflight, 'never', lifetime, load(0))).n).toBe(4);
  });

  it('names the keys of revocation answers, which a page reload reads again sooner', () => {
    expect(isStatusCacheKey(statusCacheKey('status-list', 'https://s.example/1'))).toBe(true);
    expect(isStatusCacheKey(statusCacheKey('revocation-list', 'https://s.example/r'))).toBe(true);
    expect(isStatusCacheKey(statusCacheKey('token-status-list', 'https://s.example/t'))).toBe(true);
    expect(isStatusCacheKey('key:did:web:issuer.example#key-1')).toBe(false);
  });
});
