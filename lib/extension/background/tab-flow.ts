/**
 * What happens to candidates in a tab: recorded as `pending`, verified (at
 * most `concurrency` at a time), stored as `done` with the report, counted on
 * the toolbar badge, and appended to the history. Plain logic over injected
 * dependencies (BackgroundDeps), so it runs in Node tests.
 */
import { LIMITS, type RecipientHint, type Report } from '../../engine';
import { candidateKey } from '../../detect/key';
import { matchPlatformHost } from '../../detect/scan';
import type { Candidate } from '../../detect/types';
import type { FoundCredential, PageClaim, TabResults } from '../tab-results';
import { badgeFor } from './badge';
import { historyKeyOf } from '../history/store';
import type { BackgroundDeps, ContextFreshness, HistoryVia } from './deps';
import { deriveInput } from './derive-input';
import { originOf } from './history-write';
import { createLimiter } from './limiter';
import { createJobRunner, setReport, type Job, type PageInfo } from './tab-job';
import { createTabStore, emptyState, findCredential, type TabState } from './tab-store';

export type { PageInfo } from './tab-job';

export interface AddOptions {
  userInitiated: boolean;
  via: HistoryVia;
}

export type TabFlow = ReturnType<typeof createTabFlow>;

/** Candidates remembered per tab (verified ones plus images waiting for a click). */
const MAX_INPUTS_PER_TAB = 2 * LIMITS.candidatesPerPage;

export function createTabFlow(deps: BackgroundDeps) {
  const store = createTabStore(deps.session, deps.now);
  const limiter = createLimiter(deps.concurrency ?? LIMITS.verificationsAtOnce);
  const running = new Set<Promise<void>>();

  const refreshBadge = async (tabId: number, results: TabResults | undefined): Promise<void> => {
    await deps.setBadge(tabId, badgeFor(results)).catch(() => {});
  };

  const verifyJob = createJobRunner(deps, store, refreshBadge);

  /** A page's candidates, as found (a load or reload): revocation answers older than a minute are read again. */
  const schedule = (tabId: number, page: PageInfo, job: Job, via: HistoryVia, recipient?: RecipientHint): void => {
    const p: Promise<void> = limiter
      .run(() => verifyJob(tabId, page, job, via, recipient, { pageScan: true }))
      .catch(() => {})
      .finally(() => running.delete(p));
    running.add(p);
  };

  /** Records candidates for a tab and starts verifying the ones that may be verified; returns their keys. */
  async function addCandidates(tabId: number, page: PageInfo, items: readonly Candidate[], options: AddOptions): Promise<string[]> {
    const receivedAt = deps.now();
    const onPlatform = matchPlatformHost(page.url);
    const jobs: Job[] = [];
    const keys: string[] = [];
    const state = await store.update(tabId, page.url, (s) => {
      if (s.results.pageUrl !== page.url) Object.assign(s, emptyState(tabId, page.url, deps.now));
      if (page.title) s.results.pageTitle = page.title;
      if (page.profileName) s.results.profileName = page.profileName;
      if (page.listed) s.results.listed = page.listed;
      for (const candidate of items) {
        const key = candidateKey(candidate);
        const derived = deriveInput(candidate, { userInitiated: options.userInitiated, pageOnKnownPlatform: onPlatform });
        if (derived.kind === 'ignored') continue;
        if (options.userInitiated) (s.inputs.asked ??= {})[key] = true;
        else if (s.inputs.plainImages?.[key]) continue; // already found to hold no credential
        const known = key in s.inputs.candidates;
        // bounded per tab: session storage has a quota and a page could keep sending new candidates
        if (!known && Object.keys(s.inputs.candidates).length >= MAX_INPUTS_PER_TAB) continue;
        const verifiable = derived.kind !== 'needs-user' && !findCredential(s, key);
        if (verifiable && s.results.credentials.length >= LIMITS.candidatesPerPage) continue;
        keys.push(key);
        s.inputs.candidates[key] ??= candidate;
        if (!verifiable) continue;
        const claim = claimOf(candidate);
        s.results.credentials.push({
          key,
          candidateKind: candidate.kind,
          ...(candidate.label ? { label: candidate.label } : {}),
          pageUrl: page.url,
          ...(page.title ? { pageTitle: page.title } : {}),
          ...(page.profileName ? { profileName: page.profileName } : {}),
          state: 'pending',
          ...(claim ? { claim } : {}),
          timing: { receivedAt, queuedAt: deps.now() },
        });
        // A profile gives at most LIMITS.linksFollowedPerPage links to follow (SECURITY.md row 55); the rest are still rows.
        const follows = derived.kind === 'input' && 'url' in derived.input && derived.input.follow === true && candidate.fromEntry === true;
        const overBudget = follows && (s.inputs.followed = (s.inputs.followed ?? 0) + 1) > LIMITS.linksFollowedPerPage;
        jobs.push({ key, candidate, derived, ...(overBudget ? { overBudget } : {}) });
      }
    });
    await refreshBadge(tabId, state.results);
    for (const job of jobs) schedule(tabId, page, job, options.via, state.inputs.recipient);
    return keys;
  }

  /** Marker click: verify the candidate if not yet (images included: the user asked), then show its report. */
  async function openCandidate(tabId: number, key: string): Promise<boolean> {
    const state = await store.get(tabId);
    const candidate = state?.inputs.candidates[key];
    if (!state || !candidate) return false;
    // also when already listed: marks it as asked for, so an image still being checked stays listed
    await addCandidates(tabId, pageOf(state), [candidate], { userInitiated: true, via: 'page' });
    await deps.openReport(tabId, key);
    return true;
  }

  /**
   * Re-runs the rows of a tab that `pick` selects, all with `recipient` when
   * given; resolves with the results once all are done. `fresh` reads keys
   * and status lists anew instead of from the shared cache.
   */
  async function rerun(tabId: number, pick: (row: FoundCredential) => boolean, options: { recipient?: RecipientHint; fresh?: boolean }): Promise<TabResults | undefined> {
    const jobs: Job[] = [];
    const state = await store.patch(tabId, (s) => {
      if (options.recipient && isEmptyRecipient(options.recipient)) delete s.inputs.recipient;
      else if (options.recipient) s.inputs.recipient = options.recipient;
      for (const credential of s.results.credentials) {
        const candidate = s.inputs.candidates[credential.key];
        const derived = candidate && deriveInput(candidate, { userInitiated: true, pageOnKnownPlatform: false });
        if (!candidate || !derived || derived.kind === 'ignored' || derived.kind === 'needs-user' || !pick(credential)) continue;
        credential.state = 'pending';
        jobs.push({ key: credential.key, candidate, derived });
      }
    });
    if (!state) return undefined;
    await refreshBadge(tabId, state.results);
    const page = pageOf(state);
    const recipient = state.inputs.recipient;
    const freshness: ContextFreshness | undefined = options.fresh ? { fresh: true } : undefined;
    await Promise.all(jobs.map((job) => limiter.run(() => verifyJob(tabId, page, job, 'page', recipient, freshness)).catch(() => {})));
    return (await store.get(tabId))?.results;
  }

  /**
   * Re-runs every credential of the tab with a recipient hint; resolves when
   * all are done. A hint with neither email nor address clears the recipient
   * (the form's "Clear"): every row goes back to "not checked".
   */
  const recheckRecipient = (tabId: number, recipient: RecipientHint) => rerun(tabId, () => true, { recipient });

  /**
   * A credential was checked again elsewhere (the history's "Check again
   * now"): every tab row showing it takes the new result, so no list keeps
   * an old "verified" beside a revocation. `keys` are the history keys the
   * credential is known by (history/store.ts historyKeyOf); a row keeps its
   * recipient result, which the re-check (made without a recipient) did not compute.
   */
  async function applyRecheck(keys: ReadonlySet<string>, report: Report): Promise<number> {
    let replaced = 0;
    const sessionKeys = (await deps.session.keys?.()) ?? [];
    for (const tabId of sessionKeys.flatMap((k) => (/^tab:(\d+)$/.exec(k) ? [Number(k.slice(4))] : []))) {
      const state = await store.get(tabId);
      const matching = new Set<string>();
      for (const row of state?.results.credentials ?? []) {
        const candidate = state!.inputs.candidates[row.key];
        if (row.state !== 'done' || !row.report || !candidate) continue;
        const origin = originOf(deriveInput(candidate, { userInitiated: true, pageOnKnownPlatform: false }), candidate);
        if (keys.has(await historyKeyOf(row.report, origin))) matching.add(row.key);
      }
      if (matching.size === 0) continue;
      const updated = await store.patch(tabId, (s) => {
        for (const row of s.results.credentials) {
          if (!matching.has(row.key) || !row.report) continue;
          setReport(s, row, s.inputs.recipient ? { ...report, recipient: row.report.recipient } : report);
          replaced++;
        }
      });
      await refreshBadge(tabId, updated?.results);
    }
    return replaced;
  }

  /**
   * "Try again": the row `key`, or every row that could not be checked (a
   * site that did not answer, a permission just granted), read anew.
   */
  const recheck = (tabId: number, key?: string) =>
    rerun(tabId, (row) => (key !== undefined ? row.key === key : row.report?.verdict === 'unverifiable'), { fresh: true });

  /**
   * The worker may have been stopped mid-verification (MV3 kills idle
   * workers): entries left `pending` are verified again at start-up.
   */
  async function resumePending(): Promise<number> {
    const keys = (await deps.session.keys?.()) ?? [];
    let resumed = 0;
    for (const tabId of keys.flatMap((k) => (/^tab:(\d+)$/.exec(k) ? [Number(k.slice(4))] : []))) {
      const state = await store.get(tabId);
      if (!state) continue;
      for (const credential of state.results.credentials) {
        const candidate = state.inputs.candidates[credential.key];
        const derived = candidate && deriveInput(candidate, { userInitiated: true, pageOnKnownPlatform: false });
        if (credential.state !== 'pending' || !candidate || !derived || derived.kind === 'ignored' || derived.kind === 'needs-user') continue;
        schedule(tabId, pageOf(state), { key: credential.key, candidate, derived }, 'page', state.inputs.recipient);
        resumed++;
      }
    }
    return resumed;
  }

  /** Drops a tab's state (closed, or navigated to another page). */
  async function forget(tabId: number): Promise<void> {
    await store.remove(tabId);
    await refreshBadge(tabId, undefined);
  }

  return {
    store,
    addCandidates,
    openCandidate,
    recheckRecipient,
    recheck,
    applyRecheck,
    resumePending,
    /** Context menu "Verify this badge": a user-chosen image or link, verified and opened. */
    async verifyUserPick(tabId: number, page: PageInfo, candidate: Candidate): Promise<string | undefined> {
      const [key] = await addCandidates(tabId, page, [candidate], { userInitiated: true, via: 'context-menu' });
      if (key) await deps.openReport(tabId, key);
      return key;
    },
    /**
     * A new document is loading: drop the state unless it is known to be the
     * same page (URL unknown → drop). Test and removal are one step in the
     * tab's queue: the new document's first report may already be queued
     * behind the test, and must not be wiped with the old page's state.
     */
    async forgetIfMoved(tabId: number, url: string | undefined): Promise<void> {
      const removed = await store.removeIf(tabId, (s) => url === undefined || s.results.pageUrl !== url);
      if (removed) await refreshBadge(tabId, undefined);
    },
    forget,
    /** resolves when every scheduled verification has finished (tests, shutdown) */
    async idle(): Promise<void> {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}

/** What a certification entry claims, as the page shows it (kept beside the verdict, never as verified). */
function claimOf(c: Candidate): PageClaim | undefined {
  if (!c.fromEntry) return undefined;
  const claim: PageClaim = {
    ...(c.label ? { title: c.label } : {}),
    ...(c.issuerLabel ? { issuer: c.issuerLabel } : {}),
    ...(c.issuedLabel ? { issued: c.issuedLabel.split(/\s*·\s*/)[0] } : {}),
    ...(c.expiresLabel ? { expires: c.expiresLabel } : {}),
    ...(c.credentialIdLabel ? { credentialId: c.credentialIdLabel } : {}),
    ...(c.kind === 'link' ? { link: c.value } : c.href ? { link: c.href } : {}),
  };
  return claim;
}

/** The form's "Clear": a hint that names no one. */
const isEmptyRecipient = (r: RecipientHint): boolean => !Object.values(r).some((v) => typeof v === 'string' && v.length > 0);

function pageOf(state: TabState): PageInfo {
  const r = state.results;
  return { url: r.pageUrl, ...(r.pageTitle ? { title: r.pageTitle } : {}), ...(r.profileName ? { profileName: r.profileName } : {}) };
}
