/**
 * Everything Credlens knows about each Data Integrity proof type, in one
 * table (the jose `jws_algorithms.ts` pattern). A proof whose type or
 * cryptosuite is not here is DI_UNSUPPORTED_CRYPTOSUITE: could not check.
 */
import { VerifierError } from '../errors';
import { canonizeRdfc } from '../jsonld/canonize';
import { canonicalizeJcs } from '../proofs/jcs';
import { concatBytes, sha256, utf8 } from '../util/bytes';
import { verifyEd25519 } from './verify';

/** One supported proof type. */
export interface Cryptosuite {
  /** the name shown in reports: the cryptosuite, or the proof type for legacy suites */
  name: string;
  /** how documents and proof configurations become bytes */
  canonicalization: 'rdfc' | 'jcs';
  /** DataIntegrityProof requires an xsd:dateTimeStamp (time zone mandatory); the 2020 suite an xsd:dateTime */
  createdNeedsTimeZone: boolean;
  verifySignature(key: JsonWebKey, hashData: Uint8Array, signature: Uint8Array): Promise<boolean>;
}

const ed25519Verify = (key: JsonWebKey, data: Uint8Array, sig: Uint8Array) => verifyEd25519(key, data, sig);

/** DataIntegrityProof cryptosuites, keyed by `cryptosuite`. */
const DATA_INTEGRITY_SUITES: Readonly<Record<string, Cryptosuite>> = {
  // W3C vc-di-eddsa §3.3 (RDFC-1.0 + SHA-256 + Ed25519)
  'eddsa-rdfc-2022': { name: 'eddsa-rdfc-2022', canonicalization: 'rdfc', createdNeedsTimeZone: true, verifySignature: ed25519Verify },
  // W3C vc-di-eddsa §3.4 (RFC 8785 JCS + SHA-256 + Ed25519)
  'eddsa-jcs-2022': { name: 'eddsa-jcs-2022', canonicalization: 'jcs', createdNeedsTimeZone: true, verifySignature: ed25519Verify },
};

/** Proof types that predate DataIntegrityProof, keyed by `type`. */
const LEGACY_SUITES: Readonly<Record<string, Cryptosuite>> = {
  // W3C CCG Ed25519Signature2020 §4 (URDNA2015 = RDFC-1.0, SHA-256, Ed25519); still issued by DCC wallets
  Ed25519Signature2020: { name: 'Ed25519Signature2020', canonicalization: 'rdfc', createdNeedsTimeZone: false, verifySignature: ed25519Verify },
};

/** The suite for a proof's `type` and `cryptosuite`, or undefined when unsupported. */
export function findCryptosuite(type: string, cryptosuite: string | undefined): Cryptosuite | undefined {
  const [table, key] = type === 'DataIntegrityProof' ? [DATA_INTEGRITY_SUITES, cryptosuite ?? ''] : [LEGACY_SUITES, type];
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** The bytes that were signed, and the canonical document for the technical details. */
export interface HashData {
  /** SHA-256(canonical proof configuration) || SHA-256(canonical document) */
  hashData: Uint8Array;
  canonicalDocument: string;
  canonicalProofConfig: string;
}

/**
 * Transformation + hashing (vc-di-eddsa §3.3.3–3.3.5 and §3.4.3–3.4.5): the
 * proof configuration carries the document's `@context`, both are
 * canonicalised and hashed, and the proof hash comes first.
 */
export async function computeHashData(suite: Cryptosuite, unsecuredDocument: Record<string, unknown>, proofConfig: Record<string, unknown>): Promise<HashData> {
  const canonicalize = suite.canonicalization === 'rdfc' ? canonizeRdfc : async (v: object) => canonicalizeJcs(v);
  const config = unsecuredDocument['@context'] === undefined ? proofConfig : { ...proofConfig, '@context': unsecuredDocument['@context'] };
  const [canonicalProofConfig, canonicalDocument] = await Promise.all([canonicalize(config), canonicalize(unsecuredDocument)]);
  if (canonicalDocument.length === 0) throw new VerifierError('DI_DATA_LOSS', { reason: 'the document has no signed statements' });
  const [proofHash, documentHash] = await Promise.all([sha256(utf8(canonicalProofConfig)), sha256(utf8(canonicalDocument))]);
  return { hashData: concatBytes(proofHash, documentHash), canonicalDocument, canonicalProofConfig };
}
