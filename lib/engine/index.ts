/**
 * The engine's front door. Everything outside lib/engine (the extension, the
 * quality profile, the trust panel, the command line, the components) imports
 * the engine through this file only; tests/unit/boundaries.test.ts enforces it.
 * The engine itself imports nothing from the extension, the detectors, wxt or
 * the browser: it runs in the MV3 service worker and in Node alike.
 */

// Verifying: one report per input, never a throw.
export { verify } from './pipeline';
export type { VerifyInput } from './pipeline';
export { createContext } from './context';
export type { RecipientHint, VerifyContext } from './context';
export { createMemoryCache, isStatusCacheKey } from './cache';
export type { TtlCache } from './cache';
export { createHostLimiter } from './net/host-limit';
export type { HostLimiter } from './net/host-limit';
export { LIMITS } from './limits';

// What a report is, and how its verdict follows from its checks.
export { CHECK_IDS, FORMAT_IDS, VERDICTS } from './report';
export type { Check, CheckId, CheckStatus, CredentialSummary, Format, RecipientOutcome, Report, ReportPart, Verdict } from './report';
export { deriveVerdict } from './verdict';
export { error } from './checks/result';

// The closed list of codes, with their English text.
export { ERROR_CODES, ERRORS, PASS_CODES, VerifierError, messageFor, outcomeOf, toVerifierError } from './errors';
export type { ErrorCode, ErrorDetail, ErrorOutcome } from './errors';

// The one module that fetches: the page fetches the extension makes on the user's behalf.
export { fetchOwnResource, fetchTabPdf } from './net/safe-fetch';
export type { FetchedDocument } from './net/safe-fetch';

// Readers the quality profile and the trust panel share with the engine.
export { label } from './formats/edc/label';
export { Accreditation, Organisation, Person, oneOrMany } from './formats/edc/schema';
export type { Claim, Concept, Specification } from './formats/edc/schema';
export { namesKey } from './keys/did-syntax';
export { isPng } from './extract/png';
export { fromBase64, fromUtf8, sha256Hex, utf8 } from './util/bytes';
export { parseJsonCapped } from './util/json';
