/**
 * Shape checks for one embedded Data Integrity proof, done before any key is
 * resolved or any crypto runs (SECURITY.md attacks 11–13).
 */
import { VerifierError } from '../../errors';
import { isObject } from '../../util/json';
import { findCryptosuite, unsupportedCode, type Cryptosuite, type ProofSignature } from './cryptosuites';

export { decodeProofValue } from './cryptosuites';

/** A proof that passed the shape checks. */
export interface ParsedProof {
  suite: Cryptosuite;
  /** the proof as found, proofValue included (for previousProof chains) */
  raw: Record<string, unknown>;
  /** the proof options: the proof without its signature member (vc-data-integrity §4.4 step 3; `jws` for the JWS suites) */
  options: Record<string, unknown>;
  id?: string;
  verificationMethod: string;
  /** the signature as the suite reads it, of a shape the suite allows */
  signature: ProofSignature;
  previousProof: string[];
}

// xsd:dateTimeStamp requires a time zone; xsd:dateTime (Ed25519Signature2020) does not.
const DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const HAS_TIME_ZONE = /(Z|[+-]\d{2}:\d{2})$/;
const URL_WITH_SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/;

/**
 * The proof purposes Credlens accepts and the code of a proof made for another:
 * a credential is an assertion by its issuer (vc-data-integrity §4.4 step 5;
 * OB 3.0 §8.2), a presentation an authentication by its holder (VC Data
 * Model 2.0 §4.13; @digitalbazaar/vc AuthenticationProofPurpose).
 */
export type ProofPurposeName = 'assertionMethod' | 'authentication';
const PURPOSE_MISMATCH = { assertionMethod: 'DI_PROOF_PURPOSE_MISMATCH', authentication: 'HOLDER_PROOF_PURPOSE_MISMATCH' } as const;

const malformed = (reason: string) => new VerifierError('DI_MALFORMED_PROOF', { reason });

/**
 * Validates one proof. Throws DI_MALFORMED_PROOF (fail), DI_UNSUPPORTED_CRYPTOSUITE
 * or the code of a suite Credlens knows it cannot check (could not check, cryptosuites.ts
 * UNSUPPORTED_SUITES), or DI_PROOF_PURPOSE_MISMATCH (fail).
 *
 * @example
 * const parsed = parseProof(credential.proof, Date.now());
 */
export function parseProof(proof: unknown, now: number, purpose: ProofPurposeName = 'assertionMethod'): ParsedProof {
  if (!isObject(proof)) throw malformed('a proof is not an object');
  const { type, cryptosuite } = proof;
  if (typeof type !== 'string') throw malformed('the proof has no type');
  if (cryptosuite !== undefined && typeof cryptosuite !== 'string') throw malformed('cryptosuite is not a string');
  // vc-data-integrity §3.1: a DataIntegrityProof MUST name its cryptosuite.
  if (type === 'DataIntegrityProof' && cryptosuite === undefined) throw malformed('a DataIntegrityProof names no cryptosuite');
  const { verificationMethod, proofPurpose, id } = proof;
  const suite = findCryptosuite(type, cryptosuite);
  // vc-data-integrity §2.1: every proof, whatever its type, names its verificationMethod and proofPurpose;
  // one without them is malformed, not merely of an unknown kind (1EdTech ob30/simple-multiple-proofs.json).
  if (!suite && (typeof verificationMethod !== 'string' || typeof proofPurpose !== 'string'))
    throw malformed('the proof names no verificationMethod or proofPurpose');
  if (!suite) throw new VerifierError(unsupportedCode(type, cryptosuite), { suite: String(cryptosuite ?? type).slice(0, 60) });
  if (typeof verificationMethod !== 'string' || verificationMethod.length === 0) throw malformed('verificationMethod is missing');
  // vc-data-integrity §2.1: verificationMethod MUST be a URL (RFC 3986 §3.1: it starts with a scheme).
  if (!URL_WITH_SCHEME.test(verificationMethod)) throw malformed('verificationMethod is not a URL');
  if (typeof proofPurpose !== 'string') throw malformed('proofPurpose is missing');
  // A credential is an assertion by its issuer (vc-data-integrity §4.4 step 5; OB 3.0 §8.2).
  if (proofPurpose !== purpose) throw new VerifierError(PURPOSE_MISMATCH[purpose], { purpose: proofPurpose.slice(0, 60) });
  if (id !== undefined && typeof id !== 'string') throw malformed('id is not a string');
  checkDates(proof, suite, now);
  const { [suite.signatureMember]: _omitted, ...options } = proof;
  return {
    suite,
    raw: proof,
    options,
    ...(typeof id === 'string' ? { id } : {}),
    verificationMethod,
    signature: suite.readSignature(proof),
    previousProof: parsePreviousProof(proof.previousProof),
  };
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
