/**
 * Everything the popup needs from the browser, behind one small interface
 * so the UI can be rendered in tests with an in-memory implementation. The
 * popup only reads results and sends requests; the background verifies.
 */
import { browser } from 'wxt/browser';
import type { ToBackground } from '../../lib/extension/messaging';
import { verifyPagePath } from '../../lib/pdf/tab';
import { tabResultsKey, type TabResults } from '../../lib/extension/tab-results';
import { addTrustedIssuer, getTrustList, removeTrustedIssuer, TRUST_STORAGE_KEY, type TrustEntry } from '../../lib/trust/store';

/** Requests the popup may send (all validated again by the background). */
export type PopupRequest = Extract<ToBackground, { type: 'tab/scan' | 'tab/recipient' | 'tab/recheck' }>;

/** The optional host permission that lets the extension read sites which send no CORS permission (SECURITY.md permissions). */
export const ISSUER_SITES = ['https://*/*'];

export interface PopupApi {
  /** tab from `?tab=` when popped out, otherwise the active tab of this window */
  resolveTabId(): Promise<number | undefined>;
  /** the tab's address, when the browser shows it to the extension (activeTab after the user's click) */
  readTabUrl(tabId: number): Promise<string | undefined>;
  readResults(tabId: number): Promise<TabResults | undefined>;
  /** calls back with every new value of the tab's results; returns the unsubscribe function */
  watchResults(tabId: number, onChange: (results: TabResults | undefined) => void): () => void;
  readTrust(): Promise<TrustEntry[]>;
  watchTrust(onChange: (entries: TrustEntry[]) => void): () => void;
  trust(issuerId: string, name?: string): Promise<TrustEntry[]>;
  untrust(issuerId: string): Promise<TrustEntry[]>;
  send(request: PopupRequest): Promise<unknown>;
  popOut(tabId: number, key?: string): Promise<void>;
  /** opens the verify page in a tab; with `pdfUrl` it reads that PDF and lists what it contains */
  openVerifyPage(pdfUrl?: string): Promise<void>;
  /** whether the extension may read issuers' sites that send no CORS permission */
  hasSiteAccess(): Promise<boolean>;
  /** asks the user for that permission (must run in the click that asks for it); resolves with the answer */
  requestSiteAccess(): Promise<boolean>;
}

/** Reads `?tab=<id>` (pop-out view) and `?key=<credential key>` (open one credential). */
export function readQuery(search: string): { tabId?: number; key?: string } {
  const params = new URLSearchParams(search);
  const tab = params.get('tab');
  const tabId = tab !== null && /^\d{1,10}$/.test(tab) ? Number(tab) : undefined;
  const key = params.get('key')?.slice(0, 128) || undefined;
  return { ...(tabId !== undefined ? { tabId } : {}), ...(key ? { key } : {}) };
}

/** A value from storage is shown only when it has the shape of lib/extension/tab-results.ts. */
export function asTabResults(value: unknown, tabId: number): TabResults | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Partial<TabResults>;
  return v.tabId === tabId && Array.isArray(v.credentials) ? (v as TabResults) : undefined;
}

/** The real implementation over `browser.*`. */
export function createBrowserApi(search: string): PopupApi {
  const query = readQuery(search);
  return {
    async resolveTabId() {
      if (query.tabId !== undefined) return query.tabId;
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      return tab?.id;
    },
    async readTabUrl(tabId) {
      return (await browser.tabs.get(tabId)).url || undefined;
    },
    async readResults(tabId) {
      const key = tabResultsKey(tabId);
      return asTabResults((await browser.storage.session.get(key))[key], tabId);
    },
    watchResults(tabId, onChange) {
      const key = tabResultsKey(tabId);
      const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area === 'session' && key in changes) onChange(asTabResults(changes[key]!.newValue, tabId));
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
    readTrust: () => getTrustList(),
    watchTrust(onChange) {
      const listener = (changes: Record<string, unknown>, area: string) => {
        if (area === 'local' && TRUST_STORAGE_KEY in changes) void getTrustList().then(onChange);
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
    trust: (issuerId, name) => addTrustedIssuer({ issuerId, ...(name ? { name } : {}) }),
    untrust: (issuerId) => removeTrustedIssuer(issuerId),
    send: (request) => browser.runtime.sendMessage(request),
    async popOut(tabId, key) {
      const url = `/popup.html?tab=${tabId}${key ? `&key=${encodeURIComponent(key)}` : ''}`;
      await browser.tabs.create({ url: browser.runtime.getURL(url as '/popup.html') });
    },
    async openVerifyPage(pdfUrl) {
      await browser.tabs.create({ url: browser.runtime.getURL(verifyPagePath(pdfUrl) as '/verify.html') });
    },
    hasSiteAccess: () => browser.permissions.contains({ origins: ISSUER_SITES }),
    requestSiteAccess: () => browser.permissions.request({ origins: ISSUER_SITES }),
  };
}

/** What the popup shows before the first paint: read once, then rendered synchronously. */
export interface InitialState {
  tabId?: number;
  /** the tab's address, used to offer "Scan this PDF" */
  tabUrl?: string;
  results?: TabResults;
  trust: TrustEntry[];
}

/** Resolves the tab, then reads its address and results, and the trust list, in parallel. */
export async function loadInitial(api: PopupApi): Promise<InitialState> {
  const [tabId, trust] = await Promise.all([api.resolveTabId().catch(() => undefined), api.readTrust().catch(() => [])]);
  if (tabId === undefined) return { trust };
  const [tabUrl, results] = await Promise.all([
    api.readTabUrl(tabId).catch(() => undefined),
    api.readResults(tabId).catch(() => undefined),
  ]);
  return { tabId, ...(tabUrl ? { tabUrl } : {}), ...(results ? { results } : {}), trust };
}
