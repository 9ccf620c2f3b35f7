/**
 * One current result per credential, everywhere it is shown: a re-check
 * replaces the tab's row and the history entry; a page reload reads
 * revocation answers older than a minute again. Against the demo world in
 * memory, whose issuer revokes a credential while the test runs.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import type { HistoryHooks } from '../../../../lib/extension/background/deps';
import { createMemoryBackend } from '../../../../lib/extension/history/backend';
import { HistoryStore } from '../../../../lib/extension/history/store';
import { isStorageError, type HistorySummary } from '../../../../lib/extension/history/types';
import { demoWorld, ISSUER } from './demo-world';
import { fromExtensionPage, fromPage, handlerSetup } from './helpers';

const PROFILE = 'https://www.linkedin.com/in/grace-hopper/';
const CLOUD = 'Cloud Architecture Foundations';
const cloudEntry = { kind: 'link', value: `${ISSUER}/credentials/cloud-architecture.json`, label: CLOUD, fromEntry: true };
const JWT_ENTRY = { kind: 'link', value: `${ISSUER}/credentials/data-ethics.jwt`, label: 'Data Ethics Practitioner', fromEntry: true };
const found = (items: unknown[]) => ({ type: 'candidates/found', pageUrl: PROFILE, profileName: 'Grace Hopper', items });

beforeEach(() => fakeBrowser.reset());

async function setup() {
  const world = await demoWorld();
  const store = new HistoryStore(createMemoryBackend());
  const history: HistoryHooks = { record: (r, s) => store.record(r, s), get: (id) => store.get(id), clear: () => store.clear() };
  let clock = Date.now();
  const harness = handlerSetup({ respond: world.respond, history, now: () => clock });
  const entries = async (): Promise<HistorySummary[]> => {
    const page = await store.query({}, 0, 100);
    if (isStorageError(page)) throw new Error(page.message);
    return page.entries;
  };
  const row = async (tabId: number, label: string) => (await harness.tab(tabId))?.credentials.find((c) => c.label === label);
  const scan = async (tabId: number, items: unknown[]) => {
    await harness.flow.forgetIfMoved(tabId, undefined); // a reload: the new document reports afresh
    await harness.handle(found(items), fromPage(tabId, PROFILE));
    await harness.flow.idle();
  };
  return { ...harness, world, store, entries, row, scan, advance: (ms: number) => (clock += ms) };
}

describe('bug: after "Check again now" revealed a revocation, the list and the history still showed "Verified"', () => {
  it('"Try again" in the popup replaces the row and the one history entry of that credential', async () => {
    const t = await setup();
    await t.scan(7, [cloudEntry, JWT_ENTRY]);
    expect((await t.row(7, CLOUD))?.report?.verdict).toBe('verified');
    await t.world.revoke(CLOUD);
    const key = (await t.row(7, CLOUD))!.key;
    await t.handle({ type: 'tab/recheck', tabId: 7, key }, fromExtensionPage());
    expect((await t.row(7, CLOUD))?.report?.verdict).toBe('revoked');
    const cloud = (await t.entries()).filter((e) => e.title === CLOUD);
    expect(cloud.map((e) => [e.verdict, e.previousVerdict])).toEqual([['revoked', 'verified']]);
    expect(await t.entries()).toHaveLength(2);
  });

  it('the history\'s "Check again now" replaces the entry and the row of every tab showing that credential', async () => {
    const t = await setup();
    await t.scan(7, [cloudEntry]);
    await t.scan(8, [cloudEntry]);
    await t.world.revoke(CLOUD);
    const [entry] = await t.entries();
    const reply = (await t.handle({ type: 'history/reverify', id: entry!.id }, fromExtensionPage('options.html'))) as { ok: boolean; report?: { verdict: string } };
    expect(reply.ok && reply.report?.verdict).toBe('revoked');
    expect([(await t.row(7, CLOUD))?.report?.verdict, (await t.row(8, CLOUD))?.report?.verdict]).toEqual(['revoked', 'revoked']);
    expect((await t.entries()).map((e) => [e.id, e.verdict, e.previousVerdict])).toEqual([[entry!.id, 'revoked', 'verified']]);
    expect(t.badges.get(7)?.text).toBe('1');
  });

  it('a page reload reads a revocation answer older than a minute again (no longer up to five minutes of "Verified")', async () => {
    const t = await setup();
    await t.scan(7, [cloudEntry]);
    await t.world.revoke(CLOUD);
    t.advance(30_000);
    await t.scan(7, [cloudEntry]);
    // within a minute the list read on the first load still answers: the page is not read again on every render
    expect((await t.row(7, CLOUD))?.report?.verdict).toBe('verified');
    t.advance(31_000);
    await t.scan(7, [cloudEntry]);
    expect((await t.row(7, CLOUD))?.report?.verdict).toBe('revoked');
    expect((await t.entries()).map((e) => e.verdict)).toEqual(['revoked']);
  });

  it('after "Try again" saw the revocation, the next page load sees it too, at once', async () => {
    const t = await setup();
    await t.scan(7, [cloudEntry]);
    await t.world.revoke(CLOUD);
    await t.handle({ type: 'tab/recheck', tabId: 7, key: (await t.row(7, CLOUD))!.key }, fromExtensionPage());
    await t.scan(9, [cloudEntry]);
    expect((await t.row(9, CLOUD))?.report?.verdict).toBe('revoked');
  });
});

describe('the recipient field', () => {
  it('"Clear" (a recipient naming no one) takes every row back to "not checked"', async () => {
    const t = await setup();
    await t.scan(7, [cloudEntry]);
    await t.handle({ type: 'tab/recipient', tabId: 7, recipient: { email: 'someone.else@example.com' } }, fromExtensionPage());
    expect((await t.row(7, CLOUD))?.report?.recipient.outcome).toBe('mismatch');
    await t.handle({ type: 'tab/recipient', tabId: 7, recipient: {} }, fromExtensionPage());
    expect((await t.row(7, CLOUD))?.report?.recipient.outcome).toBe('not-checked');
    expect((await t.row(7, CLOUD))?.report?.verdict).toBe('verified');
  });
});
