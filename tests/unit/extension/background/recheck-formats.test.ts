/**
 * bug: "Check again now" in the history answered "This credential format is
 * not supported yet" for entries read from a link (a VC-JWT, a credential
 * whose site did not answer, a platform link) and for tokens baked into an
 * image. A re-check now reads the credential where it was first read (the
 * entry's address), else from the text the entry kept, else from the stored
 * credential where that carries its own proof; only an entry none of these
 * can rebuild says so, in plain words (HISTORY_NO_SOURCE). One test per kind
 * of entry, against the demo world in memory.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import type { HistoryHooks } from '../../../../lib/extension/background/deps';
import { recheckPlan } from '../../../../lib/extension/background/page-requests';
import { createMemoryBackend } from '../../../../lib/extension/history/backend';
import { HistoryStore } from '../../../../lib/extension/history/store';
import { isStorageError, type HistoryEntry } from '../../../../lib/extension/history/types';
import type { Report } from '../../../../lib/engine/report';
import { iTXt, makePng } from '../../../support/bake';
import { fixturesPresent, readFixtureText } from '../../../support/fixtures';
import { CREDLY_BADGE_PAGE, demoWorld, ISSUER } from './demo-world';
import { fromExtensionPage, fromPage, handlerSetup } from './helpers';

type Reply = { ok: true; report: Report } | { ok: false; code: string };

beforeEach(() => fakeBrowser.reset());

async function setup() {
  const world = await demoWorld();
  const store = new HistoryStore(createMemoryBackend());
  const history: HistoryHooks = { record: (r, s) => store.record(r, s), get: (id) => store.get(id), clear: () => store.clear() };
  const harness = handlerSetup({ respond: world.respond, history });
  const send = async (msg: object) => (await harness.handle(msg, fromExtensionPage('verify.html'))) as Reply;
  const only = async (): Promise<HistoryEntry> => {
    const page = await store.query({}, 0, 10);
    if (isStorageError(page) || page.entries.length !== 1) throw new Error('expected exactly one history entry');
    const entry = await store.get(page.entries[0]!.id);
    if (!entry || isStorageError(entry)) throw new Error('entry unreadable');
    return entry;
  };
  /** verifies `input` on the verify page, then checks its one history entry again */
  const checkTwice = async (input: object) => {
    const first = await send({ type: 'verify/input', input });
    const entry = await only();
    const again = await send({ type: 'history/reverify', id: entry.id });
    return { first, entry, again, after: await only() };
  };
  return { ...harness, world, store, send, only, checkTwice };
}

const verdictOf = (reply: Reply) => (reply.ok ? reply.report.verdict : reply.code);
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('bug: "Check again now" answered "format not supported" for entries it could rebuild', () => {
  it('a VC-JWT read from a link is read from that link again', async () => {
    const t = await setup();
    const { first, entry, again, after } = await t.checkTwice({ url: `${ISSUER}/credentials/data-ethics.jwt` });
    expect([verdictOf(first), entry.format, entry.origin?.url]).toEqual(['verified', 'vc-jwt', `${ISSUER}/credentials/data-ethics.jwt`]);
    expect(verdictOf(again)).toBe('verified');
    expect(after.id).toBe(entry.id);
  });

  it('a credential whose site did not answer the first time is read again once it answers', async () => {
    const t = await setup();
    t.world.setDown('issuer.credlens-demo.org', true);
    const first = await t.send({ type: 'verify/input', input: { url: `${ISSUER}/credentials/cloud-architecture.json` } });
    expect(verdictOf(first)).toBe('unverifiable');
    t.world.setDown('issuer.credlens-demo.org', false);
    const again = await t.send({ type: 'history/reverify', id: (await t.only()).id });
    expect(verdictOf(again)).toBe('verified');
    expect((await t.only()).previousVerdict).toBe('unverifiable');
  });

  it('a Data Integrity credential read from a link is read there again, so a revocation since shows', async () => {
    const t = await setup();
    await t.send({ type: 'verify/input', input: { url: `${ISSUER}/credentials/cloud-architecture.json` } });
    await t.world.revoke('Cloud Architecture Foundations');
    const again = await t.send({ type: 'history/reverify', id: (await t.only()).id });
    expect(verdictOf(again)).toBe('revoked');
  });

  it('a hosted Open Badge 2.0 from a Credly page link is read from the platform again', async () => {
    const t = await setup();
    const { first, entry, again } = await t.checkTwice({ url: CREDLY_BADGE_PAGE });
    expect([verdictOf(first), entry.format, verdictOf(again)]).toEqual(['verified', 'ob2-hosted', 'verified']);
  });

  it('a baked PNG picked with "Verify this badge" is fetched from its address again', async () => {
    const t = await setup();
    const image = `${ISSUER}/badges/open-source-contributor.png`;
    await t.flow.verifyUserPick(4, { url: 'https://cv.credlens-demo.org/grace-hopper/' }, { kind: 'image', value: image });
    await t.flow.idle();
    const entry = await t.only();
    expect([entry.report.verdict, entry.origin]).toEqual(['verified', { url: image }]);
    expect(verdictOf(await t.send({ type: 'history/reverify', id: entry.id }))).toBe('verified');
  });

  it('a certification link a profile gave (followed) is followed again', async () => {
    const t = await setup();
    const link = { kind: 'link', value: `${ISSUER}/credentials/data-ethics.jwt`, label: 'Data Ethics Practitioner', fromEntry: true };
    await t.handle({ type: 'candidates/found', pageUrl: 'https://www.linkedin.com/in/grace-hopper/', items: [link] }, fromPage(3, 'https://www.linkedin.com/in/grace-hopper/'));
    await t.flow.idle();
    const entry = await t.only();
    expect(entry.origin).toEqual({ url: link.value, follow: true });
    expect(verdictOf(await t.send({ type: 'history/reverify', id: entry.id }))).toBe('verified');
  });

  it('a baked PNG uploaded as a file is checked again from the Data Integrity credential it carried', async () => {
    const t = await setup();
    const png = t.world.bytes(`${ISSUER}/badges/open-source-contributor.png`);
    const { entry, again } = await t.checkTwice({ bytesBase64: base64(png), name: 'badge.png' });
    expect([entry.origin, entry.inputText, verdictOf(again)]).toEqual([undefined, undefined, 'verified']);
  });

  it('a baked SVG uploaded as a file is checked again from its kept text', async () => {
    const t = await setup();
    const svg = t.world.bytes(`${ISSUER}/badges/agile-facilitation.svg`);
    const { entry, again } = await t.checkTwice({ bytesBase64: base64(svg), name: 'agile.svg' });
    expect([entry.report.container, verdictOf(again)]).toEqual(['svg', 'verified']);
  });

  it('a platform link with nothing machine-readable is "could not be checked" again, not a refusal', async () => {
    const t = await setup();
    const { entry, again } = await t.checkTwice({ url: 'https://www.coursera.org/verify/ABCD1234EF' });
    expect(entry.origin).toEqual({ url: 'https://www.coursera.org/verify/ABCD1234EF', noEndpoint: 'coursera' });
    expect(again.ok && [again.report.verdict, again.report.checks[0]?.code]).toEqual(['unverifiable', 'INPUT_UNSUPPORTED_FORMAT']);
  });
});

describe('entries nothing can rebuild say so in plain words', () => {
  it('a VC-JWT baked into an uploaded PNG: the token is not kept, so HISTORY_NO_SOURCE', async () => {
    const t = await setup();
    const jwt = new TextDecoder().decode(t.world.bytes(`${ISSUER}/credentials/data-ethics.jwt`));
    const first = await t.send({ type: 'verify/input', input: { bytesBase64: base64(makePng(iTXt('openbadgecredential', jwt))), name: 'ethics.png' } });
    expect(verdictOf(first)).toBe('verified');
    expect(await t.send({ type: 'history/reverify', id: (await t.only()).id })).toEqual({ ok: false, code: 'HISTORY_NO_SOURCE' });
  });

  it.skipIf(!fixturesPresent)('a sealed European Digital Credential without its kept text is never re-checked from its payload alone (that would read as unsealed)', () => {
    const text = readFixtureText('edc-mynextid/microcredential/edc-mc-signed.jsonld');
    const payload = JSON.parse(JSON.parse(text).payload ?? '{}') as unknown;
    const report = { verdict: 'unverifiable', format: 'edc', container: 'json', credential: payload } as unknown as Report;
    expect(recheckPlan({ report })).toBeUndefined();
    expect(recheckPlan({ report, inputText: text })).toEqual({ kind: 'input', derived: { kind: 'input', input: { text } } });
  });
});
