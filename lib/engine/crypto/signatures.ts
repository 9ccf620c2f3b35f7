/**
 * Signature verification primitives. WebCrypto first (Node 20, Chrome 137+
 * and Firefox 129+ implement Ed25519); @noble/curves only when the runtime's
 * WebCrypto lacks Ed25519 (the pkc-js PR #190 pattern), so older browsers
 * still verify. secp256k1 (ES256K), which WebCrypto lacks, is @noble/curves only.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { VerifierError } from '../errors';
import { fromBase64, fromHex, toHex } from '../util/bytes';

/** An Ed25519 public key: 32 raw bytes, or an OKP JWK with crv Ed25519. */
export type Ed25519PublicKey = Uint8Array | JsonWebKey;

let webCryptoEd25519: Promise<boolean> | undefined;
const PROBE_KEY_HEX = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';

/** Probes once whether this runtime's WebCrypto can import an Ed25519 key. */
function hasWebCryptoEd25519(): Promise<boolean> {
  // RFC 8032 §7.1 TEST 1 public key: a valid point, so a validating importKey cannot mislead the probe.
  webCryptoEd25519 ??= crypto.subtle
    .importKey('raw', fromHex(PROBE_KEY_HEX)! as BufferSource, { name: 'Ed25519' }, false, ['verify'])
    .then(() => true, () => false);
  return webCryptoEd25519;
}

/** The 32 raw key bytes; throws KEY_MALFORMED for anything that is not an Ed25519 public key. */
export function ed25519RawKey(key: Ed25519PublicKey): Uint8Array {
  if (key instanceof Uint8Array) {
    if (key.length !== 32) throw new VerifierError('KEY_MALFORMED', { reason: `an Ed25519 key has 32 bytes, not ${key.length}` });
    return key;
  }
  if (key.kty !== 'OKP' || key.crv !== 'Ed25519' || typeof key.x !== 'string') {
    throw new VerifierError('KEY_MALFORMED', { reason: 'not an Ed25519 public key' });
  }
  const raw = fromBase64(key.x);
  if (!raw || raw.length !== 32) throw new VerifierError('KEY_MALFORMED', { reason: 'Ed25519 key x is not 32 bytes' });
  return raw;
}

/**
 * Verifies an Ed25519 signature (RFC 8032) over `message`. Resolves false
 * for a wrong signature; throws KEY_MALFORMED for an unusable key.
 *
 * @example
 * const ok = await verifyEd25519(publicKeyJwk, hashData, signature64);
 */
export async function verifyEd25519(key: Ed25519PublicKey, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
  const raw = ed25519RawKey(key);
  if (signature.length !== 64) return false;
  if (await hasWebCryptoEd25519()) {
    const cryptoKey = await importEd25519(raw);
    return crypto.subtle.verify({ name: 'Ed25519' }, cryptoKey, signature as BufferSource, message as BufferSource);
  }
  try {
    // zip215: false = RFC 8032 strict verification, the same rule WebCrypto applies.
    return ed25519.verify(signature, message, raw, { zip215: false });
  } catch {
    return false;
  }
}

// Imported keys by hex: a credential page repeats a few issuer keys many times. Public keys only,
// bounded, and rebuilt for free when the service worker restarts.
const importedKeys = new Map<string, Promise<CryptoKey>>();
const IMPORTED_KEYS_MAX = 64;

function importEd25519(raw: Uint8Array): Promise<CryptoKey> {
  const id = toHex(raw);
  let key = importedKeys.get(id);
  if (!key) {
    key = crypto.subtle.importKey('raw', raw as BufferSource, { name: 'Ed25519' }, false, ['verify']).catch(() => {
      importedKeys.delete(id);
      throw new VerifierError('KEY_MALFORMED', { reason: 'not a point on the Ed25519 curve' });
    });
    if (importedKeys.size >= IMPORTED_KEYS_MAX) importedKeys.delete(importedKeys.keys().next().value!);
    importedKeys.set(id, key);
  }
  return key;
}

/** Curves the ECDSA helper accepts, with their hash (RFC 7518 §3.4 pairing). */
const ECDSA_HASH = { 'P-256': 'SHA-256', 'P-384': 'SHA-384' } as const;

/**
 * Verifies an ECDSA signature in IEEE P1363 form (r || s) with a P-256 or
 * P-384 public JWK, hashing with SHA-256 or SHA-384 respectively.
 */
export async function verifyEcdsa(jwk: JsonWebKey, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
  const crv = jwk.crv as keyof typeof ECDSA_HASH | undefined;
  if (jwk.kty !== 'EC' || !crv || !(crv in ECDSA_HASH)) throw new VerifierError('KEY_UNSUPPORTED', { reason: `EC curve ${String(jwk.crv)}` });
  const publicJwk: JsonWebKey = { kty: 'EC', crv, x: jwk.x, y: jwk.y };
  const key = await crypto.subtle.importKey('jwk', publicJwk, { name: 'ECDSA', namedCurve: crv }, false, ['verify']).catch(() => {
    throw new VerifierError('KEY_MALFORMED', { reason: `not a ${crv} public key` });
  });
  return crypto.subtle.verify({ name: 'ECDSA', hash: ECDSA_HASH[crv] }, key, signature as BufferSource, message as BufferSource);
}

/**
 * Verifies an ES256K signature (RFC 8812 §3.2: ECDSA over secp256k1 with
 * SHA-256, the JWS signature being r || s, 64 bytes) with a secp256k1 public
 * JWK. WebCrypto has no secp256k1, so @noble/curves verifies. RFC 8812 does not
 * ask for low-S signatures, so high-S ones are accepted as OpenSSL accepts them.
 * Resolves false for a wrong or malformed signature; throws KEY_MALFORMED for a
 * key that is not a point on the curve.
 */
export async function verifySecp256k1(jwk: JsonWebKey, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
  const x = typeof jwk.x === 'string' ? fromBase64(jwk.x) : undefined;
  const y = typeof jwk.y === 'string' ? fromBase64(jwk.y) : undefined;
  if (jwk.kty !== 'EC' || jwk.crv !== 'secp256k1' || x?.length !== 32 || y?.length !== 32)
    throw new VerifierError('KEY_MALFORMED', { reason: 'not a secp256k1 public key' });
  const point = Uint8Array.from([0x04, ...x, ...y]);
  try {
    secp256k1.Point.fromBytes(point).assertValidity();
  } catch {
    throw new VerifierError('KEY_MALFORMED', { reason: 'not a point on secp256k1' });
  }
  if (signature.length !== 64) return false;
  try {
    return secp256k1.verify(signature, message, point, { prehash: true, lowS: false, format: 'compact' });
  } catch {
    return false;
  }
}

/** Test hook: forget the WebCrypto probe result (or force the fallback with `false`). */
export function setWebCryptoEd25519ForTests(available?: boolean): void {
  webCryptoEd25519 = available === undefined ? undefined : Promise.resolve(available);
}
