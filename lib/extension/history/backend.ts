/**
 * The storage underneath the history, kept behind a small interface so the
 * logic (change detection, retention, queries) runs in Node tests against the
 * in-memory backend and in the extension against IndexedDB (idb-backend.ts).
 */
import type { HistoryEntry, HistorySummary } from './types';

/** Low-level persistence. Methods may throw; HistoryStore maps throws to storage errors. */
export interface HistoryBackend {
  put(entry: HistoryEntry): Promise<void>;
  putMany(entries: readonly HistoryEntry[]): Promise<void>;
  get(id: string): Promise<HistoryEntry | undefined>;
  /** ids that already exist among `ids` (for de-duplicated import) */
  existingIds(ids: readonly string[]): Promise<Set<string>>;
  /** the most recent entry for one input hash */
  latestByInputHash(inputHash: string): Promise<HistoryEntry | undefined>;
  /** the most recent entry for one credential (see credential-key.ts) */
  latestByCredentialKey(credentialKey: string): Promise<HistoryEntry | undefined>;
  /** visits summaries newest first; stop early by returning `false`. Read-only: do not mutate. */
  forEachSummaryNewestFirst(visit: (summary: HistorySummary) => boolean | void): Promise<void>;
  /** one page of summaries, newest first, without reading the rest (unfiltered lists) */
  pageNewestFirst(offset: number, limit: number): Promise<HistorySummary[]>;
  /** every full entry, newest first (export) */
  allEntries(): Promise<HistoryEntry[]>;
  delete(ids: readonly string[]): Promise<void>;
  /** deletes entries checked strictly before `iso`; returns how many */
  deleteOlderThan(iso: string): Promise<number>;
  clear(): Promise<void>;
  count(): Promise<number>;
}

/** The list columns of an entry (everything but the report and the verified text). */
export function summaryOf(entry: HistoryEntry): HistorySummary {
  const { report: _report, inputText: _inputText, ...summary } = entry;
  return summary;
}

/** Newest first; ties broken by id so paging is stable. */
export const newestFirst = (a: { checkedAt: string; id: string }, b: { checkedAt: string; id: string }): number =>
  a.checkedAt < b.checkedAt ? 1 : a.checkedAt > b.checkedAt ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;

/**
 * A Map-backed backend for tests. Entries are structured-cloned on the way
 * in and out, so callers cannot mutate stored data, as with IndexedDB.
 */
export function createMemoryBackend(): HistoryBackend {
  const byId = new Map<string, HistoryEntry>();
  let sorted: HistorySummary[] | undefined;
  const ordered = (): HistorySummary[] => (sorted ??= [...byId.values()].map(summaryOf).sort(newestFirst));
  const latestWhere = (match: (e: HistoryEntry) => boolean) => {
    const hit = ordered().find((s) => match(byId.get(s.id)!));
    return hit && structuredClone(byId.get(hit.id));
  };
  const write = (e: HistoryEntry) => {
    byId.set(e.id, structuredClone(e));
    sorted = undefined;
  };
  return {
    put: async (entry) => write(entry),
    putMany: async (entries) => entries.forEach(write),
    get: async (id) => {
      const e = byId.get(id);
      return e && structuredClone(e);
    },
    existingIds: async (ids) => new Set(ids.filter((id) => byId.has(id))),
    latestByInputHash: async (inputHash) => latestWhere((e) => e.inputHash === inputHash),
    latestByCredentialKey: async (key) => latestWhere((e) => e.credentialKey === key),
    async forEachSummaryNewestFirst(visit) {
      for (const s of ordered()) if (visit(s) === false) return;
    },
    pageNewestFirst: async (offset, limit) => ordered().slice(offset, offset + limit),
    allEntries: async () => ordered().map((s) => structuredClone(byId.get(s.id)!)),
    async delete(ids) {
      ids.forEach((id) => byId.delete(id));
      sorted = undefined;
    },
    async deleteOlderThan(iso) {
      const old = [...byId.values()].filter((e) => e.checkedAt < iso);
      old.forEach((e) => byId.delete(e.id));
      sorted = undefined;
      return old.length;
    },
    async clear() {
      byId.clear();
      sorted = undefined;
    },
    count: async () => byId.size,
  };
}
