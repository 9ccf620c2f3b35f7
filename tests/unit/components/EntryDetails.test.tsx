/**
 * A history entry shows one current result. Regression: after "Check again
 * now" revealed a revocation, the entry showed "Revoked since last check"
 * and, right below, the old green "Verified" report.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { all, mount, settle } from './dom';
import { makeReport, passCheck } from './reports';
import { EntryDetails } from '../../../components/HistoryView/EntryDetails';
import { createMemoryBackend } from '../../../lib/extension/history/backend';
import { HistoryStore } from '../../../lib/extension/history/store';
import { isStorageError, type HistoryEntry } from '../../../lib/extension/history/types';

beforeEach(() => fakeBrowser.reset());

async function storedTwice(): Promise<{ store: HistoryStore; entry: HistoryEntry }> {
  const store = new HistoryStore(createMemoryBackend());
  const origin = { url: 'https://uni.example/credentials/1.json' };
  await store.record(makeReport('verified', { checkedAt: '2026-12-01T09:00:00.000Z' }), { via: 'page', origin });
  const revoked = makeReport('revoked', {
    checkedAt: '2026-12-05T14:00:00.000Z',
    checks: [passCheck('proof'), { id: 'status', status: 'fail', code: 'CRED_REVOKED', message: 'The issuer has revoked this credential' }],
  });
  const entry = await store.record(revoked, { via: 'reverify', origin });
  if (isStorageError(entry)) throw new Error(entry.message);
  return { store, entry };
}

describe('<EntryDetails>', () => {
  it('shows the current result with one verdict badge; the previous result only collapsed, as a word', async () => {
    const { store, entry } = await storedTwice();
    const el = mount(<EntryDetails summary={entry} store={store} onChanged={() => undefined} onClose={() => undefined} />);
    await settle();
    expect(el.querySelector('[data-testid="credential-details"]')!.getAttribute('data-verdict')).toBe('revoked');
    const badges = all(el, '[data-verdict]').filter((b) => b.tagName === 'SPAN');
    expect(badges.map((b) => b.getAttribute('data-verdict'))).toEqual(['revoked']);
    const previous = el.querySelector('[data-testid="previous-result"]')!;
    expect(previous.tagName).toBe('DETAILS');
    expect(previous.hasAttribute('open')).toBe(false);
    expect(previous.querySelector('summary')!.textContent).toMatch(/^Previous result, .*2026/);
    expect(previous.textContent).toContain('The previous check said: Verified');
    expect(previous.querySelector('[data-verdict]')).toBeNull();
  });

  it('Escape closes the entry', async () => {
    const { store, entry } = await storedTwice();
    let closed = 0;
    mount(<EntryDetails summary={entry} store={store} onChanged={() => undefined} onClose={() => closed++} />);
    await settle();
    const event = new (globalThis as unknown as { window: { Event: typeof Event } }).window.Event('keydown', { bubbles: true });
    Object.assign(event, { key: 'Escape' });
    document.dispatchEvent(event);
    expect(closed).toBe(1);
  });
});
