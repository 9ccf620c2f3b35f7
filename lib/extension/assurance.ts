/**
 * What a "verified" rests on, named honestly. Verified means every check
 * passed, but the checks prove different things by format and key: a key
 * the issuer publishes at its own address ties the credential to that
 * organisation; a did:key or did:jwk is its own identity and ties it to no
 * one; a hosted Open Badge 2.0 carries no signature at all, only the
 * issuer's server saying it is on record; a seal rests on a certificate.
 * The kind is read from the report (format, proof, issuer binding), and
 * `EXPLANATION` holds the one sentence the verdict area shows for each.
 */
import { type Report } from '../engine';

export type Evidence =
  /** signed by a key bound to the issuer: published at its domain, in its DID document or JWK set */
  | 'issuer-key'
  /** signed by a self-certifying key (did:key, did:jwk): no organisation behind it */
  | 'own-key'
  /** an unsigned hosted badge the issuer's server confirms (Open Badges 2.0 hosted verification) */
  | 'hosted'
  /** sealed with a certificate (EDC JAdES seal, a certificate chain in the token) */
  | 'sealed'
  /** a presentation whose credentials were each verified */
  | 'presented'
  /** anything else that verified: no stronger claim than "every check passed" */
  | 'checked';

/** Message key per kind; `$1` is where the evidence points (a domain, a certificate subject), when known. */
export const EXPLANATION: Readonly<Record<Evidence, string>> = {
  'issuer-key': 'assurance_issuerKey',
  'own-key': 'assurance_ownKey',
  hosted: 'assurance_hosted',
  sealed: 'assurance_sealed',
  presented: 'assurance_presented',
  checked: 'assurance_checked',
};

/** Where a key came from (lib/engine/keys/types.ts `source`, and the OB 2.0 signed key), by what it binds the credential to. */
const KEY_SOURCES: Readonly<Record<string, Evidence>> = {
  'did:key': 'own-key',
  'did:jwk': 'own-key',
  'did:web': 'issuer-key',
  https: 'issuer-key',
  jwks: 'issuer-key',
  'jwt-vc-issuer': 'issuer-key',
  'ob2-publicKey': 'issuer-key',
  // OB 2.0 signed: the key must be listed in the issuer's own profile (openbadges-validator-core verify_key_ownership)
  'verification.creator': 'issuer-key',
  x5c: 'sealed',
};

export interface Assurance {
  evidence: Evidence;
  /** where it points, for `$1`: the issuer's domain or DID, the hosting server, the certificate's subject */
  where?: string;
}

const passed = (report: Report, id: string): boolean => report.checks.some((c) => c.id === id && c.status === 'pass');

/**
 * The kind of evidence a report rests on (whatever its verdict: a revoked
 * credential was signed the same way).
 * @example assuranceOf(report).evidence // 'own-key' for a did:key issuer
 */
export function assuranceOf(report: Report): Assurance {
  const technical = report.technical ?? {};
  if (report.format === 'ob2-hosted') return withWhere('hosted', hostOf(hostedId(report)) ?? hostOf(report.summary.issuer?.id));
  if (report.format === 'vp') return { evidence: 'presented' };
  if (passed(report, 'seal')) return withWhere('sealed', str(technical.certificateSubject));
  const source = str(technical.keySource);
  // SECURITY.md row 46: an issuer id that names no key, signed by a did:key, is that key and nothing more
  if (str(technical.signerDid) || report.checks.some((c) => c.id === 'issuer-binding' && c.status === 'pass' && c.detail?.signerDid)) return { evidence: 'own-key' };
  const evidence = source !== undefined && Object.prototype.hasOwnProperty.call(KEY_SOURCES, source) ? KEY_SOURCES[source]! : 'checked';
  if (evidence === 'issuer-key' && !passed(report, 'issuer-binding')) return { evidence: 'checked' };
  if (evidence === 'sealed') return withWhere('sealed', str(technical.certificateSubject));
  return evidence === 'issuer-key' ? withWhere(evidence, placeOf(str(technical.keyId) ?? report.summary.issuer?.id)) : { evidence };
}

/** The message key and `$1` of the verified verdict's explanation; undefined for any other verdict. */
export function verifiedExplanation(report: Report): { key: string; where: string } | undefined {
  if (report.verdict !== 'verified') return undefined;
  const { evidence, where } = assuranceOf(report);
  // a sentence with a place needs one: without it, the plainest true statement
  if (where === undefined && (evidence === 'issuer-key' || evidence === 'hosted' || evidence === 'sealed')) return { key: EXPLANATION.checked, where: '' };
  return { key: EXPLANATION[evidence], where: where ?? '' };
}

const withWhere = (evidence: Evidence, where: string | undefined): Assurance => (where ? { evidence, where } : { evidence });
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

function hostedId(report: Report): string | undefined {
  const credential = report.credential as { id?: unknown; assertion?: { id?: unknown } } | undefined;
  return str(credential?.assertion?.id) ?? str(credential?.id);
}

function hostOf(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\//i.test(url)) return undefined;
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/** A key's home, as a recruiter can read it: a did:web's or an https key's domain; another DID as it is, shortened. */
function placeOf(keyOrIssuer: string | undefined): string | undefined {
  if (!keyOrIssuer) return undefined;
  const didWeb = /^did:web:([^:#?/]+)/i.exec(keyOrIssuer);
  if (didWeb) return decodeURIComponent(didWeb[1]!).replace(/%3a/gi, ':');
  const host = hostOf(keyOrIssuer);
  if (host) return host;
  const did = keyOrIssuer.split('#')[0]!;
  return did.length > 48 ? `${did.slice(0, 24)}…${did.slice(-12)}` : did;
}
