import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createMessageHandler } from '../../../../lib/extension/background/handler';
import { createTabFlow } from '../../../../lib/extension/background/tab-flow';
import type { TabResults } from '../../../../lib/extension/tab-results';
import { createContext } from '../../../../lib/engine/context';
import { createContextCaches } from '../../../../lib/extension/background/context-caches';
import type { BackgroundDeps, HistoryHooks } from '../../../../lib/extension/background/deps';
import type { BadgeState } from '../../../../lib/extension/background/badge';
import { fromStorageArea } from '../../../../lib/extension/background/storage-area';

export const EXTENSION_ORIGIN = 'chrome-extension://test-extension-id/';
export const fromPage = (tabId: number, url: string) => ({ id: fakeBrowser.runtime.id, url, tab: { id: tabId } });
export const fromExtensionPage = (path = 'popup.html') => ({ id: fakeBrowser.runtime.id, url: EXTENSION_ORIGIN + path });

/**
 * Deps over fakeBrowser's session storage and action badge; the network is a
 * recording fake; caches are chosen per check as the extension chooses them
 * (context-caches.ts), on the clock `now`.
 */
export function fakeDeps(options: { respond?: (url: string) => Response | Promise<Response>; history?: HistoryHooks; concurrency?: number; now?: () => number } = {}) {
  const now = options.now ?? Date.now;
  const fetched: string[] = [];
  const opened: { tabId: number; key: string }[] = [];
  const injected: number[] = [];
  const badges = new Map<number, BadgeState>();
  const session = fromStorageArea(fakeBrowser.storage.session);
  const caches = createContextCaches(session, now);
  const transport = async (url: string): Promise<Response> => {
    fetched.push(url);
    return options.respond ? options.respond(url) : new Response('not found', { status: 404 });
  };
  const deps: BackgroundDeps = {
    runtimeId: fakeBrowser.runtime.id,
    extensionOrigin: EXTENSION_ORIGIN,
    session,
    createContext: (recipient, freshness) => createContext({ transport, now, ...caches.cachesFor(freshness), ...(recipient ? { recipient } : {}) }),
    async setBadge(tabId, badge) {
      badges.set(tabId, badge);
      await fakeBrowser.action.setBadgeText({ tabId, text: badge.text });
      await fakeBrowser.action.setBadgeBackgroundColor({ tabId, color: badge.color });
    },
    injectScanner: async (tabId) => void injected.push(tabId),
    openReport: async (tabId, key) => void opened.push({ tabId, key }),
    ...(options.history ? { history: options.history } : {}),
    now,
    concurrency: options.concurrency ?? 4,
  };
  return { deps, fetched, opened, injected, badges };
}

/** The message handler and tab flow over fake dependencies, plus a reader of a tab's stored results. */
export function handlerSetup(options: Parameters<typeof fakeDeps>[0] = {}) {
  const fake = fakeDeps(options);
  const flow = createTabFlow(fake.deps);
  const handle = createMessageHandler(fake.deps, flow);
  const tab = async (tabId: number) => (await fakeBrowser.storage.session.get(`tab:${tabId}`))[`tab:${tabId}`] as TabResults | undefined;
  return { ...fake, flow, handle, tab };
}
