import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { exportJWK, generateKeyPair } from 'jose';
import { toPublicJwk } from '../../../../lib/engine/keys/jwk';

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
    ['EC without y', async () => ({ kty: 'EC', crv: 'P-256', x: 'AAAA' })],
    ['not an object', async () => 'jwk'],
  ])('refuses %s with KEY_MALFORMED', async (_n, make) => {
    const value = await make();
    expect(() => toPublicJwk(value)).toThrow(expect.objectContaining({ code: 'KEY_MALFORMED' }));
  });

  it('accepts a secp256k1 public key (RFC 8812) and checks its coordinate lengths', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
    const jwk = publicKey.export({ format: 'jwk' });
    expect(toPublicJwk({ ...jwk, kid: 'k' })).toEqual({ kty: 'EC', crv: 'secp256k1', x: jwk.x, y: jwk.y });
    expect(() => toPublicJwk({ kty: 'EC', crv: 'secp256k1', x: 'AAAA', y: 'AAAA' })).toThrow(expect.objectContaining({ code: 'KEY_MALFORMED' }));
  });

  it.each([
    { kty: 'EC', crv: 'P-521', x: 'AAAA', y: 'AAAA' },
    { kty: 'OKP', crv: 'Ed448', x: 'AAAA' },
  ])('reports a real but unsupported curve as KEY_UNSUPPORTED: %j', (jwk) => {
    expect(() => toPublicJwk(jwk)).toThrow(expect.objectContaining({ code: 'KEY_UNSUPPORTED' }));
  });
});
