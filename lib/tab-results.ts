/**
 * What the background stores per tab for the popup to show, under
 * `storage.session` key `tab:<tabId>`. The popup only reads and displays this.
 */
import type { Report } from './report';

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
}

export interface TabResults {
  tabId: number;
  pageUrl: string;
  pageTitle?: string;
  profileName?: string;
  updatedAt: string;
  credentials: FoundCredential[];
  /**
   * Set when a check of this page could not be written to the history
   * (full disk, blocked database): the results are still shown, and the
   * popup says "This check could not be saved to the history: <message>".
   * Kept until the page changes; the latest failure wins.
   */
  historyError?: TabHistoryError;
}

/** A history write that failed, in the words of lib/messages.ts. */
export interface TabHistoryError {
  code: 'STORAGE_FAILED' | 'STORAGE_QUOTA';
  message: string;
}

export const tabResultsKey = (tabId: number): string => `tab:${tabId}`;
