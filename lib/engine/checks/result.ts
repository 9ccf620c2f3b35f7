/** Constructors for check results, so every check reads the same. */
import type { ErrorCode, ErrorDetail } from '../errors';
import { VerifierError, toVerifierError } from '../errors';
import { messageFor } from '../messages';
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

/**
 * Codes that mean "the answer could not be established" rather than "the
 * answer is bad": a thrown VerifierError with one of these becomes `error`.
 */
const COULD_NOT_CHECK = new Set<ErrorCode>([
  'FETCH_URL_REJECTED', 'FETCH_PRIVATE_ADDRESS', 'FETCH_REDIRECT_BLOCKED', 'FETCH_TIMEOUT', 'FETCH_TOO_LARGE',
  'FETCH_HTTP_STATUS', 'FETCH_NETWORK', 'FETCH_BAD_CONTENT', 'FETCH_BUDGET_EXCEEDED',
  'KEY_UNRESOLVABLE', 'KEY_DID_METHOD_UNSUPPORTED', 'KEY_UNSUPPORTED', 'JWS_ALG_UNSUPPORTED',
  'DI_UNSUPPORTED_CRYPTOSUITE', 'DI_CONTEXT_NOT_ALLOWED', 'DI_NOT_PLAIN_JSON_LD', 'INPUT_UNSUPPORTED_FORMAT',
  'NO_CREDENTIAL_LINK', 'NO_CREDENTIAL_AT_LINK', 'PAGE_LINK_LIMIT',
  'STATUS_RETRIEVAL_ERROR', 'STATUS_VERIFICATION_ERROR', 'STATUS_LIST_TOO_LARGE', 'STATUS_RANGE', 'STATUS_UNSUPPORTED',
  'SEAL_UNSUPPORTED', 'SEAL_NOT_CHECKED', 'OB2_LEGACY_UNSUPPORTED', 'OB2_ISSUER_NO_ADDRESS', 'INTERNAL',
]);

export function isCouldNotCheck(code: ErrorCode): boolean {
  return COULD_NOT_CHECK.has(code);
}

/** Converts a thrown value into a check: `error` for could-not-check codes, `fail` otherwise. */
export function fromThrown(id: CheckId, e: unknown): Check {
  const err: VerifierError = toVerifierError(e);
  return isCouldNotCheck(err.code) ? error(id, err.code, err.detail) : fail(id, err.code, err.detail);
}
