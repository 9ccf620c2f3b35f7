/**
 * Everything Credlens knows about each Data Integrity proof type, in one
 * table (the jose `jws_algorithms.ts` pattern). A proof whose type or
 * cryptosuite is not here could not be checked: the proof types Credlens
 * knows and cannot check yet have their own code (UNSUPPORTED_SUITES), any
 * other is DI_UNSUPPORTED_CRYPTOSUITE.
 */
import { VerifierError, type ErrorCode } from '../../errors';
import { canonizeRdfc } from '../../jsonld/canonize';
import type { WorkBudget } from '../../util/work-budget';
import { canonicalizeJcs } from './jcs';
import { concatBytes, fromBase58, utf8 } from '../../util/bytes';
import { verifyEcdsa, verifyEd25519 } from '../../crypto/signatures';
import { parseDerivedProofValue, verifyDerivedProof, type DerivedProofValue } from './ecdsa-sd';
import { parseDetachedJws, verifyDetachedJws, assertKeyFits, type DetachedJws, type JwsAlgorithm } from './detached-jws';

/** Hash used for the proof configuration and the document. */
export type SuiteHash = 'SHA-256' | 'SHA-384';

/** The signature as a proof carries it, read before any key is resolved. */
export type ProofSignature =
  /** `proofValue`: multibase base58btc of one signature */
  | { kind: 'multibase'; bytes: Uint8Array }
  /** `proofValue`: an ecdsa-sd-2023 derived proof (lib/engine/proofs/data-integrity/ecdsa-sd.ts) */
  | { kind: 'ecdsa-sd-derived'; derived: DerivedProofValue }
  /** `jws`: a detached JWS (lib/engine/proofs/data-integrity/detached-jws.ts) */
  | { kind: 'detached-jws'; jws: DetachedJws };

/** What checking a signature established. */
export interface SignatureCheck {
  valid: boolean;
  /** why it is not valid, for the check's detail */
  reason?: string;
  /** for a selectively disclosed credential: how many statements were mandatory and how many the holder chose */
  disclosure?: { mandatory: number; selective: number };
}

/** One supported proof type. */
export interface Cryptosuite {
  /** the name shown in reports: the cryptosuite, or the proof type for legacy suites */
  name: string;
  /** how documents and proof configurations become bytes */
  canonicalization: 'rdfc' | 'jcs';
  /** DataIntegrityProof requires an xsd:dateTimeStamp (time zone mandatory); the older suites an xsd:dateTime */
  createdNeedsTimeZone: boolean;
  /** the proof member that carries the signature, left out of the signed proof options */
  signatureMember: 'proofValue' | 'jws';
  /** reads the signature from the proof; throws DI_MALFORMED_PROOF (checked before any key is resolved) */
  readSignature(proof: Record<string, unknown>): ProofSignature;
  /** the hash for this key; throws DI_MALFORMED_PROOF when the key does not fit the suite */
  hashFor(key: JsonWebKey): SuiteHash;
  /** checks the signature against the rebuilt hash data; throws VerifierError for what is not a wrong signature */
  verify(key: JsonWebKey, hash: HashData, signature: ProofSignature, budget?: WorkBudget): Promise<SignatureCheck>;
}

const malformed = (reason: string) => new VerifierError('DI_MALFORMED_PROOF', { reason });

// A proof whose cryptosuite does not fit its key can never verify: that is the proof's fault.
const keyMismatch = (suite: string, key: JsonWebKey) => malformed(`${suite} cannot be made with a ${String(key.crv ?? key.kty)} key`);

const wrongKind = () => new TypeError('a signature read by another suite');

/**
 * proofValue: multibase base58btc (`z…`) of a signature of one of `lengths`
 * bytes: 64 for Ed25519 (vc-di-eddsa §2.2.1, Ed25519Signature2020 §3.1),
 * 64 or 96 for ECDSA P-256 / P-384 (vc-di-ecdsa §3.2.6).
 */
export function decodeProofValue(proofValue: unknown, lengths: readonly number[] = [64]): Uint8Array {
  if (typeof proofValue !== 'string' || proofValue.length === 0) throw malformed('proofValue is missing');
  if (!proofValue.startsWith('z')) throw malformed('proofValue is not multibase base58btc (z…)');
  if (proofValue.length > 160) throw malformed('proofValue is too long for a signature');
  const bytes = fromBase58(proofValue.slice(1));
  if (!bytes) throw malformed('proofValue is not valid base58btc');
  if (!lengths.includes(bytes.length)) throw malformed(`a signature has ${lengths.join(' or ')} bytes, not ${bytes.length}`);
  return bytes;
}

/** A suite whose proofValue is one signature over hashData (vc-di-eddsa, vc-di-ecdsa §3.2–3.3). */
function oneSignature(lengths: readonly number[], check: (key: JsonWebKey, data: Uint8Array, sig: Uint8Array) => Promise<boolean>) {
  return {
    signatureMember: 'proofValue' as const,
    readSignature: (proof: Record<string, unknown>): ProofSignature => ({ kind: 'multibase', bytes: decodeProofValue(proof.proofValue, lengths) }),
    async verify(key: JsonWebKey, hash: HashData, signature: ProofSignature): Promise<SignatureCheck> {
      if (signature.kind !== 'multibase') throw wrongKind();
      return { valid: await check(key, hash.hashData, signature.bytes) };
    },
  };
}

const EDDSA = {
  createdNeedsTimeZone: true,
  hashFor(key: JsonWebKey): SuiteHash {
    if (key.kty === 'OKP' && key.crv === 'Ed25519') return 'SHA-256';
    throw keyMismatch('EdDSA', key);
  },
  ...oneSignature([64], (key, data, sig) => verifyEd25519(key, data, sig)),
} as const;

/** W3C vc-di-ecdsa §3.2.4 / §3.3.4: SHA-256 with P-256 keys, SHA-384 with P-384 keys. */
function ecdsaHashFor(key: JsonWebKey): SuiteHash {
  if (key.kty === 'EC' && key.crv === 'P-256') return 'SHA-256';
  if (key.kty === 'EC' && key.crv === 'P-384') return 'SHA-384';
  throw keyMismatch('ECDSA P-256/P-384', key);
}

const ECDSA = {
  createdNeedsTimeZone: true,
  hashFor: ecdsaHashFor,
  ...oneSignature([64, 96], (key, data, sig) => verifyEcdsa(key, data, sig)),
} as const;

/**
 * W3C vc-di-ecdsa §3.4 ecdsa-sd-2023: only derived proofs reach a verifier
 * (lib/engine/proofs/data-integrity/ecdsa-sd.ts); a base proof is malformed here.
 */
const ECDSA_SD: Cryptosuite = {
  name: 'ecdsa-sd-2023',
  canonicalization: 'rdfc',
  createdNeedsTimeZone: true,
  hashFor: ecdsaHashFor,
  signatureMember: 'proofValue',
  readSignature: (proof) => ({ kind: 'ecdsa-sd-derived', derived: parseDerivedProofValue(proof.proofValue) }),
  async verify(key, hash, signature, budget) {
    if (signature.kind !== 'ecdsa-sd-derived') throw wrongKind();
    const result = await verifyDerivedProof({
      derived: signature.derived,
      issuerKey: key,
      canonicalProofConfig: hash.canonicalProofConfig,
      documentNQuads: hash.canonicalDocument,
      ...(budget ? { budget } : {}),
    });
    return { valid: result.valid, ...(result.reason ? { reason: result.reason } : {}), disclosure: { mandatory: result.mandatoryCount, selective: result.selectiveCount } };
  },
};

/**
 * The 2018–2020 Linked Data Signature suites that carry a detached JWS
 * (lib/engine/proofs/data-integrity/detached-jws.ts): URDNA2015 (= RDFC-1.0),
 * SHA-256 of the proof options and of the document, whatever the algorithm
 * (jsonld-signatures LinkedDataSignature.createVerifyData, which both suites' reference libraries use).
 */
function detachedJwsSuite(name: string, algorithms: readonly JwsAlgorithm[]): Cryptosuite {
  return {
    name,
    canonicalization: 'rdfc',
    // Their contexts type `created` as xsd:dateTime, which allows a date-time without a time zone.
    createdNeedsTimeZone: false,
    signatureMember: 'jws',
    readSignature: (proof) => {
      if (proof.proofValue !== undefined) throw malformed(`a ${name} proof carries its signature in jws, not proofValue`);
      return { kind: 'detached-jws', jws: parseDetachedJws(proof.jws, algorithms) };
    },
    hashFor(key) {
      if (!(key.kty === 'OKP' && key.crv === 'Ed25519') && !(key.kty === 'EC' && ['P-256', 'P-384', 'secp256k1'].includes(String(key.crv)))) throw keyMismatch(name, key);
      return 'SHA-256';
    },
    async verify(key, hash, signature) {
      if (signature.kind !== 'detached-jws') throw wrongKind();
      assertKeyFits(signature.jws, key);
      return { valid: await verifyDetachedJws(signature.jws, key, hash.hashData) };
    },
  };
}

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
  // W3C vc-di-ecdsa §3.4 (selective disclosure: RDFC-1.0 with HMAC labels, P-256/P-384 base signature)
  'ecdsa-sd-2023': ECDSA_SD,
};

/** Proof types that predate DataIntegrityProof, keyed by `type`. */
const LEGACY_SUITES: Readonly<Record<string, Cryptosuite>> = {
  // W3C CCG Ed25519Signature2020 §4 (URDNA2015 = RDFC-1.0, SHA-256, Ed25519); still issued by DCC wallets
  Ed25519Signature2020: { name: 'Ed25519Signature2020', canonicalization: 'rdfc', ...EDDSA, createdNeedsTimeZone: false },
  // W3C CCG lds-ed25519-2018 (detached JWS, EdDSA): the OB 3.0 plugfests of 2022–23 signed with it
  Ed25519Signature2018: detachedJwsSuite('Ed25519Signature2018', ['EdDSA']),
  // W3C CCG lds-jws2020 (detached JWS, any JOSE key: Ed25519, P-256, P-384, secp256k1): the same plugfests
  JsonWebSignature2020: detachedJwsSuite('JsonWebSignature2020', ['EdDSA', 'ES256', 'ES384', 'ES256K']),
};

/**
 * Proof types and cryptosuites Credlens knows and cannot check yet, each with
 * the code that names it (SECURITY.md row 57): "could not be checked", never failed.
 */
const UNSUPPORTED_SUITES: Readonly<Record<string, ErrorCode>> = {
  // W3C vc-di-bbs: BBS signatures over BLS12-381 (selective disclosure, unlinkable)
  'bbs-2023': 'DI_BBS_UNSUPPORTED',
  // Blockcerts v3: the signature is a Merkle proof anchored in a blockchain transaction
  MerkleProof2019: 'BLOCKCERTS_UNSUPPORTED',
  // W3C CCG Ethereum EIP-712 Signature 2021: typed-data signatures by Ethereum accounts
  EthereumEip712Signature2021: 'DI_EIP712_UNSUPPORTED',
  // W3C CCG lds-ecdsa-secp256k1-2019 and its recovery variant
  EcdsaSecp256k1Signature2019: 'DI_SECP256K1_UNSUPPORTED',
  EcdsaSecp256k1RecoverySignature2020: 'DI_SECP256K1_UNSUPPORTED',
};

/** The suite for a proof's `type` and `cryptosuite`, or undefined when unsupported. */
export function findCryptosuite(type: string, cryptosuite: string | undefined): Cryptosuite | undefined {
  const [table, key] = type === 'DataIntegrityProof' ? [DATA_INTEGRITY_SUITES, cryptosuite ?? ''] : [LEGACY_SUITES, type];
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** The code for a proof type Credlens cannot check: the suite's own, or DI_UNSUPPORTED_CRYPTOSUITE. */
export function unsupportedCode(type: string, cryptosuite: string | undefined): ErrorCode {
  const key = type === 'DataIntegrityProof' ? (cryptosuite ?? '') : type;
  return Object.hasOwn(UNSUPPORTED_SUITES, key) ? UNSUPPORTED_SUITES[key]! : 'DI_UNSUPPORTED_CRYPTOSUITE';
}

/** Every code unsupportedCode can answer: a proof with one of these could not be checked at all. */
export const UNSUPPORTED_CODES: ReadonlySet<ErrorCode> = new Set(['DI_UNSUPPORTED_CRYPTOSUITE', ...Object.values(UNSUPPORTED_SUITES)]);

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
