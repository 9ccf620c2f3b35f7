/**
 * Blockcerts certificates before version 3 (https://w3id.org/blockcerts/v1,
 * v2, v2.1): an Open Badges 2.0-shaped assertion whose `signature` is a
 * Merkle proof (MerkleProof2017) anchored in a blockchain transaction. Checking
 * it needs a blockchain explorer's word on the anchor, which Credlens does not
 * consult, so the answer is "could not be checked" (BLOCKCERTS_UNSUPPORTED,
 * SECURITY.md row 57), never "failed": nothing bad was established. Blockcerts
 * v3 is a W3C credential with a MerkleProof2019 proof, answered the same way by
 * the Data Integrity table (lib/engine/proofs/data-integrity/cryptosuites.ts).
 *
 * The summary repeats what the certificate says about itself, marked
 * `notVerified`: it is the certificate's claim, not something Credlens checked.
 */
import { error, skip } from '../../checks/result';
import type { CredentialSummary } from '../../report';
import { asArray, idOf, isObject, str } from '../../util/json';
import { REQUIRED_CHECKS, type FormatOutcome } from '../types';

const BLOCKCERTS_CONTEXT = /^https:\/\/w3id\.org\/blockcerts\/(v1|v2|v2\.1)(\/|$)/;
const MERKLE_PROOF_2017 = 'MerkleProof2017';

/** A Blockcerts v1/v2 certificate: a Blockcerts context, or a MerkleProof2017 signature. */
export const isBlockcertsJson = (v: unknown): v is Record<string, unknown> =>
  isObject(v) &&
  (asArray(v['@context']).some((c) => typeof c === 'string' && BLOCKCERTS_CONTEXT.test(c)) ||
    (isObject(v.signature) && asArray(v.signature.type).includes(MERKLE_PROOF_2017)));

/** Reports a Blockcerts v1/v2 certificate as recognised and not checkable. */
export async function verifyBlockcerts(certificate: Record<string, unknown>): Promise<FormatOutcome> {
  const signatureType = isObject(certificate.signature) ? asArray(certificate.signature.type).find((t) => typeof t === 'string' && t !== 'Extension') : undefined;
  const suite = typeof signatureType === 'string' ? signatureType.slice(0, 60) : 'Blockcerts v1';
  return {
    format: 'unknown',
    checks: [error('proof', 'BLOCKCERTS_UNSUPPORTED', { suite }), skip('issuer-binding'), skip('validity'), skip('status')],
    required: [...REQUIRED_CHECKS.unknown],
    summary: summarizeBlockcerts(certificate),
    technical: { blockcerts: blockcertsVersion(certificate), cryptosuite: suite },
  };
}

function blockcertsVersion(certificate: Record<string, unknown>): string {
  const context = asArray(certificate['@context']).find((c): c is string => typeof c === 'string' && BLOCKCERTS_CONTEXT.test(c));
  return context ? context.replace('https://w3id.org/blockcerts/', '').replace(/\/.*$/, '') : 'v2';
}

/** What the certificate says about itself (Blockcerts v2 schema; v1.2 keeps it under `document`). */
function summarizeBlockcerts(certificate: Record<string, unknown>): CredentialSummary {
  const v1 = isObject(certificate.document) ? certificate.document : undefined;
  const badge = isObject(certificate.badge) ? certificate.badge : v1 && isObject(v1.certificate) ? v1.certificate : {};
  const issuer = isObject(badge.issuer) ? badge.issuer : {};
  const recipient = isObject(certificate.recipientProfile) ? certificate.recipientProfile : v1 && isObject(v1.recipient) ? v1.recipient : {};
  const criteria = isObject(badge.criteria) ? badge.criteria : {};
  const recipientName = str(recipient.name) ?? [str(recipient.givenName), str(recipient.familyName)].filter(Boolean).join(' ');
  return {
    notVerified: true,
    title: str(badge.name) ?? str(badge.title),
    description: str(badge.description),
    issuer: { id: idOf(issuer) ?? str(badge.issuer), name: str(issuer.name), url: str(issuer.url), image: str(issuer.image), email: str(issuer.email) },
    subject: recipientName ? { name: recipientName } : {},
    achievement: { id: str(badge.id), name: str(badge.name) ?? str(badge.title), description: str(badge.description), criteria: str(criteria.narrative), image: str(badge.image) },
    validFrom: str(certificate.issuedOn) ?? (v1 && isObject(v1.assertion) ? str(v1.assertion.issuedOn) : undefined),
    validUntil: str(certificate.expires),
    image: str(badge.image),
    credentialId: str(certificate.id),
    types: ['Blockcerts', ...asArray(certificate.type).filter((t): t is string => typeof t === 'string')],
  };
}
