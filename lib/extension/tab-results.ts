/**
 * What the background stores per tab for the popup to show, under
 * `storage.session` key `tab:<tabId>`. The popup only reads and displays this.
 */
import type { ClaimComparison } from '../claims/compare';
import { type Report } from '../engine';

/** What the page says about a certification (a profile's entry), shown as the page's words, never as verified. */
export interface PageClaim {
  title?: string;
  issuer?: string;
  issued?: string;
  expires?: string;
  credentialId?: string;
  /** the entry's own link: the credential to follow, or a page to open that is not followed */
  link?: string;
}

export interface FoundCredential {
  /** stable id within the tab: hash of the candidate */
  key: string;
  /** what the content script saw (kind of candidate and a short label) */
  candidateKind: string;
  label?: string;
  /** where it was found */
  pageUrl: string;
  pageTitle?: string;
  /** profile owner's name, when the page is a profile */
  profileName?: string;
  state: 'pending' | 'done';
  report?: Report;
  /** the certification entry this row stands for, as the page shows it */
  claim?: PageClaim;
  /** the page's claim held against the verified credential (lib/claims/compare.ts) */
  comparison?: ClaimComparison;
  /** when this row's verification ran: where the time between a page load and its verdict went */
  timing?: RowTiming;
}

/**
 * Milliseconds since the epoch at each step of one row (Date.now() of the
 * service worker, comparable with a page's `performance.timeOrigin + now()`),
 * and the durations inside the verification. Always kept: a few numbers per
 * row, read by the end-to-end benchmark (tests/bench/e2e.bench.ts).
 */
export interface RowTiming {
  /** the page's report of the candidate reached the background */
  receivedAt: number;
  /** the row was written as pending */
  queuedAt: number;
  /** a verification slot was free and the verification started */
  startedAt?: number;
  /** the verification finished */
  verifiedAt?: number;
  /** the verdict was handed to storage (the popup sees it when that write completes) */
  storedAt?: number;
  /** wall time the verification spent waiting on fetches (overlapping fetches counted once) */
  networkMs?: number;
  /** fetches the verification made */
  fetches?: number;
}

/** The service worker that wrote the results: when its script started and when its listeners were registered. */
export interface WorkerTiming {
  /** performance.timeOrigin of the worker, in ms since the epoch */
  startedAt: number;
  /** ms since the epoch when every listener was registered: the worker could answer from then on */
  readyAt: number;
}

export interface TabResults {
  tabId: number;
  pageUrl: string;
  pageTitle?: string;
  profileName?: string;
  /** the number of certifications the page says it has when it shows only some, and the page listing all */
  listed?: { count: number; url: string };
  updatedAt: string;
  credentials: FoundCredential[];
  /**
   * Set when a check of this page could not be written to the history
   * (full disk, blocked database): the results are still shown, and the
   * popup says "This check could not be saved to the history: <message>".
   * Kept until the page changes; the latest failure wins.
   */
  historyError?: TabHistoryError;
  /** the service worker that last wrote these results (WorkerTiming) */
  worker?: WorkerTiming;
}

/** A history write that failed, in the words of lib/engine/messages.ts. */
export interface TabHistoryError {
  code: 'STORAGE_FAILED' | 'STORAGE_QUOTA';
  message: string;
}

export const tabResultsKey = (tabId: number): string => `tab:${tabId}`;
