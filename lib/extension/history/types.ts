/**
 * Shapes of the credential history kept on this device (a history that is
 * evidence, not screenshots: each entry can be checked again and compared).
 */
import { type Check, type CheckId, type Format, type Report, type Verdict } from '../../engine';

/** Where a verification was started from. */
export type HistoryVia = 'page' | 'verify-page' | 'context-menu' | 'reverify';

/**
 * Where a check read its credential, so "Check again now" reads it there
 * again: the issuer's or platform's current answer, not a copy.
 */
export interface HistoryOrigin {
  /** the address that was verified: a credential, a platform's data URL, a link a page gave */
  url: string;
  /** a link to follow through redirects and web pages to the credential (VerifyInput `follow`) */
  follow?: true;
  /** the platform's answer wraps the credential in this member (lib/extension/background/run-verify.ts) */
  wrappedIn?: string;
  /** the platform publishes nothing machine-readable for this link: its id (run-verify.ts `noEndpointReport`) */
  noEndpoint?: string;
}

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
  /** where the credential was read from (absent for pasted text, files and found JSON) */
  origin?: HistoryOrigin;
  /**
   * This check repeats the one stored under this credential key ("Check
   * again now", "Try again"): it replaces that entry even when it could not
   * read the credential this time, so there is one current result per credential.
   */
  recheckOf?: string;
}

/** One difference between a credential's previous and current check (history/changes.ts). */
export type HistoryChange =
  | { kind: 'verdict'; previous: Verdict; current: Verdict }
  | { kind: 'check'; id: CheckId; before?: Check; after?: Check }
  | { kind: 'signingKey'; from: string; to: string }
  | { kind: 'statusList'; from: string; to: string };

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
  /**
   * The entry is the credential's current result: a later check of the same
   * credential replaces it (same id) and keeps only the previous verdict,
   * its time and what changed, never a second full result.
   */
  previousVerdict?: Verdict;
  /** ISO 8601 time of the previous check, shown as "Previous result, <date>" */
  previousCheckedAt?: string;
  /** what changed since the previous check, as facts put into words when shown (changes.ts) */
  changes?: HistoryChange[];
  /** the same, as lines written in one language by entries stored before `changes` existed; read, never written */
  changedSinceLast?: string[];
  /** the verified text, for re-checking (see HistorySource.inputText); absent for images and links */
  inputText?: string;
  /** where the credential was read from, for re-checking (HistorySource.origin) */
  origin?: HistoryOrigin;
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
