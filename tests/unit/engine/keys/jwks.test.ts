import { describe, expect, it } from 'vitest';
import { exportJWK, generateKeyPair } from 'jose';
import { jwksKey, jwksUrl, loadIssuerJwks } from '../../../../lib/engine/keys/jwks';
import { loadIssuerKeys } from '../../../../lib/engine/keys/issuer-keys';
import { encodeEd25519Multikey } from '../../../../lib/engine/keys/multikey';
import { fakeWeb } from './fake-web';

const ISSUER = 'https://issuer.example/issuers/1';
const URL_ = 'https://issuer.example/.well-known/jwks.json';

describe('issuer JWKS (OB 3.0 key provenance)', () => {
  it('lives at the authority of the issuer id', () => {
    expect(jwksUrl(ISSUER)).toBe(URL_);
    expect(jwksUrl('http://issuer.example:8443/a')).toBe('https://issuer.example:8443/.well-known/jwks.json');
    expect(() => jwksUrl('did:web:issuer.example')).toThrow(expect.objectContaining({ code: 'KEY_UNRESOLVABLE' }));
  });

  it('keeps public signing keys only, with thumbprints', async () => {
    const good = await generateKeyPair('ES256', { extractable: true });
    const priv = await generateKeyPair('EdDSA', { extractable: true });
    const keys = [
      { ...(await exportJWK(good.publicKey)), kid: 'sig-1', use: 'sig' },
      { ...(await exportJWK(priv.privateKey)), kid: 'private' },
      { kty: 'oct', k: 'c2VjcmV0', kid: 'secret' },
      { ...(await exportJWK(good.publicKey)), kid: 'enc', use: 'enc' },
      { ...(await exportJWK(good.publicKey)), kid: 'other-issuer', iss: 'https://issuer.example/issuers/2' },
    ];
    const { ctx } = fakeWeb({ [URL_]: { keys } });
    const entries = await loadIssuerJwks(ISSUER, ctx);
    expect(entries.map((e) => e.kid)).toEqual(['sig-1']);
    expect(entries[0]!.thumbprint).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(entries[0]!.jwk).not.toHaveProperty('d');
    expect(jwksKey(entries[0]!, ISSUER)).toMatchObject({ controller: ISSUER, source: 'jwks', relationships: { assertionMethod: true } });
  });

  it('a body that is not a key set → FETCH_BAD_CONTENT', async () => {
    const { ctx } = fakeWeb({ [URL_]: { keys: 'nope' } });
    await expect(loadIssuerJwks(ISSUER, ctx)).rejects.toMatchObject({ code: 'FETCH_BAD_CONTENT' });
  });
});

describe('loadIssuerKeys', () => {
  it('did:web issuers: the keys listed under assertionMethod', async () => {
    const did = 'did:web:issuer.example';
    const mb = encodeEd25519Multikey(new Uint8Array(32).fill(1));
    const doc = {
      id: did,
      verificationMethod: [
        { id: '#a', type: 'Multikey', controller: did, publicKeyMultibase: mb },
        { id: '#b', type: 'Multikey', controller: did, publicKeyMultibase: encodeEd25519Multikey(new Uint8Array(32).fill(2)) },
      ],
      assertionMethod: ['#a'],
    };
    const { ctx } = fakeWeb({ 'https://issuer.example/.well-known/did.json': doc });
    const keys = await loadIssuerKeys(did, ctx);
    expect(keys.map((k) => k.key.id)).toEqual([`${did}#a`]);
  });

  it('unsupported DID methods and non-URL issuers cannot be checked', async () => {
    const { ctx, requests } = fakeWeb();
    await expect(loadIssuerKeys('did:ion:abc', ctx)).rejects.toMatchObject({ code: 'KEY_DID_METHOD_UNSUPPORTED' });
    await expect(loadIssuerKeys('urn:uuid:1', ctx)).rejects.toMatchObject({ code: 'KEY_UNRESOLVABLE' });
    expect(requests).toHaveLength(0);
  });
});
