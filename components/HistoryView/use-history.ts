/**
 * State for the history view: filters, the current groups, and entries
 * loaded page by page as the windowed list scrolls.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { HistoryGroup } from '../../lib/history/query';
import { historyStore } from '../../lib/history/record';
import { isStorageError, type HistoryEntry, type HistoryQuery } from '../../lib/history/types';

export const PAGE_SIZE = 100;

export interface HistoryState {
  query: HistoryQuery;
  setQuery: (q: HistoryQuery) => void;
  total: number;
  groups: HistoryGroup[];
  entryAt: (index: number) => HistoryEntry | undefined;
  ensureRange: (first: number, last: number) => void;
  reload: () => void;
  error?: string;
  setError: (message: string | undefined) => void;
}

/** Loads the history through the shared store (IndexedDB in extension pages). */
export function useHistory(initial: HistoryQuery = {}): HistoryState {
  const [query, setQuery] = useState<HistoryQuery>(initial);
  const [total, setTotal] = useState(0);
  const [groups, setGroups] = useState<HistoryGroup[]>([]);
  const [pages, setPages] = useState<Map<number, HistoryEntry[]>>(new Map());
  const [error, setError] = useState<string>();
  const [generation, setGeneration] = useState(0);
  const loading = useRef(new Set<number>());
  /** bumps on every new query or reload, so answers to an older one are dropped */
  const token = useRef(0);
  const store = useMemo(() => historyStore(), []);

  const loadPage = useCallback(
    async (page: number) => {
      const mine = token.current;
      if (loading.current.has(page)) return;
      loading.current.add(page);
      const result = await store.query(query, page * PAGE_SIZE, PAGE_SIZE);
      if (mine !== token.current) return;
      loading.current.delete(page);
      if (isStorageError(result)) return setError(result.message);
      setTotal(result.total);
      setPages((prev) => new Map(prev).set(page, result.entries));
    },
    [store, query],
  );

  useEffect(() => {
    token.current++;
    setPages(new Map());
    loading.current = new Set();
    setError(undefined);
    void loadPage(0);
    // groups ignore the candidate filter, so the picker keeps listing every candidate
    void store.groups({ ...query, profileName: undefined, pageUrl: undefined }).then((g) => (isStorageError(g) ? setError(g.message) : setGroups(g)));
  }, [query, generation]);

  const ensureRange = useCallback(
    (first: number, last: number) => {
      for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) if (!pages.has(p)) void loadPage(p);
    },
    [pages, loadPage],
  );

  return {
    query,
    setQuery,
    total,
    groups,
    entryAt: (i) => pages.get(Math.floor(i / PAGE_SIZE))?.[i % PAGE_SIZE],
    ensureRange,
    reload: () => setGeneration((g) => g + 1),
    error,
    setError,
  };
}
