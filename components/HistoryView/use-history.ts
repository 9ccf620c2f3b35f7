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
  const store = useMemo(() => historyStore(), []);

  const loadPage = useCallback(
    async (page: number, gen: number) => {
      if (loading.current.has(page)) return;
      loading.current.add(page);
      const result = await store.query(query, page * PAGE_SIZE, PAGE_SIZE);
      loading.current.delete(page);
      if (isStorageError(result)) return setError(result.message);
      if (gen !== generation) return; // a newer filter has replaced this one
      setTotal(result.total);
      setPages((prev) => new Map(prev).set(page, result.entries));
    },
    [store, query, generation],
  );

  useEffect(() => {
    setPages(new Map());
    loading.current.clear();
    void loadPage(0, generation);
    void store.groups({ ...query, profileName: undefined, pageUrl: undefined }).then((g) => (isStorageError(g) ? setError(g.message) : setGroups(g)));
  }, [query, generation]);

  const ensureRange = useCallback(
    (first: number, last: number) => {
      for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) if (!pages.has(p)) void loadPage(p, generation);
    },
    [pages, loadPage, generation],
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
