/**
 * Shapes of the credential history kept on this device (a history that is
 * evidence, not screenshots: each entry can be checked again and compared).
 */
import { type Format, type Report, type Verdict } from '../../engine';

/** Where a verification was started from. */
export type HistoryVia = 'page' | 'verify-page' | 'context-menu' | 'reverify';

/** Context the caller knows about a verification (the page, the candidate). */
export interface HistorySource {
  pageUrl?: string;
  pageTitle?: string;
  profileName?: string;
  via: HistoryVia;
  /**
   * The text that was verified (a compact JWS, JSON), so the entry can be
   * re-checked later: a VC-JWT report keeps only the decoded payload, not
   * the signed token. Kept only when small and when it hashes to the
   * report's inputHash (input-text.ts).
   */
  inputText?: string;
}

/** One stored verification: the full report plus the facts the list filters on. */
export interface HistoryEntry {
  id: string;
  inputHash: string;
  /** links re-checks of the same credential across containers (credential-key.ts) */
  credentialKey: string;
  report: Report;
  pageUrl?: string;
  pageTitle?: string;
  profileName?: string;
  via: HistoryVia;
  /** ISO 8601 time of the check (copied from the report). */
  checkedAt: string;
  verdict: Verdict;
  format: Format;
  issuerId?: string;
  issuerName?: string;
  title?: string;
  /** verdict of the previous check of the same input, when there was one */
  previousVerdict?: Verdict;
  /** plain-language changes since the previous check of the same input */
  changedSinceLast?: string[];
  /** the verified text, for re-checking (see HistorySource.inputText); absent for images and links */
  inputText?: string;
}

/**
 * An entry without its report: what the list, the filters and the groups
 * need. Kept separately so 10,000 entries list fast without reading 10,000
 * full reports.
 */
export type HistorySummary = Omit<HistoryEntry, 'report' | 'inputText'>;

/** A storage failure, returned (never thrown) so the caller can tell the user. */
export interface HistoryStorageError {
  error: 'STORAGE_FAILED' | 'STORAGE_QUOTA';
  message: string;
}

/** Filters for listing the history; all optional, combined with AND. */
export interface HistoryQuery {
  /** case-insensitive search in title, issuer name/id and candidate */
  search?: string;
  verdicts?: Verdict[];
  formats?: Format[];
  issuer?: string;
  profileName?: string;
  pageUrl?: string;
  /** inclusive ISO lower bound on checkedAt */
  from?: string;
  /** inclusive ISO upper bound on checkedAt */
  to?: string;
}

/** One page of results, newest first. */
export interface HistoryPage {
  entries: HistorySummary[];
  total: number;
}

/** Narrows a store result to its storage-error case. */
export function isStorageError(v: unknown): v is HistoryStorageError {
  return typeof v === 'object' && v !== null && 'error' in v && (v.error === 'STORAGE_FAILED' || v.error === 'STORAGE_QUOTA');
}
