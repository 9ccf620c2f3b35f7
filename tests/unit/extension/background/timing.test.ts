/**
 * The timestamps each row keeps (RowTiming, WorkerTiming in
 * lib/extension/tab-results.ts): the end-to-end benchmark splits a page's
 * time along them, so they must be in order and measure what they say.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { createContext } from '../../../../lib/engine/context';
import { createMessageHandler } from '../../../../lib/extension/background/handler';
import { createTabFlow } from '../../../../lib/extension/background/tab-flow';
import { timeFetches } from '../../../../lib/extension/background/timing';
import type { TabResults } from '../../../../lib/extension/tab-results';
import { fakeDeps, fromPage } from './helpers';

beforeEach(() => fakeBrowser.reset());

describe('timeFetches', () => {
  it('counts the wall time with any fetch in flight once, however many overlap, and counts the fetches', async () => {
    let clock = 0;
    const releases: Array<() => void> = [];
    const base = createContext({
      transport: () => new Promise<Response>((resolve) => releases.push(() => resolve(new Response('{}', { headers: { 'content-type': 'application/json' } })))),
    });
    const timer = timeFetches(base, () => clock);
    const a = timer.ctx.fetch('https://a.example/did.json', 'did-document');
    const b = timer.ctx.fetch('https://b.example/status', 'status-list');
    await new Promise((r) => setTimeout(r, 0));
    clock = 30;
    releases[0]!();
    await a;
    clock = 50;
    releases[1]!();
    await b;
    clock = 80; // no fetch in flight: not network time
    expect(timer.networkMs()).toBe(50);
    expect(timer.fetches()).toBe(2);
  });
});

describe('timeFetches and the in-flight loads shared between verifications', () => {
  it('a load another verification started and this one joined is network time for both, and the shared promise is the same one', async () => {
    let clock = 0;
    let release!: () => void;
    const shared = new Map<string, Promise<unknown>>();
    const base = createContext({ inflight: shared });
    const starter = timeFetches(base, () => clock);
    const joiner = timeFetches(base, () => clock);
    const load = new Promise<void>((resolve) => (release = resolve));
    starter.ctx.inflight.set('did-document:https://issuer.example/.well-known/did.json', load);
    expect(shared.get('did-document:https://issuer.example/.well-known/did.json')).toBe(load);
    clock = 10;
    expect(joiner.ctx.inflight.get('did-document:https://issuer.example/.well-known/did.json')).toBe(load);
    clock = 110;
    release();
    await load;
    await new Promise((r) => setTimeout(r, 0));
    clock = 500;
    expect(joiner.networkMs()).toBe(100);
    expect(joiner.fetches()).toBe(0);
    expect(joiner.ctx.inflight.delete('did-document:https://issuer.example/.well-known/did.json')).toBe(true);
    expect(shared.size).toBe(0);
  });
});

describe('row timing', () => {
  it('each verified row keeps received ≤ queued ≤ started ≤ verified ≤ stored, its fetches, and the worker that wrote it', async () => {
    const fake = fakeDeps({ respond: () => new Response('{"not":"a credential"}', { headers: { 'content-type': 'application/json' } }) });
    fake.deps.workerTiming = () => ({ startedAt: 1_000, readyAt: 1_050 });
    const flow = createTabFlow(fake.deps);
    const handle = createMessageHandler(fake.deps, flow);
    const page = 'https://www.linkedin.com/in/jane-example/';
    const items = [1, 2].map((n) => ({ kind: 'link', value: `https://issuer.example/credentials/badge-${n}.json`, label: `Badge ${n}` }));
    await handle({ type: 'candidates/found', pageUrl: page, items }, fromPage(7, page));
    await flow.idle();
    const results = (await fakeBrowser.storage.session.get('tab:7'))['tab:7'] as TabResults;
    expect(results.worker).toEqual({ startedAt: 1_000, readyAt: 1_050 });
    for (const row of results.credentials) {
      const t = row.timing!;
      expect(row.state).toBe('done');
      expect(t.receivedAt).toBeLessThanOrEqual(t.queuedAt);
      expect(t.queuedAt).toBeLessThanOrEqual(t.startedAt!);
      expect(t.startedAt!).toBeLessThanOrEqual(t.verifiedAt!);
      expect(t.verifiedAt!).toBeLessThanOrEqual(t.storedAt!);
      expect(t.fetches).toBe(1);
      expect(t.networkMs).toBeGreaterThanOrEqual(0);
    }
  });
});
