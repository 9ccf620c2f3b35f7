/**
 * State for the history view: filters, groups, and the rows of the windowed
 * list. Unfiltered, rows are read a page at a time as the list scrolls (fast
 * at any size). Filtered, one scan finds every match and scrolling needs no
 * further reads. Groups load separately so the first rows never wait on them.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { HistoryGroup } from '../../lib/extension/history/query';
import { historyStore } from '../../lib/extension/history/record';
import { isUnfiltered } from '../../lib/extension/history/store';
import { isStorageError, type HistoryQuery, type HistorySummary } from '../../lib/extension/history/types';
import { codeMessage } from '../../lib/extension/i18n';

export const PAGE_SIZE = 100;

/** Runs `task` after the next paint (a frame, then a task), or soon where frames do not run. */
function afterPaint(task: () => void): void {
  if (typeof requestAnimationFrame === 'function' && typeof document !== 'undefined' && document.visibilityState === 'visible') requestAnimationFrame(() => setTimeout(task, 0));
  else setTimeout(task, 0);
}

export interface HistoryState {
  query: HistoryQuery;
  setQuery: (q: HistoryQuery) => void;
  total: number;
  entryAt: (index: number) => HistorySummary | undefined;
  /** tells the hook which rows are visible, so it can read their pages */
  ensureRange: (first: number, last: number) => void;
  groups: HistoryGroup[];
  loading: boolean;
  reload: () => void;
  error?: string;
}

export function useHistory(initial: HistoryQuery = {}): HistoryState {
  const [query, setQuery] = useState<HistoryQuery>(initial);
  const [rows, setRows] = useState<{ total: number; byIndex: Array<HistorySummary | undefined> }>({ total: 0, byIndex: [] });
  const [groups, setGroups] = useState<HistoryGroup[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const [generation, setGeneration] = useState(0);
  /** bumps on every new query or reload, so answers to an older one are dropped */
  const token = useRef(0);
  const requested = useRef(new Set<number>());
  const store = useMemo(() => historyStore(), []);
  const paged = isUnfiltered(query);

  /** the rows the list last asked for; pages are filled in whenever a query settles */
  const wanted = useRef<[number, number]>([0, 0]);

  const loadPage = async (page: number, mine: number): Promise<void> => {
    requested.current.add(page);
    const limit = paged ? PAGE_SIZE : Number.MAX_SAFE_INTEGER;
    const result = await store.query(query, page * PAGE_SIZE, limit);
    if (mine !== token.current) return;
    setLoading(false);
    if (isStorageError(result)) return setError(codeMessage(result.error, result.message));
    setRows((prev) => {
      const byIndex = page === 0 ? [] : prev.byIndex.slice();
      result.entries.forEach((e, i) => (byIndex[page * PAGE_SIZE + i] = e));
      return { total: result.total, byIndex };
    });
    if (page === 0) fillWanted();
  };
  const loadRef = useRef(loadPage);
  loadRef.current = loadPage;

  function fillWanted() {
    if (!isUnfiltered(query)) return; // a filtered query already holds every match
    const [first, last] = wanted.current;
    for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++)
      if (!requested.current.has(p)) void loadRef.current(p, token.current);
  }
  const fillRef = useRef(fillWanted);
  fillRef.current = fillWanted;

  useEffect(() => {
    const mine = ++token.current;
    requested.current = new Set();
    setLoading(true);
    setError(undefined);
    // Groups read every summary (10,000 of them are a long structured clone on this thread):
    // they are asked for once the first rows are painted, so the first row never waits on them.
    void loadPage(0, mine).then(() => afterPaint(() => {
      if (mine !== token.current) return;
      // groups ignore the candidate filter, so the picker keeps listing every candidate
      void store.groups({ ...query, profileName: undefined, pageUrl: undefined }).then((g) => {
        if (mine === token.current) (isStorageError(g) ? setError(codeMessage(g.error, g.message)) : setGroups(g));
      });
    }));
  }, [query, generation]);

  const loadingRef = useRef(loading);
  loadingRef.current = loading;
  const ensureRange = useCallback((first: number, last: number) => {
    wanted.current = [first, last];
    // until page 0 of the current query has answered, fillWanted runs from there
    if (!loadingRef.current) fillRef.current();
  }, []);

  return {
    query,
    setQuery,
    total: rows.total,
    entryAt: (i) => rows.byIndex[i],
    ensureRange,
    groups,
    loading,
    reload: () => setGeneration((n) => n + 1),
    error,
  };
}
