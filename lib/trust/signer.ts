/**
 * The identity a verified signature established: what the trust panel shows
 * as the signer, and what trust lists and the quality profile's "trusted
 * provider" are keyed by. Only an identifier that names where its keys are
 * published can be that identity; an issuer's `urn:` id or bare name is its own
 * claim, whatever key signed (SECURITY.md row 46).
 */
import { namesKey, type Report } from '../engine';

type ReportFacts = Pick<Report, 'format' | 'summary' | 'technical'>;

const SELF_CERTIFYING_SOURCES: ReadonlySet<unknown> = new Set(['did:key', 'did:jwk']);

/**
 * The verified issuer identifier of a report whose issuer binding passed:
 * the signer's DID when the issuer's own id names no key, else the issuer id
 * when it is a DID or an http(s) URL, else none. A sealed EDC has none: its
 * seal binds the organisation named in the certificate, not the id the
 * credential gives its issuer.
 * @example verifiedIssuerId(report) // 'did:key:z6Mk…' for a urn:uuid issuer signed with that did:key
 */
export function verifiedIssuerId({ format, summary, technical }: ReportFacts): string | undefined {
  if (format === 'edc') return undefined;
  if (typeof technical.signerDid === 'string' && technical.signerDid) return technical.signerDid;
  const claimed = summary.issuer?.id;
  if (claimed && namesKey(claimed)) return claimed;
  // Reports kept in the history from before signerDid was recorded: the self-certifying key that signed.
  const { keySource, keyController } = technical;
  return SELF_CERTIFYING_SOURCES.has(keySource) && typeof keyController === 'string' && keyController ? keyController : undefined;
}

/** The identifier a trust-list entry is keyed by: the verified issuer id, else the seal certificate subject (EDC). */
export function trustIdOf(report: ReportFacts): string | undefined {
  const certificateSubject = report.technical.certificateSubject;
  return verifiedIssuerId(report) ?? (typeof certificateSubject === 'string' && certificateSubject ? certificateSubject : undefined);
}
