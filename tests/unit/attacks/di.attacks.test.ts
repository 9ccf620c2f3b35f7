/**
 * SECURITY.md attack table, Data Integrity / JSON-LD rows 10–18, 37, 49, 56 and 57, through
 * verify(). Credentials are signed in the test with fresh did:key keys
 * (tests/support/sign-helper.ts) so each row bends one thing of an
 * otherwise valid credential.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import jsonld from '@credlens/jsonld';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createContext } from '../../../lib/engine/context';
import { clearCanonicalCache } from '../../../lib/engine/jsonld/canonize';
import { LIMITS } from '../../../lib/engine/limits';
import { createWorkBudget } from '../../../lib/engine/util/work-budget';
import { newSigner, signCredential, unsignedCredential, type TestSigner } from '../../support/sign-helper';
import { NOW, expectCode, problemCodes, spyNet, verifyJson } from './harness';
import { FIXTURES } from '../../support/fixtures';
import { editDerivedProof, sdIssuer, type SdIssuer } from '../engine/proofs/data-integrity/ecdsa-sd-signer';
import { parseDerivedProofValue } from '../../../lib/engine/proofs/data-integrity/ecdsa-sd';

const V2 = 'https://www.w3.org/ns/credentials/v2';
const fixturesPresent = existsSync(path.join(FIXTURES, 'INDEX.json'));

let signer: TestSigner;
let signed: Record<string, unknown>;
const proofOf = (c: Record<string, unknown>) => c.proof as Record<string, unknown>;
const withProof = (changes: Record<string, unknown>) => ({ ...signed, proof: { ...proofOf(signed), ...changes } });

beforeAll(async () => {
  signer = await newSigner();
  signed = await signCredential(unsignedCredential(signer.did), signer);
  // Warm up once, so the WebCrypto capability probe is not counted as "crypto attempted" below.
  expect((await verifyJson(signed, spyNet().ctx)).verdict).toBe('verified');
});

afterEach(() => vi.restoreAllMocks());

describe('SECURITY.md attack table — Data Integrity / JSON-LD', () => {
  it('row 10: verificationMethod is a did:key the issuer DID does not list → KEY_NOT_BOUND_TO_ISSUER, failed', async () => {
    const other = await newSigner();
    const report = await verifyJson(await signCredential(unsignedCredential(other.did), signer), spyNet().ctx);
    expect(report.checks.find((c) => c.id === 'proof')?.status).toBe('pass');
    expectCode(report, 'KEY_NOT_BOUND_TO_ISSUER');
    expect(report.verdict).toBe('failed');
  });

  it('row 10: a did:web key listed only under authentication, not assertionMethod → KEY_NOT_BOUND_TO_ISSUER, failed', async () => {
    const did = 'did:web:university.example';
    const multikey = signer.verificationMethod.split('#')[1]!;
    const doc = {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: did,
      verificationMethod: [{ id: `${did}#k1`, type: 'Multikey', controller: did, publicKeyMultibase: multikey }],
      authentication: [`${did}#k1`],
      assertionMethod: [],
    };
    const credential = await signCredential(unsignedCredential(did), signer, { verificationMethod: `${did}#k1` });
    const { ctx, requests } = spyNet({ 'https://university.example/.well-known/did.json': doc });
    const report = await verifyJson(credential, ctx);
    expect(problemCodes(report)).toContain('KEY_NOT_BOUND_TO_ISSUER');
    expect(requests).toEqual(['https://university.example/.well-known/did.json']);
    expect(report.verdict).toBe('failed');
  });

  it('row 11: proofPurpose "authentication" → DI_PROOF_PURPOSE_MISMATCH (W3C PROOF_VERIFICATION_ERROR), failed', async () => {
    const credential = await signCredential(unsignedCredential(signer.did), signer, { proofPurpose: 'authentication' });
    const report = await verifyJson(credential, spyNet().ctx);
    expectCode(report, 'DI_PROOF_PURPOSE_MISMATCH');
    expect(report.verdict).toBe('failed');
  });

  it.each([
    ['cryptosuite eddsa-2019', { cryptosuite: 'eddsa-2019' }],
    ['type RsaSignature2018', { type: 'RsaSignature2018', cryptosuite: undefined }],
  ])('row 12: %s → DI_UNSUPPORTED_CRYPTOSUITE, unverifiable (neither failed nor verified)', async (_name, changes) => {
    const report = await verifyJson(withProof(changes), spyNet().ctx);
    expectCode(report, 'DI_UNSUPPORTED_CRYPTOSUITE');
    expect(report.verdict).toBe('unverifiable');
  });

  it.each([
    ['base64url (u…) instead of base58btc', 'u' + 'A'.repeat(86)],
    ['the wrong length', 'z3yMtoEaHnSQyTw'],
  ])('row 13: proofValue in %s → DI_MALFORMED_PROOF, no crypto attempted', async (_name, proofValue) => {
    const verifySpy = vi.spyOn(crypto.subtle, 'verify');
    const report = await verifyJson(withProof({ proofValue }), spyNet().ctx);
    expectCode(report, 'DI_MALFORMED_PROOF');
    expect(verifySpy).not.toHaveBeenCalled();
    expect(report.verdict).toBe('failed');
    // control: the same spy does see the signature check of the intact credential
    await verifyJson(signed, spyNet().ctx);
    expect(verifySpy).toHaveBeenCalled();
  });

  it('row 14: @context includes https://evil.example/ctx.jsonld → DI_CONTEXT_NOT_ALLOWED, nothing fetched', async () => {
    const { ctx, requests } = spyNet({ 'https://evil.example/ctx.jsonld': { '@context': {} } });
    const report = await verifyJson({ ...signed, '@context': [V2, 'https://evil.example/ctx.jsonld'] }, ctx);
    expectCode(report, 'DI_CONTEXT_NOT_ALLOWED');
    expect(requests).toEqual([]);
    expect(report.verdict).not.toBe('verified');
  });

  it('row 15: a property undefined in the contexts (the safe-mode breaker) → DI_DATA_LOSS, failed', async () => {
    const strict = await signCredential({ ...unsignedCredential(signer.did), '@context': [V2], type: ['VerifiableCredential'], credentialSubject: { id: 'did:example:s' } }, signer);
    expect((await verifyJson(strict, spyNet().ctx)).verdict).toBe('verified');
    const report = await verifyJson({ ...strict, salary: 1_000_000 }, spyNet().ctx);
    expectCode(report, 'DI_DATA_LOSS');
    expect(report.verdict).toBe('failed');
  });

  it.each([
    ['type', { VerifiableCredential: 'https://evil.example/Other' }],
    ['id', { id: 'https://evil.example/id' }],
  ])('row 16: an embedded @context redefining a protected term (%s) → DI_CONTEXT_NOT_ALLOWED', async (_term, redefinition) => {
    const { ctx, requests } = spyNet();
    const report = await verifyJson({ ...signed, '@context': [...(signed['@context'] as string[]), redefinition] }, ctx);
    expectCode(report, 'DI_CONTEXT_NOT_ALLOWED');
    expect(requests).toEqual([]);
    expect(report.verdict).not.toBe('verified');
  });

  it('row 17: a poison graph of 8 mutually linked blank nodes → DI_CANONICALIZATION_LIMIT within ~1 s', async () => {
    const n = 8;
    // Written with `id` (the credentials context's alias of @id): a bare @id would be refused
    // earlier as not plain JSON-LD (row 43) and never reach the canonicaliser this row is about.
    const clique = Array.from({ length: n }, (_, i) => ({
      id: `_:b${i}`,
      knows: Array.from({ length: n }, (_, j) => ({ id: `_:b${j}` })).filter((_, j) => j !== i),
    }));
    const poisoned = { ...signed, credentialSubject: { id: 'did:example:subject', knows: clique } };
    const started = performance.now();
    const report = await verifyJson(poisoned, spyNet().ctx, 1_500);
    const ms = performance.now() - started;
    expectCode(report, 'DI_CANONICALIZATION_LIMIT');
    expect(report.verdict).not.toBe('verified');
    expect(ms).toBeLessThan(1_500);
  });

  it('row 18 (DI): the name changed after signing → DI_SIGNATURE_INVALID, failed', async () => {
    const report = await verifyJson({ ...signed, credentialSubject: { id: 'did:example:subject', name: 'Someone Else' } }, spyNet().ctx);
    expectCode(report, 'DI_SIGNATURE_INVALID');
    expect(report.verdict).toBe('failed');
  });

  it('row 37: refreshService pointing at an attacker URL is never performed, before or after the proof', async () => {
    const refreshService = { id: 'https://evil.example/refresh', type: 'VerifiableCredentialRefreshService2021' };
    const withRefresh = await signCredential(unsignedCredential(signer.did, { refreshService }), signer);
    const good = spyNet();
    expect((await verifyJson(withRefresh, good.ctx)).verdict).toBe('verified');
    expect(good.requests).toEqual([]);
    const forged = spyNet();
    const report = await verifyJson({ ...withRefresh, credentialSubject: { id: 'did:example:subject', name: 'Forged' } }, forged.ctx);
    expect(report.verdict).toBe('failed');
    expect(forged.requests).toEqual([]);
  });
});

describe.skipIf(!fixturesPresent)('SECURITY.md attack 18 — a real tampered fixture (needs ../shared/fixtures)', () => {
  it('DCC Ed25519Signature2020 credential with achievement.name changed after signing → DI_SIGNATURE_INVALID, failed', async () => {
    const file = path.join(FIXTURES, 'dcc-vc-test-fixtures/verifiableCredentials/v2/ed25519/didKey/legacy-noStatus-noExpiry-tampered.json');
    const { ctx, requests } = spyNet();
    const report = await verifyJson(JSON.parse(readFileSync(file, 'utf8')), ctx);
    expectCode(report, 'DI_SIGNATURE_INVALID');
    expect(report.verdict).toBe('failed');
    expect(requests).toEqual([]);
  });
});

describe('SECURITY.md attack table — row 49: bounded work for every input', () => {
  /** A proof set of `n` signatures by the same key, each over the credential alone (vc-data-integrity §4.2 proof sets). */
  async function proofSet(n: number): Promise<Record<string, unknown>> {
    const unsigned = unsignedCredential(signer.did);
    const proofs = await Promise.all(
      Array.from({ length: n }, async (_, i) => proofOf(await signCredential(unsigned, signer, { created: `2026-01-01T00:00:${String(i).padStart(2, '0')}Z` }))),
    );
    return { ...unsigned, proof: proofs };
  }

  it(`a proof set of ${LIMITS.proofsPerCredential} valid proofs (the cap) still verifies`, async () => {
    const report = await verifyJson(await proofSet(LIMITS.proofsPerCredential), spyNet().ctx);
    expect(report.verdict).toBe('verified');
    expect(report.technical.proofCount).toBe(LIMITS.proofsPerCredential);
  });

  it('100 proofs → DI_MALFORMED_PROOF at once: no key looked up, no signature checked, nothing fetched', async () => {
    const verifySpy = vi.spyOn(crypto.subtle, 'verify');
    const expandSpy = vi.spyOn(jsonld, 'expand');
    const { ctx, requests } = spyNet();
    const hundred = { ...signed, proof: Array.from({ length: 100 }, () => proofOf(signed)) };
    // "at once" is shown by what did not run (the spies below), not by a clock on a shared machine
    const report = await verifyJson(hundred, ctx, 1_000);
    expect(expectCode(report, 'DI_MALFORMED_PROOF').detail?.reason).toContain('100 proofs');
    expect(report.verdict).toBe('failed');
    expect(verifySpy).not.toHaveBeenCalled();
    expect(expandSpy).not.toHaveBeenCalled();
    expect(requests).toEqual([]);
  });

  it(`a proof chain of ${LIMITS.proofsPerCredential + 1} links is refused by the same cap`, async () => {
    const links = Array.from({ length: LIMITS.proofsPerCredential + 1 }, (_, i) => ({
      ...proofOf(signed),
      id: `urn:uuid:proof-${i}`,
      ...(i > 0 ? { previousProof: `urn:uuid:proof-${i - 1}` } : {}),
    }));
    const report = await verifyJson({ ...signed, proof: links }, spyNet().ctx);
    expect(expectCode(report, 'DI_MALFORMED_PROOF').detail?.reason).toContain(`${LIMITS.proofsPerCredential + 1} proofs`);
    expect(report.verdict).toBe('failed');
  });

  it('50,000 tiny objects (no keys, so under the key cap) → INPUT_TOO_LARGE before any JSON-LD work', async () => {
    const expandSpy = vi.spyOn(jsonld, 'expand');
    const canonizeSpy = vi.spyOn(jsonld, 'canonize');
    const { ctx, requests } = spyNet();
    const swarm = { ...signed, evidence: Array.from({ length: 50_000 }, () => ({})) };
    const report = await verifyJson(swarm, ctx, 1_000);
    expect(expectCode(report, 'INPUT_TOO_LARGE').detail).toEqual({ nodes: LIMITS.jsonNodes });
    expect(report.verdict).toBe('failed');
    expect(expandSpy).not.toHaveBeenCalled();
    expect(canonizeSpy).not.toHaveBeenCalled();
    expect(requests).toEqual([]);
  });

  // Wide, not deep: just under the value cap, each shape costs jsonld.js work that grows with the
  // square of the values of one property (adding a value checks it is not already there).
  const VALUES = LIMITS.jsonNodes - 100;
  const wide: [string, () => Record<string, unknown>][] = [
    ['one property with thousands of values', () => ({ ...signed, credentialSubject: { id: 'did:example:subject', tag: Array.from({ length: VALUES }, (_, i) => `t${i}`) } })],
    ['thousands of typed objects (a type-scoped context each)', () => ({ ...signed, credentialSubject: { id: 'did:example:subject', knows: Array.from({ length: VALUES / 2 }, () => ({ type: 'VerifiableCredential' })) } })],
  ];

  it.each(wide)('%s: the JSON-LD work runs and the whole verification stays under the budget', async (_name, build) => {
    clearCanonicalCache();
    const expandSpy = vi.spyOn(jsonld, 'expand');
    const started = performance.now();
    const report = await verifyJson(build(), spyNet().ctx, 2_500);
    const ms = performance.now() - started;
    expect(expandSpy).toHaveBeenCalled();
    expect(report.verdict).not.toBe('verified');
    // 1 s of JSON-LD work at most, plus the rest of the verification; generous for a slow machine
    expect(ms).toBeLessThan(LIMITS.canonicalizeMs + 1_000);
  });

  it('the budget covers expansion: when expansion alone spends it, canonicalisation of that document never starts', async () => {
    clearCanonicalCache();
    const big = wide[1]![1]();
    // Expansion got fast enough to finish within 30 ms on a quick machine, so the test makes the
    // wide document's expansion slow on purpose: the budget counts wall time while a step runs.
    const expand = jsonld.expand.bind(jsonld);
    const expandSpy = vi.spyOn(jsonld, 'expand').mockImplementation(async (input, options) => {
      const expanded = await expand(input, options);
      if (JSON.stringify(input).length > 10_000) await new Promise((resolve) => setTimeout(resolve, 60));
      return expanded;
    });
    const canonizeSpy = vi.spyOn(jsonld, 'canonize');
    const ctx = createContext({ now: () => NOW, workMs: 30, transport: async () => new Response('', { status: 404 }) });
    const report = await verifyJson(big, ctx);
    expect(expectCode(report, 'DI_CANONICALIZATION_LIMIT').detail).toEqual({ reason: 'time budget exceeded' });
    expect(report.verdict).not.toBe('verified');
    // the wide document was expanded (taking longer than the 30 ms budget) …
    expect(expandSpy.mock.calls.some(([input]) => JSON.stringify(input).length > 10_000)).toBe(true);
    // … and only the small proof configuration may have reached canonicalisation
    for (const [input] of canonizeSpy.mock.calls) expect(JSON.stringify(input).length).toBeLessThan(10_000);
  });

  it('the budget is per verification: verify() gives every input a fresh one, even on a context whose budget is spent', async () => {
    clearCanonicalCache();
    const spent = { ...spyNet().ctx, work: createWorkBudget(0) };
    expect((await verifyJson(signed, spent)).verdict).toBe('verified');
  });
});

/** An Open Badges 3.0 credential whose holder keeps its description and criteria to themselves. */
const sdBadge = (issuer: string) => ({
  '@context': [V2, 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  id: 'urn:uuid:0f5e2c1b-8d3a-4b7e-9c6f-1a2b3c4d5e6f',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: issuer, type: ['Profile'], name: 'Example University' },
  validFrom: '2026-01-01T00:00:00Z',
  credentialSubject: {
    id: 'did:example:learner',
    type: ['AchievementSubject'],
    // no ids: the achievement and its criteria are blank nodes, whose labels the label map carries
    achievement: { type: ['Achievement'], name: 'Data Analysis', description: 'Withheld by the holder', criteria: { narrative: 'Passed the final assessment' } },
  },
});

describe('SECURITY.md attack table — row 56: ecdsa-sd-2023 selective disclosure', () => {
  let issuer: SdIssuer;
  let base: Record<string, unknown>;
  let derived: Record<string, unknown>;
  const subjectOf = (c: Record<string, unknown>) => c.credentialSubject as Record<string, unknown>;
  const achievementOf = (c: Record<string, unknown>) => subjectOf(c).achievement as Record<string, unknown>;
  const withAchievement = (c: Record<string, unknown>, changes: Record<string, unknown>) => ({
    ...c,
    credentialSubject: { ...subjectOf(c), achievement: { ...achievementOf(c), ...changes } },
  });

  beforeAll(async () => {
    issuer = await sdIssuer('P-256');
    base = await issuer.issue(sdBadge(issuer.did), ['/issuer', '/validFrom']);
    derived = await issuer.derive(base, ['/credentialSubject/achievement/name', '/credentialSubject/achievement/criteria/narrative']);
    expect((await verifyJson(derived, spyNet().ctx)).verdict).toBe('verified');
    const { proofValue } = derived.proof as Record<string, unknown>;
    expect(parseDerivedProofValue(proofValue).labelMap.size).toBeGreaterThanOrEqual(2);
  });

  it('an undisclosed claim shown again (the withheld description put back) → DI_SIGNATURE_INVALID, failed', async () => {
    expect(achievementOf(derived).description).toBeUndefined();
    const report = await verifyJson(withAchievement(derived, { description: 'Withheld by the holder' }), spyNet().ctx);
    expect(expectCode(report, 'DI_SIGNATURE_INVALID').detail?.reason).toMatch(/statements but .* signatures/);
    expect(report.verdict).toBe('failed');
  });

  it('a tampered disclosed value (the achievement name) → DI_SIGNATURE_INVALID, failed', async () => {
    const report = await verifyJson(withAchievement(derived, { name: 'Data Science' }), spyNet().ctx);
    expectCode(report, 'DI_SIGNATURE_INVALID');
    expect(report.verdict).toBe('failed');
  });

  it('a swapped label map (two blank nodes trade their signed labels) → DI_SIGNATURE_INVALID, failed', async () => {
    const forged = editDerivedProof(derived, (components) => {
      const labelMap = components[3] as Map<number, Uint8Array>;
      const [a, b] = [...labelMap.keys()];
      const [va, vb] = [labelMap.get(a!)!, labelMap.get(b!)!];
      labelMap.set(a!, vb);
      labelMap.set(b!, va);
    });
    const report = await verifyJson(forged, spyNet().ctx);
    expectCode(report, 'DI_SIGNATURE_INVALID');
    expect(report.verdict).toBe('failed');
  });

  it('one signed label given to two blank nodes → DI_SIGNATURE_INVALID, failed', async () => {
    const forged = editDerivedProof(derived, (components) => {
      const labelMap = components[3] as Map<number, Uint8Array>;
      const [a, b] = [...labelMap.keys()];
      labelMap.set(b!, labelMap.get(a!)!);
    });
    expectCode(await verifyJson(forged, spyNet().ctx), 'DI_SIGNATURE_INVALID');
  });

  it('the per-statement signatures reordered → DI_SIGNATURE_INVALID, failed', async () => {
    const forged = editDerivedProof(derived, (components) => {
      const signatures = components[2] as Uint8Array[];
      expect(signatures.length).toBeGreaterThan(1);
      signatures.reverse();
    });
    const report = await verifyJson(forged, spyNet().ctx);
    expectCode(report, 'DI_SIGNATURE_INVALID');
    expect(report.verdict).toBe('failed');
  });

  it('a mandatory statement passed off as selectively disclosed (mandatoryIndexes emptied) → DI_SIGNATURE_INVALID, failed', async () => {
    const forged = editDerivedProof(derived, (components) => {
      components[4] = [];
    });
    expectCode(await verifyJson(forged, spyNet().ctx), 'DI_SIGNATURE_INVALID');
  });

  it('the base proof handed to a verifier → DI_MALFORMED_PROOF ("a base proof is for the holder, not for a verifier"), failed, no key looked up', async () => {
    const { ctx, requests } = spyNet();
    const report = await verifyJson(base, ctx);
    expect(expectCode(report, 'DI_MALFORMED_PROOF').detail?.reason).toBe('a base proof is for the holder, not for a verifier');
    expect(report.verdict).toBe('failed');
    expect(requests).toEqual([]);
  });

  it('a derived proof by a key that is not the issuer\'s (issuer names another did:key) → KEY_NOT_BOUND_TO_ISSUER, failed, nothing fetched', async () => {
    const other = await sdIssuer('P-256');
    const byOther = await other.derive(await other.issue(sdBadge(issuer.did), ['/issuer']), ['/credentialSubject/achievement/name']);
    const { ctx, requests } = spyNet();
    const report = await verifyJson(byOther, ctx);
    expectCode(report, 'KEY_NOT_BOUND_TO_ISSUER');
    expect(report.verdict).toBe('failed');
    expect(requests).toEqual([]);
  });
});

describe('SECURITY.md attack table — row 57: proofs Credlens cannot check are "could not be checked", never failed, and never hide a verified one', () => {
  it.each([
    ['bbs-2023', { type: 'DataIntegrityProof', cryptosuite: 'bbs-2023', proofValue: 'u2V0CBFhQ' }, 'DI_BBS_UNSUPPORTED'],
    ['MerkleProof2019 (Blockcerts v3)', { type: 'MerkleProof2019', cryptosuite: undefined, proofValue: 'z7veGu1qoKR3AS5' }, 'BLOCKCERTS_UNSUPPORTED'],
    ['EthereumEip712Signature2021', { type: 'EthereumEip712Signature2021', cryptosuite: undefined, proofValue: '0x1234' }, 'DI_EIP712_UNSUPPORTED'],
    ['EcdsaSecp256k1Signature2019', { type: 'EcdsaSecp256k1Signature2019', cryptosuite: undefined, jws: 'e30..AAAA' }, 'DI_SECP256K1_UNSUPPORTED'],
    ['EcdsaSecp256k1RecoverySignature2020', { type: 'EcdsaSecp256k1RecoverySignature2020', cryptosuite: undefined, jws: 'e30..AAAA' }, 'DI_SECP256K1_UNSUPPORTED'],
  ])('%s → its own code, unverifiable, nothing fetched', async (_name, changes, code) => {
    const { ctx, requests } = spyNet();
    const report = await verifyJson(withProof(changes), ctx);
    expect(expectCode(report, code).status).toBe('error');
    expect(report.verdict).toBe('unverifiable');
    expect(requests).toEqual([]);
  });

  it('a Blockcerts v2 certificate (MerkleProof2017) → BLOCKCERTS_UNSUPPORTED, unverifiable (not OB2_INVALID), its claims marked not verified', async () => {
    const { ctx, requests } = spyNet();
    const report = await verifyJson(blockcertsV2(), ctx);
    expect(expectCode(report, 'BLOCKCERTS_UNSUPPORTED').status).toBe('error');
    expect(problemCodes(report)).not.toContain('OB2_INVALID');
    expect(report.verdict).toBe('unverifiable');
    expect(report.summary).toMatchObject({ title: 'Certified Data Steward', issuer: { name: 'University of Learning' }, notVerified: true });
    expect(requests).toEqual([]);
  });

  it('a verified eddsa-rdfc-2022 proof next to a bbs-2023 one: unverifiable, and the proof check says the first verified', async () => {
    const set = { ...signed, proof: [proofOf(signed), { type: 'DataIntegrityProof', cryptosuite: 'bbs-2023', verificationMethod: signer.verificationMethod, proofPurpose: 'assertionMethod', proofValue: 'u2V0CBFhQ' }] };
    const report = await verifyJson(set, spyNet().ctx);
    const proof = expectCode(report, 'DI_PROOF_SET_PARTLY_UNCHECKED');
    expect(proof).toMatchObject({ id: 'proof', status: 'error', detail: { suites: 'eddsa-rdfc-2022', verified: 1, unsupported: 'bbs-2023' } });
    expect(proof.message).toContain('Signature valid (eddsa-rdfc-2022)');
    expect(proof.message).toContain('(bbs-2023)');
    expect(report.checks.find((c) => c.id === 'issuer-binding')?.status).toBe('pass');
    expect(report.verdict).toBe('unverifiable');
  });

  it('an unsupported proof never hides a forged one: a tampered eddsa-rdfc-2022 proof next to bbs-2023 → DI_SIGNATURE_INVALID, failed', async () => {
    const tampered = { ...signed, credentialSubject: { id: 'did:example:subject', name: 'Someone Else' } };
    const set = { ...tampered, proof: [proofOf(signed), { type: 'DataIntegrityProof', cryptosuite: 'bbs-2023', verificationMethod: signer.verificationMethod, proofPurpose: 'assertionMethod', proofValue: 'u2V0CBFhQ' }] };
    const report = await verifyJson(set, spyNet().ctx);
    expectCode(report, 'DI_SIGNATURE_INVALID');
    expect(report.verdict).toBe('failed');
  });
});

/** A Blockcerts v2 certificate in the shape of the Blockcerts schema 2.0 samples. */
function blockcertsV2(): Record<string, unknown> {
  return {
    '@context': ['https://w3id.org/openbadges/v2', 'https://w3id.org/blockcerts/v2'],
    type: 'Assertion',
    id: 'urn:uuid:bbba8553-8ec1-445f-82c9-a57251dd731c',
    recipient: { type: 'email', identity: 'sha256$a1b2', hashed: true, salt: 'x' },
    recipientProfile: { type: ['RecipientProfile', 'Extension'], name: 'Ada Example', publicKey: 'ecdsa-koblitz-pubkey:1BAsQTy8rUfgHLcDFmYcRMoJVqZpLgkA4q' },
    badge: {
      type: 'BadgeClass',
      id: 'urn:uuid:82a4c9f2-3588-457b-80ea-da695571b8fc',
      name: 'Certified Data Steward',
      description: 'Completed the data stewardship programme',
      image: 'data:image/png;base64,iVBORw0KGgo=',
      issuer: { id: 'https://issuer.example/issuer.json', type: 'Profile', name: 'University of Learning', url: 'https://issuer.example', email: 'registrar@issuer.example' },
      criteria: { narrative: 'Passed all modules' },
    },
    issuedOn: '2018-06-14T12:00:00Z',
    verification: { type: ['MerkleProofVerification2017', 'Extension'], publicKey: 'ecdsa-koblitz-pubkey:1AwdUWQzJgfDDjeKtpPzMfYMHejFBrxZfo' },
    signature: {
      type: ['MerkleProof2017', 'Extension'],
      targetHash: '6ad52ac7b1c8a2bde0a3a8d6d3c1e3b1d3a57cf7b3f0f0e5f8bfa5e4e7c2f1a0',
      merkleRoot: '6ad52ac7b1c8a2bde0a3a8d6d3c1e3b1d3a57cf7b3f0f0e5f8bfa5e4e7c2f1a0',
      proof: [],
      anchors: [{ sourceId: 'd75b7a5bdb3d5244b753e6b84e987267cfa4ffa7a532a2ed49ad3848be1d82f8', type: 'BTCOpReturn', chain: 'bitcoinMainnet' }],
    },
  };
}
