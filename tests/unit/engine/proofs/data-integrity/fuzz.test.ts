/**
 * Whatever the proof block holds, verifyDataIntegrity answers with two checks
 * and never a passing proof for data nobody signed.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../../../../lib/engine/context';
import { verifyDataIntegrity } from '../../../../../lib/engine/proofs/data-integrity/verify';
import { newSigner, signCredential, unsignedCredential, type TestSigner } from '../../../../support/sign-helper';

const ctx = createContext({ now: () => Date.parse('2026-06-01T00:00:00Z'), transport: async (url) => { throw new Error(`no network: ${url}`); } });
let signer: TestSigner;
let signed: Record<string, unknown>;

beforeAll(async () => {
  signer = await newSigner();
  signed = await signCredential(unsignedCredential(signer.did), signer);
});

const proofField = fc.oneof(
  fc.constantFrom('DataIntegrityProof', 'Ed25519Signature2020', 'assertionMethod', 'eddsa-rdfc-2022', 'eddsa-jcs-2022', 'z', 'u'),
  fc.string({ maxLength: 40 }),
  fc.jsonValue({ maxDepth: 2 }),
);
const proofKeys = ['type', 'cryptosuite', 'verificationMethod', 'proofPurpose', 'proofValue', 'created', 'expires', 'id', 'previousProof', '@context'];

describe('verifyDataIntegrity with arbitrary proofs', () => {
  it('never throws, always reports proof and issuer-binding, and never passes an unsigned change', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...proofKeys), proofField, { maxKeys: 8 }), async (changes) => {
        const proof = { ...(signed.proof as Record<string, unknown>), ...changes };
        const { checks } = await verifyDataIntegrity({ ...signed, proof }, ctx);
        expect(checks.map((c) => c.id)).toEqual(['proof', 'issuer-binding']);
        // Any change to a signed proof field breaks the signature (or the shape): never a pass.
        const original = signed.proof as Record<string, unknown>;
        const changed = Object.keys(changes).some((k) => JSON.stringify(changes[k]) !== JSON.stringify(original[k]));
        if (changed) expect(checks[0]!.status).not.toBe('pass');
      }),
      { numRuns: 150 },
    );
  });

  it('never throws for a proof that is not an object', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 })), async (proof) => {
        const { checks } = await verifyDataIntegrity({ ...signed, proof }, ctx);
        expect(checks[0]!.status).not.toBe('pass');
      }),
      { numRuns: 100 },
    );
  });
});
