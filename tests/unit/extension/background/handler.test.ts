import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { BADGE_COLOURS } from '../../../../lib/extension/background/badge';
import { candidateKey } from '../../../../lib/detect/key';
import type { HistoryHooks } from '../../../../lib/extension/background/deps';
import type { Report } from '../../../../lib/engine/report';
import type { TabResults } from '../../../../lib/extension/tab-results';
import { handlerSetup, fromExtensionPage, fromPage } from './helpers';
import { FIXTURES } from '../../../support/fixtures';

const U = '0b5d0c5e-8f4a-4c7e-9a9e-1b2c3d4e5f60';
const PROFILE = 'https://www.linkedin.com/in/jane-example/';
const found = (items: unknown[], extra: object = {}) => ({ type: 'candidates/found', pageUrl: PROFILE, items, ...extra });

const setup = handlerSetup;

beforeEach(() => fakeBrowser.reset());

describe('sender checks (SECURITY.md attack 26) and validation (attack 25)', () => {
  it('ignores other extensions', async () => {
    const { handle } = setup();
    expect(await handle({ type: 'history/clear' }, { id: 'another-extension', url: 'chrome-extension://another-extension/x.html' })).toBeUndefined();
  });

  it('refuses extension-page messages from a content script, and content-script messages from extension pages', async () => {
    const { handle } = setup();
    for (const msg of [{ type: 'history/clear' }, { type: 'tab/get', tabId: 1 }, { type: 'verify/input', input: { url: 'https://x.example/a' } }, { type: 'tab/scan', tabId: 3 }])
      expect(await handle(msg, fromPage(1, PROFILE))).toEqual({ ok: false, code: 'MSG_SENDER_NOT_ALLOWED' });
    expect(await handle(found([]), fromExtensionPage())).toEqual({ ok: false, code: 'MSG_SENDER_NOT_ALLOWED' });
    expect(await handle(found([]), { id: fakeBrowser.runtime.id, url: PROFILE })).toEqual({ ok: false, code: 'MSG_SENDER_NOT_ALLOWED' }); // no tab
  });

  it('refuses malformed, unknown and oversized messages', async () => {
    const { handle, fetched } = setup();
    const bad = [
      null,
      'candidates/found',
      { type: 'fetch/anything', url: 'https://evil.example' },
      found([{ kind: 'json', value: 'x'.repeat(256 * 1024 + 1) }]),
      found([{ kind: 'link', value: 'https://a.example', fetchUrl: 'https://evil.example' }]),
      found(Array.from({ length: 201 }, () => ({ kind: 'jws', value: 'a' }))),
    ];
    for (const raw of bad) expect(await handle(raw, fromPage(1, PROFILE))).toEqual({ ok: false, code: 'MSG_INVALID' });
    expect(fetched).toEqual([]);
  });

  it('rate-limits a flooding tab without affecting another tab', async () => {
    const { handle } = setup();
    const replies = await Promise.all(Array.from({ length: 200 }, () => handle(found([]), fromPage(1, PROFILE))));
    const limited = replies.filter((r) => r && !r.ok && r.code === 'MSG_RATE_LIMITED').length;
    expect(limited).toBeGreaterThanOrEqual(150);
    expect(await handle(found([]), fromPage(2, PROFILE))).toEqual({ ok: true, count: 0 });
  });
});

describe('candidates in a tab', () => {
  it('fetches the platform table URL, never the page link, and stores pending then done', async () => {
    const { handle, flow, fetched, tab, badges } = setup();
    const link = `https://www.linkedin.com/redir/redirect?url=${encodeURIComponent(`https://www.credly.com/badges/${U}/public_url`)}`;
    const reply = await handle(found([{ kind: 'link', value: link, platform: 'credly', label: 'AWS SA' }], { pageUrl: 'https://evil.example/lie' }), fromPage(5, PROFILE));
    expect(reply).toEqual({ ok: true, count: 1 });
    const pending = await tab(5);
    expect(pending?.pageUrl).toBe(PROFILE); // from the browser, not from the message
    await flow.idle();
    expect(fetched).toEqual([`https://api.credly.com/v1/obi/v2/badge_assertions/${U}`]);
    const done = await tab(5);
    expect(done?.credentials).toHaveLength(1);
    expect(done?.credentials[0]).toMatchObject({ state: 'done', label: 'AWS SA', candidateKind: 'link' });
    expect(done?.credentials[0]?.report?.verdict).toBe('unverifiable'); // 404: could not be checked
    expect(badges.get(5)).toEqual({ text: '1', color: BADGE_COLOURS.unverifiable });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('1');
  });

  it('does not fetch arbitrary links or images on its own; a marker click verifies the image and opens the report', async () => {
    const { handle, flow, fetched, tab, opened } = setup();
    const img = { kind: 'image', value: 'https://cv.example/files/badge.png' };
    await handle(found([{ kind: 'link', value: 'https://evil.example/steal' }, img]), fromPage(6, 'https://cv.example/'));
    await flow.idle();
    expect(fetched).toEqual([]);
    expect((await tab(6))?.credentials ?? []).toHaveLength(0);
    const key = candidateKey(img as never);
    expect(await handle({ type: 'candidate/open', key }, fromPage(6, 'https://cv.example/'))).toEqual({ ok: true });
    await flow.idle();
    expect(fetched).toEqual(['https://cv.example/files/badge.png']);
    expect(opened).toEqual([{ tabId: 6, key }]);
    expect((await tab(6))?.credentials[0]?.state).toBe('done');
    expect(await handle({ type: 'candidate/open', key: 'l-unknown' }, fromPage(6, 'https://cv.example/'))).toEqual({ ok: false, code: 'MSG_INVALID' });
  });

  it('reports each credential once per page and starts afresh when the page changes', async () => {
    const { handle, flow, tab, badges } = setup();
    const json = { kind: 'json', value: '{"not":"a credential"}' };
    await handle(found([json, json]), fromPage(7, PROFILE));
    await handle(found([json]), fromPage(7, PROFILE));
    await flow.idle();
    expect((await tab(7))?.credentials).toHaveLength(1);
    await handle(found([]), fromPage(7, 'https://www.linkedin.com/in/someone-else/'));
    expect((await tab(7))?.credentials).toHaveLength(0);
    expect(badges.get(7)?.text).toBe('');
  });

  it('verifies at most `concurrency` candidates at a time', async () => {
    let active = 0;
    let peak = 0;
    const { handle, flow } = setup({
      concurrency: 2,
      respond: async () => {
        peak = Math.max(peak, ++active);
        await new Promise((r) => setTimeout(r, 10));
        active--;
        return new Response('{}', { status: 200 });
      },
    });
    const items = Array.from({ length: 6 }, (_, i) => ({ kind: 'link', value: `https://issuer.example/credentials/cred-000${i}` }));
    await handle(found(items), fromPage(8, 'https://cv.example/'));
    await flow.idle();
    expect(peak).toBe(2);
  });

  it('platforms without an endpoint end as "could not be checked", with no fetch', async () => {
    const { handle, flow, fetched, tab } = setup();
    await handle(found([{ kind: 'link', value: 'https://www.coursera.org/verify/ABCD1234EF' }]), fromPage(9, PROFILE));
    await flow.idle();
    expect(fetched).toEqual([]);
    const report = (await tab(9))?.credentials[0]?.report;
    expect(report?.verdict).toBe('unverifiable');
    expect(report?.checks[0]?.code).toBe('INPUT_UNSUPPORTED_FORMAT');
  });

  it('cleans up a closed tab', async () => {
    const { handle, flow, tab } = setup();
    await handle(found([{ kind: 'json', value: '{}' }]), fromPage(10, PROFILE));
    await flow.idle();
    await flow.forget(10);
    expect(await tab(10)).toBeUndefined();
    expect(await fakeBrowser.storage.session.get('tabinput:10')).toEqual({});
  });
});

describe('extension-page requests', () => {
  it('tab/get, tab/scan, verify/input and settings/changed', async () => {
    const { handle, injected, deps } = setup();
    let settingsReloaded = 0;
    deps.onSettingsChanged = async () => void settingsReloaded++;
    expect(await handle({ type: 'tab/get', tabId: 42 }, fromExtensionPage())).toEqual({ ok: true, tab: null });
    expect(await handle({ type: 'tab/scan', tabId: 42 }, fromExtensionPage())).toEqual({ ok: true });
    expect(injected).toEqual([42]);
    const reply = (await handle({ type: 'verify/input', input: { text: '{"hello":"world"}', name: 'x.json' } }, fromExtensionPage('verify.html'))) as { ok: true; report: Report };
    expect(reply.ok).toBe(true);
    expect(reply.report.verdict).toBe('unverifiable');
    expect(reply.report.inputName).toBe('x.json');
    expect(await handle({ type: 'settings/changed' }, fromExtensionPage('options.html'))).toEqual({ ok: true });
    expect(settingsReloaded).toBe(1);
  });

  it('history/clear and history/reverify go through the history hooks; without them they answer INTERNAL', async () => {
    expect(await setup().handle({ type: 'history/clear' }, fromExtensionPage())).toEqual({ ok: false, code: 'INTERNAL' });
    const recorded: string[] = [];
    let cleared = 0;
    const history: HistoryHooks = {
      record: async (_r, source) => void recorded.push(source.via),
      get: async () => undefined,
      clear: async () => void cleared++,
    };
    const { handle } = setup({ history });
    expect(await handle({ type: 'history/clear' }, fromExtensionPage())).toEqual({ ok: true });
    expect(cleared).toBe(1);
    expect(await handle({ type: 'history/reverify', id: 'nope' }, fromExtensionPage())).toEqual({ ok: false, code: 'MSG_INVALID' });
    await handle({ type: 'verify/input', input: { text: '{}' } }, fromExtensionPage());
    expect(recorded).toEqual(['verify-page']);
  });
});

const fixtures = FIXTURES;
const VALID = path.join(fixtures, 'dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-minimal.json');

describe.skipIf(!existsSync(VALID))('with a real signed credential (../shared/fixtures; skipped when absent)', () => {
  it('a verified JSON-LD credential turns the badge green; a tampered copy turns it red; recipient re-check re-runs both', async () => {
    const text = readFileSync(VALID, 'utf8');
    const tampered = JSON.stringify({ ...JSON.parse(text), name: 'Changed after signing' });
    const history: HistoryHooks = { record: async () => undefined, get: async () => undefined, clear: async () => undefined };
    const { handle, flow, tab, badges, fetched } = setup({ history });
    await handle(found([{ kind: 'json', value: text }]), fromPage(11, 'https://cv.example/'));
    await flow.idle();
    expect((await tab(11))?.credentials[0]?.report?.verdict).toBe('verified');
    expect(badges.get(11)).toEqual({ text: '1', color: BADGE_COLOURS.verified });
    await handle(found([{ kind: 'json', value: tampered }]), fromPage(11, 'https://cv.example/'));
    await flow.idle();
    expect((await tab(11))?.credentials.map((c) => c.report?.verdict)).toEqual(['verified', 'failed']);
    expect(badges.get(11)).toEqual({ text: '2', color: BADGE_COLOURS.failed });
    const reply = (await handle({ type: 'tab/recipient', tabId: 11, recipient: { email: 'jane@example.com' } }, fromExtensionPage())) as { ok: true; tab: TabResults };
    expect(reply.tab.credentials.map((c) => [c.state, c.report?.verdict])).toEqual([['done', 'verified'], ['done', 'failed']]);
    expect(fetched).toEqual([]); // did:key: nothing to fetch
  });
});

describe('service worker restart', () => {
  it('verifies again what was left pending when the worker was stopped', async () => {
    const { flow, tab, fetched } = setup();
    const candidate = { kind: 'link' as const, value: `https://www.credly.com/badges/${U}` };
    const key = candidateKey(candidate);
    await flow.store.update(12, PROFILE, (s) => {
      s.inputs.candidates[key] = candidate;
      s.results.credentials.push({ key, candidateKind: 'link', pageUrl: PROFILE, state: 'pending' });
    });
    expect(await flow.resumePending()).toBe(1);
    await flow.idle();
    expect(fetched).toEqual([`https://api.credly.com/v1/obi/v2/badge_assertions/${U}`]);
    expect((await tab(12))?.credentials[0]?.state).toBe('done');
    expect(await flow.resumePending()).toBe(0);
  });
});

describe('bounds per tab', () => {
  it('remembers at most 400 candidates and verifies at most 200 per tab, whatever the page keeps sending', async () => {
    const { handle, flow, tab } = setup();
    const json = (from: number) => found(Array.from({ length: 150 }, (_, i) => ({ kind: 'json', value: `{"n":${from + i}}` })));
    const images = (from: number) => found(Array.from({ length: 150 }, (_, i) => ({ kind: 'image', value: `https://cv.example/b${from + i}.png` })));
    for (const msg of [json(0), json(150), images(0), images(150)]) expect(await handle(msg, fromPage(13, 'https://cv.example/'))).toMatchObject({ ok: true });
    await flow.idle();
    const inputs = (await fakeBrowser.storage.session.get('tabinput:13'))['tabinput:13'] as { candidates: object };
    expect(Object.keys(inputs.candidates)).toHaveLength(400); // 200 verified JSON + 200 images waiting for a click
    expect((await tab(13))?.credentials).toHaveLength(200);
  });
});
