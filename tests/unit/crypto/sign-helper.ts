/**
 * Signs credentials in tests with keys generated in the test, using the same
 * transformation and hashing as the verifier, so attack cases can be built
 * from a credential that is otherwise valid.
 */
import { computeHashData, findCryptosuite } from '../../../lib/crypto/cryptosuites';
import { encodeEd25519Multikey } from '../../../lib/keys/multikey';
import { toBase58 } from '../../../lib/util/bytes';

export interface TestSigner {
  did: string;
  verificationMethod: string;
  privateKey: CryptoKey;
  publicKeyRaw: Uint8Array;
}

/** A fresh Ed25519 key as a did:key. */
export async function newSigner(): Promise<TestSigner> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const publicKeyRaw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const multikey = encodeEd25519Multikey(publicKeyRaw);
  const did = `did:key:${multikey}`;
  return { did, verificationMethod: `${did}#${multikey}`, privateKey: pair.privateKey, publicKeyRaw };
}

/** Raw Ed25519 signature as a multibase base58btc proofValue. */
export async function signBytes(signer: TestSigner, data: Uint8Array): Promise<string> {
  const signature = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, signer.privateKey, data as BufferSource));
  return `z${toBase58(signature)}`;
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
  const { hashData } = await computeHashData(suite, unsigned, options);
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
