/**
 * Turns whatever a storage layer throws into one of two codes the UI can
 * explain. Nothing is lost silently: the caller keeps the report in memory
 * and shows this message.
 */
import { messageFor } from '../../engine';
import type { HistoryStorageError } from './types';

/** True for a full disk / exhausted origin quota, in every spelling browsers use. */
function isQuotaError(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { name, code } = e as { name?: unknown; code?: unknown };
  // Firefox historically threw NS_ERROR_DOM_QUOTA_REACHED; legacy DOMException code 22 is QUOTA_EXCEEDED_ERR.
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22;
}

/** Maps any thrown value to STORAGE_QUOTA or STORAGE_FAILED with a plain-language message. */
export function toStorageError(e: unknown): HistoryStorageError {
  if (isQuotaError(e)) return { error: 'STORAGE_QUOTA', message: messageFor('STORAGE_QUOTA') };
  const reason = e instanceof Error ? e.message || e.name : String(e);
  return { error: 'STORAGE_FAILED', message: messageFor('STORAGE_FAILED', { reason: reason.slice(0, 200) }) };
}

/** Runs a storage operation, returning its value or a storage error instead of throwing. */
export async function guardStorage<T>(op: () => Promise<T>): Promise<T | HistoryStorageError> {
  try {
    return await op();
  } catch (e) {
    return toStorageError(e);
  }
}
