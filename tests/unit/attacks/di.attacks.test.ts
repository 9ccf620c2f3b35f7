/**
 * SECURITY.md attack table, Data Integrity / JSON-LD rows 10–18 and 37, through
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
    ['type Ed25519Signature2018', { type: 'Ed25519Signature2018', cryptosuite: undefined }],
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
    const started = performance.now();
    const report = await verifyJson(hundred, ctx, 1_000);
    expect(performance.now() - started).toBeLessThan(500);
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
    const expandSpy = vi.spyOn(jsonld, 'expand');
    const canonizeSpy = vi.spyOn(jsonld, 'canonize');
    const ctx = createContext({ now: () => NOW, workMs: 30, transport: async () => new Response('', { status: 404 }) });
    const report = await verifyJson(big, ctx);
    expect(expectCode(report, 'DI_CANONICALIZATION_LIMIT').detail).toEqual({ reason: 'time budget exceeded' });
    expect(report.verdict).not.toBe('verified');
    // the wide document was expanded (its expansion takes far longer than 30 ms) …
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
