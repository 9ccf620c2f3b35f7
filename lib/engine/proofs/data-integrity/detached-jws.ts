/**
 * The `jws` member of the 2018–2020 Linked Data Signature suites
 * (Ed25519Signature2018, W3C CCG lds-ed25519-2018 §4; JsonWebSignature2020,
 * W3C CCG lds-jws2020 §4): a detached JWS with an unencoded payload (RFC 7797),
 * `BASE64URL(header) '..' BASE64URL(signature)`, whose header is exactly
 * `{"alg", "b64": false, "crit": ["b64"]}`, signing the bytes
 * `ASCII(BASE64URL(header) '.') || verifyData`, where verifyData is
 * SHA-256(canonical proof options) || SHA-256(canonical document).
 */
import { VerifierError } from '../../errors';
import { verifyEcdsa, verifyEd25519, verifySecp256k1 } from '../../crypto/signatures';
import { concatBytes, fromBase64, fromUtf8, utf8 } from '../../util/bytes';
import { isObject } from '../../util/json';

/** A detached JWS read from a proof, checked for shape before any key is resolved. */
export interface DetachedJws {
  encodedHeader: string;
  alg: JwsAlgorithm;
  signature: Uint8Array;
}

/** The JOSE algorithms these suites use, with the key each needs and its signature length (RFC 7518 §3.4, RFC 8037 §3.1, RFC 8812 §3.2). */
const ALGORITHMS = {
  EdDSA: { kty: 'OKP', crv: 'Ed25519', signatureBytes: 64, verify: verifyEd25519 },
  ES256: { kty: 'EC', crv: 'P-256', signatureBytes: 64, verify: verifyEcdsa },
  ES384: { kty: 'EC', crv: 'P-384', signatureBytes: 96, verify: verifyEcdsa },
  ES256K: { kty: 'EC', crv: 'secp256k1', signatureBytes: 64, verify: verifySecp256k1 },
} as const;

export type JwsAlgorithm = keyof typeof ALGORITHMS;

const malformed = (reason: string) => new VerifierError('DI_MALFORMED_PROOF', { reason });
const DETACHED = /^([A-Za-z0-9_-]{1,200})\.\.([A-Za-z0-9_-]{1,200})$/;

/**
 * Reads `jws`; throws DI_MALFORMED_PROOF for anything but a detached,
 * unencoded-payload JWS in one of `allowed` algorithms.
 *
 * @example
 * const jws = parseDetachedJws(proof.jws, ['EdDSA']);
 */
export function parseDetachedJws(value: unknown, allowed: readonly JwsAlgorithm[]): DetachedJws {
  if (typeof value !== 'string') throw malformed('the proof has no jws');
  const parts = DETACHED.exec(value);
  if (!parts) throw malformed('jws is not a detached JWS (header..signature)');
  const [, encodedHeader, encodedSignature] = parts as unknown as [string, string, string];
  let header: unknown;
  try {
    header = JSON.parse(fromUtf8(fromBase64(encodedHeader) ?? new Uint8Array()));
  } catch {
    throw malformed('the jws header is not JSON');
  }
  // RFC 7797 §3, §6: an unencoded payload must be declared critical; the suites allow nothing else.
  if (!isObject(header) || header.b64 !== false || !Array.isArray(header.crit) || header.crit.length !== 1 || header.crit[0] !== 'b64' || Object.keys(header).length !== 3)
    throw malformed('the jws header must be exactly alg, b64 false and crit ["b64"]');
  const alg = header.alg;
  if (typeof alg !== 'string' || !(allowed as readonly string[]).includes(alg)) throw malformed(`jws alg ${String(alg).slice(0, 20)} is not one this proof type uses`);
  const signature = fromBase64(encodedSignature)!;
  const { signatureBytes } = ALGORITHMS[alg as JwsAlgorithm];
  if (signature.length !== signatureBytes) throw malformed(`an ${alg} signature has ${signatureBytes} bytes, not ${signature.length}`);
  return { encodedHeader, alg: alg as JwsAlgorithm, signature };
}

/** The key a JWS algorithm needs; throws DI_MALFORMED_PROOF when `key` is another kind (the proof could never verify). */
export function assertKeyFits(jws: DetachedJws, key: JsonWebKey): void {
  const { kty, crv } = ALGORITHMS[jws.alg];
  if (key.kty !== kty || key.crv !== crv) throw malformed(`a jws with alg ${jws.alg} cannot be made with a ${String(key.crv ?? key.kty)} key`);
}

/** Verifies the detached JWS over verifyData (RFC 7797 §3 signing input for b64 false). */
export async function verifyDetachedJws(jws: DetachedJws, key: JsonWebKey, verifyData: Uint8Array): Promise<boolean> {
  assertKeyFits(jws, key);
  const signingInput = concatBytes(utf8(`${jws.encodedHeader}.`), verifyData);
  return ALGORITHMS[jws.alg].verify(key, signingInput, jws.signature);
}
