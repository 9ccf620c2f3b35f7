/** Every size, time and count cap in one place. */
export const LIMITS = {
  /** largest input accepted for verification (a baked image or a JSON file) */
  inputBytes: 4 * 1024 * 1024,
  /** JSON pre-parse caps, applied before any JSON-LD processing (SECURITY.md attack 27) */
  jsonDepth: 64,
  jsonKeys: 50_000,
  jsonChars: 2 * 1024 * 1024,
  /**
   * JSON values (objects, arrays and scalars) in one document, counted on the parsed JSON before
   * any JSON-LD work (SECURITY.md row 49). Expansion and the conversion to RDF grow with the square
   * of the values of one property; the largest real credential seen has under 800.
   */
  jsonNodes: 5_000,
  /** proofs one credential may carry, as a set or a chain (SECURITY.md row 49) */
  proofsPerCredential: 8,
  /** one fetch */
  fetchMs: 5_000,
  /** fetches one verification may start (keys, status lists, hosted copies) */
  fetchesPerVerification: 8,
  /** requests in flight to one host from all verifications together, as browsers keep six connections per host (net/host-limit.ts) */
  fetchesPerHost: 6,
  /**
   * Verifications the extension runs at once. They mostly wait on the network (each a short
   * chain of fetches: the credential, its issuer's keys, its status list), so a page's rows
   * are checked together; fetchesPerHost keeps any one host from being flooded.
   */
  verificationsAtOnce: 16,
  bytes: {
    'did-document': 64 * 1024,
    'key-document': 64 * 1024,
    jwks: 64 * 1024,
    /** SD-JWT VC: the issuer's JWT VC Issuer Metadata (draft-ietf-oauth-sd-jwt-vc §4) */
    'jwt-vc-issuer': 64 * 1024,
    'status-list': 2 * 1024 * 1024,
    'ob2-document': 512 * 1024,
    credential: 2 * 1024 * 1024,
    /** a link a profile gives: a credential, or the web page in front of one (SECURITY.md row 55) */
    'credential-link': 2 * 1024 * 1024,
    image: 4 * 1024 * 1024,
  },
  /** redirects followed for a credential link, each hop checked like the first (SECURITY.md row 55) */
  redirectHops: 5,
  /** decompressed status list bitstring (SECURITY.md attack 32) */
  statusListInflatedBytes: 16 * 1024 * 1024,
  /**
   * JSON-LD expansion and canonicalisation: one time budget per verification, shared by all its
   * proofs and status lists (SECURITY.md row 49), and the RDFC work factor (rdf-canonize maxWorkFactor)
   */
  canonicalizeMs: 1_000,
  canonicalizeWorkFactor: 1,
  /** clock skew tolerated on validity windows */
  skewSeconds: 300,
  /** cache lifetimes */
  keyCacheMs: 10 * 60 * 1000,
  statusCacheMs: 5 * 60 * 1000,
  /** messages from content scripts */
  candidateChars: 256 * 1024,
  candidatesPerPage: 200,
  /** links from certification entries followed per page: a profile lists a few dozen at most (SECURITY.md row 55) */
  linksFollowedPerPage: 40,
  /** PNG text chunks */
  pngTextChunkBytes: 1024 * 1024,
  /** disclosures one SD-JWT may carry: each costs a hash and a JSON parse (SECURITY.md row 58) */
  sdJwtDisclosures: 256,
  /**
   * Credentials of one presentation that are verified (SECURITY.md row 59): wallets present a
   * handful. They share the verification's fetch and JSON-LD budgets, like a CLR's entries.
   */
  presentedCredentialsVerified: 20,
  /**
   * Credentials carried inside one credential that are verified (SECURITY.md rows 61–62): OB 3.0
   * endorsements (real issuers attach one to three), and the achievement credentials of a CLR 2.0
   * transcript (a degree's courses; the 5,000 JSON values of one document hold fewer than 200).
   * They share the verification's fetch and JSON-LD budgets.
   */
  endorsementsVerified: 8,
  clrCredentialsVerified: 200,
} as const;

export type FetchPurpose = keyof typeof LIMITS.bytes;

/**
 * The two fetches made for extension pages rather than by the engine, each with its own rules in
 * lib/engine/net/safe-fetch.ts (SECURITY.md network policy): the PDF a tab shows, and the extension's own
 * packaged files.
 */
export const PAGE_FETCH = {
  'tab-pdf': { bytes: 25 * 1024 * 1024, ms: 15_000 },
  'extension-resource': { bytes: 1024 * 1024, ms: 5_000 },
} as const;

export type PageFetchPurpose = keyof typeof PAGE_FETCH;
