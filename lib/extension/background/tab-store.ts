/**
 * Per-tab state in session storage: `tab:<tabId>` holds the TabResults the
 * popup reads (lib/extension/tab-results.ts), `tabinput:<tabId>` the candidates behind
 * them (needed for marker clicks and recipient re-checks; never shown).
 * Updates to one tab are serialised, because verifications finish
 * concurrently and each one is a read-modify-write.
 */
import { type RecipientHint } from '../../engine';
import type { Candidate } from '../../detect/types';
import { tabResultsKey, type FoundCredential, type TabResults } from '../tab-results';
import type { KeyValueArea } from './storage-area';

export const tabInputsKey = (tabId: number): string => `tabinput:${tabId}`;

/** What the background keeps about a tab besides the results: candidates by key, and the recipient hint. */
export interface TabInputs {
  candidates: Record<string, Candidate>;
  recipient?: RecipientHint;
  /** candidates the user asked for (marker click, context menu): always listed with their report */
  asked?: Record<string, true>;
  /** images fetched unasked that held no credential: not listed, not fetched again (plain-image.ts) */
  plainImages?: Record<string, true>;
  /** links from certification entries given to the pipeline to follow on this page (LIMITS.linksFollowedPerPage) */
  followed?: number;
}

export interface TabState {
  results: TabResults;
  inputs: TabInputs;
}

export interface TabStore {
  get(tabId: number): Promise<TabState | undefined>;
  /** applies `change` to the tab's state (created empty for `pageUrl` when absent) and saves it */
  update(tabId: number, pageUrl: string, change: (state: TabState) => void): Promise<TabState>;
  /** applies `change` only when the tab has state (a closed tab is not brought back) */
  patch(tabId: number, change: (state: TabState) => void): Promise<TabState | undefined>;
  remove(tabId: number): Promise<void>;
  /**
   * Removes the tab's state when `test` holds, in one step: a report that
   * arrives between the test and the removal is not wiped with the old page.
   * Resolves true when it removed something.
   */
  removeIf(tabId: number, test: (state: TabState) => boolean): Promise<boolean>;
}

export function createTabStore(area: KeyValueArea, now: () => number = Date.now): TabStore {
  const chains = new Map<number, Promise<unknown>>();
  const serial = <T>(tabId: number, job: () => Promise<T>): Promise<T> => {
    const next = (chains.get(tabId) ?? Promise.resolve()).then(job, job);
    chains.set(tabId, next.catch(() => {}));
    return next;
  };
  const read = async (tabId: number): Promise<TabState | undefined> => {
    const results = await area.get<TabResults>(tabResultsKey(tabId));
    if (!results) return undefined;
    return { results, inputs: (await area.get<TabInputs>(tabInputsKey(tabId))) ?? { candidates: {} } };
  };
  const save = async (state: TabState, change: (state: TabState) => void): Promise<TabState> => {
    change(state);
    state.results.updatedAt = new Date(now()).toISOString();
    await area.set(tabInputsKey(state.results.tabId), state.inputs);
    await area.set(tabResultsKey(state.results.tabId), state.results);
    return state;
  };
  return {
    get: (tabId) => serial(tabId, () => read(tabId)),
    update: (tabId, pageUrl, change) => serial(tabId, async () => save((await read(tabId)) ?? emptyState(tabId, pageUrl, now), change)),
    patch: (tabId, change) =>
      serial(tabId, async () => {
        const state = await read(tabId);
        return state ? save(state, change) : undefined;
      }),
    remove: (tabId) => serial(tabId, () => removeState(area, tabId)),
    removeIf: (tabId, test) =>
      serial(tabId, async () => {
        const state = await read(tabId);
        if (!state || !test(state)) return false;
        await removeState(area, tabId);
        return true;
      }),
  };
}

async function removeState(area: KeyValueArea, tabId: number): Promise<void> {
  await area.remove(tabResultsKey(tabId));
  await area.remove(tabInputsKey(tabId));
}

export function emptyState(tabId: number, pageUrl: string, now: () => number): TabState {
  return { results: { tabId, pageUrl, updatedAt: new Date(now()).toISOString(), credentials: [] }, inputs: { candidates: {} } };
}

/** Finds one credential of a tab by key. */
export function findCredential(state: TabState | undefined, key: string): FoundCredential | undefined {
  return state?.results.credentials.find((c) => c.key === key);
}
