/**
 * Test issuers that sign VC-JWTs with freshly generated keys (jose; OpenSSL
 * through node:crypto for ES256K), plus a raw signer for headers jose refuses
 * to produce (crit, alg none, HS256).
 */
import { ECDH, generateKeyPairSync, sign } from 'node:crypto';
import { CompactSign, exportJWK, generateKeyPair, type JWK } from 'jose';
import { encodeEd25519Multikey } from '../../../../lib/engine/keys/multikey';
import { fromBase64, toBase58, toBase64Url, utf8 } from '../../../../lib/engine/util/bytes';

export type TestAlg = 'EdDSA' | 'ES256' | 'RS256' | 'PS256' | 'ES384';

export interface TestSigner {
  alg: TestAlg;
  publicJwk: JWK;
  privateKey: CryptoKey;
  sign(payload: unknown, header?: Record<string, unknown>): Promise<string>;
}

/** Generates a key pair and a signer for `alg`. */
export async function makeSigner(alg: TestAlg): Promise<TestSigner> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  return {
    alg,
    publicJwk,
    privateKey: privateKey as CryptoKey,
    sign: (payload, header = {}) =>
      new CompactSign(utf8(JSON.stringify(payload))).setProtectedHeader({ alg, ...header }).sign(privateKey),
  };
}

/** An ES256K (RFC 8812) issuer key, signed with by OpenSSL through node:crypto: jose has no secp256k1. */
export interface Es256kSigner {
  publicJwk: JsonWebKey;
  /** did:key of the key (multicodec secp256k1-pub 0xe7, SEC1 compressed point) */
  did: string;
  vm: string;
  sign(payload: unknown, header?: Record<string, unknown>): Promise<string>;
  /** the raw r || s signature over `data` */
  signBytes(data: Uint8Array): Uint8Array;
}

export function makeEs256kSigner(): Es256kSigner {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
  const publicJwk = publicKey.export({ format: 'jwk' }) as JsonWebKey;
  const compressed = ECDH.convertKey(Buffer.concat([Buffer.from([4]), Buffer.from(publicJwk.x!, 'base64url'), Buffer.from(publicJwk.y!, 'base64url')]), 'secp256k1', undefined, undefined, 'compressed') as Buffer;
  const mb = 'z' + toBase58(Uint8Array.from([0xe7, 0x01, ...compressed]));
  const signBytes = (data: Uint8Array) => new Uint8Array(sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' }));
  return {
    publicJwk,
    did: `did:key:${mb}`,
    vm: `did:key:${mb}#${mb}`,
    signBytes,
    sign: (payload, header = {}) => rawToken({ alg: 'ES256K', ...header }, payload, async (d) => signBytes(d)),
  };
}

/** did:key of an Ed25519 signer (multicodec 0xed01). */
export function didKeyOf(signer: TestSigner): { did: string; vm: string } {
  const mb = encodeEd25519Multikey(fromBase64(signer.publicJwk.x!)!);
  return { did: `did:key:${mb}`, vm: `did:key:${mb}#${mb}` };
}

/** Builds header.payload.signature by hand, signing with `signBytes` (or leaving the signature empty). */
export async function rawToken(header: object, payload: unknown, signBytes?: (data: Uint8Array) => Promise<Uint8Array>): Promise<string> {
  const input = `${toBase64Url(utf8(JSON.stringify(header)))}.${toBase64Url(utf8(JSON.stringify(payload)))}`;
  const signature = signBytes ? toBase64Url(await signBytes(utf8(input))) : '';
  return `${input}.${signature}`;
}

/** A VC 2.0 credential (VC-JOSE-COSE: the payload is the credential). */
export function credentialV2(issuer: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'urn:uuid:2f1e0c1e-4b0a-4d2e-9a51-0c7b1e5c9d11',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer, type: ['Profile'], name: 'Example University' },
    validFrom: '2025-01-01T00:00:00Z',
    name: 'Data Literacy',
    credentialSubject: { id: 'did:example:learner', type: ['AchievementSubject'], achievement: { id: 'urn:uuid:a1', type: ['Achievement'], name: 'Data Literacy' } },
    ...extra,
  };
}
