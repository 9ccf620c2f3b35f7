/**
 * SECURITY.md attack table, key rows 23–24 and 44, through verify(): a credential
 * whose verification method is a broken did:key or a did:jwk carrying a private
 * or symmetric key is refused as KEY_MALFORMED before any signature check; a
 * key document speaks only for the address it came from (row 44).
 */
import { exportJWK, generateKeyPair } from 'jose';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { toBase58, toBase64Url, utf8 } from '../../../lib/engine/util/bytes';
import { newSigner, signCredential, unsignedCredential, type TestSigner } from '../../support/sign-helper';
import { thirdPartyIssuer } from '../../support/third-party-signing';
import { credentialV2, makeSigner } from '../engine/keys/jwt-signer';
import { expectCode, spyNet, verifyJson, verifyRow } from './harness';

const MB = 'z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
const didJwk = (jwk: object) => `did:jwk:${toBase64Url(utf8(JSON.stringify(jwk)))}`;

let signer: TestSigner;
beforeAll(async () => {
  signer = await newSigner();
  // warm-up: the one-off WebCrypto capability probe happens here, not inside a row
  expect((await verifyJson(await signCredential(unsignedCredential(signer.did), signer), spyNet().ctx)).verdict).toBe('verified');
});
afterEach(() => vi.restoreAllMocks());

/** A credential issued by `did` whose proof names `vm`, signed (by a key that does not matter) so only the key is wrong. */
async function credentialNaming(did: string, vm: string) {
  return signCredential(unsignedCredential(did), signer, { verificationMethod: vm });
}

describe('SECURITY.md attack table — keys', () => {
  it.each([
    ['malformed multibase', 'did:key:zz0OIl'],
    ['a non-base58btc prefix', `did:key:u${MB.slice(1)}`],
    ['a wrong multicodec (not 0xed01)', 'did:key:z' + toBase58(Uint8Array.from([0x12, 0x05, ...new Uint8Array(32)]))],
    ['a 33-byte Ed25519 key', 'did:key:z' + toBase58(Uint8Array.from([0xed, 0x01, ...new Uint8Array(33)]))],
  ])('row 23: did:key with %s → KEY_MALFORMED, no crypto attempted, nothing fetched', async (_name, did) => {
    const verifySpy = vi.spyOn(crypto.subtle, 'verify');
    const { ctx, requests } = spyNet();
    const report = await verifyJson(await credentialNaming(did, did), ctx);
    expectCode(report, 'KEY_MALFORMED');
    expect(verifySpy).not.toHaveBeenCalled();
    expect(requests).toEqual([]);
    expect(report.verdict).toBe('failed');
  });

  it('row 24: did:jwk holding a private "d" member → KEY_MALFORMED (Data Integrity proof)', async () => {
    const { privateKey } = await generateKeyPair('EdDSA', { extractable: true });
    const did = didJwk(await exportJWK(privateKey));
    const report = await verifyJson(await credentialNaming(did, `${did}#0`), spyNet().ctx);
    expectCode(report, 'KEY_MALFORMED');
    expect(report.verdict).toBe('failed');
  });

  it('row 24: did:jwk with kty "oct" as a VC-JWT kid → KEY_MALFORMED, nothing fetched', async () => {
    const jwtSigner = await makeSigner('EdDSA');
    const did = didJwk({ kty: 'oct', k: 'c2VjcmV0' });
    const { ctx, requests } = spyNet();
    const report = await verifyRow({ text: await jwtSigner.sign(credentialV2(did), { kid: `${did}#0` }) }, ctx);
    expectCode(report, 'KEY_MALFORMED');
    expect(requests).toEqual([]);
    expect(report.verdict).toBe('failed');
  });
});

describe('SECURITY.md attack table — row 44: key documents speak only for their own address', () => {
  const credentialOf = (issuer: string) => ({
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: 'urn:uuid:3d0b7c1e-52a4-4d9e-8f1a-6c2e9b0d7a15',
    type: ['VerifiableCredential'],
    issuer,
    validFrom: '2025-01-01T00:00:00Z',
    credentialSubject: { id: 'did:example:learner', name: 'Example Learner' },
  });
  const onHost = (requests: string[], host: string) => requests.filter((u) => new URL(u).host === host);

  it('control: a did:web document that is the DID\'s own verifies', async () => {
    const issuer = await thirdPartyIssuer('did:web:evil.example');
    const { ctx } = spyNet({ 'https://evil.example/.well-known/did.json': issuer.didDocument });
    expect((await verifyJson(await issuer.sign(credentialOf(issuer.did)), ctx)).verdict).toBe('verified');
  });

  it('a did:web document served for another DID (the university\'s) → KEY_DID_DOCUMENT_MISMATCH, failed', async () => {
    const forger = await thirdPartyIssuer('did:web:evil.example');
    const claimsUniversity = { ...forger.didDocument, id: 'did:web:university.example' };
    const { ctx, requests } = spyNet({ 'https://evil.example/.well-known/did.json': claimsUniversity });
    const report = await verifyJson(await forger.sign(credentialOf(forger.did)), ctx);
    expectCode(report, 'KEY_DID_DOCUMENT_MISMATCH');
    expect(report.verdict).toBe('failed');
    expect(requests).toEqual(['https://evil.example/.well-known/did.json']);
  });

  it('an https controller document whose id is another URL → KEY_DID_DOCUMENT_MISMATCH, failed', async () => {
    const forger = await thirdPartyIssuer('https://evil.example/issuers/1');
    const copy = { ...forger.didDocument, id: 'https://university.example/issuers/1' };
    const { ctx, requests } = spyNet({ 'https://evil.example/issuers/1': copy });
    const report = await verifyJson(await forger.sign(credentialOf('https://evil.example/issuers/1')), ctx);
    expectCode(report, 'KEY_DID_DOCUMENT_MISMATCH');
    expect(report.verdict).toBe('failed');
    expect(onHost(requests, 'university.example')).toEqual([]);
    // control: the same document naming its own address verifies
    const own = spyNet({ 'https://evil.example/issuers/1': forger.didDocument });
    expect((await verifyJson(await forger.sign(credentialOf('https://evil.example/issuers/1')), own.ctx)).verdict).toBe('verified');
  });

  it('a JWKS is read only at the https issuer\'s own origin, /.well-known/jwks.json; a key set elsewhere is never fetched', async () => {
    const university = await makeSigner('EdDSA');
    const forger = await makeSigner('EdDSA');
    const issuerId = 'https://university.example/issuers/1';
    const ownJwks = 'https://university.example/.well-known/jwks.json';
    const routes = {
      [ownJwks]: { keys: [{ ...university.publicJwk, kid: 'k1' }] },
      'https://evil.example/.well-known/jwks.json': { keys: [{ ...forger.publicJwk, kid: 'k1' }] },
      'https://university.example/issuers/1/jwks.json': { keys: [{ ...forger.publicJwk, kid: 'k1' }] },
    };
    const forged = spyNet(routes);
    const report = await verifyRow({ text: await forger.sign(credentialV2(issuerId), { kid: 'k1', jku: 'https://evil.example/.well-known/jwks.json' }) }, forged.ctx);
    expect(report.verdict).toBe('failed');
    expect(forged.requests).toEqual([ownJwks]);
    const genuine = spyNet(routes);
    expect((await verifyRow({ text: await university.sign(credentialV2(issuerId), { kid: 'k1' }) }, genuine.ctx)).verdict).toBe('verified');
    expect(genuine.requests).toEqual([ownJwks]);
  });
});
