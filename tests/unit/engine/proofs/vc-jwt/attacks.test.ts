/** SECURITY.md attacks 1–8, 10 and 18 against verifyVcJwt, with exact codes and request counts. */
import { describe, expect, it } from 'vitest';
import { verifyVcJwt } from '../../../../../lib/engine/proofs/vc-jwt/verify';
import { deriveVerdict } from '../../../../../lib/engine/verdict';
import { fromBase64, toBase64Url, utf8 } from '../../../../../lib/engine/util/bytes';
import { fakeWeb } from '../../keys/fake-web';
import { credentialV2, didKeyOf, makeSigner, rawToken } from '../../keys/jwt-signer';

const check = (out: { checks: { id: string }[] }, id: string) => out.checks.find((c) => c.id === id);
const verdictOf = (out: { checks: Parameters<typeof deriveVerdict>[0] }) => deriveVerdict(out.checks, ['proof', 'issuer-binding', 'claims']);
const UNIVERSITY = 'https://university.example/issuers/1';
const UNIVERSITY_JWKS = 'https://university.example/.well-known/jwks.json';

describe('VC-JWT attacks (SECURITY.md attack table)', () => {
  it('row 1: alg none with an empty signature → JWS_ALG_NOT_ALLOWED, nothing fetched, failed', async () => {
    const { ctx, requests } = fakeWeb();
    const out = await verifyVcJwt(await rawToken({ alg: 'none', kid: 'https://university.example/k' }, credentialV2(UNIVERSITY)), ctx);
    expect(check(out, 'proof')).toMatchObject({ status: 'fail', code: 'JWS_ALG_NOT_ALLOWED', detail: { alg: 'none' } });
    expect(out.credential).toBeUndefined();
    expect(requests).toHaveLength(0);
    expect(verdictOf(out)).toBe('failed');
  });

  it('row 2: HS256 keyed with the issuer public key bytes → JWS_ALG_NOT_ALLOWED, nothing fetched', async () => {
    const issuer = await makeSigner('EdDSA');
    const { did, vm } = didKeyOf(issuer);
    const secret = await crypto.subtle.importKey('raw', fromBase64(issuer.publicJwk.x!) as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const token = await rawToken({ alg: 'HS256', kid: vm }, credentialV2(did), async (d) => new Uint8Array(await crypto.subtle.sign('HMAC', secret, d as BufferSource)));
    const { ctx, requests } = fakeWeb();
    const out = await verifyVcJwt(token, ctx);
    expect(check(out, 'proof')).toMatchObject({ status: 'fail', code: 'JWS_ALG_NOT_ALLOWED' });
    expect(requests).toHaveLength(0);
    expect(verdictOf(out)).toBe('failed');
  });

  describe('row 3: attacker header jwk with a real issuer', () => {
    it('https issuer whose JWKS lacks the key → KEY_NOT_BOUND_TO_ISSUER, failed although the signature is valid', async () => {
      const attacker = await makeSigner('ES256');
      const real = await makeSigner('ES256');
      const { ctx } = fakeWeb({ [UNIVERSITY_JWKS]: { keys: [{ ...real.publicJwk, kid: 'k1' }] } });
      const out = await verifyVcJwt(await attacker.sign(credentialV2(UNIVERSITY), { jwk: attacker.publicJwk }), ctx);
      expect(check(out, 'proof')).toMatchObject({ status: 'pass' });
      expect(check(out, 'issuer-binding')).toMatchObject({ status: 'fail', code: 'KEY_NOT_BOUND_TO_ISSUER' });
      expect(verdictOf(out)).toBe('failed');
    });

    it('did:key issuer, attacker jwk → KEY_NOT_BOUND_TO_ISSUER with nothing fetched', async () => {
      const attacker = await makeSigner('EdDSA');
      const real = await makeSigner('EdDSA');
      const { ctx, requests } = fakeWeb();
      const out = await verifyVcJwt(await attacker.sign(credentialV2(didKeyOf(real).did), { jwk: attacker.publicJwk }), ctx);
      expect(check(out, 'issuer-binding')).toMatchObject({ status: 'fail', code: 'KEY_NOT_BOUND_TO_ISSUER' });
      expect(requests).toHaveLength(0);
    });

    it('issuer keys cannot be fetched → binding is error with the fetch code → unverifiable', async () => {
      const attacker = await makeSigner('ES256');
      const { ctx, requests } = fakeWeb({ [UNIVERSITY_JWKS]: () => new Response('down', { status: 503 }) });
      const out = await verifyVcJwt(await attacker.sign(credentialV2(UNIVERSITY), { jwk: attacker.publicJwk }), ctx);
      expect(check(out, 'issuer-binding')).toMatchObject({ status: 'error', code: 'FETCH_HTTP_STATUS' });
      expect(requests).toEqual([UNIVERSITY_JWKS]);
      expect(verdictOf(out)).toBe('unverifiable');
    });

    it('a private jwk in the header is refused as KEY_MALFORMED', async () => {
      const attacker = await makeSigner('EdDSA');
      const { exportJWK } = await import('jose');
      const out = await verifyVcJwt(await attacker.sign(credentialV2(UNIVERSITY), { jwk: await exportJWK(attacker.privateKey) }), fakeWeb().ctx);
      expect(check(out, 'issuer-binding')).toMatchObject({ status: 'fail', code: 'KEY_MALFORMED' });
      expect(verdictOf(out)).toBe('failed');
    });
  });

  it('row 4: jku and x5u are never dereferenced; the key comes from issuer resolution', async () => {
    const signer = await makeSigner('EdDSA');
    const { did, vm } = didKeyOf(signer);
    const header = { kid: vm, jku: 'https://evil.example/jwks.json', x5u: 'https://evil.example/cert.pem' };
    const { ctx, requests } = fakeWeb({ 'https://evil.example/jwks.json': { keys: [signer.publicJwk] } });
    const out = await verifyVcJwt(await signer.sign(credentialV2(did), header), ctx);
    expect(verdictOf(out)).toBe('verified');
    expect(requests).toHaveLength(0);

    // jku alone gives no key: an https issuer's own JWKS is consulted, never evil.example
    const https = fakeWeb({ 'https://evil.example/jwks.json': { keys: [signer.publicJwk] } });
    const out2 = await verifyVcJwt(await signer.sign(credentialV2(UNIVERSITY), { jku: 'https://evil.example/jwks.json' }), https.ctx);
    expect(https.requests).toEqual([UNIVERSITY_JWKS]);
    expect(verdictOf(out2)).toBe('unverifiable');
  });

  describe('row 5: kid pointing at a private address → no request made', () => {
    it.each([
      ['http://169.254.169.254/latest/', 'FETCH_PRIVATE_ADDRESS'],
      ['https://issuer.example@127.0.0.1/', 'FETCH_URL_REJECTED'],
      ['https://10.0.0.1/keys#1', 'FETCH_PRIVATE_ADDRESS'],
    ])('DID issuer, kid %s → %s', async (kid, code) => {
      const signer = await makeSigner('EdDSA');
      const { ctx, requests } = fakeWeb();
      const out = await verifyVcJwt(await signer.sign(credentialV2('did:web:issuer.example'), { kid }), ctx);
      expect(check(out, 'issuer-binding')).toMatchObject({ status: 'error', code });
      expect(requests).toHaveLength(0);
      expect(verdictOf(out)).not.toBe('verified');
    });

    it.each([
      ['http://169.254.169.254/latest/', 'FETCH_PRIVATE_ADDRESS'],
      ['https://university.example@127.0.0.1/', 'FETCH_URL_REJECTED'],
    ])('https issuer, kid %s → %s before any request', async (kid, code) => {
      const signer = await makeSigner('EdDSA');
      const { ctx, requests } = fakeWeb();
      const out = await verifyVcJwt(await signer.sign(credentialV2(UNIVERSITY), { kid }), ctx);
      expect(check(out, 'issuer-binding')).toMatchObject({ status: 'error', code });
      expect(requests).toHaveLength(0);
      expect(verdictOf(out)).toBe('unverifiable');
    });
  });

  it('row 6: kid on a different origin than the https issuer → KEY_NOT_BOUND_TO_ISSUER, not fetched', async () => {
    const signer = await makeSigner('ES256');
    const kid = 'https://evil.example/keys/1';
    const { ctx, requests } = fakeWeb({ [kid]: { id: kid, type: 'JsonWebKey', controller: UNIVERSITY, publicKeyJwk: signer.publicJwk } });
    const out = await verifyVcJwt(await signer.sign(credentialV2(UNIVERSITY), { kid }), ctx);
    expect(check(out, 'issuer-binding')).toMatchObject({ status: 'fail', code: 'KEY_NOT_BOUND_TO_ISSUER' });
    expect(requests).toHaveLength(0);
    expect(verdictOf(out)).toBe('failed');
  });

  it('row 7: crit with an unknown member → JWS_INVALID, nothing fetched', async () => {
    const signer = await makeSigner('EdDSA');
    const { did, vm } = didKeyOf(signer);
    const token = await rawToken({ alg: 'EdDSA', kid: vm, crit: ['x-unknown'], 'x-unknown': 1 }, credentialV2(did), async (d) =>
      new Uint8Array(await crypto.subtle.sign('Ed25519', signer.privateKey, d as BufferSource)));
    const { ctx, requests } = fakeWeb();
    const out = await verifyVcJwt(token, ctx);
    expect(check(out, 'proof')).toMatchObject({ status: 'fail', code: 'JWS_INVALID' });
    expect(requests).toHaveLength(0);
    expect(verdictOf(out)).toBe('failed');
  });

  describe('row 8: claims that disagree with the credential → JWT_CLAIM_MISMATCH {claim}', () => {
    it.each([
      ['iss', { iss: 'did:web:other.example' }],
      ['sub', { sub: 'did:example:someone-else' }],
      ['jti', { jti: 'urn:uuid:other' }],
      ['nbf', { nbf: Date.parse('2024-06-01T00:00:00Z') / 1000 }],
      ['exp', { exp: Date.parse('2030-01-01T00:00:00Z') / 1000, validUntil: '2031-01-01T00:00:00Z' }],
    ])('%s', async (claim, extra) => {
      const signer = await makeSigner('EdDSA');
      const { did, vm } = didKeyOf(signer);
      const out = await verifyVcJwt(await signer.sign(credentialV2(did, extra), { kid: vm }), fakeWeb().ctx);
      expect(check(out, 'claims')).toMatchObject({ status: 'fail', code: 'JWT_CLAIM_MISMATCH', detail: { claim } });
      expect(verdictOf(out)).toBe('failed');
    });

    it('agreeing claims pass (nbf = validFrom instant, exp = validUntil instant)', async () => {
      const signer = await makeSigner('EdDSA');
      const { did, vm } = didKeyOf(signer);
      const extra = { iss: did, sub: 'did:example:learner', nbf: Date.parse('2025-01-01T00:00:00Z') / 1000, exp: 1893456000, validUntil: '2030-01-01T00:00:00.000Z' };
      const out = await verifyVcJwt(await signer.sign(credentialV2(did, extra), { kid: vm }), fakeWeb().ctx);
      expect(check(out, 'claims')).toMatchObject({ status: 'pass' });
    });

    it('VC 1.1: a vc.issuer that differs from iss → iss mismatch', async () => {
      const signer = await makeSigner('EdDSA');
      const { did, vm } = didKeyOf(signer);
      const vc = { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiableCredential'], issuer: 'did:web:other.example', credentialSubject: {} };
      const out = await verifyVcJwt(await signer.sign({ vc, iss: did }, { kid: vm }), fakeWeb().ctx);
      expect(check(out, 'claims')).toMatchObject({ code: 'JWT_CLAIM_MISMATCH', detail: { claim: 'iss' } });
    });
  });

  it('row 10: kid is a did:key that is not the did:web issuer → KEY_NOT_BOUND_TO_ISSUER, not fetched', async () => {
    const signer = await makeSigner('EdDSA');
    const { ctx, requests } = fakeWeb();
    const out = await verifyVcJwt(await signer.sign(credentialV2('did:web:university.example'), { kid: didKeyOf(signer).vm }), ctx);
    expect(check(out, 'issuer-binding')).toMatchObject({ status: 'fail', code: 'KEY_NOT_BOUND_TO_ISSUER' });
    expect(requests).toHaveLength(0);
  });

  it('row 10: a did:web key not listed under assertionMethod → KEY_NOT_BOUND_TO_ISSUER', async () => {
    const signer = await makeSigner('ES256');
    const did = 'did:web:university.example';
    const doc = { id: did, verificationMethod: [{ id: '#k', type: 'JsonWebKey2020', controller: did, publicKeyJwk: signer.publicJwk }], authentication: ['#k'] };
    const { ctx } = fakeWeb({ 'https://university.example/.well-known/did.json': doc });
    const out = await verifyVcJwt(await signer.sign(credentialV2(did), { kid: `${did}#k` }), ctx);
    expect(check(out, 'proof')).toMatchObject({ status: 'pass' });
    expect(check(out, 'issuer-binding')).toMatchObject({ status: 'fail', code: 'KEY_NOT_BOUND_TO_ISSUER' });
  });

  it('row 18: a field changed after signing → JWS_SIGNATURE_INVALID and no credential', async () => {
    const signer = await makeSigner('EdDSA');
    const { did, vm } = didKeyOf(signer);
    const [h, , s] = (await signer.sign(credentialV2(did), { kid: vm })).split('.');
    const forged = `${h}.${toBase64Url(utf8(JSON.stringify(credentialV2(did, { name: 'PhD in Physics' }))))}.${s}`;
    const out = await verifyVcJwt(forged, fakeWeb().ctx);
    expect(check(out, 'proof')).toMatchObject({ status: 'fail', code: 'JWS_SIGNATURE_INVALID' });
    expect(out.credential).toBeUndefined();
    expect(verdictOf(out)).toBe('failed');
  });
});
