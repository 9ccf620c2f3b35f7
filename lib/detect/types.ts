/**
 * Plain types shared by the detectors and the content script. They mirror
 * `CandidateSchema` in lib/extension/messaging.ts, but without zod: the content script
 * must stay small (a top-level zod schema is not tree-shaken and once put
 * 80 KB into it; SECURITY.md budgets), so only the background imports the
 * schema and validates what arrives.
 */

/**
 * What kind of thing the page showed. `claim` is a certification a profile
 * lists with no link that leads off the site: nothing to fetch, but it is
 * still a row, so a recruiter sees every certification the page claims.
 */
export type CandidateKind = 'json' | 'jws' | 'link' | 'image' | 'embed' | 'claim';

/** What the content script saw: strings only, never a URL to fetch on its behalf. */
export interface Candidate {
  kind: CandidateKind;
  /** JSON text, a compact JWS, a link href, an image src, an embed id, or a claim's title */
  value: string;
  /** platform id from lib/detect/platforms.ts, when the value matched one */
  platform?: string;
  /** short labels seen next to it (certification name, issuer, date, credential id) */
  label?: string;
  issuerLabel?: string;
  issuedLabel?: string;
  expiresLabel?: string;
  credentialIdLabel?: string;
  /**
   * Found inside a certification entry of a profile (lib/detect/linkedin.ts): the
   * background follows such a link whatever its shape (SECURITY.md rule 2 allows
   * links a certification entry gives, within the per-page budget).
   */
  fromEntry?: true;
  /** a claim's own link that is not followed (a LinkedIn-hosted certificate page), for the recruiter to open */
  href?: string;
}

/** A candidate plus the element it was found on, so a marker can be placed beside it. */
export interface DetectedCandidate {
  candidate: Candidate;
  /** stable key: same normalised target → same key (see lib/detect/key.ts) */
  key: string;
  /** where to put the marker; absent for things with no visible element (JSON-LD) */
  anchor?: Element;
}

/**
 * One "Licenses & certifications" entry of a LinkedIn page, with the claim
 * text exactly as the page shows it. Nothing here is checked: it is what the
 * profile says, to be set beside what the credential itself says.
 */
export interface CertificationEntry {
  title: string;
  issuer: string | null;
  /** issue date as shown, e.g. "Jan 2024" */
  issued: string | null;
  /** expiry date as shown; null when the page shows none or says there is none */
  expires: string | null;
  credentialId: string | null;
  /** where the entry's credential link leads (LinkedIn redirect unwrapped, `trk` dropped); null when it has none */
  link: string | null;
  /** the entry element, for placing a marker */
  anchor: Element;
}

/** The result of one scan of a document or subtree. */
export interface ScanResult {
  found: DetectedCandidate[];
  /** profile owner's name, when the page is a LinkedIn profile */
  profileName?: string;
}

/** Attribute set on every node Credlens inserts, so detectors and observers skip them. */
export const OWN_NODE_ATTRIBUTE = 'data-credlens';
