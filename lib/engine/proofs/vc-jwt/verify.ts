/**
 * VC-JWT: a credential secured as a compact JWS (VC Data Model 1.1 §6.3.1,
 * VC-JOSE-COSE §3.1, OB 3.0 integrity.md §"Verify a Credential VC-JWT
 * Signature"). Order matters for safety: the algorithm and `crit` are vetted
 * before anything is fetched (SECURITY.md attacks 1, 2, 7), the key comes
 * from issuer resolution only (attacks 3–6), and the credential is handed on
 * only once its signature verified.
 */
import { compactVerify, decodeProtectedHeader, errors as joseErrors, importJWK, type ProtectedHeaderParameters } from 'jose';
import { fail, fromThrown, pass, skip } from '../../checks/result';
import type { VerifyContext } from '../../context';
import { VerifierError } from '../../errors';
import { verifySecp256k1 } from '../../crypto/signatures';
import { signerDidOf } from '../../keys/bind';
import { chooseJwtKeys, type KeyCandidate } from '../../keys/jwt-key';
import type { Check, TechnicalDetails } from '../../report';
import { fromBase64, fromUtf8, utf8 } from '../../util/bytes';
import { idOf, parseJsonCapped } from '../../util/json';
import { checkJwtClaims, credentialFromPayload } from './claims';

export interface JwtOutcome {
  /** 'proof', 'issuer-binding' and 'claims' checks */
  checks: Check[];
  technical: TechnicalDetails;
  /** the credential the signature covers; present only when the signature verified */
  credential?: Record<string, unknown>;
}

/** How the signature of one accepted algorithm is checked. */
interface JwsAlgorithm {
  /** the key type the algorithm needs; any other key cannot have made the signature */
  keyFits(jwk: JsonWebKey): boolean;
  /** jose with WebCrypto, or our own check where WebCrypto has no such curve */
  verify: 'jose' | ((jwk: JsonWebKey, signingInput: Uint8Array, signature: Uint8Array) => Promise<boolean>);
}

/**
 * The JWS algorithms accepted, and the key each needs (jose lib/jws_algorithms
 * pattern: one table). `none` and HS* are absent on purpose: an unsigned or
 * shared-secret token can be made by anyone (SECURITY.md attacks 1–2).
 */
const ALGORITHMS: Readonly<Record<string, JwsAlgorithm>> = {
  EdDSA: { keyFits: (k) => k.kty === 'OKP' && k.crv === 'Ed25519', verify: 'jose' },
  // RFC 9864 §2.2: the fully specified name of EdDSA with Ed25519
  Ed25519: { keyFits: (k) => k.kty === 'OKP' && k.crv === 'Ed25519', verify: 'jose' },
  ES256: { keyFits: (k) => k.kty === 'EC' && k.crv === 'P-256', verify: 'jose' },
  ES384: { keyFits: (k) => k.kty === 'EC' && k.crv === 'P-384', verify: 'jose' },
  // RFC 8812 §3.2 (Microsoft Entra / ION, Velocity, did:ethr, EBSI)
  ES256K: { keyFits: (k) => k.kty === 'EC' && k.crv === 'secp256k1', verify: verifySecp256k1 },
  RS256: { keyFits: (k) => k.kty === 'RSA', verify: 'jose' },
  PS256: { keyFits: (k) => k.kty === 'RSA', verify: 'jose' },
};

/**
 * Sound algorithms (IANA JOSE registry, RFC 7518, 9864, the ML-DSA draft) and
 * the non-standard recoverable ES256K-R, which Credlens does not check yet. A
 * token in one of them may well be genuine, so it is "could not check"
 * (JWS_ALG_UNSUPPORTED, SECURITY.md row 53), never "failed"; anything else
 * outside ALGORITHMS is refused as not allowed.
 */
const UNSUPPORTED_ALGORITHMS: ReadonlySet<string> = new Set([
  'ES512', 'RS384', 'RS512', 'PS384', 'PS512', 'Ed448', 'ES256K-R', 'ML-DSA-44', 'ML-DSA-65', 'ML-DSA-87',
]);

/** Header parameters we understand when listed in `crit` (RFC 7515 §4.1.11): none. */
const UNDERSTOOD_CRIT: ReadonlySet<string> = new Set();

const MAX_JWS_CHARS = 2 * 1024 * 1024;

interface Decoded {
  header: ProtectedHeaderParameters;
  alg: string;
  claims: Record<string, unknown>;
  credential: Record<string, unknown>;
}

/** Decodes and vets the token without any network access. Throws VerifierError. */
function decodeToken(jws: string): Decoded {
  const parts = typeof jws === 'string' && jws.length <= MAX_JWS_CHARS ? jws.split('.') : [];
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p)) || parts[0] === '' || parts[1] === '')
    throw new VerifierError('JWS_INVALID', { reason: 'not a compact JWS' });
  let header: ProtectedHeaderParameters;
  try {
    header = decodeProtectedHeader(jws);
  } catch {
    throw new VerifierError('JWS_INVALID', { reason: 'unreadable header' });
  }
  const alg = typeof header.alg === 'string' ? header.alg : '';
  if (UNSUPPORTED_ALGORITHMS.has(alg)) throw new VerifierError('JWS_ALG_UNSUPPORTED', { alg });
  if (!Object.hasOwn(ALGORITHMS, alg)) throw new VerifierError('JWS_ALG_NOT_ALLOWED', { alg: alg.slice(0, 20) || 'missing' });
  if (header.crit !== undefined) {
    const crit = header.crit as unknown;
    if (!Array.isArray(crit) || crit.length === 0 || crit.some((c) => typeof c !== 'string' || !UNDERSTOOD_CRIT.has(c)))
      throw new VerifierError('JWS_INVALID', { reason: 'unsupported critical header parameter' });
  }
  const payloadBytes = fromBase64(parts[1]!);
  let claims: unknown;
  try {
    claims = parseJsonCapped(fromUtf8(payloadBytes ?? new Uint8Array()));
  } catch {
    throw new VerifierError('JWS_INVALID', { reason: 'payload is not JSON' });
  }
  const { credential } = credentialFromPayload(claims);
  return { header, alg, claims: claims as Record<string, unknown>, credential };
}

/**
 * Imported public keys, by algorithm and JWK: importing costs more than verifying (an RSA or EC
 * import is several times a jose verification), and one issuer key signs many credentials.
 * Bounded; public keys only, so keeping them is harmless.
 */
const IMPORTED_KEYS = 64;
const importedKeys = new Map<string, Promise<Awaited<ReturnType<typeof importJWK>>>>();

function importPublicKey(jwk: JsonWebKey, alg: string): ReturnType<typeof importJWK> {
  const id = `${alg} ${JSON.stringify([jwk.kty, jwk.crv, jwk.x, jwk.y, jwk.n, jwk.e])}`;
  let key = importedKeys.get(id);
  if (!key) {
    key = importJWK({ ...jwk, alg } as Parameters<typeof importJWK>[0], alg);
    key.catch(() => importedKeys.delete(id));
    if (importedKeys.size >= IMPORTED_KEYS) importedKeys.delete(importedKeys.keys().next().value!);
    importedKeys.set(id, key);
  }
  return key;
}

/** Checks the signature with one key; false when it does not verify, throws on unusable keys. */
async function signatureVerifies(jws: string, alg: string, jwk: JsonWebKey): Promise<boolean> {
  const algorithm = ALGORITHMS[alg]!;
  if (!algorithm.keyFits(jwk)) return false;
  if (algorithm.verify !== 'jose') {
    // RFC 7515 §5.2: the signing input is the ASCII of "header.payload"; decodeToken vetted all three parts.
    const dot = jws.lastIndexOf('.');
    const signature = fromBase64(jws.slice(dot + 1));
    return signature !== undefined && algorithm.verify(jwk, utf8(jws.slice(0, dot)), signature);
  }
  try {
    const key = await importPublicKey(jwk, alg);
    await compactVerify(jws, key, { algorithms: [alg] });
    return true;
  } catch (e) {
    if (e instanceof joseErrors.JWSSignatureVerificationFailed) return false;
    throw new VerifierError('KEY_UNSUPPORTED', { reason: e instanceof Error ? e.message.slice(0, 120) : 'key import failed' }, { cause: e });
  }
}

/** The first candidate whose key verifies the signature, or undefined. */
async function firstVerifying(jws: string, alg: string, candidates: KeyCandidate[]): Promise<KeyCandidate | undefined> {
  for (const candidate of candidates) {
    if (await signatureVerifies(jws, alg, candidate.key.publicKeyJwk)) return candidate;
  }
  return undefined;
}

function keyDetails(candidate: KeyCandidate | undefined): TechnicalDetails {
  if (!candidate) return {};
  const { key } = candidate;
  const signerDid = signerDidOf(candidate.binding);
  return {
    keyId: key.id,
    keyController: key.controller || undefined,
    keySource: key.source,
    ...(signerDid ? { signerDid } : {}),
    ...(key.document ? { didDocument: key.document } : {}),
  };
}

/**
 * Verifies a compact-JWS credential: algorithm, header, claims, key and
 * issuer binding, signature. Never throws; every problem is a check.
 * @example const { checks, credential } = await verifyVcJwt(token, createContext())
 */
export async function verifyVcJwt(jws: string, ctx: VerifyContext): Promise<JwtOutcome> {
  let decoded: Decoded;
  try {
    decoded = decodeToken(jws);
  } catch (e) {
    return { checks: [fromThrown('proof', e), skip('issuer-binding'), skip('claims')], technical: {} };
  }
  const { header, alg, claims, credential } = decoded;
  const technical: TechnicalDetails = { alg, ...(typeof header.kid === 'string' ? { jwsKid: header.kid.slice(0, 300) } : {}) };
  const claimsCheck = checkJwtClaims(claims, credential);
  const issuerId = idOf(credential.issuer);
  if (issuerId === undefined) {
    return { checks: [skip('proof'), fail('issuer-binding', 'STRUCTURE_ISSUER', { reason: 'no issuer id' }), claimsCheck], technical };
  }
  const choice = await chooseJwtKeys({ kid: header.kid, jwk: header.jwk }, issuerId, ctx);
  if (choice.candidates.length === 0) {
    return { checks: [skip('proof'), choice.unavailable ?? fail('issuer-binding', 'JWT_NO_KEY'), claimsCheck], technical };
  }
  let verified: KeyCandidate | undefined;
  try {
    verified = await firstVerifying(jws, alg, choice.candidates);
  } catch (e) {
    return { checks: [fromThrown('proof', e), choice.candidates[0]!.binding, claimsCheck], technical: { ...technical, ...keyDetails(choice.candidates[0]) } };
  }
  if (!verified) {
    const reported = choice.candidates[0]!;
    return { checks: [fail('proof', 'JWS_SIGNATURE_INVALID'), reported.binding, claimsCheck], technical: { ...technical, ...keyDetails(reported) } };
  }
  return {
    checks: [pass('proof', 'The signature is valid', { alg }), verified.binding, claimsCheck],
    technical: { ...technical, ...keyDetails(verified) },
    credential,
  };
}
