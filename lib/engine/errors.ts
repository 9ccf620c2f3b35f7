/**
 * Every error code the verifier can report, in one table (the jose
 * `jws_algorithms.ts` pattern: everything about one code in one place): what
 * it means for the verdict, its W3C error type where one exists (VC Data
 * Integrity §Processing Errors, Bitstring Status List §Processing Errors),
 * and its English text. `{name}` placeholders are filled from a check's
 * detail; the extension's translations carry the same text under
 * `code_<CODE>` (tests/unit/components/locales.test.ts holds English equal).
 *
 * Outcomes:
 * - `fail`: something bad was established (a forgery, a malformed input): the verdict is failed;
 * - `unknown`: the answer could not be established (network, unsupported): never verified, "could not be checked";
 * - `state`: the credential is genuine but no longer current (expired, revoked, suspended).
 */
export type ErrorOutcome = 'fail' | 'unknown' | 'state';

interface ErrorInfo {
  outcome: ErrorOutcome;
  w3c?: string;
  en: string;
}

export const ERRORS = {
  // input and parsing
  INPUT_EMPTY: { outcome: 'fail', en: 'The input is empty' },
  INPUT_TOO_LARGE: { outcome: 'fail', en: 'The input is too large to check safely' },
  INPUT_TOO_DEEP: { outcome: 'fail', en: 'The input is nested too deeply to check safely' },
  INPUT_UNPARSEABLE: { outcome: 'fail', w3c: 'PARSING_ERROR', en: 'The input could not be read: {reason}' },
  INPUT_UNKNOWN_FORMAT: { outcome: 'unknown', en: 'This is not a credential format Credlens recognises: {reason}' },
  INPUT_UNSUPPORTED_FORMAT: { outcome: 'unknown', en: 'This credential format is not supported yet: {reason}' },
  COSE_UNSUPPORTED: { outcome: 'unknown', en: 'This credential is secured with COSE (CBOR), which Credlens cannot check yet' },
  NO_CREDENTIAL_LINK: { outcome: 'unknown', en: 'The profile lists this certification without a link to a credential, so there is nothing to check' },
  NO_CREDENTIAL_AT_LINK: { outcome: 'unknown', en: 'The link shows a web page without a verifiable credential ({host})' },
  PAGE_LINK_LIMIT: { outcome: 'unknown', en: 'Not checked: this page lists more credential links than Credlens follows on one page ({max})' },
  // credential structure (VC data model, OB 2.0/3.0 shapes)
  STRUCTURE_INVALID: { outcome: 'fail', en: 'The credential is malformed: {reason}' },
  STRUCTURE_CONTEXT: { outcome: 'fail', en: 'The credential does not declare the required vocabulary (@context): {reason}' },
  STRUCTURE_TYPE: { outcome: 'fail', en: 'The credential does not have the required type: {reason}' },
  STRUCTURE_ISSUER: { outcome: 'fail', en: 'The credential does not name a valid issuer: {reason}' },
  STRUCTURE_SUBJECT: { outcome: 'fail', en: 'The credential does not say who or what it is about: {reason}' },
  STRUCTURE_DATES: { outcome: 'fail', en: 'The credential has invalid dates: {reason}' },
  STRUCTURE_STATUS: { outcome: 'fail', en: 'The credential has an invalid status entry: {reason}' },
  STRUCTURE_ID: { outcome: 'fail', en: 'The credential has an invalid identifier: {reason}' },
  PRESENTATION_EMPTY: { outcome: 'unknown', en: 'The presentation carries no credential, so there is nothing to check' },
  PROOF_MISSING: { outcome: 'fail', en: 'The credential carries no digital signature, so nobody can confirm who issued it' },
  // Data Integrity
  DI_UNSUPPORTED_CRYPTOSUITE: { outcome: 'unknown', w3c: 'PROOF_TRANSFORMATION_ERROR', en: 'The signature uses a method Credlens cannot check yet ({suite})' },
  DI_BBS_UNSUPPORTED: { outcome: 'unknown', w3c: 'PROOF_TRANSFORMATION_ERROR', en: 'The signature uses BBS selective disclosure ({suite}), which Credlens cannot check yet' },
  DI_EIP712_UNSUPPORTED: { outcome: 'unknown', w3c: 'PROOF_TRANSFORMATION_ERROR', en: 'The signature is an Ethereum EIP-712 signature ({suite}), which Credlens cannot check yet' },
  DI_SECP256K1_UNSUPPORTED: { outcome: 'unknown', w3c: 'PROOF_TRANSFORMATION_ERROR', en: 'The signature uses a secp256k1 suite ({suite}) that Credlens cannot check yet' },
  BLOCKCERTS_UNSUPPORTED: { outcome: 'unknown', w3c: 'PROOF_TRANSFORMATION_ERROR', en: 'This is a Blockcerts certificate ({suite}): it is anchored on a blockchain, and Credlens cannot check the anchor' },
  DI_PROOF_SET_PARTLY_UNCHECKED: { outcome: 'unknown', en: 'Signature valid ({suites}), but another signature on this credential could not be checked ({unsupported}), so it is not fully verified' },
  DI_MALFORMED_PROOF: { outcome: 'fail', w3c: 'PROOF_VERIFICATION_ERROR', en: 'The signature block is malformed: {reason}' },
  DI_PROOF_PURPOSE_MISMATCH: { outcome: 'fail', w3c: 'PROOF_VERIFICATION_ERROR', en: 'The signature was not made for issuing credentials (purpose "{purpose}")' },
  HOLDER_PROOF_PURPOSE_MISMATCH: { outcome: 'fail', en: 'The presentation was not signed to present credentials (purpose "{purpose}")' },
  DI_SIGNATURE_INVALID: { outcome: 'fail', w3c: 'PROOF_VERIFICATION_ERROR', en: 'The signature does not match the content: the credential was changed after it was signed, or signed by another key' },
  DI_CONTEXT_NOT_ALLOWED: { outcome: 'unknown', en: 'The credential uses a vocabulary Credlens does not have on board ({url}), so its signature cannot be checked' },
  DI_DATA_LOSS: { outcome: 'fail', w3c: 'DATA_LOSS_DETECTION_ERROR', en: 'The credential contains fields its vocabulary does not define ({reason}); they would not be covered by the signature' },
  DI_NOT_PLAIN_JSON_LD: { outcome: 'unknown', en: 'The credential is written with JSON-LD syntax ({reason}) that could make what is shown differ from what was signed, so Credlens does not rely on it' },
  DI_SIGNED_DATA_MISMATCH: { outcome: 'fail', en: 'What the credential shows ({field}) is not what its signature covers: it was rearranged after signing' },
  DI_CANONICALIZATION_LIMIT: { outcome: 'fail', en: 'The credential is built to be too expensive to check; checking was stopped' },
  DI_CANONICALIZATION_FAILED: { outcome: 'fail', en: 'The credential data could not be processed: {reason}' },
  // JOSE / VC-JWT
  JWS_INVALID: { outcome: 'fail', en: 'The signed token is malformed: {reason}' },
  JWS_ALG_NOT_ALLOWED: { outcome: 'fail', en: 'The token uses a signing algorithm that is not allowed ({alg})' },
  JWS_ALG_UNSUPPORTED: { outcome: 'unknown', en: 'The token is signed with an algorithm Credlens cannot check yet ({alg})' },
  JWS_SIGNATURE_INVALID: { outcome: 'fail', en: 'The signature does not match the content: the credential was changed after it was signed, or signed by another key' },
  JWT_CLAIM_MISMATCH: { outcome: 'fail', en: 'The token and the credential inside it disagree about "{claim}"' },
  JWT_NO_KEY: { outcome: 'fail', en: 'The token does not say which key signed it' },
  SD_JWT_INVALID: { outcome: 'fail', en: 'The SD-JWT is malformed: {reason}' },
  SD_JWT_DISCLOSURE_INVALID: { outcome: 'fail', en: 'A disclosed claim is not part of what the issuer signed: {reason}' },
  SD_JWT_KB_INVALID: { outcome: 'fail', en: "The holder's key binding is not valid: {reason}" },
  // keys and issuer binding
  KEY_MALFORMED: { outcome: 'fail', en: 'The signing key is malformed: {reason}' },
  KEY_UNSUPPORTED: { outcome: 'unknown', en: 'The signing key type is not supported: {reason}' },
  KEY_NOT_FOUND: { outcome: 'fail', en: 'The signing key {keyId} is not published by its owner' },
  KEY_UNRESOLVABLE: { outcome: 'unknown', en: 'The signing key could not be looked up: {reason}' },
  KEY_NOT_BOUND_TO_ISSUER: { outcome: 'fail', en: 'The key that signed this credential does not belong to the issuer it names' },
  KEY_NOT_BOUND_TO_HOLDER: { outcome: 'fail', en: 'The key that signed this presentation does not belong to the holder it names' },
  KEY_DID_DOCUMENT_MISMATCH: { outcome: 'fail', en: "The issuer's identity document does not describe the issuer it was fetched for" },
  KEY_DID_METHOD_UNSUPPORTED: { outcome: 'unknown', en: 'The issuer uses an identifier type Credlens cannot look up ({method})' },
  CERTIFICATE_NOT_ANCHORED: { outcome: 'unknown', en: 'Not checked: the signing certificate ({subject}) does not lead to a trust list Credlens can check, and the issuer does not publish its key' },
  DID_INVALID: { outcome: 'fail', en: 'The identifier {did} is not a valid DID ({reason}), so it names neither an issuer nor a key' },
  // validity window
  CRED_NOT_YET_VALID: { outcome: 'fail', en: 'The credential is not valid yet (valid from {validFrom})' },
  CRED_EXPIRED: { outcome: 'state', en: 'The credential expired on {validUntil}' },
  CRED_REVOKED: { outcome: 'state', en: 'The issuer has revoked this credential' },
  CRED_SUSPENDED: { outcome: 'state', en: 'The issuer has suspended this credential' },
  // status lists
  STATUS_RETRIEVAL_ERROR: { outcome: 'unknown', w3c: 'STATUS_RETRIEVAL_ERROR', en: 'Revocation status could not be checked: the list at {url} did not answer' },
  STATUS_VERIFICATION_ERROR: { outcome: 'unknown', w3c: 'STATUS_VERIFICATION_ERROR', en: 'Revocation status could not be checked: the status list is not trustworthy ({reason})' },
  STATUS_LIST_TOO_LARGE: { outcome: 'unknown', w3c: 'STATUS_LIST_LENGTH_ERROR', en: 'Revocation status could not be checked: the status list is too large' },
  STATUS_RANGE: { outcome: 'unknown', w3c: 'RANGE_ERROR', en: 'Revocation status could not be checked: the credential points outside its status list' },
  STATUS_UNSUPPORTED: { outcome: 'unknown', en: 'Revocation status could not be checked: status type {type} is not supported' },
  // credentials carried inside a credential (endorsements, a CLR's achievements; SECURITY.md rows 61-62)
  NESTED_CREDENTIAL_FAILED: { outcome: 'fail', en: '{failed} of the {count} credentials inside this one failed verification (first: {path}), so it is not genuine as a whole' },
  NESTED_CREDENTIAL_UNVERIFIED: { outcome: 'unknown', en: '{unverified} of the {count} credentials inside this one could not be checked (first: {path}), so it cannot be verified as a whole' },
  NESTED_LIMIT: { outcome: 'unknown', en: 'This credential carries {count} credentials; Credlens checks at most {max} in one verification, so the rest could not be checked' },
  NESTED_NOT_FOLLOWED: { outcome: 'unknown', en: 'Listed, not checked: Credlens verifies the credentials carried inside a credential, not the ones carried inside those' },
  NESTED_BUDGET_SPENT: { outcome: 'unknown', en: 'Not checked: the time for this verification was used up by the credentials checked before this one' },
  // Open Badges 2.0
  OB2_HOSTED_ORIGIN_NOT_ALLOWED: { outcome: 'fail', en: 'The badge is hosted at an address its issuer does not allow ({url})' },
  OB2_HOSTED_MISMATCH: { outcome: 'fail', en: 'The badge differs from the copy its issuer hosts' },
  OB2_DOCUMENT_MISMATCH: { outcome: 'fail', en: 'A document this badge links to ({url}) describes another address ({found}), so it does not count for this badge' },
  OB2_ISSUER_NO_ADDRESS: { outcome: 'unknown', en: "The badge's issuer has no web address of its own ({issuer}), so who may host or sign this badge could not be checked" },
  OB2_INVALID: { outcome: 'fail', en: 'The badge is malformed: {reason}' },
  OB2_LEGACY_UNSUPPORTED: { outcome: 'unknown', en: 'This is an old (pre-2.0) badge that cannot be checked: {reason}' },
  // baked images
  IMAGE_NO_CREDENTIAL: { outcome: 'unknown', en: 'The image contains no credential' },
  IMAGE_MALFORMED: { outcome: 'fail', en: 'The image file is malformed: {reason}' },
  IMAGE_COMPRESSED_ITXT: { outcome: 'fail', en: 'The image carries a compressed credential, which the standard forbids' },
  IMAGE_SVG_DOCTYPE_REJECTED: { outcome: 'fail', en: 'The SVG image contains a document type declaration, which is refused for safety' },
  IMAGE_UNSUPPORTED: { outcome: 'fail', en: 'Only PNG and SVG badge images can carry a credential' },
  // EDC / JAdES seals
  SEAL_INVALID: { outcome: 'fail', en: 'The electronic seal is malformed: {reason}' },
  SEAL_SIGNATURE_INVALID: { outcome: 'fail', en: 'The electronic seal is broken: the credential was changed after it was sealed' },
  SEAL_CERTIFICATE_INVALID: { outcome: 'fail', en: 'The seal certificate is malformed or its chain is broken: {reason}' },
  SEAL_CERTIFICATE_NOT_VALID_AT_SIGNING: { outcome: 'fail', en: 'The seal certificate was not valid when the credential was sealed' },
  SEAL_UNSUPPORTED: { outcome: 'unknown', en: 'This kind of seal cannot be checked yet: {reason}' },
  SEAL_NOT_CHECKED: { outcome: 'unknown', en: 'Not checked offline: {reason}' },
  // network
  FETCH_URL_REJECTED: { outcome: 'unknown', en: 'The address {url} was refused ({reason})' },
  FETCH_PRIVATE_ADDRESS: { outcome: 'unknown', en: 'The address {host} is a private or local address and was not contacted' },
  FETCH_REDIRECT_BLOCKED: { outcome: 'unknown', en: 'The server at {url} tried to redirect elsewhere; redirects are not followed' },
  FETCH_TIMEOUT: { outcome: 'unknown', en: 'The server at {url} did not answer in time' },
  FETCH_TOO_LARGE: { outcome: 'unknown', en: 'The server at {url} sent more data than allowed' },
  FETCH_HTTP_STATUS: { outcome: 'unknown', en: 'The server at {url} answered with HTTP status {status}' },
  // 410 at a link says nothing about what the link held: not evidence of a revocation unless a credential says so (OB 2.0 hosted)
  LINK_GONE: { outcome: 'unknown', en: 'The address {url} says what it held is gone for good (HTTP 410 Gone); issuers answer so for a credential they withdrew, so ask the candidate for a current link' },
  FETCH_NETWORK: { outcome: 'unknown', en: 'The server at {url} could not be reached' },
  FETCH_BAD_CONTENT: { outcome: 'unknown', en: 'The server at {url} sent something that is not what was expected: {reason}' },
  FETCH_BUDGET_EXCEEDED: { outcome: 'unknown', en: 'The credential asked for too many lookups; stopped after {max}' },
  // messaging between extension contexts
  MSG_INVALID: { outcome: 'fail', en: 'A malformed request was refused' },
  MSG_SENDER_NOT_ALLOWED: { outcome: 'fail', en: 'This request is not allowed from a web page' },
  MSG_RATE_LIMITED: { outcome: 'fail', en: 'Too many requests from this page; slowing down' },
  // storage
  STORAGE_FAILED: { outcome: 'fail', en: 'The history could not be saved: {reason}' },
  STORAGE_QUOTA: { outcome: 'fail', en: 'The history is full; delete old entries or export them' },
  HISTORY_NO_SOURCE: { outcome: 'unknown', en: 'This check cannot be repeated from the history: Credlens did not keep the file it came from. Open the file again on the verify page.' },
  // anything unexpected (a bug): the cause is kept for logs, never shown raw
  INTERNAL: { outcome: 'unknown', en: 'Something went wrong inside Credlens while checking this credential' },
} as const satisfies Record<string, ErrorInfo>;

export type ErrorCode = keyof typeof ERRORS;

/** Every code, in table order. */
export const ERROR_CODES = Object.keys(ERRORS) as readonly ErrorCode[];

/** What a code means for the verdict. */
export const outcomeOf = (code: ErrorCode): ErrorOutcome => ERRORS[code].outcome;

/** The W3C error type of a code, where the specifications define one. */
export const w3cErrorType = (code: ErrorCode): string | undefined => (ERRORS[code] as ErrorInfo).w3c;

/** Texts of the codes a passing or skipped check carries. */
const PASS_TEXT = {
  OK: 'Passed',
  SKIPPED: 'Not checked because an earlier check failed',
  NOT_APPLICABLE: 'Not applicable to this credential',
} as const;

/** Codes a passing or skipped check carries. */
export type PassCode = keyof typeof PASS_TEXT;
export const PASS_CODES = Object.keys(PASS_TEXT) as PassCode[];

/** English text of every code, for the command line and as the extension's fallback. */
export const MESSAGES: Readonly<Record<ErrorCode | PassCode, string>> = {
  ...PASS_TEXT,
  ...(Object.fromEntries(Object.entries(ERRORS).map(([code, info]) => [code, info.en])) as Record<ErrorCode, string>),
};

/** Fills `{name}` placeholders from detail; unknown placeholders are dropped with their surrounding parentheses. */
export function messageFor(code: ErrorCode | PassCode, detail: ErrorDetail = {}): string {
  return MESSAGES[code]
    .replace(/\{(\w+)\}/g, (_, k: string) => (detail[k] === undefined ? '\u0000' : String(detail[k])))
    .replace(/ ?\(\u0000\)|: \u0000|\u0000/g, '')
    .trim();
}

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
