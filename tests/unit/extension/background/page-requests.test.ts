import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import type { HistoryHooks } from '../../../../lib/extension/background/deps';
import { createMessageHandler } from '../../../../lib/extension/background/handler';
import { reverifyInput } from '../../../../lib/extension/background/page-requests';
import { createTabFlow } from '../../../../lib/extension/background/tab-flow';
import { createMemoryBackend, type HistoryBackend } from '../../../../lib/extension/history/backend';
import { HistoryStore } from '../../../../lib/extension/history/store';
import { isStorageError, type HistoryEntry } from '../../../../lib/extension/history/types';
import type { Report } from '../../../../lib/engine/report';
import type { TabResults } from '../../../../lib/extension/tab-results';
import { credentialV2, didKeyOf, makeSigner } from '../../engine/keys/jwt-signer';
import { fakeDeps, fromExtensionPage } from './helpers';

const U = '0b5d0c5e-8f4a-4c7e-9a9e-1b2c3d4e5f60';
type Reply = { ok: true; report: Report; history?: { error: string; message: string } } | { ok: false; code: string };

/** History hooks over a real HistoryStore (memory backend), as the extension wires them over IndexedDB. */
function storeHooks(backend: HistoryBackend = createMemoryBackend()): { store: HistoryStore; history: HistoryHooks } {
  const store = new HistoryStore(backend);
  return { store, history: { record: (r, s) => store.record(r, s), get: (id) => store.get(id), clear: () => store.clear() } };
}

function setup(options: Parameters<typeof fakeDeps>[0] = {}) {
  const fake = fakeDeps(options);
  const flow = createTabFlow(fake.deps);
  const handle = async (msg: object) => (await createMessageHandler(fake.deps, flow)(msg, fromExtensionPage('verify.html'))) as Reply;
  return { ...fake, flow, handle };
}

async function newestEntry(store: HistoryStore): Promise<HistoryEntry> {
  const page = await store.query({}, 0, 1);
  if (isStorageError(page) || !page.entries[0]) throw new Error('no history entry');
  const entry = await store.get(page.entries[0].id);
  if (isStorageError(entry) || !entry) throw new Error('entry unreadable');
  return entry;
}

async function signedJwt(): Promise<string> {
  const signer = await makeSigner('EdDSA');
  const { did, vm } = didKeyOf(signer);
  return signer.sign(credentialV2(did), { kid: vm });
}

beforeEach(() => fakeBrowser.reset());

describe('bug: no verification is lost silently (verify/input and history/reverify replies carry the storage outcome)', () => {
  it('verify/input answers with the report and history: {error, message} when the write failed', async () => {
    const quota = { error: 'STORAGE_QUOTA', message: 'The history is full; delete old entries or export them' };
    const { handle } = setup({ history: { record: async () => quota, get: async () => undefined, clear: async () => undefined } });
    const reply = await handle({ type: 'verify/input', input: { text: '{"hello":"world"}' } });
    expect(reply).toMatchObject({ ok: true, history: quota });
    expect(reply.ok && reply.report.verdict).toBe('unverifiable');
  });

  it('a history that throws becomes STORAGE_FAILED; a stored report has no history field', async () => {
    const throwing: HistoryHooks = { record: () => Promise.reject(new Error('disk on fire')), get: async () => undefined, clear: async () => undefined };
    const failed = await setup({ history: throwing }).handle({ type: 'verify/input', input: { text: '{}' } });
    expect(failed.ok && failed.history?.error).toBe('STORAGE_FAILED');
    expect(failed.ok && failed.history?.message).toContain('disk on fire');
    const { store, history } = storeHooks();
    const stored = await setup({ history }).handle({ type: 'verify/input', input: { text: '{}' } });
    expect(stored.ok).toBe(true);
    expect(stored).not.toHaveProperty('history');
    expect(await store.count()).toBe(1);
  });

  it('history/reverify reports a failed write of the new check too', async () => {
    const backend = createMemoryBackend();
    const { store, history } = storeHooks(backend);
    const { handle } = setup({ history });
    await handle({ type: 'verify/input', input: { text: await signedJwt() } });
    const { id } = await newestEntry(store);
    backend.put = () => Promise.reject(new DOMException('full', 'QuotaExceededError'));
    const reply = await handle({ type: 'history/reverify', id });
    expect(reply).toMatchObject({ ok: true, report: { verdict: 'verified' }, history: { error: 'STORAGE_QUOTA' } });
  });
});

describe('bug: a VC-JWT from the history could not be re-verified (the compact token was not kept)', () => {
  it('a pasted JWT entry re-verifies from the token the entry kept', async () => {
    const { store, history } = storeHooks();
    const { handle } = setup({ history });
    const token = await signedJwt();
    const first = await handle({ type: 'verify/input', input: { text: token } });
    expect(first.ok && [first.report.format, first.report.verdict]).toEqual(['vc-jwt', 'verified']);
    const entry = await newestEntry(store);
    expect(entry.inputText).toBe(token);
    const again = await handle({ type: 'history/reverify', id: entry.id });
    expect(again.ok && [again.report.format, again.report.verdict, again.report.inputHash]).toEqual(['vc-jwt', 'verified', entry.inputHash]);
    const latest = await newestEntry(store);
    expect([latest.via, latest.previousVerdict, latest.inputText]).toEqual(['reverify', 'verified', token]);
  });

  it('a JWT uploaded as a file is kept as text too; a tampered token stays failed on re-check', async () => {
    const { store, history } = storeHooks();
    const { handle } = setup({ history });
    const [head, body] = (await signedJwt()).split('.');
    const tampered = `${head}.${body}.${'A'.repeat(86)}`;
    await handle({ type: 'verify/input', input: { bytesBase64: Buffer.from(tampered).toString('base64'), name: 'badge.jwt' } });
    const entry = await newestEntry(store);
    expect([entry.inputText, entry.verdict]).toEqual([tampered, 'failed']);
    const again = await handle({ type: 'history/reverify', id: entry.id });
    expect(again.ok && [again.report.verdict, again.report.inputName]).toEqual(['failed', 'badge.jwt']);
  });

  it('an entry without the kept text, address or a credential carrying its own proof cannot be re-checked, and says why in plain words', async () => {
    const report = { format: 'vc-jwt', container: 'jws', credential: { id: 'urn:x' } } as unknown as Report;
    expect(reverifyInput(report)).toBeUndefined();
    expect(reverifyInput(report, 'a.b.c')).toEqual({ text: 'a.b.c' });
    const { store, history } = storeHooks();
    const { handle } = setup({ history });
    await handle({ type: 'verify/input', input: { text: await signedJwt() } });
    const { inputText: _dropped, ...old } = await newestEntry(store);
    await store.addEntries([{ ...old, id: 'imported-before-the-text-was-kept' }]);
    expect(await handle({ type: 'history/reverify', id: 'imported-before-the-text-was-kept' })).toEqual({ ok: false, code: 'HISTORY_NO_SOURCE' });
  });
});

describe('bug: a known platform page URL given to verify/input fetched the HTML page', () => {
  it('a Credly badge page URL is verified from the platform table URL, never the page', async () => {
    const { handle, fetched } = setup();
    const reply = await handle({ type: 'verify/input', input: { url: `https://www.credly.com/badges/${U}/public_url`, name: 'from-cv.pdf' } });
    expect(fetched).toEqual([`https://api.credly.com/v1/obi/v2/badge_assertions/${U}`]);
    expect(reply.ok && [reply.report.container, reply.report.inputName]).toEqual(['url', 'from-cv.pdf']);
  });

  it('a platform with no public endpoint is "could not be checked" with no fetch; other links are fetched as given', async () => {
    const { handle, fetched } = setup();
    const none = await handle({ type: 'verify/input', input: { url: 'https://www.coursera.org/verify/ABCD1234EF' } });
    expect(none.ok && [none.report.verdict, none.report.checks[0]?.code]).toEqual(['unverifiable', 'INPUT_UNSUPPORTED_FORMAT']);
    expect(fetched).toEqual([]);
    await handle({ type: 'verify/input', input: { url: 'https://issuer.example/credentials/42.json' } });
    expect(fetched).toEqual(['https://issuer.example/credentials/42.json']);
  });

  it('the context menu on a Credly page link also fetches the table URL', async () => {
    const { flow, fetched, opened } = setup();
    const key = await flow.verifyUserPick(7, { url: 'https://cv.example/' }, { kind: 'link', value: `https://www.credly.com/badges/${U}` });
    await flow.idle();
    expect(fetched).toEqual([`https://api.credly.com/v1/obi/v2/badge_assertions/${U}`]);
    expect(opened).toEqual([{ tabId: 7, key }]);
    const tab = (await fakeBrowser.storage.session.get('tab:7'))['tab:7'] as TabResults;
    expect(tab.credentials[0]?.state).toBe('done');
  });
});
