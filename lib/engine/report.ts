import type { ErrorCode, ErrorDetail, PassCode } from './errors';

/**
 * The one answer a recruiter gets. `unverifiable` means "could not be checked"
 * and is never shown or counted as verified.
 */
export type Verdict = 'verified' | 'failed' | 'expired' | 'revoked' | 'unverifiable';
export const VERDICTS: readonly Verdict[] = ['verified', 'failed', 'expired', 'revoked', 'unverifiable'];

/** What was inside the input, once unwrapped from any container. */
/** Every format a report can name, as one list (history import validates against it). */
export const FORMAT_IDS = [
  'vc-data-integrity', // W3C VC / OB 3.0 with an embedded Data Integrity proof
  'vc-jwt', // W3C VC / OB 3.0 secured as a compact JWS
  'ob2-hosted',
  'ob2-signed',
  'edc', // European Digital Credential (ELM), JAdES-sealed or not
  'vc-unsigned',
  'sd-jwt-vc', // IETF SD-JWT VC, or a W3C credential secured with SD-JWT: selectively disclosed claims
  'vp', // a Verifiable Presentation: a holder's wrapper around credentials, each in `parts`
  'unknown',
] as const;
export type Format = (typeof FORMAT_IDS)[number];

/** How the credential reached us. */
export type Container = 'json' | 'jws' | 'png' | 'svg' | 'url' | 'xml';

/** Every check a report can hold, as one list (history import validates against it). */
export const CHECK_IDS = [
  'parse',
  'structure',
  'proof',
  'issuer-binding',
  'claims',
  'validity',
  'status',
  'hosted',
  'seal',
  'certificate',
  // the credentials carried inside this one, where the format makes them part of it (a CLR's achievements)
  'parts',
  // SD-JWT: the holder's key binding JWT, made with the key the issuer bound in `cnf`
  'key-binding',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export type CheckStatus = 'pass' | 'fail' | 'error' | 'skip';

/** Codes a passing or skipped check carries. */
export type { PassCode } from './errors';

/**
 * One step of verification. `fail` means the step established something bad;
 * `error` means the step could not be completed (network, unsupported), which
 * can never lead to `verified`.
 */
export interface Check {
  id: CheckId;
  status: CheckStatus;
  code: ErrorCode | PassCode;
  message: string;
  detail?: ErrorDetail;
}

export type RecipientOutcome = 'match' | 'mismatch' | 'not-checked' | 'no-identifier';

export interface RecipientResult {
  outcome: RecipientOutcome;
  /** which identifier types the credential carries (email, url, did, …) */
  identifierTypes: string[];
  message: string;
}

/** Normalised, display-ready facts, taken only from the signed payload. */
export interface CredentialSummary {
  title?: string;
  description?: string;
  issuer?: { id?: string; name?: string; url?: string; image?: string; email?: string };
  subject?: { id?: string; name?: string };
  achievement?: {
    id?: string;
    name?: string;
    type?: string;
    description?: string;
    criteria?: string;
    image?: string;
  };
  validFrom?: string;
  validUntil?: string;
  image?: string;
  credentialId?: string;
  types?: string[];
  /** who awarded the achievement, where the credential names it apart from its signer (EBSI diplomas) */
  awardingBody?: { id?: string; name?: string };
  /** a presentation: who presented it, how many credentials it carries, whether the holder signed it */
  presentation?: { holder?: string; credentials: number; holderSigned: boolean };
  /** the sections of a résumé credential (HR Open LER-RS), each with short labels of its entries */
  sections?: SummarySection[];
  /**
   * Set when the summary only repeats what a document says about itself: a
   * format Credlens recognises but cannot check (Blockcerts), or an OB 2.0
   * assertion whose BadgeClass could not be loaded; nothing in it was verified
   */
  notVerified?: boolean;
}

/** One section of a résumé credential (HR Open LER-RS) for the summary. */
export interface SummarySection {
  /** the LER-RS member it comes from (`employmentHistories`, `educationAndLearnings`, …) */
  name: string;
  /** a short label per entry shown (employer and title, institution, certification, skill) */
  items: string[];
  /** how many entries the section has (more than `items` when the list is cut) */
  count: number;
}

/** Intermediate values for the "technical details" view. */
export interface TechnicalDetails {
  keyId?: string;
  keyController?: string;
  keySource?: string;
  /**
   * The DID of the self-certifying key (did:key, did:jwk) that signed for an
   * issuer whose id names no key (a urn:): the only identity established, shown
   * and trusted in place of the issuer's own id (SECURITY.md row 46)
   */
  signerDid?: string;
  cryptosuite?: string;
  alg?: string;
  canonicalHash?: string;
  didDocument?: unknown;
  vcVersion?: '1.1' | '2.0';
  statusListUrl?: string;
  certificateSubject?: string;
  [key: string]: unknown;
}

export interface Report {
  verdict: Verdict;
  format: Format;
  container: Container;
  checks: Check[];
  summary: CredentialSummary;
  recipient: RecipientResult;
  technical: TechnicalDetails;
  /** SHA-256 (hex) of the input bytes, for history and evidence. */
  inputHash: string;
  inputName?: string;
  checkedAt: string;
  /** The signed payload (never page-supplied unsigned JSON), for the quality profile. */
  credential?: unknown;
  /**
   * Credentials carried inside this one, each verified on its own: the
   * credentials of a presentation, the achievement credentials of a CLR, the
   * endorsements of an Open Badge. A part's verdict never raises the
   * container's; how a part's verdict lowers it is the container format's rule.
   */
  parts?: ReportPart[];
}

/** One credential inside another, with its own report. */
export interface ReportPart {
  role: 'presented' | 'achievement' | 'endorsement';
  /** where it sat in the container, for the technical details (e.g. `verifiableCredential[2]`) */
  path: string;
  report: Report;
}
