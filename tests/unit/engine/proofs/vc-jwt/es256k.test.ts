/**
 * ES256K (RFC 8812: ECDSA over secp256k1 with SHA-256), as issued by Microsoft
 * Entra / ION, Velocity, did:ethr and EBSI wallets. Tokens are signed by OpenSSL
 * through node:crypto (tests/unit/engine/keys/jwt-signer.ts), independently of the
 * @noble/curves code that verifies them. SECURITY.md row 53.
 */
import { describe, expect, it } from 'vitest';
import { verifyVcJwt } from '../../../../../lib/engine/proofs/vc-jwt/verify';
import { deriveVerdict } from '../../../../../lib/engine/verdict';
import { fromBase64, toBase64Url, utf8 } from '../../../../../lib/engine/util/bytes';
import { fakeWeb } from '../../keys/fake-web';
import { credentialV2, makeEs256kSigner, makeSigner, rawToken } from '../../keys/jwt-signer';

const verdictOf = (checks: Parameters<typeof deriveVerdict>[0]) => deriveVerdict(checks, ['proof', 'issuer-binding', 'claims']);
const didJwk = (jwk: object) => `did:jwk:${toBase64Url(utf8(JSON.stringify(jwk)))}`;
/** secp256k1 group order (SEC 2 §2.4.1) */
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

const toBigInt = (bytes: Uint8Array) => BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
const to32Bytes = (n: bigint) => Uint8Array.from(Buffer.from(n.toString(16).padStart(64, '0'), 'hex'));

/** The same token with its signature replaced. */
const withSignature = (token: string, signature: Uint8Array) => `${token.slice(0, token.lastIndexOf('.'))}.${toBase64Url(signature)}`;

describe('verifyVcJwt: ES256K', () => {
  it('a did:key (secp256k1-pub) issuer: verified with nothing fetched', async () => {
    const signer = makeEs256kSigner();
    const { ctx, requests } = fakeWeb();
    const out = await verifyVcJwt(await signer.sign(credentialV2(signer.did), { kid: signer.vm }), ctx);
    expect(out.checks.map((c) => `${c.id}:${c.status}`)).toEqual(['proof:pass', 'issuer-binding:pass', 'claims:pass']);
    expect(out.technical).toMatchObject({ alg: 'ES256K', keyController: signer.did, keySource: 'did:key' });
    expect(requests).toEqual([]);
  });

  it('a did:jwk issuer (kty EC, crv secp256k1) with a bare "0" kid', async () => {
    const signer = makeEs256kSigner();
    const did = didJwk({ kty: 'EC', crv: 'secp256k1', x: signer.publicJwk.x, y: signer.publicJwk.y });
    const out = await verifyVcJwt(await signer.sign(credentialV2(did), { kid: '0' }), fakeWeb().ctx);
    expect(verdictOf(out.checks)).toBe('verified');
    expect(out.technical.keySource).toBe('did:jwk');
  });

  it('an https issuer whose JWKS lists the key', async () => {
    const signer = makeEs256kSigner();
    const issuer = 'https://issuer.example/issuers/1';
    const { ctx, requests } = fakeWeb({ 'https://issuer.example/.well-known/jwks.json': { keys: [{ ...signer.publicJwk, kid: 'k1', use: 'sig' }] } });
    const out = await verifyVcJwt(await signer.sign(credentialV2(issuer), { kid: 'k1' }), ctx);
    expect(verdictOf(out.checks)).toBe('verified');
    expect(requests).toEqual(['https://issuer.example/.well-known/jwks.json']);
  });

  it('a did:web issuer listing an EcdsaSecp256k1VerificationKey2019 JWK', async () => {
    const signer = makeEs256kSigner();
    const did = 'did:web:issuer.example';
    const doc = { id: did, verificationMethod: [{ id: '#k1', type: 'EcdsaSecp256k1VerificationKey2019', controller: did, publicKeyJwk: signer.publicJwk }], assertionMethod: ['#k1'] };
    const out = await verifyVcJwt(await signer.sign(credentialV2(did), { kid: '#k1' }), fakeWeb({ 'https://issuer.example/.well-known/did.json': doc }).ctx);
    expect(verdictOf(out.checks)).toBe('verified');
  });

  it('a payload changed after signing → JWS_SIGNATURE_INVALID, failed, no credential', async () => {
    const signer = makeEs256kSigner();
    const [h, , s] = (await signer.sign(credentialV2(signer.did), { kid: signer.vm })).split('.');
    const forged = toBase64Url(utf8(JSON.stringify(credentialV2(signer.did, { name: 'Brain Surgery' }))));
    const out = await verifyVcJwt(`${h}.${forged}.${s}`, fakeWeb().ctx);
    expect(out.checks[0]).toMatchObject({ id: 'proof', status: 'fail', code: 'JWS_SIGNATURE_INVALID' });
    expect(verdictOf(out.checks)).toBe('failed');
    expect(out.credential).toBeUndefined();
  });

  it('accepts the high-S twin of a valid signature, as RFC 8812 does not require low S', async () => {
    const signer = makeEs256kSigner();
    const token = await signer.sign(credentialV2(signer.did), { kid: signer.vm });
    const signature = fromBase64(token.slice(token.lastIndexOf('.') + 1))!;
    const twin = Uint8Array.from([...signature.slice(0, 32), ...to32Bytes(N - toBigInt(signature.slice(32)))]);
    for (const variant of [signature, twin]) {
      expect(verdictOf((await verifyVcJwt(withSignature(token, variant), fakeWeb().ctx)).checks)).toBe('verified');
    }
  });

  it.each([
    ['63 bytes', (s: Uint8Array) => s.slice(0, 63)],
    ['65 bytes', (s: Uint8Array) => Uint8Array.from([...s, 0])],
    ['a DER signature', (s: Uint8Array) => Uint8Array.from([0x30, 0x44, 0x02, 0x20, ...s.slice(0, 32), 0x02, 0x20, ...s.slice(32)])],
    ['r = 0', (s: Uint8Array) => Uint8Array.from([...new Uint8Array(32), ...s.slice(32)])],
    ['s = n', (s: Uint8Array) => Uint8Array.from([...s.slice(0, 32), ...to32Bytes(N)])],
  ])('refuses a signature of %s → JWS_SIGNATURE_INVALID, failed', async (_name, mangle) => {
    const signer = makeEs256kSigner();
    const token = await signer.sign(credentialV2(signer.did), { kid: signer.vm });
    const signature = fromBase64(token.slice(token.lastIndexOf('.') + 1))!;
    const out = await verifyVcJwt(withSignature(token, mangle(signature)), fakeWeb().ctx);
    expect(out.checks[0]).toMatchObject({ status: 'fail', code: 'JWS_SIGNATURE_INVALID' });
    expect(verdictOf(out.checks)).toBe('failed');
  });

  it('a P-256 token labelled ES256K does not verify with its P-256 key → failed', async () => {
    const p256 = await makeSigner('ES256');
    const did = didJwk(p256.publicJwk);
    const signP256 = async (data: Uint8Array) =>
      new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, p256.privateKey, data as BufferSource));
    const token = await rawToken({ alg: 'ES256K', kid: `${did}#0` }, credentialV2(did), signP256);
    const out = await verifyVcJwt(token, fakeWeb().ctx);
    expect(out.checks[0]).toMatchObject({ status: 'fail', code: 'JWS_SIGNATURE_INVALID' });
    expect(verdictOf(out.checks)).toBe('failed');
  });

  it('an ES256K signature made with another secp256k1 key → failed', async () => {
    const issuer = makeEs256kSigner();
    const forger = makeEs256kSigner();
    const token = await rawToken({ alg: 'ES256K', kid: issuer.vm }, credentialV2(issuer.did), async (d) => forger.signBytes(d));
    expect(verdictOf((await verifyVcJwt(token, fakeWeb().ctx)).checks)).toBe('failed');
  });
});
