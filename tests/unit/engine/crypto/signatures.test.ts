import { afterEach, describe, expect, it, vi } from 'vitest';
import { setWebCryptoEd25519ForTests, verifyEcdsa, verifyEd25519, ed25519RawKey } from '../../../../lib/engine/crypto/signatures';
import { toBase64Url, utf8 } from '../../../../lib/engine/util/bytes';

async function ed25519Pair() {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const sign = async (m: Uint8Array) => new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, m as BufferSource));
  return { raw, jwk: { kty: 'OKP', crv: 'Ed25519', x: toBase64Url(raw) } as JsonWebKey, sign };
}

// RFC 8032 §7.1 TEST 2: a published vector, independent of our own signing.
const RFC8032_KEY = Uint8Array.from(Buffer.from('3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c', 'hex'));
const RFC8032_MSG = Uint8Array.from([0x72]);
const RFC8032_SIG = Uint8Array.from(Buffer.from(
  '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00', 'hex'));

afterEach(() => setWebCryptoEd25519ForTests());

describe.each([
  ['WebCrypto', true],
  ['@noble/curves fallback', false],
])('verifyEd25519 via %s', (_name, webCrypto) => {
  it('accepts the RFC 8032 test vector and rejects it with one bit flipped', async () => {
    setWebCryptoEd25519ForTests(webCrypto);
    expect(await verifyEd25519(RFC8032_KEY, RFC8032_MSG, RFC8032_SIG)).toBe(true);
    const flipped = RFC8032_SIG.slice();
    flipped[10]! ^= 1;
    expect(await verifyEd25519(RFC8032_KEY, RFC8032_MSG, flipped)).toBe(false);
    expect(await verifyEd25519(RFC8032_KEY, Uint8Array.from([0x73]), RFC8032_SIG)).toBe(false);
  });

  it('accepts a JWK or raw key for a fresh signature, rejects another key and a short signature', async () => {
    setWebCryptoEd25519ForTests(webCrypto);
    const a = await ed25519Pair();
    const b = await ed25519Pair();
    const message = utf8('hash data');
    const signature = await a.sign(message);
    expect(await verifyEd25519(a.jwk, message, signature)).toBe(true);
    expect(await verifyEd25519(a.raw, message, signature)).toBe(true);
    expect(await verifyEd25519(b.jwk, message, signature)).toBe(false);
    expect(await verifyEd25519(a.jwk, message, signature.subarray(0, 63))).toBe(false);
  });
});

describe('Ed25519 key checks', () => {
  it.each([
    ['a 31-byte raw key', new Uint8Array(31)],
    ['an EC JWK', { kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' }],
    ['an OKP JWK of another curve', { kty: 'OKP', crv: 'X25519', x: toBase64Url(new Uint8Array(32)) }],
    ['an OKP JWK with a short x', { kty: 'OKP', crv: 'Ed25519', x: toBase64Url(new Uint8Array(16)) }],
  ])('%s is KEY_MALFORMED', (_name, key) => {
    expect(() => ed25519RawKey(key as JsonWebKey)).toThrow(expect.objectContaining({ code: 'KEY_MALFORMED' }));
  });
});

describe('verifyEcdsa', () => {
  it.each([
    ['P-256', 'SHA-256', 64],
    ['P-384', 'SHA-384', 96],
  ] as const)('%s: a P1363 signature verifies, a changed message does not', async (crv, hash, length) => {
    const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: crv }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
    const message = utf8('message');
    const signature = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash }, pair.privateKey, message as BufferSource));
    expect(signature.length).toBe(length);
    expect(await verifyEcdsa(jwk, message, signature)).toBe(true);
    expect(await verifyEcdsa(jwk, utf8('messagf'), signature)).toBe(false);
  });

  it('refuses an unsupported curve and a point that is not on the curve', async () => {
    await expect(verifyEcdsa({ kty: 'EC', crv: 'secp256k1', x: 'AA', y: 'AA' }, utf8('m'), new Uint8Array(64))).rejects.toMatchObject({ code: 'KEY_UNSUPPORTED' });
    const bad = { kty: 'EC', crv: 'P-256', x: toBase64Url(new Uint8Array(32).fill(1)), y: toBase64Url(new Uint8Array(32).fill(2)) };
    await expect(verifyEcdsa(bad, utf8('m'), new Uint8Array(64))).rejects.toMatchObject({ code: 'KEY_MALFORMED' });
  });
});

describe('WebCrypto probe', () => {
  it('finds Ed25519 in this runtime (Node 20 has it), so the fallback is only a fallback', async () => {
    setWebCryptoEd25519ForTests();
    const subtleVerify = vi.spyOn(crypto.subtle, 'verify');
    expect(await verifyEd25519(RFC8032_KEY, RFC8032_MSG, RFC8032_SIG)).toBe(true);
    expect(subtleVerify.mock.calls.some(([algorithm]) => (algorithm as { name?: string }).name === 'Ed25519')).toBe(true);
    subtleVerify.mockRestore();
  });
});
