/**
 * SECURITY.md attack table, issuer identity rows 46–48 and the Data Integrity
 * side of row 53, through verify(): an issuer id that names no key is shown as
 * signed by its key, never as itself (46); what is written as a DID must be
 * one, and a look-alike host is shown in punycode too (47); a key that could
 * never be the issuer's is never fetched (48); a secp256k1 proof type Credlens
 * does not implement stays "could not check" (53).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { profileReport } from '../../../lib/qa';
import { describeIssuer, domainLabel } from '../../../lib/trust/issuer';
import { thirdPartyIssuer } from '../../support/third-party-signing';
import { newSigner, signCredential, unsignedCredential, type TestSigner } from '../../support/sign-helper';
import { credentialV2, didKeyOf, makeEs256kSigner, makeSigner } from '../engine/keys/jwt-signer';
import { expectCode, spyNet, verifyJson, verifyRow } from './harness';

let signer: TestSigner;
beforeAll(async () => {
  signer = await newSigner();
  // warm-up: the one-off WebCrypto capability probe happens here, not inside a row
  expect((await verifyJson(await signCredential(unsignedCredential(signer.did), signer), spyNet().ctx)).verdict).toBe('verified');
});

/** A credential issued by `did` whose proof names `vm`, signed (by a key that does not matter) so only the key is wrong. */
async function credentialNaming(did: string, vm: string) {
  return signCredential(unsignedCredential(did), signer, { verificationMethod: vm });
}

const URN = 'urn:uuid:6f2e33e5-7a29-4155-840a-59483ba10164';
const trustEntry = (issuerId: string) => ({ issuerId, addedAt: '2026-01-01T00:00:00Z', source: 'Partner list' });

describe('SECURITY.md attack table — row 46: an issuer id that names no key', () => {
  it('a urn issuer named "Harvard University", signed by a fresh did:key: verified as signed by that key, never as the urn', async () => {
    const key = await thirdPartyIssuer();
    const credential = await key.sign(unsignedCredential(URN, { issuer: { id: URN, name: 'Harvard University' } }));
    const { ctx, requests } = spyNet();
    const report = await verifyJson(credential, ctx);
    expect(report.verdict).toBe('verified');
    expect(requests).toEqual([]);
    expect(report.technical.signerDid).toBe(key.did);
    expect(report.checks.find((c) => c.id === 'issuer-binding')?.message).toContain(key.did);
    // A trust-list entry for the claimed urn does not make the key that signed trusted.
    const panel = describeIssuer(report, [trustEntry(URN)]);
    expect(panel.signer).toEqual({ issuerId: key.did });
    expect(panel).toMatchObject({ trustId: key.did, trusted: false, vouchers: [], claimed: { name: 'Harvard University', boundToDomain: false } });
    expect(profileReport(report, { trustedIssuerIds: new Set([URN]) })?.unesco.trustedProvider).toBe(false);
    // An entry for the key's own DID does.
    expect(describeIssuer(report, [trustEntry(key.did)]).trusted).toBe(true);
    expect(profileReport(report, { trustedIssuerIds: new Set([key.did]) })?.unesco.trustedProvider).toBe(true);
  });

  it('the same as a VC-JWT: the did:key in the kid is the signer, not the urn', async () => {
    const signer = await makeSigner('EdDSA');
    const { did, vm } = didKeyOf(signer);
    const token = await signer.sign(credentialV2(URN, { issuer: { id: URN, type: ['Profile'], name: 'Harvard University' } }), { kid: vm });
    const report = await verifyRow({ text: token }, spyNet().ctx);
    expect(report.verdict).toBe('verified');
    expect(report.technical.signerDid).toBe(did);
    expect(describeIssuer(report, [trustEntry(URN)])).toMatchObject({ signer: { issuerId: did }, trusted: false });
  });

  it.each([
    ['a did:web key', 'did:web:harvard.example#key-1'],
    ['an https key', 'https://harvard.example/keys/1'],
  ])('%s cannot sign for a urn issuer: KEY_NOT_BOUND_TO_ISSUER, nothing fetched', async (_name, vm) => {
    const credential = await signCredential(unsignedCredential(URN), signer, { verificationMethod: vm });
    const { ctx, requests } = spyNet();
    const report = await verifyJson(credential, ctx);
    expectCode(report, 'KEY_NOT_BOUND_TO_ISSUER');
    expect(requests).toEqual([]);
    expect(report.verdict).toBe('failed');
  });
});

describe('SECURITY.md attack table — row 47: identifiers are checked for syntax before use', () => {
  it.each([
    ['a non-ASCII did:web host', 'did:web:exämple.com'],
    ['a percent-encoded non-ASCII did:web host', 'did:web:ex%C3%A4mple.com'],
    ['an empty did:web', 'did:web:'],
    ['an uppercase method name', 'did:WEB:issuer.example'],
    ['junk after did:key:', 'did:key:z6Mk%%'],
  ])('an issuer and key with %s → DID_INVALID, nothing fetched, failed', async (_name, did) => {
    const { ctx, requests } = spyNet();
    const report = await verifyJson(await credentialNaming(did, `${did}#k1`), ctx);
    expectCode(report, 'DID_INVALID');
    expect(requests).toEqual([]);
    expect(report.verdict).toBe('failed');
  });

  it('a verification method that is no DID URL, for an https issuer → DID_INVALID, nothing fetched, failed', async () => {
    const { ctx, requests } = spyNet();
    const report = await verifyJson(await credentialNaming('https://issuer.example/issuers/1', 'did:WEB:issuer.example#k1'), ctx);
    expectCode(report, 'DID_INVALID');
    expect(requests).toEqual([]);
    expect(report.verdict).toBe('failed');
  });

  it('a VC-JWT whose issuer is not a DID → DID_INVALID, nothing fetched, failed', async () => {
    const jwtSigner = await makeSigner('EdDSA');
    const { ctx, requests } = spyNet();
    const report = await verifyRow({ text: await jwtSigner.sign(credentialV2('did:web:exämple.com'), { kid: 'did:web:exämple.com#k1' }) }, ctx);
    expectCode(report, 'DID_INVALID');
    expect(requests).toEqual([]);
    expect(report.verdict).toBe('failed');
  });

  it('a look-alike https issuer is shown with its punycode next to the Unicode form', async () => {
    const jwtSigner = await makeSigner('ES256');
    const issuer = 'https://аpple.com/issuers/1'; // Cyrillic а
    const jwks = 'https://xn--pple-43d.com/.well-known/jwks.json';
    const { ctx, requests } = spyNet({ [jwks]: { keys: [{ ...jwtSigner.publicJwk, kid: 'k1' }] } });
    const report = await verifyRow({ text: await jwtSigner.sign(credentialV2(issuer), { kid: 'k1' }) }, ctx);
    expect(report.verdict).toBe('verified');
    expect(requests).toEqual([jwks]);
    const { signer } = describeIssuer(report, []);
    expect(signer).toMatchObject({ domain: 'xn--pple-43d.com', domainUnicode: 'аpple.com' });
    expect(domainLabel(signer!)).toBe('аpple.com (xn--pple-43d.com)');
  });
});

describe('SECURITY.md attack table — row 48: a key that could never be the issuer\'s is not fetched', () => {
  const keyDocument = (id: string, controller: string) => ({ id, type: 'Multikey', controller, publicKeyMultibase: signer.verificationMethod.split('#')[1] });

  it.each([
    ['a DID issuer with an https key', 'did:web:university.example', 'https://evil.example/keys/1'],
    ['an https issuer with a did:web key on another host', 'https://university.example/issuers/1', 'did:web:evil.example#k1'],
    ['an https issuer with an https key on another origin', 'https://university.example/issuers/1', 'https://evil.example/keys/1'],
    ['a did:web issuer with a did:web key of another DID', 'did:web:university.example', 'did:web:evil.example#k1'],
  ])('%s → KEY_NOT_BOUND_TO_ISSUER, nothing fetched, failed', async (_name, issuer, vm) => {
    const served = {
      'https://evil.example/keys/1': keyDocument('https://evil.example/keys/1', issuer),
      'https://evil.example/.well-known/did.json': { id: 'did:web:evil.example', verificationMethod: [keyDocument('did:web:evil.example#k1', 'did:web:evil.example')], assertionMethod: ['did:web:evil.example#k1'] },
    };
    const { ctx, requests } = spyNet(served);
    const report = await verifyJson(await credentialNaming(issuer, vm), ctx);
    expectCode(report, 'KEY_NOT_BOUND_TO_ISSUER');
    expect(requests).toEqual([]);
    expect(report.verdict).toBe('failed');
  });

  it('control: the https issuer\'s own key on its own origin is fetched and verifies', async () => {
    const issuer = 'https://university.example/issuers/1';
    const profile = { id: issuer, verificationMethod: [keyDocument(`${issuer}#k1`, issuer)], assertionMethod: [`${issuer}#k1`] };
    const { ctx, requests } = spyNet({ [issuer]: profile });
    expect((await verifyJson(await credentialNaming(issuer, `${issuer}#k1`), ctx)).verdict).toBe('verified');
    expect(requests).toEqual([issuer]);
  });
});

describe('SECURITY.md attack table — row 53 (Data Integrity side): secp256k1 keys', () => {
  it('an EcdsaSecp256k1Signature2019 proof by a secp256k1 did:key is DI_SECP256K1_UNSUPPORTED (row 57), unverifiable', async () => {
    const key = makeEs256kSigner();
    const credential = {
      ...unsignedCredential(key.did),
      proof: { type: 'EcdsaSecp256k1Signature2019', created: '2026-01-01T00:00:00Z', verificationMethod: key.vm, proofPurpose: 'assertionMethod', jws: 'e30..AAAA' },
    };
    const { ctx, requests } = spyNet();
    const report = await verifyJson(credential, ctx);
    expectCode(report, 'DI_SECP256K1_UNSUPPORTED');
    expect(requests).toEqual([]);
    expect(report.verdict).toBe('unverifiable');
  });
});
