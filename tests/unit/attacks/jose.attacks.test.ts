/**
 * SECURITY.md attack table, JOSE / VC-JWT rows 1–9, 18, 48 and 53, SD-JWT row 58, presentations
 * row 59 and formats not read yet row 60, through verify() as a page
 * candidate would reach it. Tokens are signed in the test with fresh keys
 * (tests/unit/engine/keys/jwt-signer.ts); the network is a recording fake.
 */
import { exportJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { fromBase64, fromUtf8, toBase64Url, utf8 } from '../../../lib/engine/util/bytes';
import { disclosureOf, issueSdJwt, newKey, present, withKeyBinding } from '../engine/formats/sd-jwt/sd-jwt-issuer';
import { credentialV2, didKeyOf, makeEs256kSigner, makeSigner, rawToken, type TestSigner } from '../engine/keys/jwt-signer';
import { expectCode, spyNet, verifyJson, verifyRow } from './harness';

const UNIVERSITY = 'https://university.example/issuers/1';
const UNIVERSITY_JWKS = 'https://university.example/.well-known/jwks.json';

const edSign = (signer: TestSigner) => async (data: Uint8Array) =>
  new Uint8Array(await crypto.subtle.sign('Ed25519', signer.privateKey, data as BufferSource));

describe('SECURITY.md attack table — JOSE / VC-JWT', () => {
  it('row 1: alg "none" with an empty signature → JWS_ALG_NOT_ALLOWED, nothing fetched, failed', async () => {
    const { ctx, requests } = spyNet();
    const report = await verifyRow({ text: await rawToken({ alg: 'none', kid: `${UNIVERSITY}#k` }, credentialV2(UNIVERSITY)) }, ctx);
    expectCode(report, 'JWS_ALG_NOT_ALLOWED');
    expect(requests).toEqual([]);
    expect(report.verdict).toBe('failed');
  });

  it('row 2: HS256 keyed with the issuer public key bytes → JWS_ALG_NOT_ALLOWED, failed', async () => {
    const issuer = await makeSigner('EdDSA');
    const { did, vm } = didKeyOf(issuer);
    const secret = await crypto.subtle.importKey('raw', fromBase64(issuer.publicJwk.x!) as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const token = await rawToken({ alg: 'HS256', kid: vm }, credentialV2(did), async (d) => new Uint8Array(await crypto.subtle.sign('HMAC', secret, d as BufferSource)));
    const { ctx, requests } = spyNet();
    const report = await verifyRow({ text: token }, ctx);
    expectCode(report, 'JWS_ALG_NOT_ALLOWED');
    expect(requests).toEqual([]);
    expect(report.verdict).toBe('failed');
  });

  it('row 3: header jwk = attacker key, iss = a real university → KEY_NOT_BOUND_TO_ISSUER, failed despite a valid signature', async () => {
    const attacker = await makeSigner('ES256');
    const real = await makeSigner('ES256');
    const { ctx, requests } = spyNet({ [UNIVERSITY_JWKS]: { keys: [{ ...real.publicJwk, kid: 'k1' }] } });
    const report = await verifyRow({ text: await attacker.sign(credentialV2(UNIVERSITY, { iss: UNIVERSITY }), { jwk: attacker.publicJwk }) }, ctx);
    expect(report.checks.find((c) => c.id === 'proof')?.status).toBe('pass'); // mathematically valid
    expectCode(report, 'KEY_NOT_BOUND_TO_ISSUER');
    expect(requests).toEqual([UNIVERSITY_JWKS]); // the issuer's own keys, nothing the header named
    expect(report.verdict).toBe('failed');
  });

  it('row 3 (did:key issuer): an attacker jwk is refused with nothing fetched', async () => {
    const attacker = await makeSigner('EdDSA');
    const real = await makeSigner('EdDSA');
    const { ctx, requests } = spyNet();
    const report = await verifyRow({ text: await attacker.sign(credentialV2(didKeyOf(real).did), { jwk: attacker.publicJwk }) }, ctx);
    expectCode(report, 'KEY_NOT_BOUND_TO_ISSUER');
    expect(requests).toEqual([]);
    expect(report.verdict).toBe('failed');
  });

  it('row 4: jku / x5u = https://evil.example/… are never dereferenced; the key comes from issuer resolution', async () => {
    const signer = await makeSigner('EdDSA');
    const { did, vm } = didKeyOf(signer);
    const evil = { 'https://evil.example/jwks.json': { keys: [signer.publicJwk] } };
    const header = { kid: vm, jku: 'https://evil.example/jwks.json', x5u: 'https://evil.example/cert.pem' };
    const a = spyNet(evil);
    expect((await verifyRow({ text: await signer.sign(credentialV2(did), header) }, a.ctx)).verdict).toBe('verified');
    expect(a.requests).toEqual([]);
    // With an https issuer, jku alone yields no key: only the issuer's own JWKS is consulted.
    const b = spyNet(evil);
    const report = await verifyRow({ text: await signer.sign(credentialV2(UNIVERSITY), { jku: 'https://evil.example/jwks.json' }) }, b.ctx);
    expect(b.requests.filter((u) => u.includes('evil.example'))).toEqual([]);
    expect(report.verdict).not.toBe('verified');
  });

  it.each([
    ['http://169.254.169.254/latest/', 'FETCH_PRIVATE_ADDRESS'],
    ['https://issuer.example@127.0.0.1/', 'FETCH_URL_REJECTED'],
  ])('row 5: kid = %s → %s, no request made', async (kid, code) => {
    const signer = await makeSigner('EdDSA');
    for (const issuer of ['did:web:issuer.example', UNIVERSITY]) {
      const { ctx, requests } = spyNet();
      const report = await verifyRow({ text: await signer.sign(credentialV2(issuer), { kid }) }, ctx);
      expectCode(report, code);
      expect(requests).toEqual([]);
      expect(report.verdict).not.toBe('verified');
    }
  });

  it('row 6: kid on a different origin than the https issuer.id → KEY_NOT_BOUND_TO_ISSUER, not fetched', async () => {
    const signer = await makeSigner('ES256');
    const kid = 'https://evil.example/keys/1';
    const { ctx, requests } = spyNet({ [kid]: { id: kid, type: 'JsonWebKey', controller: UNIVERSITY, publicKeyJwk: signer.publicJwk } });
    const report = await verifyRow({ text: await signer.sign(credentialV2(UNIVERSITY), { kid }) }, ctx);
    expectCode(report, 'KEY_NOT_BOUND_TO_ISSUER');
    expect(requests).toEqual([]);
    expect(report.verdict).toBe('failed');
  });

  it('row 7: crit ["x-unknown"] → JWS_INVALID, failed', async () => {
    const signer = await makeSigner('EdDSA');
    const { did, vm } = didKeyOf(signer);
    const token = await rawToken({ alg: 'EdDSA', kid: vm, crit: ['x-unknown'], 'x-unknown': 1 }, credentialV2(did), edSign(signer));
    const { ctx, requests } = spyNet();
    const report = await verifyRow({ text: token }, ctx);
    expectCode(report, 'JWS_INVALID');
    expect(requests).toEqual([]);
    expect(report.verdict).toBe('failed');
  });

  it.each([
    ['iss', { iss: 'did:web:other.example' }],
    ['sub', { sub: 'did:example:someone-else' }],
    ['jti', { jti: 'urn:uuid:other' }],
    ['nbf', { nbf: Date.parse('2024-06-01T00:00:00Z') / 1000 }],
  ])('row 8: payload %s disagrees with the credential → JWT_CLAIM_MISMATCH {claim}, failed', async (claim, extra) => {
    const signer = await makeSigner('EdDSA');
    const { did, vm } = didKeyOf(signer);
    const report = await verifyRow({ text: await signer.sign(credentialV2(did, extra), { kid: vm }) }, spyNet().ctx);
    expect(expectCode(report, 'JWT_CLAIM_MISMATCH').detail).toMatchObject({ claim });
    expect(report.verdict).toBe('failed');
  });

  it('row 9 (unit part): the report shows only the signed payload, whatever JSON the page puts next to it', async () => {
    const signer = await makeSigner('EdDSA');
    const { did, vm } = didKeyOf(signer);
    const signed = credentialV2(did);
    const token = await signer.sign(signed, { kid: vm });
    const pageBody = { ...credentialV2(did), name: 'Forged Doctorate', credentialSubject: { id: 'did:example:learner', name: 'Mallory' } };
    const report = await verifyRow({ text: token }, spyNet().ctx);
    expect(report.verdict).toBe('verified');
    expect(report.credential).toEqual(signed);
    expect(JSON.stringify(report)).not.toContain('Forged Doctorate');
    // The page's body on its own is unsigned; glued to the token it is not a credential at all.
    for (const text of [JSON.stringify(pageBody), `${JSON.stringify(pageBody)}\n${token}`, JSON.stringify({ ...pageBody, jwt: token })]) {
      expect((await verifyRow({ text }, spyNet().ctx)).verdict).not.toBe('verified');
    }
  });

  it('row 18 (JWS): a field changed after signing → JWS_SIGNATURE_INVALID, failed, no credential kept', async () => {
    const signer = await makeSigner('EdDSA');
    const { did, vm } = didKeyOf(signer);
    const [h, , s] = (await signer.sign(credentialV2(did), { kid: vm })).split('.');
    const forged = toBase64Url(utf8(JSON.stringify(credentialV2(did, { name: 'Brain Surgery' }))));
    const report = await verifyRow({ text: `${h}.${forged}.${s}` }, spyNet().ctx);
    expectCode(report, 'JWS_SIGNATURE_INVALID');
    expect(report.verdict).toBe('failed');
    expect(JSON.stringify(report.summary)).not.toContain('Brain Surgery');
  });

  it('a private key in the header jwk is never used (KEY_MALFORMED), failed', async () => {
    const attacker = await makeSigner('EdDSA');
    const token = await attacker.sign(credentialV2(UNIVERSITY), { jwk: await exportJWK(attacker.privateKey) });
    const report = await verifyRow({ text: token }, spyNet().ctx);
    expectCode(report, 'KEY_MALFORMED');
    expect(report.verdict).toBe('failed');
  });
});

describe('SECURITY.md attack table — row 48: a kid that could never be the issuer\'s key is not fetched', () => {
  it.each([
    ['an https kid for a DID issuer', 'did:web:university.example', 'https://evil.example/keys/1'],
    ['a did:web kid on another host for an https issuer', UNIVERSITY, 'did:web:evil.example#k1'],
  ])('%s → KEY_NOT_BOUND_TO_ISSUER, nothing fetched, failed', async (_name, issuer, kid) => {
    const signer = await makeSigner('ES256');
    const keyDoc = { id: kid, type: 'JsonWebKey', controller: issuer, publicKeyJwk: signer.publicJwk };
    const { ctx, requests } = spyNet({
      'https://evil.example/keys/1': keyDoc,
      'https://evil.example/.well-known/did.json': { id: 'did:web:evil.example', verificationMethod: [{ ...keyDoc, controller: 'did:web:evil.example' }], assertionMethod: [kid] },
    });
    const report = await verifyRow({ text: await signer.sign(credentialV2(issuer), { kid }) }, ctx);
    expectCode(report, 'KEY_NOT_BOUND_TO_ISSUER');
    expect(requests).toEqual([]);
    expect(report.verdict).toBe('failed');
  });
});

describe('SECURITY.md attack table — row 53: a sound algorithm Credlens does not support is "could not check", never "failed"', () => {
  it('ES256K (RFC 8812) is supported: a did:key secp256k1 issuer verifies, nothing fetched', async () => {
    const signer = makeEs256kSigner();
    const { ctx, requests } = spyNet();
    const report = await verifyRow({ text: await signer.sign(credentialV2(signer.did), { kid: signer.vm }) }, ctx);
    expect(report.verdict).toBe('verified');
    expect(report.technical.alg).toBe('ES256K');
    expect(requests).toEqual([]);
  });

  it('ES256K with a field changed after signing → JWS_SIGNATURE_INVALID, failed', async () => {
    const signer = makeEs256kSigner();
    const [h, , s] = (await signer.sign(credentialV2(signer.did), { kid: signer.vm })).split('.');
    const forged = toBase64Url(utf8(JSON.stringify(credentialV2(signer.did, { name: 'Brain Surgery' }))));
    const report = await verifyRow({ text: `${h}.${forged}.${s}` }, spyNet().ctx);
    expectCode(report, 'JWS_SIGNATURE_INVALID');
    expect(report.verdict).toBe('failed');
  });

  it('a P-256 signature labelled ES256K → JWS_SIGNATURE_INVALID, failed', async () => {
    const p256 = await makeSigner('ES256');
    const did = `did:jwk:${toBase64Url(utf8(JSON.stringify(p256.publicJwk)))}`;
    const token = await rawToken({ alg: 'ES256K', kid: `${did}#0` }, credentialV2(did), async (d) =>
      new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, p256.privateKey, d as BufferSource)));
    const report = await verifyRow({ text: token }, spyNet().ctx);
    expectCode(report, 'JWS_SIGNATURE_INVALID');
    expect(report.verdict).toBe('failed');
  });

  it.each(['ES256K-R', 'ES512', 'RS512', 'PS384', 'Ed448', 'ML-DSA-65'])('%s → JWS_ALG_UNSUPPORTED before any fetch, unverifiable', async (alg) => {
    const signer = makeEs256kSigner();
    const token = await rawToken({ alg, kid: `${UNIVERSITY}#k1` }, credentialV2(UNIVERSITY), async (d) => signer.signBytes(d));
    const { ctx, requests } = spyNet();
    const report = await verifyRow({ text: token }, ctx);
    expect(expectCode(report, 'JWS_ALG_UNSUPPORTED')).toMatchObject({ status: 'error', detail: { alg } });
    expect(requests).toEqual([]);
    expect(report.verdict).toBe('unverifiable');
  });

  it.each(['none', 'HS256', 'HS512', 'es256k', 'XYZ', ''])('%j stays JWS_ALG_NOT_ALLOWED, failed (rows 1–2)', async (alg) => {
    const { ctx, requests } = spyNet();
    const report = await verifyRow({ text: await rawToken({ alg, kid: `${UNIVERSITY}#k1` }, credentialV2(UNIVERSITY), async () => new Uint8Array(64)) }, ctx);
    expectCode(report, 'JWS_ALG_NOT_ALLOWED');
    expect(requests).toEqual([]);
    expect(report.verdict).toBe('failed');
  });
});

describe('SECURITY.md attack table — row 58: SD-JWT disclosures and key binding', () => {
  const ISS = 'https://university.example';
  const METADATA = `${ISS}/.well-known/jwt-vc-issuer`;
  const VCT = 'urn:eu.europa.ec.eudi:learning:credential:1';

  async function setup() {
    const issuer = await newKey('ES256');
    const holder = await newKey('ES256');
    const issued = await issueSdJwt(issuer, { iss: ISS, vct: VCT, cnf: { jwk: holder.publicJwk }, achievement_title: 'Data Literacy' }, { given_name: 'Erika', family_name: 'Mustermann' });
    const routes = { [METADATA]: { issuer: ISS, jwks: { keys: [issuer.publicJwk] } } };
    return { issuer, holder, issued, routes };
  }

  it('a disclosure whose digest is in no _sd (a claim added by the holder) → SD_JWT_DISCLOSURE_INVALID, failed, nothing fetched', async () => {
    const { issued, routes } = await setup();
    const added = disclosureOf('degree_grade', 'summa cum laude');
    const { ctx, requests } = spyNet(routes);
    const report = await verifyRow({ text: `${present(issued)}${added}~` }, ctx);
    expectCode(report, 'SD_JWT_DISCLOSURE_INVALID');
    expect(report.verdict).toBe('failed');
    expect(JSON.stringify(report.summary)).not.toContain('summa cum laude');
    expect(requests).toEqual([]);
  });

  it('a disclosure sent twice, or a value edited after issuance → SD_JWT_DISCLOSURE_INVALID, failed', async () => {
    const { issued, routes } = await setup();
    const twice = await verifyRow({ text: `${present(issued)}${issued.disclosures.given_name}~` }, spyNet(routes).ctx);
    expectCode(twice, 'SD_JWT_DISCLOSURE_INVALID');
    const edited = toBase64Url(utf8(JSON.stringify([JSON.parse(fromUtf8(fromBase64(issued.disclosures.given_name!)!))[0], 'given_name', 'Eve'])));
    const report = await verifyRow({ text: `${issued.jwt}~${edited}~` }, spyNet(routes).ctx);
    expectCode(report, 'SD_JWT_DISCLOSURE_INVALID');
    expect(report.verdict).toBe('failed');
  });

  it('an undisclosed claim is never shown, whatever the page says next to the token', async () => {
    const { issued, routes } = await setup();
    const report = await verifyRow({ text: present(issued, ['given_name']) }, spyNet(routes).ctx);
    expect(report.verdict).toBe('verified');
    expect(report.summary.subject?.name).toBe('Erika');
    expect(JSON.stringify([report.summary, report.credential, report.technical])).not.toContain('Mustermann');
  });

  it('alg "none" on the issuer-signed JWT → JWS_ALG_NOT_ALLOWED, failed, nothing fetched', async () => {
    const { issued, routes } = await setup();
    const [, payload] = issued.jwt.split('.');
    const unsigned = `${toBase64Url(utf8(JSON.stringify({ alg: 'none', typ: 'dc+sd-jwt' })))}.${payload}.`;
    const { ctx, requests } = spyNet(routes);
    const report = await verifyRow({ text: `${unsigned}~${issued.disclosures.given_name}~` }, ctx);
    expectCode(report, 'JWS_ALG_NOT_ALLOWED');
    expect(report.verdict).toBe('failed');
    expect(requests).toEqual([]);
  });

  it("a KB-JWT signed by another key than the issuer bound in cnf → SD_JWT_KB_INVALID, failed", async () => {
    const { issued, routes } = await setup();
    const thief = await newKey('ES256');
    const report = await verifyRow({ text: await withKeyBinding(present(issued), thief) }, spyNet(routes).ctx);
    expect(expectCode(report, 'SD_JWT_KB_INVALID')).toMatchObject({ id: 'key-binding', status: 'fail' });
    expect(report.verdict).toBe('failed');
  });

  it('a KB-JWT made for another presentation of the SD-JWT (other disclosures) → SD_JWT_KB_INVALID, failed', async () => {
    const { issued, holder, routes } = await setup();
    const original = await withKeyBinding(present(issued, ['given_name']), holder);
    const kb = original.slice(original.lastIndexOf('~') + 1);
    const report = await verifyRow({ text: `${present(issued)}${kb}` }, spyNet(routes).ctx);
    expect(expectCode(report, 'SD_JWT_KB_INVALID').detail?.reason).toMatch(/sd_hash/);
    expect(report.verdict).toBe('failed');
  });

  it('a KB-JWT typed as something else, or dated in the future → SD_JWT_KB_INVALID', async () => {
    const { issued, holder, routes } = await setup();
    const untyped = await withKeyBinding(present(issued), holder, {}, { typ: 'JWT' });
    expectCode(await verifyRow({ text: untyped }, spyNet(routes).ctx), 'SD_JWT_KB_INVALID');
    const future = await withKeyBinding(present(issued), holder, { iat: Math.floor(Date.parse('2027-01-01T00:00:00Z') / 1000) });
    expectCode(await verifyRow({ text: future }, spyNet(routes).ctx), 'SD_JWT_KB_INVALID');
  });
});

describe('SECURITY.md attack table — row 59: presentations', () => {
  const V1 = 'https://www.w3.org/2018/credentials/v1';
  /** a VC 1.1 credential of `did`, as the `vc` claim of a VC-JWT */
  const v1 = (did: string, extra: Record<string, unknown> = {}) => credentialV2(did, { '@context': [V1], issuanceDate: '2025-01-01T00:00:00Z', ...extra });

  async function parties() {
    const issuer = await makeSigner('EdDSA');
    const holder = await makeSigner('EdDSA');
    const credential = await issuer.sign({ vc: v1(didKeyOf(issuer).did), iss: didKeyOf(issuer).did }, { kid: didKeyOf(issuer).vm });
    return { issuer, holder, credential };
  }
  const vpPayload = (holderDid: string, credentials: string[]) => ({ iss: holderDid, vp: { '@context': [V1], type: ['VerifiablePresentation'], verifiableCredential: credentials } });

  it('a holder signature over another presentation (a credential swapped in afterwards) → JWS_SIGNATURE_INVALID, failed', async () => {
    const { issuer, holder, credential } = await parties();
    const token = await holder.sign(vpPayload(didKeyOf(holder).did, [credential]), { kid: didKeyOf(holder).vm });
    const other = await issuer.sign({ vc: v1(didKeyOf(issuer).did, { name: 'Brain Surgery' }), iss: didKeyOf(issuer).did }, { kid: didKeyOf(issuer).vm });
    const [h, , s] = token.split('.');
    const swapped = `${h}.${toBase64Url(utf8(JSON.stringify(vpPayload(didKeyOf(holder).did, [other]))))}.${s}`;
    const report = await verifyRow({ text: swapped }, spyNet().ctx);
    expect(expectCode(report, 'JWS_SIGNATURE_INVALID')).toMatchObject({ id: 'proof' });
    expect(report.verdict).toBe('failed');
  });

  it('a valid holder signature around a forged credential → that part failed, the presentation not verified', async () => {
    const { issuer, holder, credential } = await parties();
    const [h, , s] = credential.split('.');
    const forged = `${h}.${toBase64Url(utf8(JSON.stringify({ vc: v1(didKeyOf(issuer).did, { name: 'Brain Surgery' }), iss: didKeyOf(issuer).did })))}.${s}`;
    const token = await holder.sign(vpPayload(didKeyOf(holder).did, [credential, forged]), { kid: didKeyOf(holder).vm });
    const report = await verifyRow({ text: token }, spyNet().ctx);
    expect(report.checks.find((c) => c.id === 'proof')).toMatchObject({ status: 'pass' });
    expect(report.parts?.map((p) => p.report.verdict)).toEqual(['verified', 'failed']);
    expect(expectCode(report, 'NESTED_CREDENTIAL_FAILED')).toMatchObject({ id: 'parts', detail: { path: 'verifiableCredential[1]' } });
    expect(report.verdict).toBe('failed');
  });

  it('an enveloped credential whose data: URL holds a tampered token → that part JWS_SIGNATURE_INVALID, failed', async () => {
    const { issuer } = await parties();
    const { did, vm } = didKeyOf(issuer);
    const token = await issuer.sign(credentialV2(did), { typ: 'vc+jwt', kid: vm });
    const [h, , s] = token.split('.');
    const tampered = `${h}.${toBase64Url(utf8(JSON.stringify(credentialV2(did, { name: 'Brain Surgery' }))))}.${s}`;
    const vp = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: 'VerifiablePresentation', verifiableCredential: [{ '@context': 'https://www.w3.org/ns/credentials/v2', id: `data:application/vc+jwt,${tampered}`, type: 'EnvelopedVerifiableCredential' }] };
    const report = await verifyJson(vp, spyNet().ctx);
    expect(report.parts?.[0]?.report.checks.find((c) => c.code === 'JWS_SIGNATURE_INVALID')).toBeDefined();
    expect(report.verdict).toBe('failed');
  });
});

describe('SECURITY.md attack table — row 60: formats Credlens cannot read yet are unverifiable, never failed', () => {
  const cose = Uint8Array.from([0xd2, 0x84, 0x43, 0xa1, 0x01, 0x26, 0xa0, 0x44, 0x7b, 0x7d, 0x0a, 0x0a, 0x40]);

  it.each([
    ['COSE_Sign1 bytes (CBOR tag 18)', { bytes: cose }],
    ['a COSE credential as base64 text', { text: btoa(String.fromCharCode(...cose)) }],
    ['an application/vc+cose data: URL', { text: `data:application/vc+cose;base64,${btoa(String.fromCharCode(...cose))}` }],
  ])('%s → COSE_UNSUPPORTED, unverifiable, nothing fetched', async (_, input) => {
    const { ctx, requests } = spyNet();
    const report = await verifyRow(input, ctx);
    expect(expectCode(report, 'COSE_UNSUPPORTED').status).toBe('error');
    expect(report.verdict).toBe('unverifiable');
    expect(requests).toEqual([]);
  });

  it('an enveloped credential of an unknown media type → INPUT_UNSUPPORTED_FORMAT, unverifiable', async () => {
    const report = await verifyRow({ text: 'data:application/vc+mdoc;base64,AAAA' }, spyNet().ctx);
    expect(expectCode(report, 'INPUT_UNSUPPORTED_FORMAT').status).toBe('error');
    expect(report.verdict).toBe('unverifiable');
  });

  it('an SD-JWT of another application (no vct, no @context) → INPUT_UNSUPPORTED_FORMAT, unverifiable', async () => {
    const issuer = await newKey('ES256');
    const issued = await issueSdJwt(issuer, { iss: 'https://issuer.example' }, { given_name: 'Erika' }, { header: { typ: 'example+sd-jwt' } });
    const report = await verifyRow({ text: present(issued) }, spyNet({ 'https://issuer.example/.well-known/jwt-vc-issuer': { issuer: 'https://issuer.example', jwks: { keys: [issuer.publicJwk] } } }).ctx);
    expect(expectCode(report, 'INPUT_UNSUPPORTED_FORMAT').status).toBe('error');
    expect(report.verdict).toBe('unverifiable');
  });

  it('formats now read: an SD-JWT VC, a JSON-LD presentation, a line-wrapped VP-JWT are no longer "unknown"', async () => {
    const holder = await makeSigner('EdDSA');
    const { did, vm } = didKeyOf(holder);
    const token = await holder.sign({ iss: did, vp: { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiablePresentation'], verifiableCredential: [] } }, { kid: vm });
    const wrapped = await verifyRow({ text: token.replace(/(.{50})/g, '$1\r\n') }, spyNet().ctx);
    expect(wrapped.format).toBe('vp');
    expect(expectCode(wrapped, 'PRESENTATION_EMPTY').status).toBe('error');
    const vp = await verifyJson({ '@context': ['https://www.w3.org/ns/credentials/v2'], type: 'VerifiablePresentation', verifiableCredential: [] }, spyNet().ctx);
    expect(vp.format).toBe('vp');
    expect(vp.verdict).toBe('unverifiable');
  });
});
