/**
 * ecdsa-sd-2023 derived proofs (W3C vc-di-ecdsa §3.4 "ecdsa-sd-2023" and its
 * functions §3.5). An issuer signs a base proof for the holder; the holder
 * derives a proof that discloses only some statements. What a verifier gets:
 * - a base signature by the issuer's key over proofHash || publicKey ||
 *   mandatoryHash ("serializeSignData"), where publicKey is a P-256 key made
 *   for this one credential and mandatoryHash covers the statements the issuer
 *   made mandatory to disclose;
 * - one signature by that proof-scoped key per other disclosed statement;
 * - the label map that turns the canonical blank-node labels of the disclosed
 *   document back into the HMAC-derived labels the issuer signed.
 *
 * Every canonical statement of the disclosed document is therefore covered:
 * the mandatory ones by the base signature, each of the others by its own
 * signature, and a statement added after derivation has no signature (the
 * counts must match, vc-di-ecdsa §3.4.6 step 2).
 *
 * The two steps taken from the reference library's design
 * (@digitalbazaar/di-sd-primitives labelReplacementCanonicalizeNQuads and
 * createLabelMapFunction) are written here over N-Quads: the JSON-LD work stays
 * in lib/engine/jsonld (static loader, safe mode, bounded work), and the
 * extension does not carry the library's second, unpatched copy of jsonld.js.
 * tests/unit/engine/proofs/data-integrity/ecdsa-sd.test.ts holds both against
 * the library and the W3C test vectors.
 */
import { decode as decodeCbor, type TagDecoder } from 'cborg';
import rdfCanonize from 'rdf-canonize';
import { VerifierError } from '../../errors';
import { decodeMultikey } from '../../keys/multikey';
import { LIMITS } from '../../limits';
import { verifyEcdsa } from '../../crypto/signatures';
import { concatBytes, fromBase64, toBase58, toBase64Url, utf8 } from '../../util/bytes';
import type { WorkBudget } from '../../util/work-budget';

/** The five parts of a derived proofValue (vc-di-ecdsa §3.5.8 parseDerivedProofValue). */
export interface DerivedProofValue {
  /** the issuer's signature over serializeSignData (64 bytes for P-256, 96 for P-384) */
  baseSignature: Uint8Array;
  /** the proof-scoped P-256 public key as Multikey bytes (0x80 0x24, then the 33-byte compressed point) */
  publicKey: Uint8Array;
  /** one 64-byte P-256 signature per non-mandatory disclosed statement, in canonical order */
  signatures: Uint8Array[];
  /** canonical label (`c14n3`) → the label the issuer signed (`u…`, base64url of an HMAC) */
  labelMap: Map<string, string>;
  /** positions, in the relabelled and sorted statements, of the mandatory ones */
  mandatoryIndexes: number[];
}

// vc-di-ecdsa §3.5.2 serializeBaseProofValue / §3.5.7 serializeDerivedProofValue: CBOR tag 0x5d00 / 0x5d01.
const BASE_PROOF_HEADER = [0xd9, 0x5d, 0x00] as const;
const DERIVED_PROOF_HEADER = [0xd9, 0x5d, 0x01] as const;
const P256_MULTIKEY_PREFIX = [0x80, 0x24] as const;

/**
 * A derived proof carries one signature per disclosed statement; a credential has far fewer
 * statements than LIMITS.jsonNodes values, so that bounds the signatures a proof may ask us to check.
 */
const MAX_PROOF_VALUE_CHARS = 200_000;

const malformed = (reason: string) => new VerifierError('DI_MALFORMED_PROOF', { reason });

// Some implementations wrap byte strings in CBOR tag 64; the reference library reads them as bytes too.
const TAGS: TagDecoder[] = [];
TAGS[64] = (inner: unknown) => (inner instanceof Uint8Array ? inner : new Uint8Array(0));

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);
const isBytes = (v: unknown, lengths: readonly number[]): v is Uint8Array => v instanceof Uint8Array && lengths.includes(v.length);

/**
 * Parses a derived proofValue. Throws DI_MALFORMED_PROOF, in particular for a
 * base proof: that one carries the HMAC key that unblinds every label and is
 * for the holder, never for a verifier (vc-di-ecdsa §3.5.8 step 3).
 *
 * @example
 * const { signatures, labelMap } = parseDerivedProofValue(credential.proof.proofValue);
 */
export function parseDerivedProofValue(proofValue: unknown): DerivedProofValue {
  if (typeof proofValue !== 'string' || proofValue.length === 0) throw malformed('proofValue is missing');
  // vc-di-ecdsa §3.5.8 step 1: multibase base64url without padding.
  if (!proofValue.startsWith('u')) throw malformed('an ecdsa-sd-2023 proofValue is multibase base64url (u…)');
  if (proofValue.length > MAX_PROOF_VALUE_CHARS) throw malformed('proofValue is too long');
  const bytes = /^u[A-Za-z0-9_-]+$/.test(proofValue) ? fromBase64(proofValue.slice(1)) : undefined;
  if (!bytes) throw malformed('proofValue is not valid base64url');
  if (startsWith(bytes, BASE_PROOF_HEADER)) throw malformed('a base proof is for the holder, not for a verifier');
  if (!startsWith(bytes, DERIVED_PROOF_HEADER)) throw malformed('proofValue is not an ecdsa-sd-2023 derived proof');
  let components: unknown;
  try {
    components = decodeCbor(bytes.subarray(DERIVED_PROOF_HEADER.length), { useMaps: true, tags: TAGS, rejectDuplicateMapKeys: true });
  } catch {
    throw malformed('proofValue is not valid CBOR');
  }
  return checkComponents(components);
}

/** vc-di-ecdsa §3.5.8 step 4: five components of the stated kinds, else the proof is malformed. */
function checkComponents(components: unknown): DerivedProofValue {
  if (!Array.isArray(components) || components.length !== 5) throw malformed('a derived proof has five components');
  const [baseSignature, publicKey, signatures, compressedLabelMap, mandatoryIndexes] = components as unknown[];
  if (!isBytes(baseSignature, [64, 96])) throw malformed('the base signature has 64 or 96 bytes');
  if (!isBytes(publicKey, [35]) || !startsWith(publicKey, P256_MULTIKEY_PREFIX)) throw malformed('the proof-scoped key is not a P-256 Multikey');
  if (!Array.isArray(signatures) || !signatures.every((s) => isBytes(s, [64]))) throw malformed('each disclosed statement has a 64-byte signature');
  if (!(compressedLabelMap instanceof Map)) throw malformed('the label map is not a map');
  if (!Array.isArray(mandatoryIndexes) || !mandatoryIndexes.every((i) => Number.isSafeInteger(i) && i >= 0))
    throw malformed('mandatoryIndexes are not positions');
  return {
    baseSignature,
    publicKey,
    signatures: signatures as Uint8Array[],
    labelMap: decompressLabelMap(compressedLabelMap),
    mandatoryIndexes: mandatoryIndexes as number[],
  };
}

/** vc-di-ecdsa §3.5.6 decompressLabelMap: `n` → `c14n<n>`, HMAC bytes → `u<base64url>`. */
function decompressLabelMap(compressed: Map<unknown, unknown>): Map<string, string> {
  const labelMap = new Map<string, string>();
  for (const [key, value] of compressed) {
    // 32 bytes for an HMAC-SHA-256, 48 for HMAC-SHA-384 (§3.4.2: the HMAC uses the signature's hash).
    if (!Number.isSafeInteger(key) || (key as number) < 0 || !isBytes(value, [32, 48])) throw malformed('the label map is not canonical labels to HMAC labels');
    labelMap.set(`c14n${key as number}`, `u${toBase64Url(value)}`);
  }
  return labelMap;
}

/**
 * vc-di-ecdsa §3.5 labelReplacementCanonicalizeNQuads with createLabelMapFunction:
 * canonicalise the document's statements (RDFC-1.0), rename each canonical
 * blank-node label to the label the issuer signed, and sort. `nquads` is any
 * N-Quads form of the disclosed document's dataset (lib/engine/jsonld makes it).
 * A blank node the label map does not name was not in what the issuer signed.
 */
export async function relabelledStatements(nquads: string, labelMap: Map<string, string>, budget?: WorkBudget): Promise<string[]> {
  const canonicalIdMap = new Map<string, string>();
  const run = async () => {
    const remaining = budget ? Math.max(1, Math.ceil(budget.remainingMs())) : LIMITS.canonicalizeMs;
    try {
      return await rdfCanonize.canonize(nquads, {
        algorithm: 'RDFC-1.0',
        inputFormat: 'application/n-quads',
        format: 'application/n-quads',
        canonicalIdMap,
        maxWorkFactor: LIMITS.canonicalizeWorkFactor,
        signal: AbortSignal.timeout(remaining),
      });
    } catch {
      // rdf-canonize throws for its work and time limits only: the input is already canonical N-Quads.
      throw new VerifierError('DI_CANONICALIZATION_LIMIT', { reason: 'work limit exceeded' });
    }
  };
  const canonical = budget ? await budget.track(run) : await run();
  // canonical label → the issuer's label, through the input label that rdf-canonize reports.
  const issuerLabel = new Map<string, string>();
  const used = new Set<string>();
  for (const [input, c14n] of canonicalIdMap) {
    const label = labelMap.get(stripBlankPrefix(c14n));
    if (label === undefined) throw new VerifierError('DI_SIGNATURE_INVALID', { reason: `a blank node (${stripBlankPrefix(input).slice(0, 40)}) the issuer did not sign` });
    // The issuer's labels are distinct HMACs: two nodes under one label would split or merge what was signed.
    if (used.has(label)) throw new VerifierError('DI_SIGNATURE_INVALID', { reason: 'two blank nodes under one signed label' });
    used.add(label);
    issuerLabel.set(stripBlankPrefix(c14n), label);
  }
  return (
    canonical
      .split('\n')
      .slice(0, -1)
      .map((line) => `${line.replace(/_:([^\s]+)/g, (_, label: string) => `_:${issuerLabel.get(label)}`)}\n`)
      // The reference sorts by UTF-16 code units (di-sd-primitives canonicalize.js), and so did the signer.
      .sort()
  );
}

const stripBlankPrefix = (label: string) => (label.startsWith('_:') ? label.slice(2) : label);

/** What a derived proof is checked against: the canonical proof configuration and the disclosed statements. */
export interface DerivedProofInput {
  derived: DerivedProofValue;
  /** the issuer's public key (from the proof's verificationMethod) */
  issuerKey: JsonWebKey;
  /** RDFC-1.0 canonical N-Quads of the proof configuration (with the document's @context) */
  canonicalProofConfig: string;
  /** N-Quads of the disclosed document (without its proof) */
  documentNQuads: string;
  budget?: WorkBudget;
}

/**
 * vc-di-ecdsa §3.4.3: proofHash and mandatoryHash use "the same hash that is used by the
 * signature algorithm": SHA-256 with a P-256 issuer key, SHA-384 with a P-384 one. (The
 * proof-scoped key that signs each statement is always P-256, §3.4.4 step 2.)
 */
const HASH_FOR_CURVE: Readonly<Record<string, 'SHA-256' | 'SHA-384'>> = { 'P-256': 'SHA-256', 'P-384': 'SHA-384' };

/** The outcome of checking a derived proof, with the statements it covered. */
export interface DerivedProofCheck {
  valid: boolean;
  /** why it is not valid, for the check's detail */
  reason?: string;
  mandatoryCount: number;
  selectiveCount: number;
}

/**
 * vc-di-ecdsa §3.4.6 "Verify Derived Proof (ecdsa-sd-2023)" with §3.5.9
 * createVerifyData. Resolves `valid: false` when any signature does not
 * verify; throws VerifierError for a key that cannot have made the proof.
 */
export async function verifyDerivedProof(input: DerivedProofInput): Promise<DerivedProofCheck> {
  const { derived, issuerKey } = input;
  const hash = issuerKey.kty === 'EC' && typeof issuerKey.crv === 'string' && Object.hasOwn(HASH_FOR_CURVE, issuerKey.crv) ? HASH_FOR_CURVE[issuerKey.crv] : undefined;
  if (!hash) throw malformed(`ecdsa-sd-2023 cannot be made with a ${String(issuerKey.crv ?? issuerKey.kty)} key`);
  const statements = await relabelledStatements(input.documentNQuads, derived.labelMap, input.budget);
  const mandatoryIndexes = new Set(derived.mandatoryIndexes);
  const mandatory = statements.filter((_, i) => mandatoryIndexes.has(i));
  const selective = statements.filter((_, i) => !mandatoryIndexes.has(i));
  const counts = { mandatoryCount: mandatory.length, selectiveCount: selective.length };
  // vc-di-ecdsa §3.4.6 step 2: a statement without its signature was not disclosed by the holder.
  if (derived.signatures.length !== selective.length) {
    return { valid: false, reason: `${selective.length} disclosed statements but ${derived.signatures.length} signatures`, ...counts };
  }
  const verifyStatement = await proofScopedVerifier(decodeMultikey(`z${toBase58(derived.publicKey)}`));
  const selectiveValid = await Promise.all(selective.map((statement, i) => verifyStatement(utf8(statement), derived.signatures[i]!)));
  if (selectiveValid.includes(false)) return { valid: false, reason: 'a disclosed statement does not match its signature', ...counts };
  const [proofHash, mandatoryHash] = await Promise.all([digest(hash, input.canonicalProofConfig), digest(hash, mandatory.join(''))]);
  // vc-di-ecdsa §3.5.4 serializeSignData: proofHash || publicKey || mandatoryHash.
  const signData = concatBytes(proofHash, derived.publicKey, mandatoryHash);
  if (await verifyEcdsa(issuerKey, signData, derived.baseSignature)) return { valid: true, ...counts };
  return { valid: false, reason: 'the base signature does not match the mandatory statements and proof options', ...counts };
}

/**
 * ES256 with the proof-scoped key (vc-di-ecdsa §3.4.4 step 2), imported once for all the
 * statements it signed rather than once per statement (lib/engine/crypto/signatures.ts
 * verifyEcdsa imports per call, which suits one signature per credential).
 */
async function proofScopedVerifier(jwk: JsonWebKey): Promise<(message: Uint8Array, signature: Uint8Array) => Promise<boolean>> {
  const key = await crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']).catch(() => {
    throw new VerifierError('KEY_MALFORMED', { reason: 'the proof-scoped key is not a P-256 public key' });
  });
  return (message, signature) => crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, signature as BufferSource, message as BufferSource);
}

async function digest(hash: 'SHA-256' | 'SHA-384', text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest(hash, utf8(text) as BufferSource));
}

/**
 * The JSON pointers (RFC 6901) of the values a disclosed document shows, for
 * the technical details: what the holder chose to reveal (plus what the
 * issuer made mandatory). `@context` and the proof are not claims.
 */
export function disclosedPointers(document: Record<string, unknown>): string[] {
  const pointers: string[] = [];
  const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
  const walk = (value: unknown, at: string) => {
    if (Array.isArray(value)) {
      if (value.every((v) => typeof v !== 'object' || v === null)) pointers.push(at);
      else value.forEach((v, i) => walk(v, `${at}/${i}`));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, v] of Object.entries(value)) walk(v, `${at}/${escape(key)}`);
    } else {
      pointers.push(at);
    }
  };
  for (const [key, value] of Object.entries(document)) if (key !== '@context' && key !== 'proof') walk(value, `/${escape(key)}`);
  return pointers;
}
