/**
 * SECURITY.md attack 42: the W3C VCDM 2.0 test suite's credential-side
 * `*-fail` inputs (w3c/vc-data-model-2.0-test-suite, tests/input) through
 * verify(). The shipped fixtures are read in place from ../shared/fixtures;
 * the rest of the suite's list is rebuilt here from
 * the suite's `credential-ok` input, one rule broken at a time. Unsigned, each
 * must fail on a STRUCTURE_* code; `*-ok` must still pass the structure check.
 * Rules that only JSON-LD can see (term definitions) are checked on a signed
 * credential, where the Data Integrity layer refuses them.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../lib/engine/report';
import { newSigner, signCredential, type TestSigner } from '../../support/sign-helper';
import { spyNet, verifyJson } from './harness';
import { fixturePath } from '../../support/fixtures';

const V1 = 'https://www.w3.org/2018/credentials/v1';
const V2 = 'https://www.w3.org/ns/credentials/v2';
const EX = 'https://www.w3.org/ns/credentials/examples/v2';
const SUITE = fixturePath('w3c-vcdm2-test-suite');
const suitePresent = existsSync(SUITE);
const load = (file: string) => JSON.parse(readFileSync(path.join(SUITE, file), 'utf8')) as Record<string, unknown>;

const OK: Record<string, unknown> = {
  '@context': [V2, EX],
  type: ['VerifiableCredential', 'ExampleCredential'],
  issuer: 'did:example:issuer',
  credentialSubject: { id: 'did:example:subject', name: 'Example Subject' },
};
const change = (o: Record<string, unknown>) => ({ ...OK, ...o });
const without = (key: string) => Object.fromEntries(Object.entries(OK).filter(([k]) => k !== key));
const structure = (r: Report) => r.checks.find((c) => c.id === 'structure' || c.id === 'validity' || c.id === 'parse');
const structureCodes = (r: Report) => r.checks.filter((c) => c.status === 'fail' && c.code.startsWith('STRUCTURE_')).map((c) => c.code);

/** The suite's credential-side negative inputs, rebuilt from credential-ok (name → input → expected code). */
const FAIL_CASES: [string, Record<string, unknown>, string][] = [
  ['no-context-fail-or-inject', without('@context'), 'STRUCTURE_CONTEXT'],
  ['missing-base-context-fail-or-inject', change({ '@context': [EX] }), 'STRUCTURE_CONTEXT'],
  ['base context not first', change({ '@context': [EX, V2] }), 'STRUCTURE_CONTEXT'],
  ['id-multi-fail', change({ id: ['urn:uuid:a', 'urn:uuid:b'] }), 'STRUCTURE_ID'],
  ['id-nonidentifier-fail', change({ id: 42 }), 'STRUCTURE_ID'],
  ['id-not-url-fail', change({ id: 'not a url' }), 'STRUCTURE_ID'],
  ['id-subject-multi-fail', change({ credentialSubject: { id: ['did:example:a', 'did:example:b'] } }), 'STRUCTURE_SUBJECT'],
  ['issuer-no-url-fail', change({ issuer: 'not a url' }), 'STRUCTURE_ISSUER'],
  ['issuer-null-fail', change({ issuer: null }), 'STRUCTURE_ISSUER'],
  ['issuer-object-id-no-url-fail', change({ issuer: { id: 'not a url' } }), 'STRUCTURE_ISSUER'],
  ['issuer-object-id-null-fail', change({ issuer: { id: null } }), 'STRUCTURE_ISSUER'],
  ['no-issuer-fail', without('issuer'), 'STRUCTURE_ISSUER'],
  ['no-subject-fail', without('credentialSubject'), 'STRUCTURE_SUBJECT'],
  ['subject-multiple-empty-fail', change({ credentialSubject: [{}, {}] }), 'STRUCTURE_SUBJECT'],
  ['subject-no-claims-fail', change({ credentialSubject: {} }), 'STRUCTURE_SUBJECT'],
  ['no-type-fail', without('type'), 'STRUCTURE_TYPE'],
  ['missing-required-type-fail', change({ type: ['ExampleCredential'] }), 'STRUCTURE_TYPE'],
  ['type-mapped-nonurl-fail (non-string type)', change({ type: ['VerifiableCredential', 42] }), 'STRUCTURE_TYPE'],
  ['evidence-missing-type-fail', change({ evidence: { id: 'https://evidence.example/1' } }), 'STRUCTURE_INVALID'],
  ['refresh-no-type-fail', change({ refreshService: { id: 'https://refresh.example/1' } }), 'STRUCTURE_INVALID'],
  ['schema-no-id-fail', change({ credentialSchema: { type: 'JsonSchema' } }), 'STRUCTURE_INVALID'],
  ['schema-no-type-fail', change({ credentialSchema: { id: 'https://schema.example/s.json' } }), 'STRUCTURE_INVALID'],
  ['schema-non-url-id-fail', change({ credentialSchema: { id: 'not a url', type: 'JsonSchema' } }), 'STRUCTURE_INVALID'],
  ['termsofuse-missing-type-fail', change({ termsOfUse: { id: 'https://terms.example/1' } }), 'STRUCTURE_INVALID'],
  ['status-missing-type-fail', change({ credentialStatus: { id: 'https://status.example/1' } }), 'STRUCTURE_STATUS'],
  ['status-multiple-id-fail', change({ credentialStatus: { id: ['https://status.example/1', 'https://status.example/2'], type: 'BitstringStatusListEntry' } }), 'STRUCTURE_STATUS'],
  ['status-nonurl-id-fail', change({ credentialStatus: { id: 'not a url', type: 'BitstringStatusListEntry' } }), 'STRUCTURE_STATUS'],
  ['validfrom-invalid-fail', change({ validFrom: '2025-13-45T00:00:00Z' }), 'STRUCTURE_DATES'],
  ['validuntil-invalid-fail', change({ validUntil: 'yesterday' }), 'STRUCTURE_DATES'],
];

describe('SECURITY.md attack 42 — VCDM 2.0 negative inputs map to STRUCTURE_* codes', () => {
  it.each(FAIL_CASES)('%s → %s, failed', async (_name, input, code) => {
    const { ctx, requests } = spyNet();
    const report = await verifyJson(input, ctx);
    expect(structureCodes(report)).toContain(code);
    expect(report.verdict).toBe('failed');
    expect(requests).toEqual([]);
  });

  it('credential-ok (with the issuer an issuing service adds) passes the structure check: not over-strict', async () => {
    const report = await verifyJson(OK, spyNet().ctx);
    expect(report.checks.find((c) => c.id === 'structure')?.status).toBe('pass');
    expect(report.verdict).not.toBe('verified'); // unsigned
  });
});

describe('SECURITY.md attack 42 — rules only JSON-LD can see, on a signed credential', () => {
  let signer: TestSigner;
  let proof: unknown;
  let signedOk: Record<string, unknown>;
  beforeAll(async () => {
    signer = await newSigner();
    signedOk = await signCredential({ ...OK, issuer: signer.did }, signer);
    proof = signedOk.proof;
  });
  const withProof = (o: Record<string, unknown>) => ({ ...signedOk, ...o, proof });

  it('control: the signed credential-ok verifies', async () => {
    expect((await verifyJson(signedOk, spyNet().ctx)).verdict).toBe('verified');
  });

  it('validUntil-validFrom-fail: validUntil before validFrom → STRUCTURE_DATES, failed', async () => {
    const input = await signCredential({ ...OK, issuer: signer.did, validFrom: '2025-01-01T00:00:00Z', validUntil: '2024-01-01T00:00:00Z' }, signer);
    const report = await verifyJson(input, spyNet().ctx);
    expect(structureCodes(report)).toContain('STRUCTURE_DATES');
    expect(report.verdict).toBe('failed');
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['context-combo (v2 then v1)', { '@context': [V2, V1] }, 'DI_CONTEXT_NOT_ALLOWED'],
    ['redef-type-fail', { '@context': [V2, EX, { type: 'https://evil.example/type' }] }, 'DI_CONTEXT_NOT_ALLOWED'],
    ['type-unmapped-fail', { '@context': [V2], type: ['VerifiableCredential', 'UnmappedType'] }, 'DI_DATA_LOSS'],
    ['status-type-nonurl-fail', { credentialStatus: { id: 'https://status.example/1', type: 'not a url type' } }, 'DI_DATA_LOSS'],
    // A value object with another member is JSON-LD syntax the data model does not use (row 43).
    ['credential-name-extra-prop-en-fail', { name: { '@value': 'Name', '@language': 'en', extra: 'x' } }, 'DI_NOT_PLAIN_JSON_LD'],
  ])('%s → %s, never verified', async (_name, changes, code) => {
    const report = await verifyJson(withProof(changes), spyNet().ctx);
    expect(report.checks.map((c) => c.code)).toContain(code);
    expect(report.verdict).not.toBe('verified');
  });
});

describe.skipIf(!suitePresent)('SECURITY.md attack 42 — the shipped W3C suite inputs (needs ../shared/fixtures)', () => {
  it.each([
    ['credential-missing-base-context-fail-or-inject.json', 'STRUCTURE_CONTEXT'],
    ['credential-no-issuer-fail.json', 'STRUCTURE_ISSUER'],
    ['credential-status-missing-type-fail.json', 'STRUCTURE_STATUS'],
    ['credential-validUntil-validFrom-fail.json', 'STRUCTURE_DATES'],
  ])('%s (plus an issuer, as the suite issuing service adds) → %s, failed', async (file, code) => {
    const input = load(file);
    const report = await verifyJson(code === 'STRUCTURE_ISSUER' ? input : { ...input, issuer: 'did:example:issuer' }, spyNet().ctx);
    expect(structureCodes(report)).toContain(code);
    expect(report.verdict).toBe('failed');
  });

  it.each(['credential-ok.json', 'credential-proof-ok.json'])('%s plus an issuer passes the structure check', async (file) => {
    const report = await verifyJson({ ...load(file), issuer: 'did:example:issuer' }, spyNet().ctx);
    expect(structure(report)).toMatchObject({ id: 'structure', status: 'pass' });
  });
});
