/**
 * One verification of a tab's candidate, from start to the stored outcome:
 * verified, put into the tab's results (or dropped when it was a plain image
 * nobody asked for), counted on the badge, and recorded in the history, with
 * a failed write flagged on the tab results so it is not lost silently.
 */
import { LIMITS, type FetchedDocument, type RecipientHint, type Report, type VerifyContext } from '../../engine';
import type { Candidate } from '../../detect/types';
import type { HistoryStorageError } from '../history/types';
import type { FoundCredential, TabResults } from '../tab-results';
import type { BackgroundDeps, ContextFreshness, HistoryVia } from './deps';
import type { Derived } from './derive-input';
import { inputTextOf, originOf, recordToHistory } from './history-write';
import { isPlainImage, watchFirstFetch } from './plain-image';
import { compareClaim } from '../../claims/compare';
import { noEndpointReport, runVerification, unreadReport } from './run-verify';
import { findCredential, type TabState, type TabStore } from './tab-store';
import { timeFetches } from './timing';

/** What the browser (not the page) says about where candidates were seen. */
export interface PageInfo {
  url: string;
  title?: string;
  profileName?: string;
  /** how many certifications the page says it has, when it shows only some */
  listed?: { count: number; url: string };
}

/** One candidate to verify, under its key in the tab. */
export interface Job {
  key: string;
  candidate: Candidate;
  derived: Exclude<Derived, { kind: 'ignored' | 'needs-user' }>;
  /** a link past the page's budget of followed links: a row that says so, nothing fetched */
  overBudget?: boolean;
}

/** `freshness`: how fresh the answer must be ("Try again" reads everything anew; a page scan re-reads old revocation answers) */
export type JobRunner = (tabId: number, page: PageInfo, job: Job, via: HistoryVia, recipient?: RecipientHint, freshness?: ContextFreshness) => Promise<void>;

/** Builds the function that verifies one job and stores the outcome, unless the tab navigated or closed meanwhile. */
export function createJobRunner(deps: BackgroundDeps, store: TabStore, refreshBadge: (tabId: number, results: TabResults | undefined) => Promise<void>): JobRunner {
  /** Tells the popup (TabResults.historyError) that a check of this page was not saved. */
  const flagHistoryError = async (tabId: number, pageUrl: string, failure: HistoryStorageError): Promise<void> => {
    await store
      .patch(tabId, (s) => {
        if (s.results.pageUrl === pageUrl) s.results.historyError = { code: failure.error, message: failure.message };
      })
      .catch(() => undefined);
  };

  return async (tabId, page, job, via, recipient, freshness) => {
    const startedAt = deps.now();
    // "Try again" reads keys and status lists anew, a page scan revocation answers older than a minute (deps.ts ContextFreshness)
    const timed = timeFetches(await deps.createContext(recipient, freshness), () => performance.now());
    const watched = watchFirstFetch(timed.ctx);
    const report: Report = await reportFor(job, watched.ctx, deps.now);
    const verifiedAt = deps.now();
    let outcome: 'stored' | 'plain-image' | 'gone' = 'gone';
    const state = await store.patch(tabId, (s) => {
      if (!findCredential(s, job.key) || s.results.pageUrl !== page.url) return;
      outcome = storeReport(s, job, report, watched.first());
      if (outcome !== 'stored') return;
      const row = findCredential(s, job.key)!;
      const queued = row.timing ?? { receivedAt: startedAt, queuedAt: startedAt };
      row.timing = { ...queued, startedAt, verifiedAt, storedAt: deps.now(), networkMs: Math.round(timed.networkMs()), fetches: timed.fetches() };
      const worker = deps.workerTiming?.();
      if (worker) s.results.worker = worker;
    });
    if (outcome === 'gone') return;
    await refreshBadge(tabId, state?.results);
    if (outcome === 'plain-image') return; // never a credential: nothing to keep in the history
    if (job.derived.kind === 'claim' || job.overBudget) return; // nothing was checked: a row, not a history entry
    const inputText = job.derived.kind === 'input' ? inputTextOf(job.derived.input) : undefined;
    // the address it was read from: "Check again now" in the history reads it there again
    const origin = originOf(job.derived, job.candidate);
    const source = { pageUrl: page.url, pageTitle: page.title, profileName: page.profileName, via, ...(inputText ? { inputText } : {}), ...(origin ? { origin } : {}) };
    const failure = await recordToHistory(deps.history, report, source);
    if (failure) await flagHistoryError(tabId, page.url, failure);
  };
}

/** The report for one job: verified, or the honest "could not be checked" for what has nothing to fetch. */
function reportFor(job: Job, ctx: VerifyContext, now: () => number): Promise<Report> {
  if (job.overBudget) return unreadReport(job.candidate, 'PAGE_LINK_LIMIT', { max: LIMITS.linksFollowedPerPage }, now);
  if (job.derived.kind === 'claim') return unreadReport(job.candidate, 'NO_CREDENTIAL_LINK', {}, now);
  if (job.derived.kind === 'no-endpoint') return noEndpointReport(job.candidate, job.derived.platform, now);
  return runVerification(job.derived, ctx);
}

/** Verdicts whose summary comes from data the issuer vouched for: only then is the page's claim compared. */
const CONFIRMED = new Set(['verified', 'expired', 'revoked']);

/**
 * Puts a finished report into the tab's state. An image nobody asked for
 * that holds no credential is removed from the list instead (plain-image.ts).
 */
function storeReport(s: TabState, job: Job, report: Report, fetched: FetchedDocument | undefined): 'stored' | 'plain-image' {
  if (job.candidate.kind === 'image' && !s.inputs.asked?.[job.key] && isPlainImage(report, fetched)) {
    s.results.credentials = s.results.credentials.filter((c) => c.key !== job.key);
    (s.inputs.plainImages ??= {})[job.key] = true;
    return 'plain-image';
  }
  setReport(s, findCredential(s, job.key)!, report);
  return 'stored';
}

/** Makes `report` the row's current result, with the page's claim held against it again. */
export function setReport(s: TabState, credential: FoundCredential, report: Report): void {
  credential.state = 'done';
  credential.report = report;
  if (credential.claim && CONFIRMED.has(report.verdict)) {
    const { title, issuer, issued, expires } = credential.claim;
    const holder = s.results.profileName;
    credential.comparison = compareClaim({ title, issuer, issued, expires, ...(holder ? { holder } : {}) }, report.summary);
  } else delete credential.comparison;
}
