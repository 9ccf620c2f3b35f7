import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createMemoryBackend, type HistoryBackend } from '../../../../lib/extension/history/backend';
import { applyHistoryRetention, recordVerification, useHistoryBackend } from '../../../../lib/extension/history/record';
import { updateSettings } from '../../../../lib/extension/settings';
import { makeReport } from './make-report';

const NOW = Date.parse('2026-11-20T00:00:00.000Z');
const daysAgo = (d: number) => new Date(NOW - d * 86_400_000).toISOString();

beforeEach(() => fakeBrowser.reset());

describe('recordVerification', () => {
  it('records with the retention from settings', async () => {
    const store = useHistoryBackend(createMemoryBackend(), { now: () => NOW });
    await updateSettings({ retentionDays: 7 });
    await recordVerification(makeReport({ seed: 'old', checkedAt: daysAgo(8) }), { via: 'page' });
    expect(await store.count()).toBe(0); // written, then removed by the same write's retention pass
    const entry = await recordVerification(makeReport({ seed: 'new', checkedAt: daysAgo(6) }), { via: 'context-menu', pageUrl: 'https://a.example/' });
    expect(entry).toMatchObject({ via: 'context-menu', pageUrl: 'https://a.example/' });
    expect(await store.count()).toBe(1);
    await updateSettings({ retentionDays: 5 });
    expect(await applyHistoryRetention()).toBe(1);
  });

  it('hands back a storage error for a failed write instead of throwing', async () => {
    const failing: HistoryBackend = { ...createMemoryBackend(), put: () => Promise.reject(new DOMException('full', 'QuotaExceededError')) };
    useHistoryBackend(failing);
    await expect(recordVerification(makeReport(), { via: 'page' })).resolves.toMatchObject({ error: 'STORAGE_QUOTA' });
  });
});
