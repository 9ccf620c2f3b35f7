import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import type { HistoryHooks } from '../../../../lib/extension/background/deps';
import { candidateKey } from '../../../../lib/detect/key';
import type { HistorySource } from '../../../../lib/extension/history/types';
import type { Report } from '../../../../lib/engine/report';
import { iTXt, makePng } from '../../../support/bake';
import { handlerSetup, fromPage } from './helpers';

const U = '0b5d0c5e-8f4a-4c7e-9a9e-1b2c3d4e5f60';
const PAGE = 'https://www.linkedin.com/in/jane-example/';
const CREDLY_LINK = { kind: 'link', value: `https://www.credly.com/badges/${U}`, label: 'AWS SA' };
const found = (items: unknown[]) => ({ type: 'candidates/found', pageUrl: PAGE, items });

const setup = handlerSetup;

beforeEach(() => fakeBrowser.reset());

describe('bug: opening the same page twice in quick succession left the tab with no results', () => {
  it('a report of the new document that arrives while the navigation is being handled is not wiped with the old page', async () => {
    const { handle, flow, tab, badges } = setup();
    await handle(found([CREDLY_LINK]), fromPage(3, PAGE)); // first document
    // second open of the same URL: the browser says "loading" without a new URL, and the new
    // document's content script reports the same credential before that event was handled
    const navigation = flow.forgetIfMoved(3, undefined);
    const second = handle(found([CREDLY_LINK]), fromPage(3, PAGE));
    await Promise.all([navigation, second]);
    await flow.idle();
    const results = await tab(3);
    expect(results?.credentials.map((c) => [c.label, c.state])).toEqual([['AWS SA', 'done']]);
    expect(badges.get(3)?.text).toBe('1');
  });

  it('a navigation to another URL still drops the old page, and a tab left alone is kept', async () => {
    const { handle, flow, tab } = setup();
    await handle(found([CREDLY_LINK]), fromPage(5, PAGE));
    await flow.idle();
    await flow.forgetIfMoved(5, PAGE); // same document URL reported: kept
    expect((await tab(5))?.credentials).toHaveLength(1);
    await flow.forgetIfMoved(5, 'https://www.linkedin.com/feed/');
    expect(await tab(5)).toBeUndefined();
  });

  it('the content script’s reset (an empty batch) between two batches of the same items keeps the second batch', async () => {
    const { handle, flow, tab } = setup();
    await handle(found([CREDLY_LINK]), fromPage(4, PAGE));
    await handle(found([]), fromPage(4, PAGE)); // run.ts onReset
    await handle(found([CREDLY_LINK]), fromPage(4, PAGE));
    await flow.idle();
    expect((await tab(4))?.credentials.map((c) => c.state)).toEqual(['done']);
  });
});

const BADGE_PAGE = `https://www.credly.com/badges/${U}`;
const image = (name: string) => ({ kind: 'image', value: `https://images.credly.example/${name}` });
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);

/** A platform page's images: a plain PNG, an HTML error page, a JPEG, and a PNG baked with (unsigned) JSON. */
function imageServer(url: string): Response {
  if (url.endsWith('plain.png')) return new Response(makePng(iTXt('Comment', 'just a logo')) as BodyInit, { headers: { 'content-type': 'image/png' } });
  if (url.endsWith('page.png')) return new Response('<!doctype html><html><body>Sign in</body></html>', { headers: { 'content-type': 'text/html' } });
  if (url.endsWith('photo.jpg')) return new Response(JPEG, { headers: { 'content-type': 'image/jpeg' } });
  if (url.endsWith('baked.png')) return new Response(makePng(iTXt('openbadgecredential', '{"broken": ')) as BodyInit, { headers: { 'content-type': 'image/png' } });
  return new Response('not found', { status: 404 });
}

describe('bug: plain images on a known platform page were listed as "could not be checked"', () => {
  it('images fetched unasked that hold no credential leave the list and the toolbar count; a baked one stays', async () => {
    const recorded: Report[] = [];
    const history: HistoryHooks = { record: async (r) => void recorded.push(r), get: async () => undefined, clear: async () => undefined };
    const { handle, flow, tab, badges, fetched } = setup({ respond: imageServer, history });
    const items = ['plain.png', 'page.png', 'photo.jpg', 'baked.png'].map(image);
    await handle(found(items), fromPage(20, BADGE_PAGE));
    await flow.idle();
    expect(fetched).toHaveLength(4); // on a platform page the background fetches images itself
    const results = await tab(20);
    expect(results?.credentials.map((c) => c.key)).toEqual([candidateKey(image('baked.png') as never)]);
    expect(results?.credentials[0]?.report?.verdict).toBe('failed'); // a broken baked credential is shown, not hidden
    expect(badges.get(20)?.text).toBe('1');
    expect(recorded).toHaveLength(1); // plain pictures are not history entries either
    // the page reports the same images again (a rescan): they are not fetched again
    await handle(found(items), fromPage(20, BADGE_PAGE));
    await flow.idle();
    expect(fetched).toHaveLength(4);
    expect((await tab(20))?.credentials).toHaveLength(1);
  });

  it('an image the user asked for keeps its report, even one that was dropped before', async () => {
    const { handle, flow, tab, opened } = setup({ respond: imageServer });
    await handle(found([image('plain.png')]), fromPage(21, BADGE_PAGE));
    await flow.idle();
    expect((await tab(21))?.credentials).toHaveLength(0);
    const key = candidateKey(image('plain.png') as never);
    expect(await handle({ type: 'candidate/open', key }, fromPage(21, BADGE_PAGE))).toEqual({ ok: true });
    await flow.idle();
    expect(opened).toEqual([{ tabId: 21, key }]);
    const report = (await tab(21))?.credentials[0]?.report;
    expect(report?.verdict).toBe('unverifiable');
    expect(report?.checks[0]?.code).toBe('IMAGE_NO_CREDENTIAL');
    const picked = await flow.verifyUserPick(22, { url: BADGE_PAGE }, { kind: 'image', value: 'https://images.credly.example/photo.jpg' });
    await flow.idle();
    expect((await tab(22))?.credentials.map((c) => [c.key, c.state])).toEqual([[picked, 'done']]);
  });

  it('an image clicked while its automatic check is running stays listed', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { handle, flow, tab } = setup({ respond: async (url) => (await gate, imageServer(url)) });
    await handle(found([image('plain.png')]), fromPage(23, BADGE_PAGE));
    const key = candidateKey(image('plain.png') as never);
    await handle({ type: 'candidate/open', key }, fromPage(23, BADGE_PAGE));
    release();
    await flow.idle();
    expect((await tab(23))?.credentials.map((c) => c.report?.checks[0]?.code)).toEqual(['IMAGE_NO_CREDENTIAL']);
  });
});

describe('bug: no verification is lost silently (a failed history write is shown on the page results)', () => {
  const failingHistory = (fail: (source: HistorySource) => Promise<unknown>): HistoryHooks => ({ record: (_r, s) => fail(s), get: async () => undefined, clear: async () => undefined });

  it('a storage error returned by the history is kept in the tab results as historyError, next to the report', async () => {
    const history = failingHistory(async () => ({ error: 'STORAGE_QUOTA', message: 'The history is full; delete old entries or export them' }));
    const { handle, flow, tab } = setup({ history });
    await handle(found([{ kind: 'json', value: '{"hello":"world"}' }]), fromPage(30, 'https://cv.example/'));
    await flow.idle();
    const results = await tab(30);
    expect(results?.credentials[0]?.state).toBe('done');
    expect(results?.historyError).toEqual({ code: 'STORAGE_QUOTA', message: 'The history is full; delete old entries or export them' });
  });

  it('a history that throws is reported as STORAGE_FAILED with its reason; a new page starts without the flag', async () => {
    const history = failingHistory(async () => {
      throw new Error('database blocked');
    });
    const { handle, flow, tab } = setup({ history });
    await handle(found([{ kind: 'json', value: '{}' }]), fromPage(31, 'https://cv.example/'));
    await flow.idle();
    expect((await tab(31))?.historyError?.code).toBe('STORAGE_FAILED');
    expect((await tab(31))?.historyError?.message).toContain('database blocked');
    await handle(found([]), fromPage(31, 'https://cv.example/other'));
    expect((await tab(31))?.historyError).toBeUndefined();
  });

  it('a successful write sets no flag, and the found text is handed to the history for re-checking', async () => {
    const sources: HistorySource[] = [];
    const { handle, flow, tab } = setup({ history: failingHistory(async (s) => void sources.push(s)) });
    await handle(found([{ kind: 'jws', value: 'eyJhbGciOiJFZERTQSJ9.e30.c2ln' }]), fromPage(32, 'https://cv.example/'));
    await flow.idle();
    expect((await tab(32))?.historyError).toBeUndefined();
    expect(sources.map((s) => [s.via, s.inputText])).toEqual([['page', 'eyJhbGciOiJFZERTQSJ9.e30.c2ln']]);
  });
});

describe('every certification a profile lists is a row (SECURITY.md row 55)', () => {
  const entryLink = (i: number) => ({ kind: 'link', value: `https://credentials.issuer${i}.example/c/${i}`, label: `Certificate ${i}`, issuerLabel: `Issuer ${i}`, issuedLabel: 'Jan 2024', fromEntry: true });

  it('an entry without a link is a row that says so, never fetched and never in the history', async () => {
    const recorded: HistorySource[] = [];
    const history: HistoryHooks = { record: async (_r: Report, s: HistorySource) => void recorded.push(s), get: async () => undefined, clear: async () => {} };
    const { handle, flow, tab, fetched } = setup({ history });
    await handle(found([{ kind: 'claim', value: 'First Aid at Work', label: 'First Aid at Work', issuerLabel: 'Red Cross', fromEntry: true }]), fromPage(7, PAGE));
    await flow.idle();
    const [row] = (await tab(7))!.credentials;
    expect(row).toMatchObject({ state: 'done', claim: { title: 'First Aid at Work', issuer: 'Red Cross' }, report: { verdict: 'unverifiable', checks: [{ code: 'NO_CREDENTIAL_LINK' }] } });
    expect(fetched).toEqual([]);
    expect(recorded).toEqual([]);
  });

  it('a page with 200 entry links: at most 40 are followed, the others are rows that say why they were not checked', async () => {
    const { handle, flow, tab, fetched } = setup({ concurrency: 8 });
    await handle(found(Array.from({ length: 200 }, (_, i) => entryLink(i))), fromPage(8, PAGE));
    await flow.idle();
    const rows = (await tab(8))!.credentials;
    expect(rows).toHaveLength(200);
    expect(new Set(fetched).size).toBe(40);
    expect(rows.filter((r) => r.report?.checks[0]?.code === 'PAGE_LINK_LIMIT')).toHaveLength(160);
    expect(rows.every((r) => r.claim?.title?.startsWith('Certificate'))).toBe(true);
  });
});

describe('"Try again" (tab/recheck)', () => {
  it('checks again, read anew, only what could not be checked; a verified row is not touched', async () => {
    let up = false;
    const served: string[] = [];
    const respond = (url: string) => {
      served.push(url);
      return up ? new Response('{"not":"a credential"}', { status: 200 }) : new Response('busy', { status: 503 });
    };
    const { handle, flow, tab } = setup({ respond });
    await handle(found([{ kind: 'link', value: 'https://credentials.uni.example/c/1', label: 'A', fromEntry: true }, { kind: 'claim', value: 'B', label: 'B', fromEntry: true }]), fromPage(9, PAGE));
    await flow.idle();
    expect((await tab(9))!.credentials.map((c) => c.report?.checks[0]?.code)).toEqual(['FETCH_HTTP_STATUS', 'NO_CREDENTIAL_LINK']);
    up = true;
    const reply = await handle({ type: 'tab/recheck', tabId: 9 }, { id: fakeBrowser.runtime.id, url: 'chrome-extension://test-extension-id/popup.html' });
    expect(reply).toMatchObject({ ok: true });
    const rows = (await tab(9))!.credentials;
    expect(rows[0]!.report?.checks[0]?.code).toBe('INPUT_UNKNOWN_FORMAT');
    expect(served.filter((u) => u === 'https://credentials.uni.example/c/1')).toHaveLength(2);
  });

  it('is refused from a page (only the extension\'s own pages may ask, SECURITY.md row 26)', async () => {
    const { handle } = setup();
    expect(await handle({ type: 'tab/recheck', tabId: 9 }, fromPage(9, PAGE))).toMatchObject({ ok: false, code: 'MSG_SENDER_NOT_ALLOWED' });
  });
});
