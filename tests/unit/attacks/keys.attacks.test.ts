/**
 * SECURITY.md attack table, key rows 23–24, through verify(): a credential whose
 * verification method is a broken did:key or a did:jwk carrying a private or
 * symmetric key is refused as KEY_MALFORMED before any signature check.
 */
import { exportJWK, generateKeyPair } from 'jose';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { toBase58, toBase64Url, utf8 } from '../../../lib/util/bytes';
import { newSigner, signCredential, unsignedCredential, type TestSigner } from '../crypto/sign-helper';
import { credentialV2, makeSigner } from '../keys/jwt-signer';
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
