import type { VerifyContext } from '../context';
import type { Check, CheckId, CredentialSummary, Format, ReportPart, TechnicalDetails } from '../report';

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
  /** credentials carried inside this one, each with its own report (lib/engine/formats/vc/parts.ts) */
  parts?: ReportPart[];
}

export interface PayloadInfo {
  container: import('../report').Container;
  ctx: VerifyContext;
}

/** The checks that must pass for `verified`, per format (lib/engine/verdict.ts). */
export const REQUIRED_CHECKS: Readonly<Record<Format, readonly CheckId[]>> = {
  'vc-data-integrity': ['structure', 'proof', 'issuer-binding', 'validity'],
  'vc-jwt': ['structure', 'proof', 'issuer-binding', 'validity'],
  'vc-unsigned': ['structure', 'proof', 'issuer-binding', 'validity'],
  'ob2-hosted': ['structure', 'hosted', 'validity'],
  'ob2-signed': ['structure', 'proof', 'issuer-binding', 'validity'],
  edc: ['structure', 'seal', 'certificate', 'issuer-binding', 'validity'],
  // the disclosures must belong to what the issuer signed (the 'claims' check, RFC 9901 §7.1)
  'sd-jwt-vc': ['structure', 'proof', 'issuer-binding', 'claims', 'validity'],
  // a presentation is verified only through the credentials it carries; a holder signature, when present, must hold
  vp: ['structure', 'parts'],
  unknown: ['proof'],
};

