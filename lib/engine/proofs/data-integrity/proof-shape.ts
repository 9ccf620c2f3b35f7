/**
 * Shape checks for one embedded Data Integrity proof, done before any key is
 * resolved or any crypto runs (SECURITY.md attacks 11–13).
 */
import { VerifierError } from '../../errors';
import { fromBase58 } from '../../util/bytes';
import { isObject } from '../../util/json';
import { findCryptosuite, type Cryptosuite } from './cryptosuites';

/** A proof that passed the shape checks. */
export interface ParsedProof {
  suite: Cryptosuite;
  /** the proof as found, proofValue included (for previousProof chains) */
  raw: Record<string, unknown>;
  /** the proof options: the proof with proofValue removed (vc-data-integrity §4.4 step 3) */
  options: Record<string, unknown>;
  id?: string;
  verificationMethod: string;
  /** the signature decoded from proofValue, of a length the suite allows */
  signature: Uint8Array;
  previousProof: string[];
}

// xsd:dateTimeStamp requires a time zone; xsd:dateTime (Ed25519Signature2020) does not.
const DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const HAS_TIME_ZONE = /(Z|[+-]\d{2}:\d{2})$/;
const URL_WITH_SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/;

const malformed = (reason: string) => new VerifierError('DI_MALFORMED_PROOF', { reason });

/**
 * Validates one proof. Throws DI_MALFORMED_PROOF (fail), DI_UNSUPPORTED_CRYPTOSUITE
 * (could not check) or DI_PROOF_PURPOSE_MISMATCH (fail).
 *
 * @example
 * const parsed = parseProof(credential.proof, Date.now());
 */
export function parseProof(proof: unknown, now: number): ParsedProof {
  if (!isObject(proof)) throw malformed('a proof is not an object');
  const { type, cryptosuite } = proof;
  if (typeof type !== 'string') throw malformed('the proof has no type');
  if (cryptosuite !== undefined && typeof cryptosuite !== 'string') throw malformed('cryptosuite is not a string');
  // vc-data-integrity §3.1: a DataIntegrityProof MUST name its cryptosuite.
  if (type === 'DataIntegrityProof' && cryptosuite === undefined) throw malformed('a DataIntegrityProof names no cryptosuite');
  const { verificationMethod, proofPurpose, proofValue, id } = proof;
  const suite = findCryptosuite(type, cryptosuite);
  // vc-data-integrity §2.1: every proof, whatever its type, names its verificationMethod and proofPurpose;
  // one without them is malformed, not merely of an unknown kind (1EdTech ob30/simple-multiple-proofs.json).
  if (!suite && (typeof verificationMethod !== 'string' || typeof proofPurpose !== 'string'))
    throw malformed('the proof names no verificationMethod or proofPurpose');
  if (!suite) throw new VerifierError('DI_UNSUPPORTED_CRYPTOSUITE', { suite: String(cryptosuite ?? type).slice(0, 60) });
  if (typeof verificationMethod !== 'string' || verificationMethod.length === 0) throw malformed('verificationMethod is missing');
  // vc-data-integrity §2.1: verificationMethod MUST be a URL (RFC 3986 §3.1: it starts with a scheme).
  if (!URL_WITH_SCHEME.test(verificationMethod)) throw malformed('verificationMethod is not a URL');
  if (typeof proofPurpose !== 'string') throw malformed('proofPurpose is missing');
  // A credential is an assertion by its issuer (vc-data-integrity §4.4 step 5; OB 3.0 §8.2).
  if (proofPurpose !== 'assertionMethod') throw new VerifierError('DI_PROOF_PURPOSE_MISMATCH', { purpose: proofPurpose.slice(0, 60) });
  if (id !== undefined && typeof id !== 'string') throw malformed('id is not a string');
  checkDates(proof, suite, now);
  const { proofValue: _omitted, ...options } = proof;
  return {
    suite,
    raw: proof,
    options,
    ...(typeof id === 'string' ? { id } : {}),
    verificationMethod,
    signature: decodeProofValue(proofValue, suite.signatureLengths),
    previousProof: parsePreviousProof(proof.previousProof),
  };
}

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

function checkDates(proof: Record<string, unknown>, suite: Cryptosuite, now: number): void {
  for (const field of ['created', 'expires'] as const) {
    const value = proof[field];
    if (value === undefined) continue;
    if (typeof value !== 'string' || !DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) throw malformed(`${field} is not a date-time`);
    if (suite.createdNeedsTimeZone && !HAS_TIME_ZONE.test(value)) throw malformed(`${field} has no time zone`);
  }
  // vc-data-integrity §2.1: a proof past `expires` must not be accepted.
  if (typeof proof.expires === 'string' && Date.parse(proof.expires) < now) throw malformed(`the proof expired on ${proof.expires}`);
}

function parsePreviousProof(value: unknown): string[] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || !list.every((v) => typeof v === 'string')) throw malformed('previousProof must name proof ids');
  return list as string[];
}
