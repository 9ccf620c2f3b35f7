/**
 * The one entry point the background calls after every verification. A
 * failed write returns a storage error (never throws), so the background can
 * keep the report in memory and tell the user.
 */
import { type Report } from '../../engine';
import { getSettings } from '../settings';
import type { HistoryBackend } from './backend';
import { createIdbBackend } from './idb-backend';
import { DEFAULT_RETENTION_DAYS, HistoryStore } from './store';
import type { HistoryEntry, HistorySource, HistoryStorageError } from './types';

let shared: HistoryStore | undefined;

/** The history store of this extension context (IndexedDB unless replaced for tests). */
export function historyStore(): HistoryStore {
  shared ??= new HistoryStore(createIdbBackend());
  return shared;
}

/** Replaces the backend, e.g. with createMemoryBackend() in tests. */
export function useHistoryBackend(backend: HistoryBackend, options?: ConstructorParameters<typeof HistoryStore>[1]): HistoryStore {
  shared = new HistoryStore(backend, options);
  return shared;
}

async function retentionDays(): Promise<number> {
  try {
    return (await getSettings()).retentionDays;
  } catch {
    return DEFAULT_RETENTION_DAYS; // settings unreadable: still record, with the default retention
  }
}

/**
 * Stores a verification in the history, applying the retention setting.
 *
 * @example
 * const r = await recordVerification(report, { pageUrl: tab.url, via: 'page' });
 * if ('error' in r) showBanner(r.message);
 */
export async function recordVerification(
  report: Report,
  source: HistorySource,
): Promise<HistoryEntry | HistoryStorageError> {
  return historyStore().record(report, source, await retentionDays());
}

/** Applies retention without a write (on background startup). */
export async function applyHistoryRetention(): Promise<number | HistoryStorageError> {
  return historyStore().applyRetention(await retentionDays());
}
