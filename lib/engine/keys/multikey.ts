/**
 * Multikey decoding (W3C Controlled Identifiers §2.2.2 Multikey, did:key
 * §3.1.2): a multibase base58btc string (`z…`) whose bytes start with a
 * multicodec varint naming the key type. Only public-key codecs are accepted;
 * anything else is KEY_MALFORMED before any crypto is attempted
 * (SECURITY.md attack 23).
 */
import { p256, p384 } from '@noble/curves/nist.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
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
  // RFC 8812 ES256K keys (did:key secp256k1, as used by ION, did:ethr and EBSI wallets)
  'secp256k1-pub': { prefix: [0xe7, 0x01], length: 33, toJwk: (raw) => ecJwk('secp256k1', raw) },
};

/**
 * Public-key codecs of real signing keys that Credlens cannot use yet: a key of
 * one of these is KEY_UNSUPPORTED ("could not check"), not malformed.
 */
const UNSUPPORTED_KEY_CODECS: Record<string, readonly number[]> = {
  'p521-pub': [0x82, 0x24],
  'ed448-pub': [0x83, 0x24],
  'rsa-pub': [0x85, 0x24],
  'bls12_381-g1-pub': [0xea, 0x01],
  'bls12_381-g2-pub': [0xeb, 0x01],
};

const EC_CURVES = { 'P-256': { curve: p256, size: 32 }, 'P-384': { curve: p384, size: 48 }, secp256k1: { curve: secp256k1, size: 32 } } as const;

const MAX_MULTIBASE_CHARS = 1024;

/** Decompresses a SEC1 compressed point into a JWK; an off-curve point is KEY_MALFORMED. */
function ecJwk(crv: keyof typeof EC_CURVES, raw: Uint8Array): JsonWebKey {
  const { curve, size } = EC_CURVES[crv];
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
  // An RSA-4096 multikey is about 740 characters: long enough to tell it apart from garbage.
  if (typeof multibase !== 'string' || !multibase.startsWith('z') || multibase.length > MAX_MULTIBASE_CHARS)
    throw new VerifierError('KEY_MALFORMED', { reason: 'multibase must be base58btc (z…)' });
  const bytes = fromBase58(multibase.slice(1));
  if (!bytes || bytes.length < 3) throw new VerifierError('KEY_MALFORMED', { reason: 'bad base58btc' });
  for (const codec of Object.values(KEY_CODECS)) {
    if (!codec.prefix.every((b, i) => bytes[i] === b)) continue;
    const raw = bytes.subarray(codec.prefix.length);
    if (raw.length !== codec.length) throw new VerifierError('KEY_MALFORMED', { reason: 'wrong key length', length: raw.length });
    return codec.toJwk(raw);
  }
  const unsupported = Object.entries(UNSUPPORTED_KEY_CODECS).find(([, prefix]) => prefix.every((b, i) => bytes[i] === b));
  if (unsupported) throw new VerifierError('KEY_UNSUPPORTED', { reason: unsupported[0] });
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
