/**
 * Everything the background logic needs from the browser and the rest of the
 * extension, injected so lib/extension/background runs in Node tests with fakes.
 * lib/extension/background/browser-wiring.ts builds the real one.
 */
import { type RecipientHint, type Report, type VerifyContext } from '../../engine';
import type { HistoryEntry, HistorySource, HistoryStorageError } from '../history/types';
import type { WorkerTiming } from '../tab-results';
import type { UiLocale } from '../i18n';
import type { BadgeState } from './badge';
import type { RateLimitOptions } from './rate-limit';
import type { KeyValueArea } from './storage-area';

export type HistoryVia = HistorySource['via'];

/** The slice of lib/extension/history the background uses. */
export interface HistoryHooks {
  /** resolves with the stored entry or a HistoryStorageError (history-write.ts reads both) */
  record(report: Report, source: HistorySource): Promise<unknown>;
  get(id: string): Promise<HistoryEntry | undefined | HistoryStorageError>;
  clear(): Promise<void | HistoryStorageError>;
  /** deletes entries past the retention setting (run once when the worker starts) */
  applyRetention?(): Promise<unknown>;
}

export interface BackgroundDeps {
  /** browser.runtime.id: messages from any other id are ignored */
  runtimeId: string;
  /** browser.runtime.getURL('/'): tells extension pages (popup, options, report tab) from content scripts */
  extensionOrigin: string;
  /** browser.storage.session */
  session: KeyValueArea;
  /** a verification context: shared session cache, the user's allowed hosts, an optional recipient */
  createContext(recipient?: RecipientHint, options?: ContextFreshness): VerifyContext | Promise<VerifyContext>;
  setBadge(tabId: number, badge: BadgeState): Promise<void>;
  /** injects the content script into a tab (activeTab + scripting) */
  injectScanner(tabId: number): Promise<void>;
  /** opens the full report for one credential in an extension page */
  openReport(tabId: number, key: string): Promise<void>;
  history?: HistoryHooks;
  /** re-reads settings (scan-every-page registration, allowed hosts) */
  onSettingsChanged?(): Promise<void>;
  /** reads a packaged translation for the language chosen on the options page (default: the extension's own messages.json) */
  readMessages?(locale: UiLocale): Promise<unknown>;
  now(): number;
  /** when the running service worker started and became ready (kept on the tab's results, for the benchmark) */
  workerTiming?(): WorkerTiming | undefined;
  /** verifications at a time (default LIMITS.verificationsAtOnce) */
  concurrency?: number;
  rateLimit?: RateLimitOptions;
}

/**
 * `fresh`: read keys and status lists anew instead of from the shared cache. A recruiter who asks to
 * check again wants today's answer, not the list fetched minutes ago (a revocation must show at once).
 */
export interface ContextFreshness {
  fresh?: boolean;
  /** a page scanned anew (a load or reload): revocation answers older than a minute are read again (context-caches.ts) */
  pageScan?: boolean;
}
