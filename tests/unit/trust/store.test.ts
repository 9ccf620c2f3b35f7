import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  addTrustedIssuer, exportTrustList, getTrustList, importTrustList, removeTrustedIssuer, trustedIds, TRUST_STORAGE_KEY,
} from '../../../lib/trust/store';

const at = (iso: string) => () => new Date(iso);

describe('lib/trust/store over browser.storage.local', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts empty, adds, de-duplicates and removes by issuer id', async () => {
    expect(await getTrustList()).toEqual([]);
    await addTrustedIssuer({ issuerId: 'did:web:uni.example', name: 'Uni' }, undefined, at('2026-01-01T00:00:00Z'));
    await addTrustedIssuer({ issuerId: 'did:web:uni.example', name: 'Uni renamed' }, undefined, at('2026-01-02T00:00:00Z'));
    const list = await getTrustList();
    expect(list).toEqual([{ issuerId: 'did:web:uni.example', name: 'Uni renamed', addedAt: '2026-01-02T00:00:00.000Z', source: 'user' }]);
    const stored = await fakeBrowser.storage.local.get(TRUST_STORAGE_KEY);
    expect(stored[TRUST_STORAGE_KEY]).toHaveLength(1);
    expect(await removeTrustedIssuer('did:web:uni.example')).toEqual([]);
  });

  it('drops malformed stored entries instead of trusting them', async () => {
    await fakeBrowser.storage.local.set({ [TRUST_STORAGE_KEY]: [{ issuerId: 7 }, 'x', { issuerId: 'did:key:z', addedAt: 'd', source: 'user' }] });
    expect((await getTrustList()).map((e) => e.issuerId)).toEqual(['did:key:z']);
  });

  it('round-trips through export and import', async () => {
    await addTrustedIssuer({ issuerId: 'did:web:a.example', name: 'A' });
    const file = await exportTrustList();
    expect(JSON.parse(file)).toMatchObject({ format: 'credlens-trust-list', version: 1 });
    await fakeBrowser.storage.local.clear();
    expect(await importTrustList(file)).toEqual({ added: 1, total: 1 });
    expect(trustedIds(await getTrustList())).toEqual(new Set(['did:web:a.example']));
  });

  it('merges a bare array and skips issuers already trusted', async () => {
    await addTrustedIssuer({ issuerId: 'did:web:a.example' });
    const result = await importTrustList(JSON.stringify([{ issuerId: 'did:web:a.example' }, { issuerId: 'https://b.example/issuer' }, { issuerId: 'https://b.example/issuer' }]), undefined, { source: 'Partner list' });
    expect(result).toEqual({ added: 1, total: 2 });
    expect((await getTrustList())[1]).toMatchObject({ issuerId: 'https://b.example/issuer', source: 'Partner list' });
  });

  it('refuses files that are not trust lists and stores nothing', async () => {
    await expect(importTrustList('not json')).rejects.toThrow('not JSON');
    await expect(importTrustList(JSON.stringify({ format: 'other', entries: [] }))).rejects.toThrow('not a Credlens trust list');
    await expect(importTrustList(JSON.stringify([{ issuerId: '' }]))).rejects.toThrow(TypeError);
    await expect(importTrustList(JSON.stringify([{ issuerId: 'x'.repeat(3000) }]))).rejects.toThrow(TypeError);
    expect(await getTrustList()).toEqual([]);
  });
});
