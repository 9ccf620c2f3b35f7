/**
 * Multikey decoding (W3C Controlled Identifiers §2.2.2 Multikey, did:key
 * §3.1.2): a multibase base58btc string (`z…`) whose bytes start with a
 * multicodec varint naming the key type. Only public-key codecs are accepted;
 * anything else is KEY_MALFORMED before any crypto is attempted
 * (SECURITY.md attack 23).
 */
import { p256, p384 } from '@noble/curves/nist.js';
import { VerifierError } from '../errors';
import { fromBase58, toBase58, toBase64Url } from '../util/bytes';

interface KeyCodec {
  /** the multicodec code as its unsigned-varint bytes */
  prefix: readonly number[];
  /** raw public key length after the prefix */
  length: number;
  toJwk(raw: Uint8Array): JsonWebKey;
}

/** Multicodec table (github.com/multiformats/multicodec table.csv): one place for every key type. */
const KEY_CODECS: Record<string, KeyCodec> = {
  'ed25519-pub': { prefix: [0xed, 0x01], length: 32, toJwk: (raw) => ({ kty: 'OKP', crv: 'Ed25519', x: toBase64Url(raw) }) },
  'p256-pub': { prefix: [0x80, 0x24], length: 33, toJwk: (raw) => ecJwk('P-256', raw) },
  'p384-pub': { prefix: [0x81, 0x24], length: 49, toJwk: (raw) => ecJwk('P-384', raw) },
};

/** Decompresses a SEC1 compressed point into a JWK; an off-curve point is KEY_MALFORMED. */
function ecJwk(crv: 'P-256' | 'P-384', raw: Uint8Array): JsonWebKey {
  const curve = crv === 'P-256' ? p256 : p384;
  const size = crv === 'P-256' ? 32 : 48;
  let point: { x: bigint; y: bigint };
  try {
    point = curve.Point.fromBytes(raw).toAffine();
  } catch {
    throw new VerifierError('KEY_MALFORMED', { reason: 'not a point on ' + crv });
  }
  return { kty: 'EC', crv, x: toBase64Url(bigIntBytes(point.x, size)), y: toBase64Url(bigIntBytes(point.y, size)) };
}

function bigIntBytes(n: bigint, size: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = size - 1; i >= 0; i--) {
    out[i] = Number(n & 0xffn);
    n >>= 8n;
  }
  return out;
}

/**
 * Decodes a Multikey `publicKeyMultibase` value to a public JWK.
 * @example decodeMultikey('z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK') // { kty: 'OKP', crv: 'Ed25519', x: … }
 */
export function decodeMultikey(multibase: string): JsonWebKey {
  if (typeof multibase !== 'string' || !multibase.startsWith('z') || multibase.length > 200)
    throw new VerifierError('KEY_MALFORMED', { reason: 'multibase must be base58btc (z…)' });
  const bytes = fromBase58(multibase.slice(1));
  if (!bytes || bytes.length < 3) throw new VerifierError('KEY_MALFORMED', { reason: 'bad base58btc' });
  for (const codec of Object.values(KEY_CODECS)) {
    if (!codec.prefix.every((b, i) => bytes[i] === b)) continue;
    const raw = bytes.subarray(codec.prefix.length);
    if (raw.length !== codec.length) throw new VerifierError('KEY_MALFORMED', { reason: 'wrong key length', length: raw.length });
    return codec.toJwk(raw);
  }
  throw new VerifierError('KEY_MALFORMED', { reason: 'unsupported multicodec' });
}

/** Ed25519VerificationKey2018 `publicKeyBase58`: the raw 32-byte key, no multicodec header. */
export function decodeEd25519Base58(value: string): JsonWebKey {
  const raw = typeof value === 'string' && value.length <= 64 ? fromBase58(value) : undefined;
  if (!raw || raw.length !== 32) throw new VerifierError('KEY_MALFORMED', { reason: 'publicKeyBase58 must be 32 bytes' });
  return { kty: 'OKP', crv: 'Ed25519', x: toBase64Url(raw) };
}

/** Encodes a raw Ed25519 public key as a Multikey string (used to build did:key test vectors and documents). */
export function encodeEd25519Multikey(raw: Uint8Array): string {
  return 'z' + toBase58(Uint8Array.from([0xed, 0x01, ...raw]));
}
