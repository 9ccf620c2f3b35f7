import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBackground } from '../../../../lib/extension/background/browser-wiring';
import { startStartupTasks } from '../../../../lib/extension/background/startup';
import { createMemoryBackend } from '../../../../lib/extension/history/backend';
import { applyHistoryRetention, useHistoryBackend } from '../../../../lib/extension/history/record';
import { updateSettings } from '../../../../lib/extension/settings';
import { makeReport } from '../history/make-report';
import { readFileSync } from 'node:fs';
import { setChosenMessages, type UiLocale } from '../../../../lib/extension/i18n';
import { MARKER_WORDS_KEY } from '../../../../lib/detect/marker';
import { repoPath } from '../../../support/fixtures';
import { fakeDeps, fromExtensionPage } from './helpers';

const NOW = Date.parse('2026-11-20T00:00:00.000Z');
const packagedMessage = (locale: UiLocale) => (key: string): string =>
  (JSON.parse(readFileSync(repoPath(`public/_locales/${locale}/messages.json`), 'utf8')) as Record<string, { message: string }>)[key]!.message;
const [en, de, fr] = [packagedMessage('en'), packagedMessage('de'), packagedMessage('fr')];
const daysAgo = (d: number) => new Date(NOW - d * 86_400_000).toISOString();

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('bug: history retention was applied only when something new was recorded', () => {
  it('the worker start deletes entries past the retention setting, with no new verification', async () => {
    const store = useHistoryBackend(createMemoryBackend(), { now: () => NOW });
    await store.addEntries([
      { ...(await entryOf('old', daysAgo(40))) },
      { ...(await entryOf('recent', daysAgo(3))) },
    ]);
    await updateSettings({ retentionDays: 30 });
    const flow = { resumePending: async () => 0 };
    await startStartupTasks({ history: { record: async () => undefined, get: async () => undefined, clear: async () => undefined, applyRetention: applyHistoryRetention } }, flow);
    expect(await store.count()).toBe(1);
  });

  it('does not hold up start-up and survives failing tasks', async () => {
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    let retentionDone = false;
    const history = { record: async () => undefined, get: async () => undefined, clear: async () => undefined, applyRetention: () => slow.then(() => void (retentionDone = true)) };
    let settled = false;
    const started = startStartupTasks({ history }, { resumePending: () => Promise.reject(new Error('session storage gone')) }).then(() => void (settled = true));
    await new Promise((r) => setTimeout(r, 5));
    expect([settled, retentionDone]).toEqual([false, false]); // still running in the background
    release();
    await started;
    expect(retentionDone).toBe(true);
    const throwing = { ...history, applyRetention: () => { throw new Error('sync throw'); } };
    await expect(startStartupTasks({ history: throwing }, { resumePending: async () => 0 })).resolves.toBeUndefined();
  });

  it('startBackground registers its listeners and applies retention once; its context menu derives platform links', async () => {
    const { deps, fetched, opened } = fakeDeps();
    let applied = 0;
    deps.history = { record: async () => undefined, get: async () => undefined, clear: async () => undefined, applyRetention: async () => void applied++ };
    // fakeBrowser leaves these events unimplemented
    for (const event of [fakeBrowser.permissions.onAdded, fakeBrowser.permissions.onRemoved]) vi.spyOn(event, 'addListener').mockImplementation(() => undefined);
    let onMenuClick: ((info: object, tab: object) => void) | undefined;
    vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation((l) => void (onMenuClick = l as never));
    startBackground(deps);
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(applied).toBe(1);
    const U = '0b5d0c5e-8f4a-4c7e-9a9e-1b2c3d4e5f60';
    onMenuClick!({ menuItemId: 'credlens-verify', linkUrl: `https://www.credly.com/badges/${U}`, pageUrl: 'https://cv.example/' }, { id: 4, url: 'https://cv.example/' });
    await vi.waitFor(() => {
      expect(opened).toHaveLength(1);
      expect(fetched).toEqual([`https://api.credly.com/v1/obi/v2/badge_assertions/${U}`]);
    });
  });
});

describe('regression (the context menu and the history lines stayed in the browser\'s language): the service worker speaks the language chosen', () => {
  afterEach(() => setChosenMessages(undefined));

  it('creates the menu and stores the marker\'s words in the chosen language, and renames them when the setting changes', async () => {
    const { deps } = fakeDeps();
    const read = vi.fn(async (locale: UiLocale) => JSON.parse(readFileSync(repoPath(`public/_locales/${locale}/messages.json`), 'utf8')) as unknown);
    deps.readMessages = read;
    deps.history = { record: async () => undefined, get: async () => undefined, clear: async () => undefined, applyRetention: async () => undefined };
    for (const event of [fakeBrowser.permissions.onAdded, fakeBrowser.permissions.onRemoved, fakeBrowser.contextMenus.onClicked]) vi.spyOn(event, 'addListener').mockImplementation(() => undefined);
    const created: string[] = [];
    const renamed: string[] = [];
    vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined as never);
    vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation(((props: { title?: string }) => void created.push(props.title ?? '')) as never);
    vi.spyOn(fakeBrowser.contextMenus, 'update').mockImplementation((async (_id: unknown, props: { title?: string }) => void renamed.push(props.title ?? '')) as never);
    await updateSettings({ language: 'de' });
    startBackground(deps);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false } as never);
    await vi.waitFor(() => expect(created).toEqual([de('menuVerifyBadge')]));
    expect(created[0]).not.toBe(en('menuVerifyBadge'));
    // the in-page marker's phrases, for content scripts to read
    expect((await fakeBrowser.storage.local.get(MARKER_WORDS_KEY))[MARKER_WORDS_KEY]).toEqual({ markerButton: de('markerButton'), markerLabel: de('markerLabel') });

    await updateSettings({ language: 'fr' });
    await fakeBrowser.runtime.onMessage.trigger({ type: 'settings/changed' }, fromExtensionPage('options.html'), () => undefined);
    await vi.waitFor(() => expect(renamed.at(-1)).toBe(fr('menuVerifyBadge')));
    expect((await fakeBrowser.storage.local.get(MARKER_WORDS_KEY))[MARKER_WORDS_KEY]).toMatchObject({ markerButton: fr('markerButton') });
    await updateSettings({ language: 'auto' });
    await fakeBrowser.runtime.onMessage.trigger({ type: 'settings/changed' }, fromExtensionPage('options.html'), () => undefined);
    await vi.waitFor(() => expect(renamed.at(-1)).toBe(en('menuVerifyBadge')));
  });
});

async function entryOf(seed: string, checkedAt: string) {
  const { entryFromReport } = await import('../../../../lib/extension/history/store');
  const report = makeReport({ seed, checkedAt });
  return entryFromReport(report, { via: 'page' }, `id-${seed}`, `input:${report.inputHash}`);
}

describe('the welcome page', () => {
  it('opens once, on install only: not on an update or a browser update', async () => {
    const { openWelcomeOnInstall, WELCOME_PAGE } = await import('../../../../lib/extension/background/startup');
    const opened: string[] = [];
    const open = async (path: string) => void opened.push(path);
    expect(await openWelcomeOnInstall('install', open)).toBe(true);
    expect(await openWelcomeOnInstall('update', open)).toBe(false);
    expect(await openWelcomeOnInstall('chrome_update', open)).toBe(false);
    expect(opened).toEqual([WELCOME_PAGE]);
    expect(WELCOME_PAGE).toBe('/welcome.html');
  });

  it('regression (Chromium reported the unpacked extension as installed again after a restart): the welcome page opens once', async () => {
    const { openWelcomeOnInstall, WELCOME_PAGE } = await import('../../../../lib/extension/background/startup');
    const opened: string[] = [];
    const open = async (path: string) => void opened.push(path);
    expect(await openWelcomeOnInstall('install', open)).toBe(true);
    expect(await openWelcomeOnInstall('install', open)).toBe(false);
    expect(opened).toEqual([WELCOME_PAGE]);
    // the extension's data removed (uninstall), a new install welcomes again
    fakeBrowser.reset();
    expect(await openWelcomeOnInstall('install', open)).toBe(true);
    expect(opened).toEqual([WELCOME_PAGE, WELCOME_PAGE]);
  });

  it('a tab that could not be opened is not remembered as shown', async () => {
    const { openWelcomeOnInstall } = await import('../../../../lib/extension/background/startup');
    expect(await openWelcomeOnInstall('install', () => Promise.reject(new Error('no window')))).toBe(false);
    expect(await openWelcomeOnInstall('install', async () => undefined)).toBe(true);
  });

  it('a tab that cannot be opened is not an error', async () => {
    const { openWelcomeOnInstall } = await import('../../../../lib/extension/background/startup');
    expect(await openWelcomeOnInstall('install', () => Promise.reject(new Error('no window')))).toBe(false);
  });
});
