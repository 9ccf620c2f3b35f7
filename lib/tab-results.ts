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
}

export const tabResultsKey = (tabId: number): string => `tab:${tabId}`;
