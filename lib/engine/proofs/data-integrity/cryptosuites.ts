/**
 * Everything Credlens knows about each Data Integrity proof type, in one
 * table (the jose `jws_algorithms.ts` pattern). A proof whose type or
 * cryptosuite is not here is DI_UNSUPPORTED_CRYPTOSUITE: could not check.
 */
import { VerifierError } from '../../errors';
import { canonizeRdfc } from '../../jsonld/canonize';
import type { WorkBudget } from '../../util/work-budget';
import { canonicalizeJcs } from './jcs';
import { concatBytes, utf8 } from '../../util/bytes';
import { verifyEcdsa, verifyEd25519 } from '../../crypto/signatures';

/** Hash used for the proof configuration and the document. */
export type SuiteHash = 'SHA-256' | 'SHA-384';

/** One supported proof type. */
export interface Cryptosuite {
  /** the name shown in reports: the cryptosuite, or the proof type for legacy suites */
  name: string;
  /** how documents and proof configurations become bytes */
  canonicalization: 'rdfc' | 'jcs';
  /** DataIntegrityProof requires an xsd:dateTimeStamp (time zone mandatory); the 2020 suite an xsd:dateTime */
  createdNeedsTimeZone: boolean;
  /** byte lengths a proofValue may decode to (checked before any key is resolved) */
  signatureLengths: readonly number[];
  /** the hash for this key; throws DI_MALFORMED_PROOF when the key does not fit the suite */
  hashFor(key: JsonWebKey): SuiteHash;
  verifySignature(key: JsonWebKey, hashData: Uint8Array, signature: Uint8Array): Promise<boolean>;
}

// A proof whose cryptosuite does not fit its key can never verify: that is the proof's fault.
const keyMismatch = (suite: string, key: JsonWebKey) =>
  new VerifierError('DI_MALFORMED_PROOF', { reason: `${suite} cannot be made with a ${String(key.crv ?? key.kty)} key` });

const EDDSA = {
  createdNeedsTimeZone: true,
  signatureLengths: [64],
  hashFor(key: JsonWebKey): SuiteHash {
    if (key.kty === 'OKP' && key.crv === 'Ed25519') return 'SHA-256';
    throw keyMismatch('EdDSA', key);
  },
  verifySignature: (key: JsonWebKey, data: Uint8Array, sig: Uint8Array) => verifyEd25519(key, data, sig),
} as const;

/** W3C vc-di-ecdsa §3.2.4 / §3.3.4: SHA-256 with P-256 keys, SHA-384 with P-384 keys. */
const ECDSA = {
  createdNeedsTimeZone: true,
  signatureLengths: [64, 96],
  hashFor(key: JsonWebKey): SuiteHash {
    if (key.kty === 'EC' && key.crv === 'P-256') return 'SHA-256';
    if (key.kty === 'EC' && key.crv === 'P-384') return 'SHA-384';
    throw keyMismatch('ECDSA P-256/P-384', key);
  },
  verifySignature: (key: JsonWebKey, data: Uint8Array, sig: Uint8Array) => verifyEcdsa(key, data, sig),
} as const;

/** DataIntegrityProof cryptosuites, keyed by `cryptosuite`. */
const DATA_INTEGRITY_SUITES: Readonly<Record<string, Cryptosuite>> = {
  // W3C vc-di-eddsa §3.3 (RDFC-1.0 + SHA-256 + Ed25519)
  'eddsa-rdfc-2022': { name: 'eddsa-rdfc-2022', canonicalization: 'rdfc', ...EDDSA },
  // The 2022 draft name of eddsa-rdfc-2022, same transformation and hashing; still met in OB 3.0 badges
  // ("Verifiers should consider supporting prior cryptosuites", OB 3.0 verification; 1EdTech
  // validator ob30/simple-eddsa-2022.json verifies with it).
  'eddsa-2022': { name: 'eddsa-2022', canonicalization: 'rdfc', ...EDDSA },
  // W3C vc-di-eddsa §3.4 (RFC 8785 JCS + SHA-256 + Ed25519)
  'eddsa-jcs-2022': { name: 'eddsa-jcs-2022', canonicalization: 'jcs', ...EDDSA },
  // W3C vc-di-ecdsa §3.2 (RDFC-1.0 + SHA-256/384 + ECDSA P-256/P-384)
  'ecdsa-rdfc-2019': { name: 'ecdsa-rdfc-2019', canonicalization: 'rdfc', ...ECDSA },
  // W3C vc-di-ecdsa §3.3 (JCS + SHA-256/384 + ECDSA P-256/P-384)
  'ecdsa-jcs-2019': { name: 'ecdsa-jcs-2019', canonicalization: 'jcs', ...ECDSA },
};

/** Proof types that predate DataIntegrityProof, keyed by `type`. */
const LEGACY_SUITES: Readonly<Record<string, Cryptosuite>> = {
  // W3C CCG Ed25519Signature2020 §4 (URDNA2015 = RDFC-1.0, SHA-256, Ed25519); still issued by DCC wallets
  Ed25519Signature2020: { name: 'Ed25519Signature2020', canonicalization: 'rdfc', ...EDDSA, createdNeedsTimeZone: false },
};

/** The suite for a proof's `type` and `cryptosuite`, or undefined when unsupported. */
export function findCryptosuite(type: string, cryptosuite: string | undefined): Cryptosuite | undefined {
  const [table, key] = type === 'DataIntegrityProof' ? [DATA_INTEGRITY_SUITES, cryptosuite ?? ''] : [LEGACY_SUITES, type];
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** The bytes that were signed, and the canonical document for the technical details. */
export interface HashData {
  /** hash(canonical proof configuration) || hash(canonical document) */
  hashData: Uint8Array;
  /** hash of the canonical document (the second half of hashData) */
  documentHash: Uint8Array;
  canonicalDocument: string;
  canonicalProofConfig: string;
}

async function digest(hash: SuiteHash, text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest(hash, utf8(text) as BufferSource));
}

/**
 * Transformation + hashing (vc-di-eddsa §3.3.3–3.3.5 and §3.4.3–3.4.5,
 * vc-di-ecdsa §3.2.3–3.2.5): the proof configuration carries the document's
 * `@context`, both are canonicalised and hashed, and the proof hash comes first.
 */
export async function computeHashData(
  suite: Cryptosuite,
  unsecuredDocument: Record<string, unknown>,
  proofConfig: Record<string, unknown>,
  hash: SuiteHash = 'SHA-256',
  budget?: WorkBudget,
): Promise<HashData> {
  // RDFC work is charged to the verification's time budget (SECURITY.md row 49); JCS is linear.
  const canonicalize = suite.canonicalization === 'rdfc' ? (v: object) => canonizeRdfc(v, undefined, budget) : async (v: object) => canonicalizeJcs(v);
  const config = unsecuredDocument['@context'] === undefined ? proofConfig : { ...proofConfig, '@context': unsecuredDocument['@context'] };
  const [canonicalProofConfig, canonicalDocument] = await Promise.all([canonicalize(config), canonicalize(unsecuredDocument)]);
  if (canonicalDocument.length === 0) throw new VerifierError('DI_DATA_LOSS', { reason: 'the document has no signed statements' });
  const [proofHash, documentHash] = await Promise.all([digest(hash, canonicalProofConfig), digest(hash, canonicalDocument)]);
  return { hashData: concatBytes(proofHash, documentHash), documentHash, canonicalDocument, canonicalProofConfig };
}
