/**
 * Signs credentials in tests with keys generated in the test, using the same
 * transformation and hashing as the verifier, so attack cases can be built
 * from a credential that is otherwise valid.
 */
import { computeHashData, findCryptosuite } from '../../lib/engine/proofs/data-integrity/cryptosuites';
import { encodeEd25519Multikey } from '../../lib/engine/keys/multikey';
import { toBase58 } from '../../lib/engine/util/bytes';

export interface TestSigner {
  did: string;
  verificationMethod: string;
  publicKeyJwk: JsonWebKey;
  sign(data: Uint8Array): Promise<Uint8Array>;
}

function didKeySigner(multikey: string, publicKeyJwk: JsonWebKey, sign: TestSigner['sign']): TestSigner {
  const did = `did:key:${multikey}`;
  return { did, verificationMethod: `${did}#${multikey}`, publicKeyJwk, sign };
}

/** A fresh Ed25519 key as a did:key. */
export async function newSigner(): Promise<TestSigner> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const sign = async (data: Uint8Array) => new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, data as BufferSource));
  return didKeySigner(encodeEd25519Multikey(raw), await crypto.subtle.exportKey('jwk', pair.publicKey), sign);
}

/** A fresh P-256 or P-384 key as a did:key (multicodec p256-pub 0x1200 / p384-pub 0x1201, compressed point). */
export async function newEcdsaSigner(curve: 'P-256' | 'P-384'): Promise<TestSigner> {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: curve }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const uncompressed = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const size = curve === 'P-256' ? 32 : 48;
  const x = uncompressed.subarray(1, 1 + size);
  const yIsOdd = (uncompressed[uncompressed.length - 1]! & 1) === 1;
  const prefix = curve === 'P-256' ? [0x80, 0x24] : [0x81, 0x24];
  const multikey = `z${toBase58(Uint8Array.from([...prefix, yIsOdd ? 3 : 2, ...x]))}`;
  const hash = curve === 'P-256' ? 'SHA-256' : 'SHA-384';
  const sign = async (data: Uint8Array) => new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash }, pair.privateKey, data as BufferSource));
  return didKeySigner(multikey, await crypto.subtle.exportKey('jwk', pair.publicKey), sign);
}

/** A signature as a multibase base58btc proofValue. */
export async function signBytes(signer: TestSigner, data: Uint8Array): Promise<string> {
  return `z${toBase58(await signer.sign(data))}`;
}

/** Adds a proof (eddsa-rdfc-2022 unless told otherwise) signed by `signer` over `unsigned`. */
export async function signCredential(
  unsigned: Record<string, unknown>,
  signer: TestSigner,
  overrides: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const options: Record<string, unknown> = {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-rdfc-2022',
    created: '2026-01-01T00:00:00Z',
    verificationMethod: signer.verificationMethod,
    proofPurpose: 'assertionMethod',
    ...overrides,
  };
  const suite = findCryptosuite(String(options.type), options.cryptosuite as string | undefined);
  if (!suite) throw new TypeError(`test signer cannot sign ${String(options.cryptosuite ?? options.type)}`);
  const { hashData } = await computeHashData(suite, unsigned, options, suite.hashFor(signer.publicKeyJwk));
  return { ...unsigned, proof: { ...options, proofValue: await signBytes(signer, hashData) } };
}

/** A minimal VC 2.0 credential issued by `issuer`. */
export function unsignedCredential(issuer: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/credentials/examples/v2'],
    id: 'urn:uuid:6a1f1d4e-3c1b-4d4a-9d7e-0c5b1f1d7a11',
    type: ['VerifiableCredential', 'ExampleCredential'],
    issuer,
    validFrom: '2026-01-01T00:00:00Z',
    credentialSubject: { id: 'did:example:subject', name: 'Example Subject' },
    ...extra,
  };
}
