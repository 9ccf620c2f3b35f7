/**
 * Writes a verification to the history and hands back what went wrong, so
 * no verification is lost silently: the caller shows the report anyway and
 * tells the user it was not saved (lib/extension/history/storage-error.ts).
 */
import type { Candidate } from '../../detect/types';
import { toStorageError } from '../history/storage-error';
import { isStorageError, type HistoryOrigin, type HistorySource, type HistoryStorageError } from '../history/types';
import { LIMITS, fromUtf8, type Report, type VerifyInput } from '../../engine';
import type { HistoryHooks } from './deps';
import type { Derived } from './derive-input';

/**
 * Records `report`; resolves with the storage error when the write failed
 * (returned or thrown by the hook), undefined when it was stored or there is
 * no history. Never rejects.
 */
export async function recordToHistory(history: HistoryHooks | undefined, report: Report, source: HistorySource): Promise<HistoryStorageError | undefined> {
  if (!history) return undefined;
  try {
    const result = await history.record(report, source);
    return isStorageError(result) ? result : undefined;
  } catch (e) {
    return toStorageError(e);
  }
}

/**
 * The text of an input, for the history to keep for re-checking: pasted or
 * found text as it is, a file's bytes when they are UTF-8 text (a .jwt or
 * .json file). Undefined for images, URLs and anything over the size cap;
 * the history keeps it only if it hashes to the report's input.
 */
export function inputTextOf(input: VerifyInput): string | undefined {
  if ('text' in input) return input.text.length <= LIMITS.candidateChars ? input.text : undefined;
  if (!('bytes' in input) || input.bytes.length > LIMITS.candidateChars * 4) return undefined;
  try {
    const text = fromUtf8(input.bytes);
    return text.length <= LIMITS.candidateChars ? text : undefined;
  } catch {
    return undefined; // binary (a PNG): re-checked from its report instead
  }
}

/**
 * Where a check reads its credential, for the history to read it there again:
 * the https address verified (with how: followed, unwrapped from a platform's
 * answer), or the link of a platform that publishes nothing for it. Undefined
 * for text and bytes, which the history keeps as text or as the credential.
 */
export function originOf(derived: Derived, candidate: Pick<Candidate, 'value'>): HistoryOrigin | undefined {
  if (derived.kind === 'input' && 'url' in derived.input && /^https:\/\//i.test(derived.input.url)) {
    const { url, follow } = derived.input;
    return { url, ...(follow ? { follow: true as const } : {}), ...(derived.wrappedIn ? { wrappedIn: derived.wrappedIn } : {}) };
  }
  if (derived.kind === 'no-endpoint' && /^https:\/\//i.test(candidate.value)) return { url: candidate.value, noEndpoint: derived.platform };
  return undefined;
}

/** The reply field for a failed write: `{ history: { error, message } }`, or nothing. */
export const historyReplyField = (failure: HistoryStorageError | undefined): { history?: HistoryStorageError } =>
  failure ? { history: failure } : {};
