/**
 * Proof sets and proof chains (W3C vc-data-integrity §4.3), and the other
 * cryptosuites, with credentials signed in the test.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../../../../lib/engine/context';
import { computeHashData, findCryptosuite } from '../../../../../lib/engine/proofs/data-integrity/cryptosuites';
import { verifyDataIntegrity } from '../../../../../lib/engine/proofs/data-integrity/verify';
import { fromHex, toBase58, toHex } from '../../../../../lib/engine/util/bytes';
import { newEcdsaSigner, newSigner, signBytes, signCredential, unsignedCredential, type TestSigner } from '../../../../support/sign-helper';
import { FIXTURES } from '../../../../support/fixtures';

const ctx = () => createContext({ now: () => Date.parse('2026-06-01T00:00:00Z'), transport: async (url) => { throw new Error(`no network: ${url}`); } });
const fixtures = FIXTURES;
const present = existsSync(fixtures);

let issuer: TestSigner;
let witness: TestSigner;
let unsigned: Record<string, unknown>;

beforeAll(async () => {
  [issuer, witness] = await Promise.all([newSigner(), newSigner()]);
  unsigned = unsignedCredential(issuer.did);
});

/** Signs `document` (which may already carry proofs) and returns just the new proof. */
async function proofBy(signer: TestSigner, document: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return (await signCredential(document, signer, extra)).proof as Record<string, unknown>;
}

describe('proof sets', () => {
  it('two independent proofs, one by the issuer and one by a witness, verify and bind to the issuer', async () => {
    const set = [await proofBy(witness, unsigned, { id: 'urn:uuid:w' }), await proofBy(issuer, unsigned, { id: 'urn:uuid:i' })];
    const { checks, technical } = await verifyDataIntegrity({ ...unsigned, proof: set }, ctx());
    expect(checks).toMatchObject([{ id: 'proof', status: 'pass', detail: { proofs: 2 } }, { id: 'issuer-binding', status: 'pass' }]);
    expect(technical).toMatchObject({ keyId: issuer.verificationMethod, proofCount: 2 });
  });

  it('one broken proof in the set fails the whole credential', async () => {
    const good = await proofBy(issuer, unsigned);
    const bad = { ...(await proofBy(witness, unsigned)), created: '2026-02-02T00:00:00Z' };
    expect((await verifyDataIntegrity({ ...unsigned, proof: [good, bad] }, ctx())).checks[0]).toMatchObject({ status: 'fail', code: 'DI_SIGNATURE_INVALID' });
  });

  it('an unsupported proof next to a valid one leaves the credential unverifiable (all proofs must verify), and says the other verified', async () => {
    const good = await proofBy(issuer, unsigned);
    const unknown = { type: 'SomeProofType', proofPurpose: 'assertionMethod', verificationMethod: issuer.verificationMethod, proofValue: 'zabc' };
    const { checks } = await verifyDataIntegrity({ ...unsigned, proof: [good, unknown] }, ctx());
    expect(checks[0]).toMatchObject({ status: 'error', code: 'DI_PROOF_SET_PARTLY_UNCHECKED', detail: { verified: 1, unsupported: 'SomeProofType' } });
    expect(checks[1]).toMatchObject({ id: 'issuer-binding', status: 'pass' });
  });

  it('a malformed proof outranks an unsupported one', async () => {
    const unknown = { type: 'SomeProofType' };
    const malformed = { ...(await proofBy(issuer, unsigned)), proofValue: 'not multibase' };
    expect((await verifyDataIntegrity({ ...unsigned, proof: [unknown, malformed] }, ctx())).checks[0]).toMatchObject({ status: 'fail', code: 'DI_MALFORMED_PROOF' });
  });
});

describe('proof chains', () => {
  it('a proof that signs over the previous one verifies; changing the previous one breaks it', async () => {
    const first = await proofBy(issuer, unsigned, { id: 'urn:uuid:first' });
    const second = await proofBy(witness, { ...unsigned, proof: [first] }, { id: 'urn:uuid:second', previousProof: 'urn:uuid:first' });
    const chained = { ...unsigned, proof: [first, second] };
    expect((await verifyDataIntegrity(chained, ctx())).checks.map((c) => c.status)).toEqual(['pass', 'pass']);

    // Re-signing the first proof (new created date) keeps it valid, but the second signed the old one.
    const resigned = await proofBy(issuer, unsigned, { id: 'urn:uuid:first', created: '2026-03-03T00:00:00Z' });
    expect((await verifyDataIntegrity({ ...unsigned, proof: [resigned, second] }, ctx())).checks[0]).toMatchObject({ status: 'fail', code: 'DI_SIGNATURE_INVALID' });
  });

  it('previousProof naming a proof that is not there is DI_MALFORMED_PROOF', async () => {
    const orphan = await proofBy(issuer, unsigned, { previousProof: 'urn:uuid:missing' });
    expect((await verifyDataIntegrity({ ...unsigned, proof: [orphan] }, ctx())).checks[0]).toMatchObject({ status: 'fail', code: 'DI_MALFORMED_PROOF' });
  });
});

describe('other cryptosuites signed in the test', () => {
  it('eddsa-jcs-2022 verifies, and a reordered-but-equal document still verifies (JCS sorts keys)', async () => {
    const c = await signCredential(unsigned, issuer, { cryptosuite: 'eddsa-jcs-2022' });
    expect((await verifyDataIntegrity(c, ctx())).checks.map((x) => x.status)).toEqual(['pass', 'pass']);
    const reordered = Object.fromEntries(Object.entries(c).reverse());
    expect((await verifyDataIntegrity(reordered, ctx())).checks[0]).toMatchObject({ status: 'pass', message: 'Signature valid (eddsa-jcs-2022)' });
    const changed = { ...c, validFrom: '2026-01-02T00:00:00Z' };
    expect((await verifyDataIntegrity(changed, ctx())).checks[0]).toMatchObject({ status: 'fail', code: 'DI_SIGNATURE_INVALID' });
  });

  it('a proof @context that is not the start of the credential @context is DI_MALFORMED_PROOF', async () => {
    const c = await signCredential(unsigned, issuer, { cryptosuite: 'eddsa-jcs-2022' });
    const withContext = { ...c, proof: { ...(c.proof as object), '@context': ['https://www.w3.org/ns/credentials/examples/v2'] } };
    expect((await verifyDataIntegrity(withContext, ctx())).checks[0]).toMatchObject({ status: 'fail', code: 'DI_MALFORMED_PROOF' });
  });

  it('Ed25519Signature2020 verifies with its context', async () => {
    const doc = { ...unsigned, '@context': [...(unsigned['@context'] as string[]), 'https://w3id.org/security/suites/ed25519-2020/v1'] };
    const c = await signCredential(doc, issuer, { type: 'Ed25519Signature2020', cryptosuite: undefined });
    expect((await verifyDataIntegrity(c, ctx())).checks[0]).toMatchObject({ status: 'pass', message: 'Signature valid (Ed25519Signature2020)' });
  });
});

describe.skipIf(!present)('W3C vc-di-eddsa rdfc vector: intermediate values', () => {
  it('hashData equals combinedHashDataInt.txt, and the published key signed it', async () => {
    const signed = JSON.parse(readFileSync(path.join(fixtures, 'w3c-vc-di-eddsa/eddsa-rdfc-2022/signedDataInt.json'), 'utf8'));
    const { proof, ...doc } = signed;
    const { proofValue: _v, ...options } = proof;
    const { hashData, canonicalDocument } = await computeHashData(findCryptosuite('DataIntegrityProof', 'eddsa-rdfc-2022')!, doc, options);
    expect(toHex(hashData)).toBe(readFileSync(path.join(fixtures, 'w3c-vc-di-eddsa/eddsa-rdfc-2022/combinedHashDataInt.txt'), 'utf8').trim());
    expect(canonicalDocument).toBe(readFileSync(path.join(fixtures, 'w3c-vc-di-eddsa/eddsa-rdfc-2022/canonDocDataInt.txt'), 'utf8'));
    const { technical } = await verifyDataIntegrity(signed, ctx());
    expect(technical.canonicalHash).toBe(toHex(hashData.subarray(32)));
  });
});

// Keeps the helper honest: a signature over other bytes must not verify.
it('the test signer produces signatures the verifier rejects for other data', async () => {
  const good = await signCredential(unsigned, issuer);
  const forged = { ...good, proof: { ...(good.proof as object), proofValue: await signBytes(issuer, new Uint8Array(64)) } };
  expect((await verifyDataIntegrity(forged, ctx())).checks[0]).toMatchObject({ status: 'fail', code: 'DI_SIGNATURE_INVALID' });
});

describe('ECDSA cryptosuites (W3C vc-di-ecdsa), signed in the test with did:key P-256 / P-384 keys', () => {
  it.each([
    ['ecdsa-rdfc-2019', 'P-256'],
    ['ecdsa-rdfc-2019', 'P-384'],
    ['ecdsa-jcs-2019', 'P-256'],
    ['ecdsa-jcs-2019', 'P-384'],
  ] as const)('%s with %s verifies and binds; a changed field fails', async (cryptosuite, curve) => {
    const signer = await newEcdsaSigner(curve);
    const c = await signCredential(unsignedCredential(signer.did), signer, { cryptosuite });
    const { checks, technical } = await verifyDataIntegrity(c, ctx());
    expect(checks).toMatchObject([{ id: 'proof', status: 'pass', message: `Signature valid (${cryptosuite})` }, { id: 'issuer-binding', status: 'pass' }]);
    expect(technical.canonicalHash).toHaveLength(curve === 'P-256' ? 64 : 96);
    const changed = { ...c, validFrom: '2026-01-02T00:00:00Z' };
    expect((await verifyDataIntegrity(changed, ctx())).checks[0]).toMatchObject({ status: 'fail', code: 'DI_SIGNATURE_INVALID' });
  });

  it('an ECDSA cryptosuite with an Ed25519 key is a malformed proof', async () => {
    const ed = await newSigner();
    const c = await signCredential(unsignedCredential(ed.did), ed);
    const relabelled = { ...c, proof: { ...(c.proof as object), cryptosuite: 'ecdsa-rdfc-2019' } };
    expect((await verifyDataIntegrity(relabelled, ctx())).checks[0]).toMatchObject({ status: 'fail', code: 'DI_MALFORMED_PROOF' });
  });

  it('an EdDSA cryptosuite with a P-256 key is a malformed proof', async () => {
    const p256 = await newEcdsaSigner('P-256');
    const c = await signCredential(unsignedCredential(p256.did), p256, { cryptosuite: 'ecdsa-rdfc-2019' });
    const relabelled = { ...c, proof: { ...(c.proof as object), cryptosuite: 'eddsa-rdfc-2022' } };
    expect((await verifyDataIntegrity(relabelled, ctx())).checks[0]).toMatchObject({ status: 'fail', code: 'DI_MALFORMED_PROOF' });
  });
});

/**
 * W3C vc-di-ecdsa test vectors (w3c/vc-di-ecdsa TestVectors/ecdsa-rdfc-2019-p256 at commit
 * 36e81595e4e263815026a8c264f4697105c27de9, -p384 sigHex at 1b937c7b2d22867c600ec95427524406ab063e90):
 * the same AlumniCredential as the EdDSA vectors, signed by did:key P-256 / P-384 keys.
 */
const ECDSA_VECTORS = [
  {
    curve: 'P-256',
    multikey: 'zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP',
    sigHex: '1cb4290918ffb04a55ff7ae1e55e316a9990fda8eec67325eac7fcbf2ddf9dd2b06716a657e72b284c9604df3a172ecbf06a1a475b49ac807b1d9162df855636',
  },
  {
    curve: 'P-384',
    multikey: 'z82LkuBieyGShVBhvtE2zoiD6Kma4tJGFtkAhxR5pfkp5QPw4LutoYWhvQCnGjdVn14kujQ',
    sigHex: '177ac088806c2506d49f0bfec16056a6a80ace62cd029888ad561aba22a59d192d77d9b1fc28df80dea5ee6c8bceb16f1b8bff6bd6ff2d8f8778bdde48bafa7b6cc1f914c0168b5c04499882f632deea9cb7d977e888bb0e1ee9fb20ff03b025',
  },
];

describe.skipIf(!present)('W3C vc-di-ecdsa ecdsa-rdfc-2019 vectors', () => {
  it.each(ECDSA_VECTORS)('$curve: the published signature verifies over the AlumniCredential', async ({ multikey, sigHex }) => {
    const signed = JSON.parse(readFileSync(path.join(fixtures, 'w3c-vc-di-eddsa/eddsa-rdfc-2022/signedDataInt.json'), 'utf8'));
    const vm = `did:key:${multikey}#${multikey}`;
    const proof = { type: 'DataIntegrityProof', cryptosuite: 'ecdsa-rdfc-2019', created: '2023-02-24T23:36:38Z', verificationMethod: vm, proofPurpose: 'assertionMethod' };
    const credential = { ...signed, proof: { ...proof, proofValue: `z${toBase58(fromHex(sigHex)!)}` } };
    const { checks } = await verifyDataIntegrity(credential, ctx());
    expect(checks[0]).toMatchObject({ status: 'pass', message: 'Signature valid (ecdsa-rdfc-2019)' });
    const altered = { ...credential, proof: { ...credential.proof, created: '2023-02-24T23:36:39Z' } };
    expect((await verifyDataIntegrity(altered, ctx())).checks[0]).toMatchObject({ status: 'fail', code: 'DI_SIGNATURE_INVALID' });
  });
});
