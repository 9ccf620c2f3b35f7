/**
 * Every error code the verifier can report, in one closed union (the jose
 * `JOSEErrorCode` pattern). Codes are prefixed by area. Where a W3C error type
 * exists, the mapping is given in W3C_ERROR_TYPE below.
 */
export const ERROR_CODES = [
  // input and parsing
  'INPUT_EMPTY',
  'INPUT_TOO_LARGE',
  'INPUT_TOO_DEEP',
  'INPUT_UNPARSEABLE',
  'INPUT_UNKNOWN_FORMAT',
  'INPUT_UNSUPPORTED_FORMAT',
  'NO_CREDENTIAL_LINK',
  'NO_CREDENTIAL_AT_LINK',
  'PAGE_LINK_LIMIT',
  // credential structure (VC data model, OB 2.0/3.0 shapes)
  'STRUCTURE_INVALID',
  'STRUCTURE_CONTEXT',
  'STRUCTURE_TYPE',
  'STRUCTURE_ISSUER',
  'STRUCTURE_SUBJECT',
  'STRUCTURE_DATES',
  'STRUCTURE_STATUS',
  'STRUCTURE_ID',
  'PROOF_MISSING',
  // Data Integrity
  'DI_UNSUPPORTED_CRYPTOSUITE',
  'DI_MALFORMED_PROOF',
  'DI_PROOF_PURPOSE_MISMATCH',
  'DI_SIGNATURE_INVALID',
  'DI_CONTEXT_NOT_ALLOWED',
  'DI_DATA_LOSS',
  'DI_NOT_PLAIN_JSON_LD',
  'DI_SIGNED_DATA_MISMATCH',
  'DI_CANONICALIZATION_LIMIT',
  'DI_CANONICALIZATION_FAILED',
  // JOSE / VC-JWT
  'JWS_INVALID',
  'JWS_ALG_NOT_ALLOWED',
  'JWS_ALG_UNSUPPORTED',
  'JWS_SIGNATURE_INVALID',
  'JWT_CLAIM_MISMATCH',
  'JWT_NO_KEY',
  // keys and issuer binding
  'KEY_MALFORMED',
  'KEY_UNSUPPORTED',
  'KEY_NOT_FOUND',
  'KEY_UNRESOLVABLE',
  'KEY_NOT_BOUND_TO_ISSUER',
  'KEY_DID_DOCUMENT_MISMATCH',
  'KEY_DID_METHOD_UNSUPPORTED',
  'DID_INVALID',
  // validity window
  'CRED_NOT_YET_VALID',
  'CRED_EXPIRED',
  'CRED_REVOKED',
  'CRED_SUSPENDED',
  // status lists
  'STATUS_RETRIEVAL_ERROR',
  'STATUS_VERIFICATION_ERROR',
  'STATUS_LIST_TOO_LARGE',
  'STATUS_RANGE',
  'STATUS_UNSUPPORTED',
  // Open Badges 2.0
  'OB2_HOSTED_ORIGIN_NOT_ALLOWED',
  'OB2_HOSTED_MISMATCH',
  'OB2_DOCUMENT_MISMATCH',
  'OB2_ISSUER_NO_ADDRESS',
  'OB2_INVALID',
  'OB2_LEGACY_UNSUPPORTED',
  // baked images
  'IMAGE_NO_CREDENTIAL',
  'IMAGE_MALFORMED',
  'IMAGE_COMPRESSED_ITXT',
  'IMAGE_SVG_DOCTYPE_REJECTED',
  'IMAGE_UNSUPPORTED',
  // EDC / JAdES seals
  'SEAL_INVALID',
  'SEAL_SIGNATURE_INVALID',
  'SEAL_CERTIFICATE_INVALID',
  'SEAL_CERTIFICATE_NOT_VALID_AT_SIGNING',
  'SEAL_UNSUPPORTED',
  'SEAL_NOT_CHECKED',
  // network
  'FETCH_URL_REJECTED',
  'FETCH_PRIVATE_ADDRESS',
  'FETCH_REDIRECT_BLOCKED',
  'FETCH_TIMEOUT',
  'FETCH_TOO_LARGE',
  'FETCH_HTTP_STATUS',
  'FETCH_NETWORK',
  'FETCH_BAD_CONTENT',
  'FETCH_BUDGET_EXCEEDED',
  // messaging between extension contexts
  'MSG_INVALID',
  'MSG_SENDER_NOT_ALLOWED',
  'MSG_RATE_LIMITED',
  // storage
  'STORAGE_FAILED',
  'STORAGE_QUOTA',
  // anything unexpected (a bug): the cause is kept for logs, never shown raw
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** W3C error types from VC Data Integrity §Processing Errors and Bitstring Status List §Processing Errors. */
export const W3C_ERROR_TYPE: Partial<Record<ErrorCode, string>> = {
  INPUT_UNPARSEABLE: 'PARSING_ERROR',
  DI_MALFORMED_PROOF: 'PROOF_VERIFICATION_ERROR',
  DI_PROOF_PURPOSE_MISMATCH: 'PROOF_VERIFICATION_ERROR',
  DI_SIGNATURE_INVALID: 'PROOF_VERIFICATION_ERROR',
  DI_UNSUPPORTED_CRYPTOSUITE: 'PROOF_TRANSFORMATION_ERROR',
  DI_DATA_LOSS: 'DATA_LOSS_DETECTION_ERROR',
  STATUS_RETRIEVAL_ERROR: 'STATUS_RETRIEVAL_ERROR',
  STATUS_VERIFICATION_ERROR: 'STATUS_VERIFICATION_ERROR',
  STATUS_LIST_TOO_LARGE: 'STATUS_LIST_LENGTH_ERROR',
  STATUS_RANGE: 'RANGE_ERROR',
};

export type ErrorDetail = Record<string, string | number | boolean>;

/**
 * Thrown inside lib/ for problems with the *input* (a credential, a fetched
 * document). The pipeline boundary turns it into a check result; it never
 * crosses a message boundary. Caller mistakes (bad options) are TypeErrors.
 */
export class VerifierError extends Error {
  readonly code: ErrorCode;
  readonly detail: ErrorDetail;
  constructor(code: ErrorCode, detail: ErrorDetail = {}, options?: { cause?: unknown }) {
    super(`${code}${Object.keys(detail).length ? ' ' + JSON.stringify(detail) : ''}`, options);
    this.name = 'VerifierError';
    this.code = code;
    this.detail = detail;
  }
}

export function isVerifierError(e: unknown): e is VerifierError {
  return e instanceof VerifierError;
}

/** Normalises any thrown value into a code and detail; unknown throws become INTERNAL. */
export function toVerifierError(e: unknown): VerifierError {
  if (e instanceof VerifierError) return e;
  return new VerifierError('INTERNAL', { reason: e instanceof Error ? e.message.slice(0, 200) : String(e).slice(0, 200) }, { cause: e });
}
