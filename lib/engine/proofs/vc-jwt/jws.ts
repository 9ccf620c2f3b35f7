/**
 * The JOSE core every signed token goes through: VC-JWT and VC-JOSE
 * credentials, presentations, the issuer-signed JWT and the key binding JWT
 * of an SD-JWT, and IETF Token Status Lists. Order matters for safety: the
 * algorithm and `crit` are vetted before any key is looked for (SECURITY.md
 * attacks 1, 2, 7), and a signature is only ever checked with a key the
 * caller chose, never one the header names (attacks 3–4).
 */
import { compactVerify, decodeProtectedHeader, errors as joseErrors, importJWK, type ProtectedHeaderParameters } from 'jose';
import { VerifierError } from '../../errors';
import { verifySecp256k1 } from '../../crypto/signatures';
import { fromBase64, fromUtf8, utf8 } from '../../util/bytes';
import { parseJsonCapped } from '../../util/json';

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

/** A compact JWS whose header was vetted; its payload is not trusted until a signature check says so. */
export interface DecodedJws {
  /** the token itself, as signed */
  jws: string;
  header: ProtectedHeaderParameters;
  alg: string;
  /** the payload parsed as JSON under the caps (any JSON value) */
  payload: unknown;
}

/**
 * Decodes and vets a compact JWS without any network access: three base64url
 * parts, a readable header, an accepted algorithm, no `crit` we do not
 * understand, a JSON payload. Throws VerifierError (JWS_INVALID,
 * JWS_ALG_NOT_ALLOWED, JWS_ALG_UNSUPPORTED).
 * @example const { alg, payload } = decodeJws(token)
 */
let handedOver: { segment: string; payload: unknown } | undefined;

/**
 * The dispatcher (formats/index.ts readPayload) has just decoded this token's
 * payload to route it; decodeJws takes that instead of base64-decoding,
 * scanning and parsing the same segment again. Taken once, and only by a
 * token with the very same payload segment, so nothing is shared further.
 */
export function handOverPayload(jws: string, payload: unknown): void {
  handedOver = payload === undefined ? undefined : { segment: jws.slice(jws.indexOf('.') + 1, jws.lastIndexOf('.')), payload };
}

export function decodeJws(jws: string): DecodedJws {
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
  const given = handedOver;
  handedOver = undefined;
  if (given && given.segment === parts[1]) return { jws, header, alg, payload: given.payload };
  const payloadBytes = fromBase64(parts[1]!);
  let payload: unknown;
  try {
    payload = parseJsonCapped(fromUtf8(payloadBytes ?? new Uint8Array()));
  } catch {
    throw new VerifierError('JWS_INVALID', { reason: 'payload is not JSON' });
  }
  return { jws, header, alg, payload };
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

/**
 * Checks the signature of a decoded token with one key: false when it does
 * not verify (or the key cannot have made it), throws KEY_UNSUPPORTED on a
 * key that cannot be used at all.
 */
export async function signatureVerifies(token: DecodedJws, jwk: JsonWebKey): Promise<boolean> {
  const { jws, alg } = token;
  const algorithm = ALGORITHMS[alg]!;
  if (!algorithm.keyFits(jwk)) return false;
  if (algorithm.verify !== 'jose') {
    // RFC 7515 §5.2: the signing input is the ASCII of "header.payload"; decodeJws vetted all three parts.
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

/** The first of `candidates` whose key verifies the token, or undefined. */
export async function firstVerifying<T extends { jwk: JsonWebKey }>(token: DecodedJws, candidates: readonly T[]): Promise<T | undefined> {
  for (const candidate of candidates) {
    if (await signatureVerifies(token, candidate.jwk)) return candidate;
  }
  return undefined;
}

/** A NumericDate claim (RFC 7519 §2) as an ISO instant; undefined when it is not one. */
export const isoFromNumericDate = (n: unknown): string | undefined =>
  typeof n === 'number' && Number.isFinite(n) && Math.abs(n) < 1e11 ? new Date(Math.floor(n) * 1000).toISOString().replace('.000Z', 'Z') : undefined;
