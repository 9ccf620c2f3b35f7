/** Constructors for check results, so every check reads the same. */
import type { ErrorCode, ErrorDetail } from '../errors';
import { VerifierError, messageFor, outcomeOf, toVerifierError } from '../errors';
import type { Check, CheckId } from '../report';

export const pass = (id: CheckId, message = 'Passed', detail?: ErrorDetail): Check => ({
  id, status: 'pass', code: 'OK', message, ...(detail ? { detail } : {}),
});

export const fail = (id: CheckId, code: ErrorCode, detail: ErrorDetail = {}): Check => ({
  id, status: 'fail', code, message: messageFor(code, detail), detail,
});

/** The step could not be completed: never leads to `verified`. */
export const error = (id: CheckId, code: ErrorCode, detail: ErrorDetail = {}): Check => ({
  id, status: 'error', code, message: messageFor(code, detail), detail,
});

export const skip = (id: CheckId, code: 'SKIPPED' | 'NOT_APPLICABLE' = 'SKIPPED', message?: string): Check => ({
  id, status: 'skip', code, message: message ?? messageFor(code),
});

/** The answer could not be established (lib/engine/errors.ts outcome `unknown`): a check with this code is `error`. */
export function isCouldNotCheck(code: ErrorCode): boolean {
  return outcomeOf(code) === 'unknown';
}

/** Converts a thrown value into a check: `error` for could-not-check codes, `fail` otherwise. */
export function fromThrown(id: CheckId, e: unknown): Check {
  const err: VerifierError = toVerifierError(e);
  return isCouldNotCheck(err.code) ? error(id, err.code, err.detail) : fail(id, err.code, err.detail);
}
