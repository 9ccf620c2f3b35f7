import type { VerifyContext } from '../context';
import type { Check, CheckId, CredentialSummary, Format, TechnicalDetails } from '../report';

/** What a format verifier returns; the pipeline adds hashing, recipient and verdict. */
export interface FormatOutcome {
  format: Format;
  checks: Check[];
  /** checks that must have passed for `verified` */
  required: CheckId[];
  summary: CredentialSummary;
  technical: TechnicalDetails;
  /** the signed payload, for the recipient check and the quality profile */
  credential?: unknown;
}

export interface PayloadInfo {
  container: import('../report').Container;
  ctx: VerifyContext;
}
