/**
 * The storage underneath the history, kept behind a small interface so the
 * logic (change detection, retention, queries) runs in Node tests against the
 * in-memory backend and in the extension against IndexedDB (idb-backend.ts).
 */
import type { HistoryEntry } from './types';

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
  /** visits entries newest first; stop early by returning `false` */
  forEachNewestFirst(visit: (entry: HistoryEntry) => boolean | void): Promise<void>;
  delete(ids: readonly string[]): Promise<void>;
  /** deletes entries checked strictly before `iso`; returns how many */
  deleteOlderThan(iso: string): Promise<number>;
  clear(): Promise<void>;
  count(): Promise<number>;
}

const newestFirst = (a: HistoryEntry, b: HistoryEntry): number =>
  a.checkedAt < b.checkedAt ? 1 : a.checkedAt > b.checkedAt ? -1 : a.id < b.id ? 1 : -1;

/**
 * A Map-backed backend for tests and as a fallback when IndexedDB cannot be
 * opened. Entries are structured-cloned so callers cannot mutate stored data,
 * as with IndexedDB.
 */
export function createMemoryBackend(): HistoryBackend {
  const byId = new Map<string, HistoryEntry>();
  let sorted: HistoryEntry[] | undefined;
  const ordered = (): HistoryEntry[] => (sorted ??= [...byId.values()].sort(newestFirst));
  const write = (e: HistoryEntry) => {
    byId.set(e.id, structuredClone(e));
    sorted = undefined;
  };
  return {
    async put(entry) {
      write(entry);
    },
    async putMany(entries) {
      entries.forEach(write);
    },
    async get(id) {
      const e = byId.get(id);
      return e && structuredClone(e);
    },
    async existingIds(ids) {
      return new Set(ids.filter((id) => byId.has(id)));
    },
    async latestByInputHash(inputHash) {
      const e = ordered().find((x) => x.inputHash === inputHash);
      return e && structuredClone(e);
    },
    async latestByCredentialKey(credentialKey) {
      const e = ordered().find((x) => x.credentialKey === credentialKey);
      return e && structuredClone(e);
    },
    async forEachNewestFirst(visit) {
      // Not cloned: a query over 10,000 entries must stay fast; callers treat entries as read-only.
      for (const e of ordered()) if (visit(e) === false) return;
    },
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
    async count() {
      return byId.size;
    },
  };
}
