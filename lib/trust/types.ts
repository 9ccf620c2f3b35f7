/** One issuer the user trusts, kept in `browser.storage.local` under `trust:lists`. */
export interface TrustEntry {
  /** the verified issuer identifier: a DID, an https issuer id, or a seal certificate subject */
  issuerId: string;
  /** display name at the time it was added */
  name?: string;
  /** ISO 8601 */
  addedAt: string;
  /** where the entry came from: "user" (Trust this issuer) or the name of an imported list */
  source: string;
}

export const TRUST_STORAGE_KEY = 'trust:lists';

/** The file format of an exported trust list. */
export const TRUST_EXPORT_FORMAT = 'credlens-trust-list';
