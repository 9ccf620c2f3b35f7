/**
 * The real BackgroundDeps over WebExtension APIs, and the listeners the
 * service worker registers. Every listener is registered synchronously at
 * start-up (MV3 workers are woken by events and must find their listeners).
 */
import { browser } from 'wxt/browser';
import { LIMITS, createContext, createHostLimiter } from '../../engine';
import { MARKER_WORDS_KEY } from '../../detect/marker';
import { PLATFORM_CONTENT_SCRIPT_MATCHES, platformDataUrl } from '../../detect/platforms';
import { applyHistoryRetention, historyStore, recordVerification } from '../history/record';
import { t } from '../i18n';
import { applyChosenLanguage } from '../locale';
import { reportPagePath } from '../messaging';
import { DEFAULT_SETTINGS, getSettings } from '../settings';
import type { WorkerTiming } from '../tab-results';
import type { BackgroundDeps } from './deps';
import { createMessageHandler } from './handler';
import { EVERYWHERE_ORIGINS, syncScanEverywhere, type ScanEverywhereApi } from './scan-everywhere';
import { createContextCaches } from './context-caches';
import { fromStorageArea } from './storage-area';
import { openWelcomeOnInstall, startStartupTasks } from './startup';
import { createTabFlow } from './tab-flow';

const MENU_ID = 'credlens-verify';

/** When this worker's script started (its time origin) and when its listeners were all registered. */
let workerReadyAt: number | undefined;
const workerTiming = (): WorkerTiming | undefined =>
  workerReadyAt === undefined ? undefined : { startedAt: Math.round(performance.timeOrigin), readyAt: workerReadyAt };

const STATIC_MATCHES = ['https://*.linkedin.com/*', ...PLATFORM_CONTENT_SCRIPT_MATCHES];

const settingsOrDefault = () => getSettings().catch(() => DEFAULT_SETTINGS);

const scanEverywhereApi: ScanEverywhereApi = {
  wanted: async () => (await settingsOrDefault()).scanEveryPage,
  granted: () => browser.permissions.contains({ origins: EVERYWHERE_ORIGINS }),
  registeredIds: async () => (await browser.scripting.getRegisteredContentScripts()).map((s) => s.id),
  register: (script) => browser.scripting.registerContentScripts([script]),
  unregister: (id) => browser.scripting.unregisterContentScripts({ ids: [id] }),
};

const syncEverywhere = async (): Promise<void> => {
  await syncScanEverywhere(scanEverywhereApi, STATIC_MATCHES).catch(() => false);
};

/** Builds the dependencies the background logic runs on. */
export function browserDeps(): BackgroundDeps {
  const session = fromStorageArea(browser.storage.session);
  // Shared by every verification of this worker: a page's rows are checked together, so the
  // issuer keys and status lists they have in common are fetched once (lib/engine/cache.ts),
  // and no host gets more than LIMITS.fetchesPerHost requests at a time.
  const caches = createContextCaches(session);
  const hostLimiter = createHostLimiter(LIMITS.fetchesPerHost);
  return {
    runtimeId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    session,
    async createContext(recipient, options) {
      const settings = await settingsOrDefault();
      // how fresh the answer must be decides the cache (context-caches.ts)
      return createContext({ ...caches.cachesFor(options), hostLimiter, allowHosts: settings.allowHosts, platformDataUrl, ...(recipient ? { recipient } : {}) });
    },
    async setBadge(tabId, badge) {
      // Firefox MV2 builds expose the toolbar button as browserAction
      const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
      await action.setBadgeText({ tabId, text: badge.text });
      await action.setBadgeBackgroundColor({ tabId, color: badge.color });
    },
    async injectScanner(tabId) {
      // activeTab grants this tab after the user opened the popup or used the context menu
      await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/content.js'] });
    },
    async openReport(tabId, key) {
      await browser.tabs.create({ url: browser.runtime.getURL(reportPagePath(tabId, key) as '/popup.html') });
    },
    history: { record: recordVerification, get: (id) => historyStore().get(id), clear: () => historyStore().clear(), applyRetention: applyHistoryRetention },
    onSettingsChanged: syncEverywhere,
    now: Date.now,
    workerTiming,
    concurrency: LIMITS.verificationsAtOnce,
  };
}

/**
 * The service worker speaks the language chosen on the options page, as the
 * pages do: the context menu, the in-page marker, the history's change lines
 * and every message it sends. Loaded at start and again on `settings/changed`;
 * the menu is renamed then (it exists only after install, so a failed rename
 * is expected).
 */
async function applyLanguage(read?: BackgroundDeps['readMessages']): Promise<void> {
  await applyChosenLanguage(read);
  // the in-page marker's two phrases, for content scripts, which cannot load a translation themselves
  // (written only when they change: the worker starts often)
  const words = { markerButton: t('markerButton'), markerLabel: t('markerLabel') };
  const stored = await browser.storage.local.get(MARKER_WORDS_KEY).catch(() => ({}) as Record<string, unknown>);
  if (JSON.stringify(stored[MARKER_WORDS_KEY]) !== JSON.stringify(words)) await browser.storage.local.set({ [MARKER_WORDS_KEY]: words }).catch(() => undefined);
  try {
    await browser.contextMenus.update(MENU_ID, { title: t('menuVerifyBadge') });
  } catch {
    // no menu yet: it is made on install, in the language loaded by then
  }
}

/** Registers every listener of the service worker. */
export function startBackground(given: BackgroundDeps = browserDeps()): void {
  const languageReady = applyLanguage(given.readMessages);
  const deps: BackgroundDeps = {
    ...given,
    onSettingsChanged: async () => {
      await Promise.all([given.onSettingsChanged?.(), applyLanguage(given.readMessages)]);
    },
  };
  const flow = createTabFlow(deps);
  const handle = createMessageHandler(deps, flow);
  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    handle(raw, sender).then((reply) => reply && sendResponse(reply), () => sendResponse({ ok: false, code: 'INTERNAL' }));
    return true; // the answer is asynchronous
  });
  browser.runtime.onInstalled.addListener(() => {
    // menus persist across updates; recreate rather than collide on the id
    void browser.contextMenus
      .removeAll()
      // in the language chosen, once it is loaded (applyLanguage renames it on every change)
      .then(() => languageReady)
      .then(() => browser.contextMenus.create({ id: MENU_ID, title: t('menuVerifyBadge'), contexts: ['image', 'link'] }))
      .catch(() => {});
    void syncEverywhere();
  });
  // the welcome page, once, right after install
  browser.runtime.onInstalled.addListener((details) => void openWelcomeOnInstall(details.reason, (path) => browser.tabs.create({ url: browser.runtime.getURL(path as '/welcome.html') })));
  browser.runtime.onStartup.addListener(() => void syncEverywhere());
  browser.permissions.onAdded.addListener(() => void syncEverywhere());
  browser.permissions.onRemoved.addListener(() => void syncEverywhere());
  browser.contextMenus.onClicked.addListener((info, tab) => {
    const value = info.srcUrl ?? info.linkUrl ?? '';
    // never cut a value short: a truncated data: image would read as a broken (failed) credential
    if (info.menuItemId !== MENU_ID || tab?.id === undefined || !value || value.length > LIMITS.candidateChars) return;
    const candidate = { kind: info.srcUrl ? ('image' as const) : ('link' as const), value };
    void flow.verifyUserPick(tab.id, { url: tab.url ?? info.pageUrl ?? '' }, candidate);
  });
  browser.tabs.onRemoved.addListener((tabId) => void flow.forget(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // a new document (navigation or reload): its content script reports afresh
    if (change.status === 'loading') void flow.forgetIfMoved(tabId, change.url);
  });
  workerReadyAt = Date.now();
  // after the listeners: the event that woke the worker is served first
  void startStartupTasks(deps, flow);
}
