/**
 * SECURITY.md attack table, message-boundary rows 25–27, through the background's
 * message handler (lib/extension/background/handler.ts) over wxt's fake browser, and
 * through verify() for the pre-parse JSON caps.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMessageHandler } from '../../../lib/extension/background/handler';
import { createTabFlow } from '../../../lib/extension/background/tab-flow';
import * as canonize from '../../../lib/engine/jsonld/canonize';
import type { TabResults } from '../../../lib/extension/tab-results';
import { newSigner, signCredential, unsignedCredential } from '../../support/sign-helper';
import { fakeDeps, fromExtensionPage, fromPage } from '../extension/background/helpers';
import { expectCode, guarded, spyNet, verifyRow } from './harness';

vi.mock('../../../lib/engine/jsonld/canonize', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../lib/engine/jsonld/canonize')>();
  return { ...original, canonizeRdfc: vi.fn(original.canonizeRdfc) };
});

const PROFILE = 'https://www.linkedin.com/in/jane-example/';
const found = (items: unknown[]) => ({ type: 'candidates/found', pageUrl: PROFILE, items });

function setup() {
  const fake = fakeDeps();
  const flow = createTabFlow(fake.deps);
  const handle = createMessageHandler(fake.deps, flow);
  const tab = async (tabId: number) => (await fakeBrowser.storage.session.get(`tab:${tabId}`))[`tab:${tabId}`] as TabResults | undefined;
  return { ...fake, flow, handle, tab };
}

/** A credential-shaped document whose subject hides `inner` (so only the caps stop it, not the shape). */
const credentialAround = (inner: string) =>
  `{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],"issuer":"did:example:i",` +
  `"credentialSubject":{"id":"did:example:s","x":${inner}},"proof":{"type":"DataIntegrityProof","cryptosuite":"eddsa-rdfc-2022"}}`;

beforeEach(() => {
  fakeBrowser.reset();
  vi.mocked(canonize.canonizeRdfc).mockClear();

});

describe('SECURITY.md attack table — messages from pages', () => {
  it('row 25: a page flooding 10,000 candidate messages is rate-limited per tab; the background stays within budget', async () => {
    const { handle, flow, fetched } = setup();
    const message = found([{ kind: 'json', value: '{"flood":1}' }]);
    const started = performance.now();
    const { value: replies, ms } = await guarded(() => Promise.all(Array.from({ length: 10_000 }, () => handle(message, fromPage(1, PROFILE)))), 5_000);
    await flow.idle();
    const accepted = replies.filter((r) => r?.ok).length;
    const limited = replies.filter((r) => r && !r.ok && r.code === 'MSG_RATE_LIMITED').length;
    const elapsedS = (performance.now() - started) / 1000;
    // burst of 20, then 5 per second (lib/extension/background/rate-limit.ts CONTENT_RATE_LIMIT)
    expect(accepted).toBeLessThanOrEqual(20 + Math.ceil(5 * elapsedS) + 1);
    expect(accepted + limited).toBe(10_000);
    expect(fetched).toEqual([]);
    expect(ms).toBeLessThan(5_000);
    // another tab is not starved by the flood
    expect(await handle(found([]), fromPage(2, PROFILE))).toEqual({ ok: true, count: 0 });
  });

  it('row 25: one candidate of 20 MB → MSG_INVALID (zod .max), nothing verified or fetched', async () => {
    const { handle, flow, fetched, tab } = setup();
    const reply = await guarded(() => handle(found([{ kind: 'json', value: 'x'.repeat(20 * 1024 * 1024) }]), fromPage(3, PROFILE)));
    expect(reply.value).toEqual({ ok: false, code: 'MSG_INVALID' });
    await flow.idle();
    expect(await tab(3)).toBeUndefined();
    expect(fetched).toEqual([]);
  });

  it('row 26: {type:"history/clear"} from a content script → MSG_SENDER_NOT_ALLOWED', async () => {
    const { handle } = setup();
    for (const msg of [{ type: 'history/clear' }, { type: 'verify/input', input: { url: 'https://evil.example/a' } }, { type: 'tab/get', tabId: 1 }])
      expect((await guarded(() => handle(msg, fromPage(1, PROFILE)))).value).toEqual({ ok: false, code: 'MSG_SENDER_NOT_ALLOWED' });
    // control: the same message from the extension's own page is served
    expect(await handle({ type: 'tab/get', tabId: 1 }, fromExtensionPage())).toMatchObject({ ok: true });
  });

  it('row 26: any message from another extension id is ignored (no reply at all)', async () => {
    const { handle, fetched } = setup();
    const other = { id: 'another-extension-id', url: 'chrome-extension://another-extension-id/page.html' };
    for (const msg of [{ type: 'history/clear' }, found([{ kind: 'link', value: 'https://www.credly.com/badges/x' }]), { type: 'verify/input', input: { text: '{}' } }])
      expect((await guarded(() => handle(msg, other))).value).toBeUndefined();
    expect(fetched).toEqual([]);
  });

  it('row 27: a candidate nested 100,000 deep → INPUT_TOO_DEEP before any JSON-LD processing', async () => {
    const { handle, flow, tab } = setup();
    const deep = credentialAround('['.repeat(100_000) + ']'.repeat(100_000));
    expect(deep.length).toBeLessThan(256 * 1024); // fits a candidate: the engine's caps must stop it
    expect(await handle(found([{ kind: 'json', value: deep }]), fromPage(4, PROFILE))).toEqual({ ok: true, count: 1 });
    await flow.idle();
    const report = (await tab(4))?.credentials[0]?.report;
    expect(report?.checks.find((c) => c.code === 'INPUT_TOO_DEEP')).toBeDefined();
    expect(report?.verdict).toBe('failed');
    expect(canonize.canonizeRdfc).not.toHaveBeenCalled();
  });

  it('row 27: 1e6 keys (or 300k keys under the size cap) → INPUT_TOO_LARGE before any JSON-LD processing', async () => {
    const million = credentialAround(`{${Array.from({ length: 1_000_000 }, (_, i) => `"k${i}":0`).join(',')}}`);
    const r1 = await verifyRow({ text: million }, spyNet().ctx, 2_000);
    expectCode(r1, 'INPUT_TOO_LARGE');
    const manyKeys = credentialAround(`{${Array.from({ length: 300_000 }, () => '"a":0').join(',')}}`);
    expect(manyKeys.length).toBeLessThan(2 * 1024 * 1024); // under the character cap: the key count stops it
    const r2 = await verifyRow({ text: manyKeys }, spyNet().ctx, 2_000);
    expectCode(r2, 'INPUT_TOO_LARGE');
    for (const r of [r1, r2]) expect(r.verdict).toBe('failed');
    expect(canonize.canonizeRdfc).not.toHaveBeenCalled();
  });

  it('control: the canonicalisation spy does see a Data Integrity credential that passes the caps', async () => {
    const signer = await newSigner();
    const report = await verifyRow({ text: JSON.stringify(await signCredential(unsignedCredential(signer.did), signer)) }, spyNet().ctx);
    expect(report.verdict).toBe('verified');
    expect(canonize.canonizeRdfc).toHaveBeenCalled();
  });
});
