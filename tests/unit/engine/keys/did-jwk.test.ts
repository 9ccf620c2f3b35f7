import { describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import { resolveDidJwk } from '../../../../lib/engine/keys/did-jwk';
import { toBase64Url, utf8 } from '../../../../lib/engine/util/bytes';

const didJwk = (jwk: object) => `did:jwk:${toBase64Url(utf8(JSON.stringify(jwk)))}`;

describe('resolveDidJwk', () => {
  it('resolves an ES256 public key at #0 and drops non-key members', async () => {
    const { publicKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), use: 'sig', kid: 'x' };
    const did = didJwk(jwk);
    const key = resolveDidJwk(`${did}#0`);
    expect(key).toMatchObject({ id: `${did}#0`, controller: did, source: 'did:jwk', relationships: { assertionMethod: true } });
    expect(key.publicKeyJwk).toEqual({ kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y });
  });

  it('a key marked "use": "enc" is not an assertion key', async () => {
    const { publicKey } = await generateKeyPair('ES256', { extractable: true });
    const key = resolveDidJwk(didJwk({ ...(await exportJWK(publicKey)), use: 'enc' }));
    expect(key.relationships.assertionMethod).toBe(false);
  });

  it('resolves a secp256k1 key (kty EC, crv secp256k1: RFC 8812 ES256K)', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
    const jwk = publicKey.export({ format: 'jwk' });
    const key = resolveDidJwk(`${didJwk(jwk)}#0`);
    expect(key.publicKeyJwk).toEqual({ kty: 'EC', crv: 'secp256k1', x: jwk.x, y: jwk.y });
  });

  it('refuses what is not a DID at all with DID_INVALID (SECURITY.md row 47)', () => {
    expect(() => resolveDidJwk('did:jwk:***')).toThrow(expect.objectContaining({ code: 'DID_INVALID' }));
    expect(() => resolveDidJwk('did:jwk:')).toThrow(expect.objectContaining({ code: 'DID_INVALID' }));
  });

  it('refuses any fragment other than #0', async () => {
    const { publicKey } = await generateKeyPair('EdDSA', { extractable: true });
    const did = didJwk(await exportJWK(publicKey));
    expect(() => resolveDidJwk(`${did}#1`)).toThrow(expect.objectContaining({ code: 'KEY_NOT_FOUND' }));
  });

  // SECURITY.md attack 24
  it('row 24: refuses a JWK with a private d member', async () => {
    const { privateKey } = await generateKeyPair('EdDSA', { extractable: true });
    const did = didJwk(await exportJWK(privateKey));
    expect(() => resolveDidJwk(did)).toThrow(expect.objectContaining({ code: 'KEY_MALFORMED' }));
  });

  it('row 24: refuses kty oct', () => {
    expect(() => resolveDidJwk(didJwk({ kty: 'oct', k: 'c2VjcmV0' }))).toThrow(expect.objectContaining({ code: 'KEY_MALFORMED' }));
  });

  it.each([
    ['not base64url', 'did:jwk:a.b'],
    ['not JSON', `did:jwk:${toBase64Url(utf8('hello'))}`],
    ['short RSA key', didJwk({ kty: 'RSA', n: toBase64Url(new Uint8Array(128).fill(1)), e: 'AQAB' })],
    ['wrong Ed25519 length', didJwk({ kty: 'OKP', crv: 'Ed25519', x: toBase64Url(new Uint8Array(31)) })],
  ])('refuses %s with KEY_MALFORMED', (_name, did) => {
    expect(() => resolveDidJwk(did)).toThrow(expect.objectContaining({ code: 'KEY_MALFORMED' }));
  });
});

describe('resolveDidJwk, a DID read again', () => {
  it('gives the key read before, still checks each fragment, and keeps no failure', async () => {
    const { publicKey } = await generateKeyPair('ES256', { extractable: true });
    const did = didJwk(await exportJWK(publicKey));
    const first = resolveDidJwk(`${did}#0`);
    expect(resolveDidJwk(did)).toBe(first);
    expect(() => resolveDidJwk(`${did}#1`)).toThrow(expect.objectContaining({ code: 'KEY_NOT_FOUND' }));
    const privateOne = didJwk({ kty: 'oct', k: 'c2VjcmV0' });
    expect(() => resolveDidJwk(privateOne)).toThrow();
    expect(() => resolveDidJwk(privateOne)).toThrow();
  });
});
