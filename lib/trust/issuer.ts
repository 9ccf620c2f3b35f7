/**
 * The issuer trust panel, kept apart from the verdict because "signed by X"
 * is neither "X is who it says" nor "X is quality-assured": who signed (the
 * verified identifier), what the credential claims about its issuer, and who
 * vouches for it. OB 3.0 recommended practices:
 * issuer data in a credential is marked unverified unless authenticated
 * against something the verifier trusts.
 */
import { isIssuerBound } from '../qa/dispatch';
import type { QualityProfile } from '../qa/types';
import { type Report } from '../engine';
import { endorsementsOf, type EndorsementView } from './endorsements';
import { hostToUnicode } from './punycode';
import { trustIdOf, verifiedIssuerId } from './signer';
import type { TrustEntry } from './types';

export interface Signer {
  /** the verified issuer identifier (DID, https id): for an issuer whose id names no key, the DID of the key that signed */
  issuerId?: string;
  /** host of a did:web or https issuer, when the identifier names one, in the ASCII (punycode) form DNS resolves */
  domain?: string;
  /** the Unicode form of `domain` when it has IDNA labels ("xn--…"): shown with it, so a look-alike is seen as such */
  domainUnicode?: string;
  /** seal certificate subject (EDC) */
  certificateSubject?: string;
}

export interface Voucher {
  kind: 'trust-list' | 'endorsement' | 'accreditation';
  /** display text: list source, endorser, or accreditation description */
  label: string;
  /** date added to a trust list (ISO 8601) */
  since?: string;
  /** an endorsement: whether it was verified and whether it counts (SECURITY.md row 61) */
  endorsement?: Pick<EndorsementView, 'state' | 'counts' | 'doesNotCount' | 'about' | 'comment'>;
}

export interface IssuerTrust {
  /** undefined when the signer's identity was not established */
  signer?: Signer;
  claimed: { name?: string; url?: string; image?: string; boundToDomain: boolean };
  vouchers: Voucher[];
  /** the identifier a trust-list entry is keyed by: the verified issuer id, else the seal certificate subject */
  trustId?: string;
  /** the verified issuer is on the user's trust list */
  trusted: boolean;
  /** "Trust this issuer" makes sense: a bound issuer not yet on the list */
  canTrust: boolean;
  /** endorsements beyond the engine's cap, not checked (LIMITS.endorsementsVerified) */
  endorsementsNotChecked?: number;
}

/**
 * Host named by a did:web (`did:web:host%3Aport:path`) or an http(s) identifier,
 * in the ASCII form the WHATWG URL parser gives (punycode for an international name).
 */
export function domainOf(issuerId: string | undefined): string | undefined {
  if (!issuerId) return undefined;
  try {
    if (issuerId.startsWith('did:web:')) {
      const host = decodeURIComponent(issuerId.slice('did:web:'.length).split(':')[0] ?? '');
      return host ? new URL(`https://${host}/`).host : undefined;
    }
    if (/^https?:\/\//i.test(issuerId)) return new URL(issuerId).hostname.toLowerCase();
  } catch {
    // not a host a browser could reach: none is shown
  }
  return undefined;
}

/**
 * How a domain is shown: "аpple.com (xn--pple-43d.com)" when it has IDNA
 * labels, so the look-alike and the name DNS resolves are both in view
 * (SECURITY.md row 47); the ASCII form alone otherwise.
 */
export function domainLabel(signer: Pick<Signer, 'domain' | 'domainUnicode'>): string | undefined {
  if (!signer.domain) return undefined;
  return signer.domainUnicode ? `${signer.domainUnicode} (${signer.domain})` : signer.domain;
}

function domainFacts(issuerId: string | undefined): Pick<Signer, 'domain' | 'domainUnicode'> {
  const domain = domainOf(issuerId);
  if (!domain) return {};
  const unicode = hostToUnicode(domain);
  return { domain, ...(unicode && unicode !== domain ? { domainUnicode: unicode } : {}) };
}

/** Only `data:` images are shown: the popup never fetches what a credential points to (SECURITY.md rule 5). */
export const safeImage = (src: string | undefined): string | undefined =>
  src && /^data:image\/(png|jpeg|gif|webp);base64,/i.test(src) ? src : undefined;

/** Who signed, as established by the checks; never the issuer's claimed id when that names no key (SECURITY.md row 46). */
function signerOf(report: Report): Signer | undefined {
  const certificateSubject = typeof report.technical.certificateSubject === 'string' ? report.technical.certificateSubject : undefined;
  if (!isIssuerBound(report.checks)) return undefined;
  const issuerId = verifiedIssuerId(report);
  if (!issuerId && !certificateSubject) return undefined;
  return { ...(issuerId ? { issuerId } : {}), ...domainFacts(issuerId), ...(certificateSubject ? { certificateSubject } : {}) };
}

/** Builds the panel model from a report, the user's trust list and the quality profile. */
export function describeIssuer(report: Report, trustList: readonly TrustEntry[], profile?: QualityProfile): IssuerTrust {
  const signer = signerOf(report);
  const issuer = report.summary.issuer ?? {};
  const claimedHost = domainOf(issuer.url);
  const vouchers: Voucher[] = [];
  const trustId = signer ? trustIdOf(report) : undefined;
  const entry = trustId ? trustList.find((e) => e.issuerId === trustId) : undefined;
  if (entry) vouchers.push({ kind: 'trust-list', label: entry.source, since: entry.addedAt });
  // an accreditation is the issuer's own statement: shown as stated, not checked
  const qa = profile?.elements.find((f) => f.element === 'qualityAssurance');
  if (qa && qa.presence === 'present' && qa.source?.includes('accreditation')) vouchers.push({ kind: 'accreditation', label: qa.value ?? qa.source });
  // endorsements with their own verification: who vouches, and whether that was verified (SECURITY.md row 61)
  for (const e of profile?.endorsements ?? endorsementsOf(report)) {
    const { state, counts, doesNotCount, about, comment } = e;
    vouchers.push({ kind: 'endorsement', label: e.endorser, endorsement: { state, counts, about, ...(doesNotCount ? { doesNotCount } : {}), ...(comment ? { comment } : {}) } });
  }
  return {
    ...(signer ? { signer } : {}),
    claimed: {
      ...(issuer.name ? { name: issuer.name } : {}),
      ...(issuer.url ? { url: issuer.url } : {}),
      ...(safeImage(issuer.image) ? { image: safeImage(issuer.image) } : {}),
      // the issuer's own website matches the domain that vouches for its key
      boundToDomain: Boolean(signer?.domain && claimedHost && (claimedHost === signer.domain || claimedHost.endsWith(`.${signer.domain}`))),
    },
    vouchers,
    ...(typeof report.technical.endorsementsNotChecked === 'number' && report.technical.endorsementsNotChecked > 0
      ? { endorsementsNotChecked: report.technical.endorsementsNotChecked }
      : {}),
    ...(trustId ? { trustId } : {}),
    trusted: entry !== undefined,
    canTrust: trustId !== undefined && entry === undefined,
  };
}
