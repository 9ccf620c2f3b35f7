import { ECDH, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { p256 } from '@noble/curves/nist.js';
import { decodeEd25519Base58, decodeMultikey, encodeEd25519Multikey } from '../../../../lib/engine/keys/multikey';
import { fromBase64, toBase58 } from '../../../../lib/engine/util/bytes';

// did:key spec test vector (did:key v0.7 §Ed25519 examples) and its raw public key.
const ED_MULTIBASE = 'z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp';

describe('decodeMultikey', () => {
  it('decodes an Ed25519 multikey into a 32-byte OKP JWK', () => {
    const jwk = decodeMultikey(ED_MULTIBASE);
    expect(jwk.kty).toBe('OKP');
    expect(jwk.crv).toBe('Ed25519');
    expect(fromBase64(jwk.x!)).toHaveLength(32);
  });

  it('round-trips a raw Ed25519 key through encodeEd25519Multikey', () => {
    const raw = Uint8Array.from({ length: 32 }, (_, i) => i + 1);
    const jwk = decodeMultikey(encodeEd25519Multikey(raw));
    expect(Array.from(fromBase64(jwk.x!)!)).toEqual(Array.from(raw));
  });

  it('decompresses a P-256 multikey (0x1200) to the same point', () => {
    const secret = p256.utils.randomSecretKey();
    const compressed = p256.getPublicKey(secret, true);
    const full = p256.getPublicKey(secret, false);
    const jwk = decodeMultikey('z' + toBase58(Uint8Array.from([0x80, 0x24, ...compressed])));
    expect(jwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
    expect(Array.from(fromBase64(jwk.x!)!)).toEqual(Array.from(full.slice(1, 33)));
    expect(Array.from(fromBase64(jwk.y!)!)).toEqual(Array.from(full.slice(33)));
  });

  it('decompresses a secp256k1 multikey (0xe7) to the point OpenSSL computes', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
    const jwk = publicKey.export({ format: 'jwk' });
    const uncompressed = Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x!, 'base64url'), Buffer.from(jwk.y!, 'base64url')]);
    const compressed = ECDH.convertKey(uncompressed, 'secp256k1', undefined, undefined, 'compressed') as Buffer;
    expect(decodeMultikey('z' + toBase58(Uint8Array.from([0xe7, 0x01, ...compressed])))).toEqual({ kty: 'EC', crv: 'secp256k1', x: jwk.x, y: jwk.y });
  });

  it('decodes the did:key specification secp256k1 example', () => {
    expect(decodeMultikey('zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme')).toMatchObject({ kty: 'EC', crv: 'secp256k1' });
  });

  it.each([
    ['P-521 (0x1202)', [0x82, 0x24], 67],
    ['Ed448 (0x1203)', [0x83, 0x24], 57],
    ['RSA (0x1205)', [0x85, 0x24], 270],
    ['BLS12-381 G2 (0xeb)', [0xeb, 0x01], 96],
  ])('reports a real but unsupported %s key as KEY_UNSUPPORTED, not malformed', (_name, prefix, length) => {
    const value = 'z' + toBase58(Uint8Array.from([...prefix, ...new Uint8Array(length).fill(7)]));
    expect(() => decodeMultikey(value)).toThrow(expect.objectContaining({ code: 'KEY_UNSUPPORTED' }));
  });

  it.each([
    ['not base58btc', 'u' + ED_MULTIBASE.slice(1)],
    ['secp256k1 point not on the curve', 'z' + toBase58(Uint8Array.from([0xe7, 0x01, 0x02, ...new Uint8Array(32).fill(0xff)]))],
    ['bad base58 characters', 'z0OIl'],
    ['wrong multicodec (x25519 0xec01)', 'z' + toBase58(Uint8Array.from([0xec, 0x01, ...new Uint8Array(32)]))],
    ['33-byte Ed25519 key', 'z' + toBase58(Uint8Array.from([0xed, 0x01, ...new Uint8Array(33)]))],
    ['P-256 point not on the curve', 'z' + toBase58(Uint8Array.from([0x80, 0x24, 0x02, ...new Uint8Array(32).fill(0xff)]))],
  ])('refuses %s with KEY_MALFORMED', (_name, value) => {
    expect(() => decodeMultikey(value)).toThrow(expect.objectContaining({ code: 'KEY_MALFORMED' }));
  });

  it('reads Ed25519VerificationKey2018 publicKeyBase58 and refuses a wrong length', () => {
    const raw = Uint8Array.from({ length: 32 }, (_, i) => 255 - i);
    expect(Array.from(fromBase64(decodeEd25519Base58(toBase58(raw)).x!)!)).toEqual(Array.from(raw));
    expect(() => decodeEd25519Base58(toBase58(raw.slice(1)))).toThrow(expect.objectContaining({ code: 'KEY_MALFORMED' }));
  });
});
