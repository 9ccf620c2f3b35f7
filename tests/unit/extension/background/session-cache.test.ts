import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSessionCache, fromStorable, toStorable } from '../../../../lib/extension/background/session-cache';
import { fromStorageArea } from '../../../../lib/extension/background/storage-area';

describe('session-storage TTL cache', () => {
  beforeEach(() => fakeBrowser.reset());

  it('returns fresh values, forgets expired ones, and survives a new cache instance (worker restart)', async () => {
    let t = 1_000;
    const area = fromStorageArea(fakeBrowser.storage.session);
    const cache = createSessionCache(area, () => t);
    await cache.set('key:did:key:z6Mk', { kty: 'OKP', x: 'abc' }, 500);
    expect(await createSessionCache(area, () => t).get('key:did:key:z6Mk')).toEqual({ kty: 'OKP', x: 'abc' });
    t += 501;
    expect(await cache.get('key:did:key:z6Mk')).toBeUndefined();
    expect(await fakeBrowser.storage.session.get('cache:key:did:key:z6Mk')).toEqual({});
  });

  it('keeps bytes as bytes through JSON-only storage', async () => {
    const value = { ok: true, bits: new Uint8Array([0, 1, 255, 128]), nested: [{ b: new Uint8Array([7]) }] };
    const roundTripped = fromStorable(JSON.parse(JSON.stringify(toStorable(value))));
    expect(roundTripped).toEqual(value);
    expect((roundTripped as typeof value).bits).toBeInstanceOf(Uint8Array);
  });

  it('with a maximum age, answers only entries stored recently enough; one stored before ages were kept counts as old', async () => {
    const t = 10_000;
    const area = fromStorageArea(fakeBrowser.storage.session);
    await area.set('cache:status-list:https://s.example/1', { value: 'from an older worker', expires: t + 60_000 });
    const young = createSessionCache(area, () => t, { maxAgeMs: () => 30_000 });
    expect(await young.get('status-list:https://s.example/1')).toBeUndefined();
    await young.set('status-list:https://s.example/1', 'fresh', 60_000);
    expect(await createSessionCache(area, () => t + 30_000, { maxAgeMs: () => 30_000 }).get('status-list:https://s.example/1')).toBe('fresh');
    expect(await createSessionCache(area, () => t + 30_001, { maxAgeMs: () => 30_000 }).get('status-list:https://s.example/1')).toBeUndefined();
  });

  it('treats a failing store as a miss, never as an error', async () => {
    const broken = { get: async () => Promise.reject(new Error('gone')), set: async () => Promise.reject(new Error('quota')), remove: async () => {} };
    const cache = createSessionCache(broken);
    await expect(cache.set('a', 1, 1000)).resolves.toBeUndefined();
    await expect(cache.get('a')).resolves.toBeUndefined();
  });
});
