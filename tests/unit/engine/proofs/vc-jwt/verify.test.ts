import { describe, expect, it } from 'vitest';
import { exportJWK } from 'jose';
import { verifyVcJwt } from '../../../../../lib/engine/proofs/vc-jwt/verify';
import { deriveVerdict } from '../../../../../lib/engine/verdict';
import { fakeWeb } from '../../keys/fake-web';
import { credentialV2, didKeyOf, makeSigner } from '../../keys/jwt-signer';

const byId = (checks: { id: string }[], id: string) => checks.find((c) => c.id === id);
const verdictOf = (checks: Parameters<typeof deriveVerdict>[0]) => deriveVerdict(checks, ['proof', 'issuer-binding', 'claims']);

describe('verifyVcJwt: well-formed tokens', () => {
  it('VC 2.0 payload, EdDSA, did:key kid: verified with nothing fetched', async () => {
    const signer = await makeSigner('EdDSA');
    const { did, vm } = didKeyOf(signer);
    const token = await signer.sign(credentialV2(did), { kid: vm, typ: 'vc+jwt' });
    const { ctx, requests } = fakeWeb();
    const out = await verifyVcJwt(token, ctx);
    expect(out.checks.map((c) => `${c.id}:${c.status}`)).toEqual(['proof:pass', 'issuer-binding:pass', 'claims:pass']);
    expect(out.credential?.name).toBe('Data Literacy');
    expect(out.technical).toMatchObject({ alg: 'EdDSA', keyId: vm, keyController: did, keySource: 'did:key' });
    expect(requests).toHaveLength(0);
  });

  it('VC 1.1 `vc` claim: registered claims fill in absent properties', async () => {
    const signer = await makeSigner('EdDSA');
    const { did, vm } = didKeyOf(signer);
    const vc = { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiableCredential'], credentialSubject: { name: 'Ada' } };
    const claims = { vc, iss: did, sub: 'did:example:ada', jti: 'urn:uuid:1', nbf: 1735689600, exp: 1893456000 };
    const out = await verifyVcJwt(await signer.sign(claims, { kid: vm }), fakeWeb().ctx);
    expect(out.checks.every((c) => c.status === 'pass')).toBe(true);
    expect(out.credential).toMatchObject({
      issuer: did,
      id: 'urn:uuid:1',
      issuanceDate: '2025-01-01T00:00:00Z',
      expirationDate: '2030-01-01T00:00:00Z',
      credentialSubject: { id: 'did:example:ada', name: 'Ada' },
    });
  });

  it('alg "Ed25519" (RFC 9864, the fully specified name of EdDSA with Ed25519) verifies like EdDSA', async () => {
    const signer = await makeSigner('EdDSA');
    const { did, vm } = didKeyOf(signer);
    const out = await verifyVcJwt(await signer.sign(credentialV2(did), { alg: 'Ed25519', kid: vm }), fakeWeb().ctx);
    expect(verdictOf(out.checks)).toBe('verified');
    expect(out.technical.alg).toBe('Ed25519');
  });

  it('ES256 with a relative kid against a did:web issuer (JsonWebKey2020)', async () => {
    const signer = await makeSigner('ES256');
    const did = 'did:web:issuer.example';
    const doc = { id: did, verificationMethod: [{ id: '#key-1', type: 'JsonWebKey2020', controller: did, publicKeyJwk: signer.publicJwk }], assertionMethod: ['#key-1'] };
    const { ctx, requests } = fakeWeb({ 'https://issuer.example/.well-known/did.json': doc });
    const out = await verifyVcJwt(await signer.sign(credentialV2(did), { kid: '#key-1' }), ctx);
    expect(verdictOf(out.checks)).toBe('verified');
    expect(out.technical).toMatchObject({ keyId: `${did}#key-1`, keySource: 'did:web' });
    expect(requests).toEqual(['https://issuer.example/.well-known/did.json']);
  });

  it.each(['RS256', 'PS256'] as const)('%s with an https issuer: key found in its JWKS by kid', async (alg) => {
    const signer = await makeSigner(alg);
    const issuer = 'https://issuer.example/issuers/1';
    const jwks = { keys: [{ ...signer.publicJwk, kid: 'k1', use: 'sig' }] };
    const { ctx, requests } = fakeWeb({ 'https://issuer.example/.well-known/jwks.json': jwks });
    const out = await verifyVcJwt(await signer.sign(credentialV2(issuer), { kid: 'k1' }), ctx);
    expect(verdictOf(out.checks)).toBe('verified');
    expect(out.technical.keySource).toBe('jwks');
    expect(requests).toEqual(['https://issuer.example/.well-known/jwks.json']);
  });

  it('an https issuer without any key hint: the JWKS keys are tried', async () => {
    const signer = await makeSigner('ES256');
    const other = await makeSigner('ES256');
    const issuer = 'https://issuer.example/issuers/1';
    const { ctx } = fakeWeb({ 'https://issuer.example/.well-known/jwks.json': { keys: [other.publicJwk, signer.publicJwk] } });
    expect(verdictOf((await verifyVcJwt(await signer.sign(credentialV2(issuer)), ctx)).checks)).toBe('verified');
  });

  it('a header jwk whose thumbprint is one of the issuer JWKS keys binds', async () => {
    const signer = await makeSigner('ES256');
    const issuer = 'https://issuer.example/issuers/1';
    const { ctx } = fakeWeb({ 'https://issuer.example/.well-known/jwks.json': { keys: [{ ...signer.publicJwk, kid: 'x' }] } });
    const out = await verifyVcJwt(await signer.sign(credentialV2(issuer), { jwk: signer.publicJwk }), ctx);
    expect(verdictOf(out.checks)).toBe('verified');
  });

  it('a JWKS key naming another `iss` is not the issuer key', async () => {
    const signer = await makeSigner('ES256');
    const issuer = 'https://issuer.example/issuers/1';
    const { ctx } = fakeWeb({ 'https://issuer.example/.well-known/jwks.json': { keys: [{ ...signer.publicJwk, kid: 'k', iss: 'https://issuer.example/issuers/2' }] } });
    const out = await verifyVcJwt(await signer.sign(credentialV2(issuer), { kid: 'k' }), ctx);
    expect(byId(out.checks, 'issuer-binding')).toMatchObject({ status: 'fail', code: 'KEY_NOT_BOUND_TO_ISSUER' });
  });

  it('a did:key issuer without a kid: the issuer DID key is used', async () => {
    const signer = await makeSigner('EdDSA');
    const { did } = didKeyOf(signer);
    expect(verdictOf((await verifyVcJwt(await signer.sign(credentialV2(did)), fakeWeb().ctx)).checks)).toBe('verified');
  });
});

describe('verifyVcJwt: malformed input never throws and is never verified', () => {
  it.each([
    ['not a JWS', 'hello'],
    ['four parts', 'a.b.c.d'],
    ['garbage header', 'x.eyJhIjoxfQ.c2ln'],
  ])('%s → JWS_INVALID', async (_n, token) => {
    const out = await verifyVcJwt(token, fakeWeb().ctx);
    expect(byId(out.checks, 'proof')).toMatchObject({ status: 'fail', code: 'JWS_INVALID' });
    expect(out.credential).toBeUndefined();
  });

  it('a payload that is not a credential → JWS_INVALID', async () => {
    const signer = await makeSigner('EdDSA');
    const out = await verifyVcJwt(await signer.sign({ hello: 'world' }, { kid: didKeyOf(signer).vm }), fakeWeb().ctx);
    expect(byId(out.checks, 'proof')).toMatchObject({ status: 'fail', code: 'JWS_INVALID' });
  });

  it('a credential without an issuer id → STRUCTURE_ISSUER', async () => {
    const signer = await makeSigner('EdDSA');
    const out = await verifyVcJwt(await signer.sign(credentialV2('x', { issuer: { name: 'No id' } })), fakeWeb().ctx);
    expect(byId(out.checks, 'issuer-binding')).toMatchObject({ status: 'fail', code: 'STRUCTURE_ISSUER' });
    expect(verdictOf(out.checks)).toBe('failed');
  });

  it('a key of the wrong type for the alg cannot verify (EdDSA header, P-256 key)', async () => {
    const ed = await makeSigner('EdDSA');
    const p = await makeSigner('ES256');
    const did = 'did:web:issuer.example';
    const doc = { id: did, verificationMethod: [{ id: '#k', type: 'JsonWebKey2020', controller: did, publicKeyJwk: await exportJWK(p.privateKey).then(({ d: _d, ...pub }) => pub) }], assertionMethod: ['#k'] };
    const { ctx } = fakeWeb({ 'https://issuer.example/.well-known/did.json': doc });
    const out = await verifyVcJwt(await ed.sign(credentialV2(did), { kid: '#k' }), ctx);
    expect(byId(out.checks, 'proof')).toMatchObject({ status: 'fail', code: 'JWS_SIGNATURE_INVALID' });
    expect(out.credential).toBeUndefined();
  });
});
