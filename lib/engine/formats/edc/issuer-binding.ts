/**
 * Is the organisation that sealed the credential the issuer it names? EDCI
 * shows a sealed credential as "issued by [issuer]", so the seal certificate's
 * subject must be that issuer. Matched by legal identifier first (the
 * certificate's organizationIdentifier, ETSI EN 319 412-1 §5.1.4, e.g.
 * "NTREE-17207834", against the issuer's eIDASIdentifier, registration or VAT
 * number), then by legal name. No match is reported as "could not be
 * established", not as a failure: identifier spellings differ between
 * registries, so a miss is not proof of a false issuer.
 */
import { error, pass } from '../../checks/result';
import type { Check } from '../../report';
import { label } from './label';
import type { EdcCredential, LegalIdentifier } from './schema';
import type { SealCertificate } from './x509';

/** "NTREE-17207834" → { country: "EE", id: "17207834" }; "VATSI-43353126" → { country: "SI", id: "43353126" }. */
export function parseOrganizationIdentifier(value: string): { country: string; id: string } | undefined {
  const m = value.trim().match(/^[A-Z]{3}([A-Z]{2})[-:](.+)$/);
  return m ? { country: m[1]!, id: normaliseId(m[2]!) } : undefined;
}

const normaliseId = (s: string) => s.replace(/[\s.\-/]/g, '').toUpperCase();

/** Legal names compared without case, accents, punctuation or spacing ("Velocert OÜ" = "VELOCERT OU"). */
export const normaliseName = (s: string): string => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();

function identifiersOf(credential: EdcCredential): LegalIdentifier[] {
  const issuer = credential.issuer;
  if (typeof issuer === 'string') return [];
  return [...(issuer.eIDASIdentifier ? [issuer.eIDASIdentifier] : []), ...(issuer.registration ?? []), ...(issuer.vatIdentifier ?? [])];
}

/** The identifier matches with or without the two-letter country prefix some registries add (e.g. "SI43353126"). */
function identifierMatches(certId: { country: string; id: string }, candidate: LegalIdentifier): boolean {
  if (!candidate.notation) return false;
  const id = normaliseId(candidate.notation);
  return id === certId.id || id === certId.country + certId.id || certId.id === certId.country + id;
}

/** Checks that the seal certificate's organisation is the credential's issuer. */
export function checkSealIssuer(certificate: SealCertificate, credential: EdcCredential): Check {
  const subject = certificate.subject;
  const issuerName = typeof credential.issuer === 'string' ? undefined : label(credential.issuer.legalName);
  const certId = subject.organizationIdentifier ? parseOrganizationIdentifier(subject.organizationIdentifier) : undefined;
  const byId = certId ? identifiersOf(credential).find((c) => identifierMatches(certId, c)) : undefined;
  if (byId) return pass('issuer-binding', `Sealed by the issuer itself (legal identifier ${subject.organizationIdentifier})`);
  const certNames = [subject.O, subject.CN].filter((n): n is string => !!n).map(normaliseName);
  if (issuerName && certNames.includes(normaliseName(issuerName)))
    return pass('issuer-binding', `Sealed by the issuer itself (${subject.O ?? subject.CN})`);
  return error('issuer-binding', 'SEAL_NOT_CHECKED', {
    reason: `whether ${subject.O ?? subject.CN ?? 'the sealing organisation'} is the issuer named in the credential${issuerName ? ` (${issuerName})` : ''}`,
  });
}
