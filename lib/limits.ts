/** Every size, time and count cap in one place. */
export const LIMITS = {
  /** largest input accepted for verification (a baked image or a JSON file) */
  inputBytes: 4 * 1024 * 1024,
  /** JSON pre-parse caps, applied before any JSON-LD processing (SECURITY.md attack 27) */
  jsonDepth: 64,
  jsonKeys: 50_000,
  jsonChars: 2 * 1024 * 1024,
  /** one fetch */
  fetchMs: 5_000,
  /** fetches one verification may start (keys, status lists, hosted copies) */
  fetchesPerVerification: 8,
  bytes: {
    'did-document': 64 * 1024,
    'key-document': 64 * 1024,
    jwks: 64 * 1024,
    'status-list': 2 * 1024 * 1024,
    'ob2-document': 512 * 1024,
    credential: 2 * 1024 * 1024,
    image: 4 * 1024 * 1024,
  },
  /** decompressed status list bitstring (SECURITY.md attack 32) */
  statusListInflatedBytes: 16 * 1024 * 1024,
  /** canonicalisation: abort budget and RDFC work factor (rdf-canonize maxWorkFactor) */
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
  /** PNG text chunks */
  pngTextChunkBytes: 1024 * 1024,
} as const;

export type FetchPurpose = keyof typeof LIMITS.bytes;
