/**
 * IndexedDB backend (via `idb`) used in the extension. The background, the
 * popup and the options page share one origin, so they all open the same
 * database. Kept thin: all behaviour lives in store.ts.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { HistoryBackend } from './backend';
import type { HistoryEntry } from './types';

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
}

function openHistoryDb(): Promise<IDBPDatabase<HistoryDb>> {
  const opening = openDB<HistoryDb>(DB_NAME, DB_VERSION, {
    upgrade(db) {
      const store = db.createObjectStore('entries', { keyPath: 'id' });
      store.createIndex('checkedAt', 'checkedAt');
      store.createIndex('inputHash', 'inputHash');
      store.createIndex('inputHashCheckedAt', ['inputHash', 'checkedAt']);
      store.createIndex('credentialKeyCheckedAt', ['credentialKey', 'checkedAt']);
      store.createIndex('profileName', 'profileName');
      store.createIndex('pageUrl', 'pageUrl');
    },
    blocked() {
      // another context still holds an older version; the timeout below reports it
    },
  });
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error('the history database could not be opened (blocked or unavailable)')), OPEN_TIMEOUT_MS),
  );
  return Promise.race([opening, timeout]);
}

/** An IndexedDB-backed history backend; the database is opened on first use. */
export function createIdbBackend(): HistoryBackend {
  let dbPromise: Promise<IDBPDatabase<HistoryDb>> | undefined;
  const db = () => {
    dbPromise ??= openHistoryDb().catch((e: unknown) => {
      dbPromise = undefined; // let the next call retry instead of caching the failure
      throw e;
    });
    return dbPromise;
  };
  return {
    async put(entry) {
      await (await db()).put('entries', entry);
    },
    async putMany(entries) {
      const tx = (await db()).transaction('entries', 'readwrite');
      await Promise.all([...entries.map((e) => tx.store.put(e)), tx.done]);
    },
    async get(id) {
      return (await db()).get('entries', id);
    },
    async existingIds(ids) {
      const tx = (await db()).transaction('entries');
      const keys = await Promise.all(ids.map((id) => tx.store.getKey(id)));
      return new Set(keys.filter((k): k is string => k !== undefined));
    },
    async latestByInputHash(inputHash) {
      const range = IDBKeyRange.bound([inputHash, ''], [inputHash, '\uffff']);
      const cursor = await (await db()).transaction('entries').store.index('inputHashCheckedAt').openCursor(range, 'prev');
      return cursor?.value;
    },
    async latestByCredentialKey(credentialKey) {
      const range = IDBKeyRange.bound([credentialKey, ''], [credentialKey, '\uffff']);
      const cursor = await (await db()).transaction('entries').store.index('credentialKeyCheckedAt').openCursor(range, 'prev');
      return cursor?.value;
    },
    async forEachNewestFirst(visit) {
      let cursor = await (await db()).transaction('entries').store.index('checkedAt').openCursor(null, 'prev');
      while (cursor) {
        if (visit(cursor.value) === false) return;
        cursor = await cursor.continue();
      }
    },
    async delete(ids) {
      const tx = (await db()).transaction('entries', 'readwrite');
      await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
    },
    async deleteOlderThan(iso) {
      const tx = (await db()).transaction('entries', 'readwrite');
      let cursor = await tx.store.index('checkedAt').openCursor(IDBKeyRange.upperBound(iso, true));
      let deleted = 0;
      while (cursor) {
        await cursor.delete();
        deleted++;
        cursor = await cursor.continue();
      }
      await tx.done;
      return deleted;
    },
    async clear() {
      await (await db()).clear('entries');
    },
    async count() {
      return (await db()).count('entries');
    },
  };
}
