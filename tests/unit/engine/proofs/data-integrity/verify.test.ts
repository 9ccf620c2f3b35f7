/**
 * verifyDataIntegrity decision table: credentials signed in the test with a
 * fresh did:key, then bent one way at a time (SECURITY.md attacks 10–18).
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createContext, type VerifyContext } from '../../../../../lib/engine/context';
import { VerifierError } from '../../../../../lib/engine/errors';
import { resolveVerificationMethod } from '../../../../../lib/engine/keys/resolve';
import type { KeyResolver } from '../../../../../lib/engine/keys/types';
import { verifyDataIntegrity } from '../../../../../lib/engine/proofs/data-integrity/verify';
import { newSigner, signCredential, unsignedCredential, type TestSigner } from '../../../../support/sign-helper';

const V2 = 'https://www.w3.org/ns/credentials/v2';

function spyContext(): { ctx: VerifyContext; transport: ReturnType<typeof vi.fn> } {
  const transport = vi.fn(async (url: string) => { throw new Error(`no network in this test: ${url}`); });
  return { ctx: createContext({ now: () => Date.parse('2026-06-01T00:00:00Z'), transport }), transport };
}

let signer: TestSigner;
let signed: Record<string, unknown>;
const proofOf = (c: Record<string, unknown>) => c.proof as Record<string, unknown>;

beforeAll(async () => {
  signer = await newSigner();
  signed = await signCredential(unsignedCredential(signer.did), signer);
});

describe('a credential signed by its issuer', () => {
  it('passes proof and issuer binding, with technical details', async () => {
    const { ctx, transport } = spyContext();
    const { checks, technical } = await verifyDataIntegrity(signed, ctx);
    expect(checks).toMatchObject([
      { id: 'proof', status: 'pass', message: 'Signature valid (eddsa-rdfc-2022)' },
      { id: 'issuer-binding', status: 'pass' },
    ]);
    expect(technical).toMatchObject({ keyId: signer.verificationMethod, keyController: signer.did, keySource: 'did:key', cryptosuite: 'eddsa-rdfc-2022' });
    expect(technical.canonicalHash).toMatch(/^[0-9a-f]{64}$/);
    expect(technical.didDocument).toMatchObject({ id: signer.did });
    expect(transport).not.toHaveBeenCalled();
  });

  it('also verifies when the issuer is an object with an id', async () => {
    const c = await signCredential(unsignedCredential(signer.did, { issuer: { id: signer.did, name: 'Example University' } }), signer);
    expect((await verifyDataIntegrity(c, spyContext().ctx)).checks.map((x) => x.status)).toEqual(['pass', 'pass']);
  });
});

describe('tampering and data loss', () => {
  it('a field changed after signing is DI_SIGNATURE_INVALID (fail)', async () => {
    const tampered = { ...signed, credentialSubject: { id: 'did:example:subject', name: 'Someone Else' } };
    const { checks } = await verifyDataIntegrity(tampered, spyContext().ctx);
    expect(checks).toMatchObject([{ id: 'proof', status: 'fail', code: 'DI_SIGNATURE_INVALID' }, { id: 'issuer-binding', status: 'skip' }]);
  });

  it('a property no context defines, added after signing, is DI_DATA_LOSS (the safe-mode breaker)', async () => {
    const strict = await signCredential({ ...unsignedCredential(signer.did), '@context': [V2], type: ['VerifiableCredential'], credentialSubject: { id: 'did:example:s' } }, signer);
    expect((await verifyDataIntegrity(strict, spyContext().ctx)).checks[0]!.status).toBe('pass');
    const { checks } = await verifyDataIntegrity({ ...strict, salary: 1_000_000 }, spyContext().ctx);
    expect(checks[0]).toMatchObject({ id: 'proof', status: 'fail', code: 'DI_DATA_LOSS' });
  });
});

describe('contexts and canonicalisation', () => {
  it('an unbundled context URL is DI_CONTEXT_NOT_ALLOWED (could not check) and nothing is fetched', async () => {
    const { ctx, transport } = spyContext();
    const evil = { ...signed, '@context': [V2, 'https://evil.example/ctx.jsonld'] };
    const { checks } = await verifyDataIntegrity(evil, ctx);
    expect(checks[0]).toMatchObject({ id: 'proof', status: 'error', code: 'DI_CONTEXT_NOT_ALLOWED', detail: { url: 'https://evil.example/ctx.jsonld' } });
    expect(transport).not.toHaveBeenCalled();
  });

  it('an embedded context redefining a protected term is DI_CONTEXT_NOT_ALLOWED', async () => {
    const redefined = { ...signed, '@context': [V2, { VerifiableCredential: 'https://evil.example/Other' }] };
    expect((await verifyDataIntegrity(redefined, spyContext().ctx)).checks[0]).toMatchObject({ status: 'error', code: 'DI_CONTEXT_NOT_ALLOWED' });
  });

  it('a poison graph (10 mutually linked blank nodes) is DI_CANONICALIZATION_LIMIT in under 2 s', async () => {
    // `id` is the credentials context's alias of @id; a bare @id would be refused first as not plain JSON-LD.
    const clique = Array.from({ length: 10 }, (_, i) => ({ knows: Array.from({ length: 10 }, (_, j) => ({ id: `_:b${j}` })).filter((_, j) => j !== i), id: `_:b${i}` }));
    const poisoned = { ...signed, credentialSubject: { id: 'did:example:subject', knows: clique } };
    const started = performance.now();
    const { checks } = await verifyDataIntegrity(poisoned, spyContext().ctx);
    expect(checks[0]).toMatchObject({ id: 'proof', status: 'fail', code: 'DI_CANONICALIZATION_LIMIT' });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('proof shape, checked before any key is resolved', () => {
  const resolver = vi.fn<KeyResolver>(resolveVerificationMethod);
  const withProof = (changes: Record<string, unknown>) => ({ ...signed, proof: { ...proofOf(signed), ...changes } });

  it.each([
    ['proofValue in base64url (u…)', { proofValue: 'u' + 'A'.repeat(86) }],
    ['proofValue of the wrong length', { proofValue: 'z3yMtoEaHnSQyTw' }],
    ['proofValue with a non-base58 character', { proofValue: 'z0OIl' + '1'.repeat(80) }],
    ['no proofValue', { proofValue: undefined }],
    ['no verificationMethod', { verificationMethod: undefined }],
    ['a verificationMethod with no URL scheme', { verificationMethod: 'issuers/565049#key-1' }],
    ['created that is not a date', { created: 'yesterday' }],
    ['created without a time zone', { created: '2026-01-01T00:00:00' }],
    ['expires in the past', { expires: '2026-01-01T00:00:00Z' }],
  ])('%s is DI_MALFORMED_PROOF (fail) with no key resolved', async (_name, changes) => {
    resolver.mockClear();
    const { checks } = await verifyDataIntegrity(withProof(changes), spyContext().ctx, resolver);
    expect(checks[0]).toMatchObject({ id: 'proof', status: 'fail', code: 'DI_MALFORMED_PROOF' });
    expect(resolver).not.toHaveBeenCalled();
  });

  it('a proof that is not an object is DI_MALFORMED_PROOF', async () => {
    expect((await verifyDataIntegrity({ ...signed, proof: 'z123' }, spyContext().ctx)).checks[0]).toMatchObject({ status: 'fail', code: 'DI_MALFORMED_PROOF' });
  });

  it('proofPurpose authentication is DI_PROOF_PURPOSE_MISMATCH (fail)', async () => {
    const { checks } = await verifyDataIntegrity(withProof({ proofPurpose: 'authentication' }), spyContext().ctx, resolver);
    expect(checks[0]).toMatchObject({ id: 'proof', status: 'fail', code: 'DI_PROOF_PURPOSE_MISMATCH', detail: { purpose: 'authentication' } });
  });

  it.each([
    ['DataIntegrityProof', 'eddsa-2019'],
    ['RsaSignature2018', undefined],
    ['SomeProofType', undefined],
  ])('%s %s is DI_UNSUPPORTED_CRYPTOSUITE (could not check)', async (type, cryptosuite) => {
    const { checks } = await verifyDataIntegrity(withProof({ type, cryptosuite }), spyContext().ctx, resolver);
    expect(checks).toMatchObject([{ id: 'proof', status: 'error', code: 'DI_UNSUPPORTED_CRYPTOSUITE' }, { id: 'issuer-binding', status: 'skip' }]);
  });

  it.each([
    ['DataIntegrityProof', 'bbs-2023', 'DI_BBS_UNSUPPORTED'],
    ['MerkleProof2019', undefined, 'BLOCKCERTS_UNSUPPORTED'],
    ['EthereumEip712Signature2021', undefined, 'DI_EIP712_UNSUPPORTED'],
    ['EcdsaSecp256k1Signature2019', undefined, 'DI_SECP256K1_UNSUPPORTED'],
  ])('%s %s is %s: a suite Credlens knows it cannot check, named (could not check)', async (type, cryptosuite, code) => {
    const { checks } = await verifyDataIntegrity(withProof({ type, cryptosuite }), spyContext().ctx, resolver);
    expect(checks).toMatchObject([{ id: 'proof', status: 'error', code, detail: { suite: cryptosuite ?? type } }, { id: 'issuer-binding', status: 'skip' }]);
  });

  it('a proof of an unknown type that names no verificationMethod is malformed, not merely unsupported (simple-multiple-proofs regression)', async () => {
    const { verificationMethod: _vm, ...rest } = withProof({ type: 'SomeProofType', cryptosuite: undefined }).proof as Record<string, unknown>;
    const { checks } = await verifyDataIntegrity({ ...signed, proof: rest }, spyContext().ctx, resolver);
    expect(checks[0]).toMatchObject({ id: 'proof', status: 'fail', code: 'DI_MALFORMED_PROOF' });
  });

  it('an empty proof array is PROOF_MISSING', async () => {
    expect((await verifyDataIntegrity({ ...signed, proof: [] }, spyContext().ctx)).checks[0]).toMatchObject({ status: 'fail', code: 'PROOF_MISSING' });
  });
});

describe('keys and issuer binding', () => {
  it('a key that cannot be resolved over the network is an error (could not check)', async () => {
    const offline: KeyResolver = async () => { throw new VerifierError('FETCH_TIMEOUT', { url: 'https://issuer.example/did.json' }); };
    expect((await verifyDataIntegrity(signed, spyContext().ctx, offline)).checks[0]).toMatchObject({ status: 'error', code: 'FETCH_TIMEOUT' });
  });

  it('a malformed key is a failure', async () => {
    const broken: KeyResolver = async () => { throw new VerifierError('KEY_MALFORMED', { reason: 'test' }); };
    expect((await verifyDataIntegrity(signed, spyContext().ctx, broken)).checks[0]).toMatchObject({ status: 'fail', code: 'KEY_MALFORMED' });
  });

  it('a valid signature by a did:key the issuer DID does not list is KEY_NOT_BOUND_TO_ISSUER', async () => {
    const other = await newSigner();
    const c = await signCredential(unsignedCredential(other.did), signer);
    const { checks } = await verifyDataIntegrity(c, spyContext().ctx);
    expect(checks).toMatchObject([{ id: 'proof', status: 'pass' }, { id: 'issuer-binding', status: 'fail', code: 'KEY_NOT_BOUND_TO_ISSUER' }]);
  });

  it('a key URL on another origin than an https issuer is refused without a fetch', async () => {
    const { ctx, transport } = spyContext();
    const c = { ...signed, issuer: 'https://university.example/issuer', proof: { ...proofOf(signed), verificationMethod: 'https://attacker.example/keys#k1' } };
    const { checks } = await verifyDataIntegrity(c, ctx);
    expect(checks).toMatchObject([{ id: 'proof', status: 'skip' }, { id: 'issuer-binding', status: 'fail', code: 'KEY_NOT_BOUND_TO_ISSUER' }]);
    expect(transport).not.toHaveBeenCalled();
  });

  it('a credential that names no issuer cannot be bound', async () => {
    const { issuer: _i, ...noIssuer } = signed;
    expect((await verifyDataIntegrity(noIssuer, spyContext().ctx)).checks[1]).toMatchObject({ status: 'fail', code: 'KEY_NOT_BOUND_TO_ISSUER' });
  });
});
