import { describe, expect, it } from 'vitest';
import { findCryptosuite } from '../../../../../lib/engine/proofs/data-integrity/cryptosuites';
import { decodeProofValue, parseProof } from '../../../../../lib/engine/proofs/data-integrity/proof-shape';
import { toBase58 } from '../../../../../lib/engine/util/bytes';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const SIG = `z${toBase58(new Uint8Array(64).fill(7))}`;
const VM = 'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2';
const proof = (changes: Record<string, unknown> = {}) => ({
  type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', created: '2026-01-01T00:00:00Z',
  verificationMethod: VM, proofPurpose: 'assertionMethod', proofValue: SIG, ...changes,
});
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return 'no error';
};

describe('cryptosuite table', () => {
  it.each([
    ['DataIntegrityProof', 'eddsa-rdfc-2022', 'eddsa-rdfc-2022'],
    ['DataIntegrityProof', 'eddsa-jcs-2022', 'eddsa-jcs-2022'],
    ['Ed25519Signature2020', undefined, 'Ed25519Signature2020'],
    ['DataIntegrityProof', 'ecdsa-rdfc-2019', 'ecdsa-rdfc-2019'],
    ['DataIntegrityProof', 'ecdsa-jcs-2019', 'ecdsa-jcs-2019'],
    // the 2022 draft name of eddsa-rdfc-2022 (1EdTech ob30/simple-eddsa-2022.json)
    ['DataIntegrityProof', 'eddsa-2022', 'eddsa-2022'],
    ['DataIntegrityProof', 'ecdsa-sd-2023', 'ecdsa-sd-2023'],
    ['Ed25519Signature2018', undefined, 'Ed25519Signature2018'],
    ['JsonWebSignature2020', undefined, 'JsonWebSignature2020'],
  ])('%s %s is supported', (type, suite, name) => {
    expect(findCryptosuite(type, suite)?.name).toBe(name);
  });

  it.each([
    ['DataIntegrityProof', 'bbs-2023'],
    ['DataIntegrityProof', undefined],
    ['DataIntegrityProof', '__proto__'],
    ['constructor', undefined],
    ['toString', undefined],
    ['RsaSignature2018', undefined],
    ['DataIntegrityProof/eddsa-rdfc-2022', undefined],
  ])('%s %s is not (no prototype keys, no smuggled separators)', (type, suite) => {
    expect(findCryptosuite(type, suite)).toBeUndefined();
  });
});

describe('parseProof', () => {
  it('returns the proof options without proofValue, and the decoded signature', () => {
    const parsed = parseProof(proof({ id: 'urn:uuid:1', previousProof: 'urn:uuid:0' }), NOW);
    expect(parsed.options).not.toHaveProperty('proofValue');
    expect(parsed.options).toMatchObject({ type: 'DataIntegrityProof', verificationMethod: VM });
    expect(parsed.signature).toEqual({ kind: 'multibase', bytes: new Uint8Array(64).fill(7) });
    expect(parsed.previousProof).toEqual(['urn:uuid:0']);
  });

  it('an unknown type is unsupported when it names its key and purpose, malformed when it does not (vc-data-integrity §2.1)', () => {
    expect(codeOf(() => parseProof({ type: 'SomeProofType', verificationMethod: 'did:example:1#k', proofPurpose: 'assertionMethod' }, NOW))).toBe('DI_UNSUPPORTED_CRYPTOSUITE');
    expect(codeOf(() => parseProof({ type: 'SomeProofType' }, NOW))).toBe('DI_MALFORMED_PROOF');
  });

  it('accepts an xsd:dateTime without time zone for Ed25519Signature2020 only', () => {
    expect(codeOf(() => parseProof(proof({ type: 'Ed25519Signature2020', cryptosuite: undefined, created: '2026-01-01T00:00:00' }), NOW))).toBe('no error');
    expect(codeOf(() => parseProof(proof({ created: '2026-01-01T00:00:00' }), NOW))).toBe('DI_MALFORMED_PROOF');
  });

  it('a proof that expires later is accepted', () => {
    expect(codeOf(() => parseProof(proof({ expires: '2027-01-01T00:00:00Z' }), NOW))).toBe('no error');
  });

  it.each([
    ['type missing', { type: undefined }, 'DI_MALFORMED_PROOF'],
    ['cryptosuite not a string', { cryptosuite: 5 }, 'DI_MALFORMED_PROOF'],
    ['DataIntegrityProof without cryptosuite', { cryptosuite: undefined }, 'DI_MALFORMED_PROOF'],
    ['proofPurpose missing', { proofPurpose: undefined }, 'DI_MALFORMED_PROOF'],
    ['proofPurpose capabilityInvocation', { proofPurpose: 'capabilityInvocation' }, 'DI_PROOF_PURPOSE_MISMATCH'],
    ['id not a string', { id: 7 }, 'DI_MALFORMED_PROOF'],
    ['previousProof empty', { previousProof: [] }, 'DI_MALFORMED_PROOF'],
    ['previousProof not ids', { previousProof: [{ id: 'x' }] }, 'DI_MALFORMED_PROOF'],
    ['expires not a date', { expires: 'soon' }, 'DI_MALFORMED_PROOF'],
  ])('%s → %s', (_name, changes, code) => {
    expect(codeOf(() => parseProof(proof(changes), NOW))).toBe(code);
  });
});

describe('decodeProofValue', () => {
  it.each([
    ['base64url multibase (u…)', 'uAAAA'],
    ['empty', ''],
    ['not a string', 42],
    ['63 bytes', `z${toBase58(new Uint8Array(63).fill(1))}`],
    ['65 bytes', `z${toBase58(new Uint8Array(65).fill(1))}`],
    ['far too long', `z${'2'.repeat(500)}`],
  ])('refuses %s with DI_MALFORMED_PROOF', (_name, value) => {
    expect(codeOf(() => decodeProofValue(value))).toBe('DI_MALFORMED_PROOF');
  });

  it('accepts the lengths a suite allows: 96 bytes only where told (P-384)', () => {
    const sig96 = `z${toBase58(new Uint8Array(96).fill(5))}`;
    expect(codeOf(() => decodeProofValue(sig96))).toBe('DI_MALFORMED_PROOF');
    expect(decodeProofValue(sig96, [64, 96])).toHaveLength(96);
  });

  it('keeps leading zero bytes (base58 leading 1s)', () => {
    const bytes = new Uint8Array(64);
    bytes[63] = 9;
    expect(decodeProofValue(`z${toBase58(bytes)}`)).toEqual(bytes);
  });
});
