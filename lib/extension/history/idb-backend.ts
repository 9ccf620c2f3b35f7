/**
 * IndexedDB backend (via `idb`) used in the extension. The background, the
 * popup and the options page share one origin, so they all open the same
 * database. Two stores written in one transaction: `entries` (full reports,
 * the evidence) and `summaries` (list columns only), so listing 10,000
 * entries never reads 10,000 reports. Behaviour lives in store.ts.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { newestFirst, summaryOf, type HistoryBackend } from './backend';
import type { HistoryEntry, HistorySummary } from './types';

const DB_NAME = 'credlens-history';
const DB_VERSION = 1;
/** Opening can hang when an older tab holds the database (a "blocked" upgrade); give up rather than wait forever. */
const OPEN_TIMEOUT_MS = 5_000;

interface HistoryDb extends DBSchema {
  entries: {
    key: string;
    value: HistoryEntry;
    indexes: {
      checkedAt: string;
      inputHash: string;
      /** inputHash + checkedAt: the latest check of one input without scanning */
      inputHashCheckedAt: [string, string];
      /** credentialKey + checkedAt: the previous check of one credential, for change detection */
      credentialKeyCheckedAt: [string, string];
      profileName: string;
      pageUrl: string;
    };
  };
  summaries: { key: string; value: HistorySummary; indexes: { checkedAt: string } };
}

type Db = IDBPDatabase<HistoryDb>;

function openHistoryDb(onClosed: () => void): Promise<Db> {
  let opened: Db | undefined;
  const opening = openDB<HistoryDb>(DB_NAME, DB_VERSION, {
    upgrade(db) {
      const entries = db.createObjectStore('entries', { keyPath: 'id' });
      entries.createIndex('checkedAt', 'checkedAt');
      entries.createIndex('inputHash', 'inputHash');
      entries.createIndex('inputHashCheckedAt', ['inputHash', 'checkedAt']);
      entries.createIndex('credentialKeyCheckedAt', ['credentialKey', 'checkedAt']);
      entries.createIndex('profileName', 'profileName');
      entries.createIndex('pageUrl', 'pageUrl');
      db.createObjectStore('summaries', { keyPath: 'id' }).createIndex('checkedAt', 'checkedAt');
    },
    // a newer version (an updated extension) wants the database: let go, reopen on next use
    blocking() {
      opened?.close();
      onClosed();
    },
    terminated: onClosed,
  }).then((db) => (opened = db));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the history database could not be opened (blocked or unavailable)')), OPEN_TIMEOUT_MS);
  });
  return Promise.race([opening, timeout]).finally(() => clearTimeout(timer));
}

async function latestIn(db: Db, index: 'inputHashCheckedAt' | 'credentialKeyCheckedAt', key: string): Promise<HistoryEntry | undefined> {
  const range = IDBKeyRange.bound([key, ''], [key, '\uffff']);
  return (await db.transaction('entries').store.index(index).openCursor(range, 'prev'))?.value;
}

/**
 * One page of summaries, newest first, in three requests whatever the page size: a key cursor
 * finds the page's first and last `checkedAt` (advancing inside the database, nothing read), and
 * one getAll reads the summaries between them. A value cursor costs a round trip per row; the
 * first page of a 10,000-entry history waited a hundred of them before it could show a row.
 */
async function pageNewestFirst(db: Db, offset: number, limit: number): Promise<HistorySummary[]> {
  if (limit <= 0) return [];
  const index = db.transaction('summaries').store.index('checkedAt');
  let cursor = await index.openKeyCursor(null, 'prev');
  if (cursor && offset > 0) cursor = await cursor.advance(offset);
  if (!cursor) return [];
  const first = { checkedAt: cursor.key, id: cursor.primaryKey };
  if (limit > 1) cursor = await cursor.advance(limit - 1);
  const range = cursor ? IDBKeyRange.bound(cursor.key, first.checkedAt) : IDBKeyRange.upperBound(first.checkedAt);
  // index order is checkedAt, then id; reversed, that is newestFirst, and the page starts at `first`
  const rows = (await index.getAll(range)).sort(newestFirst);
  const start = rows.findIndex((r) => r.id === first.id);
  return rows.slice(start, start + limit);
}

async function writeEntries(db: Db, entries: readonly HistoryEntry[]): Promise<void> {
  const tx = db.transaction(['entries', 'summaries'], 'readwrite');
  const puts = entries.flatMap((e) => [tx.objectStore('entries').put(e), tx.objectStore('summaries').put(summaryOf(e))]);
  await Promise.all([...puts, tx.done]);
}

async function deleteIds(db: Db, ids: readonly string[]): Promise<void> {
  const tx = db.transaction(['entries', 'summaries'], 'readwrite');
  await Promise.all([...ids.flatMap((id) => [tx.objectStore('entries').delete(id), tx.objectStore('summaries').delete(id)]), tx.done]);
}

/** An IndexedDB-backed history backend; the database is opened on first use. */
export function createIdbBackend(): HistoryBackend {
  let dbPromise: Promise<Db> | undefined;
  const db = () => {
    dbPromise ??= openHistoryDb(() => (dbPromise = undefined)).catch((e: unknown) => {
      dbPromise = undefined; // let the next call retry instead of caching the failure
      throw e;
    });
    return dbPromise;
  };
  return {
    put: async (entry) => writeEntries(await db(), [entry]),
    putMany: async (entries) => writeEntries(await db(), entries),
    get: async (id) => (await db()).get('entries', id),
    async existingIds(ids) {
      const tx = (await db()).transaction('summaries');
      const keys = await Promise.all(ids.map((id) => tx.store.getKey(id)));
      return new Set(keys.filter((k): k is string => k !== undefined));
    },
    latestByInputHash: async (hash) => latestIn(await db(), 'inputHashCheckedAt', hash),
    latestByCredentialKey: async (key) => latestIn(await db(), 'credentialKeyCheckedAt', key),
    async forEachSummaryNewestFirst(visit) {
      // one getAll is far faster than a cursor step per row; summaries are small.
      // Index order is checkedAt, then id: reversed, that is exactly newestFirst.
      const all = (await (await db()).getAllFromIndex('summaries', 'checkedAt')).reverse();
      for (const s of all) if (visit(s) === false) return;
    },
    pageNewestFirst: async (offset, limit) => pageNewestFirst(await db(), offset, limit),
    allEntries: async () => (await (await db()).getAll('entries')).sort(newestFirst),
    delete: async (ids) => deleteIds(await db(), ids),
    async deleteOlderThan(iso) {
      const d = await db();
      const ids = await d.getAllKeysFromIndex('summaries', 'checkedAt', IDBKeyRange.upperBound(iso, true));
      if (ids.length) await deleteIds(d, ids);
      return ids.length;
    },
    async clear() {
      const tx = (await db()).transaction(['entries', 'summaries'], 'readwrite');
      await Promise.all([tx.objectStore('entries').clear(), tx.objectStore('summaries').clear(), tx.done]);
    },
    count: async () => (await db()).count('summaries'),
  };
}
