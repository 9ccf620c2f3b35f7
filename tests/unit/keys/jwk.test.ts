import { describe, expect, it } from 'vitest';
import { exportJWK, generateKeyPair } from 'jose';
import { toPublicJwk } from '../../../lib/keys/jwk';

describe('toPublicJwk', () => {
  it.each(['EdDSA', 'ES256', 'ES384', 'RS256'] as const)('accepts a %s public key and keeps public members only', async (alg) => {
    const { publicKey } = await generateKeyPair(alg, { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k', use: 'sig', ext: true };
    const out = toPublicJwk(jwk);
    expect(out).not.toHaveProperty('kid');
    expect(out.kty).toBe(jwk.kty);
  });

  it.each([
    ['a private key', async () => exportJWK((await generateKeyPair('ES256', { extractable: true })).privateKey)],
    ['a symmetric key', async () => ({ kty: 'oct', k: 'AAAA' })],
    ['secp256k1', async () => ({ kty: 'EC', crv: 'secp256k1', x: 'AAAA', y: 'AAAA' })],
    ['not an object', async () => 'jwk'],
  ])('refuses %s with KEY_MALFORMED', async (_n, make) => {
    const value = await make();
    expect(() => toPublicJwk(value)).toThrow(expect.objectContaining({ code: 'KEY_MALFORMED' }));
  });
});
