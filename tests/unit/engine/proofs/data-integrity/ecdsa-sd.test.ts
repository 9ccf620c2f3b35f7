/**
 * ecdsa-sd-2023 derived proofs (W3C vc-di-ecdsa §3.4): the W3C test vectors
 * read in place (vectors/ecdsa-sd-2023, see its README), and credentials the
 * reference implementation signs and derives, P-256 and P-384.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { VerifierError } from '../../../../../lib/engine/errors';
import { decodeMultikey } from '../../../../../lib/engine/keys/multikey';
import { parseDerivedProofValue, relabelledStatements, verifyDerivedProof } from '../../../../../lib/engine/proofs/data-integrity/ecdsa-sd';
import { toBase58, toHex } from '../../../../../lib/engine/util/bytes';
import { spyNet, verifyJson } from '../../../attacks/harness';
import { p384Derived, sdIssuer } from './ecdsa-sd-signer';

const VECTORS = path.join(import.meta.dirname, 'vectors', 'ecdsa-sd-2023');
const readVector = (name: string, file: string) => readFileSync(path.join(VECTORS, name, file), 'utf8');
const jsonVector = (name: string, file: string) => JSON.parse(readVector(name, file));

/** A specifier in a variable: the reference library ships no type declarations. */
const REFERENCE_PRIMITIVES = '@digitalbazaar/di-sd-primitives';

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof VerifierError ? e.code : `not a VerifierError: ${String(e)}`;
  }
  return undefined;
};

describe.each(['prc', 'employ'])('W3C vc-di-ecdsa test vector %s', (name) => {
  const revealed = jsonVector(name, 'derivedRevealDocument.json');
  const parsedVector = jsonVector(name, 'verifyDerivedProofValue.json');
  const statements: string[] = jsonVector(name, 'verifyNQuads.json');
  const proofConfig = readVector(name, 'addProofConfigCanon.txt');
  const issuerKey = decodeMultikey(String(revealed.proof.verificationMethod).split('#')[1]!);

  it('parseDerivedProofValue reads the five components the vector lists', () => {
    const derived = parseDerivedProofValue(revealed.proof.proofValue);
    expect(toHex(derived.baseSignature)).toBe(parsedVector.baseSignature);
    expect(`z${toBase58(derived.publicKey)}`).toBe(parsedVector.publicKey);
    expect(derived.signatures.map(toHex)).toEqual(parsedVector.signatures);
    expect([...derived.labelMap]).toEqual(parsedVector.labelMap);
    expect(derived.mandatoryIndexes).toEqual(parsedVector.mandatoryIndexes);
  });

  it('the statements, relabelled from any blank-node labelling, are the ones the vector lists', async () => {
    const derived = parseDerivedProofValue(revealed.proof.proofValue);
    // Rename the HMAC labels to arbitrary ones: canonicalisation must find the same statements again.
    const renamed = statements.join('').replace(/_:u[A-Za-z0-9_-]+/g, (label) => `_:b${label.length}${label.slice(-3).replace(/[^A-Za-z0-9]/g, 'x')}`);
    expect(await relabelledStatements(renamed, derived.labelMap)).toEqual(statements);
  });

  it('the base signature and every disclosed statement verify; one changed character does not', async () => {
    const derived = parseDerivedProofValue(revealed.proof.proofValue);
    const input = { derived, issuerKey, canonicalProofConfig: proofConfig.endsWith('\n') ? proofConfig : `${proofConfig}\n`, documentNQuads: statements.join('') };
    expect(await verifyDerivedProof(input)).toMatchObject({ valid: true, mandatoryCount: parsedVector.mandatoryIndexes.length });
    const changed = input.documentNQuads.replace(/"(\d{4})-/, (_, year: string) => `"${Number(year) + 1}-`);
    expect(changed).not.toBe(input.documentNQuads);
    expect((await verifyDerivedProof({ ...input, documentNQuads: changed })).valid).toBe(false);
  });

  it('end to end: the signature cannot be checked (its citizenship context is not bundled), and the key is not the issuer\'s', async () => {
    // Like the W3C EdDSA vectors (interop.test.ts DIFFERENT_QUESTION): the issuer is another did:key than the signer.
    const { ctx, requests } = spyNet();
    const report = await verifyJson(revealed, ctx);
    expect(report.checks.find((c) => c.id === 'proof')).toMatchObject({ status: 'error', code: 'DI_CONTEXT_NOT_ALLOWED' });
    expect(report.checks.find((c) => c.id === 'issuer-binding')).toMatchObject({ status: 'fail', code: 'KEY_NOT_BOUND_TO_ISSUER' });
    expect(report.verdict).toBe('failed');
    expect(requests).toEqual([]);
  });
});

describe('parseDerivedProofValue refuses what a verifier must not take (vc-di-ecdsa §3.5.8)', () => {
  const header = (bytes: number[]) => `u${Buffer.from([...bytes, 0x80]).toString('base64url')}`;
  it.each([
    ['a base proof (header 0xd9 0x5d 0x00): it carries the HMAC key and is for the holder', header([0xd9, 0x5d, 0x00]), 'a base proof is for the holder, not for a verifier'],
    ['another header', header([0xd9, 0x5d, 0x02]), 'not an ecdsa-sd-2023 derived proof'],
    ['base58btc instead of base64url', 'z3yMApqCuCjXDWPrbjfR5mjCPTHqFG8Pux1TxQrEM35jQ', 'multibase base64url'],
    ['not base64url', 'u+/+/', 'not valid base64url'],
    ['a derived header with something that is not five components', header([0xd9, 0x5d, 0x01]), 'five components'],
  ])('%s', (_name, proofValue, reason) => {
    expect(codeOf(() => parseDerivedProofValue(proofValue))).toBe('DI_MALFORMED_PROOF');
    try {
      parseDerivedProofValue(proofValue);
    } catch (e) {
      expect(String((e as VerifierError).detail.reason)).toContain(reason);
    }
  });
});

/** An Open Badges 3.0 credential with a description the holder may keep to themselves. */
const badge = (issuer: string) => ({
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  id: 'urn:uuid:2b9e4d1a-7f44-4c3e-9a8d-5b2f6c1e0d3a',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: issuer, type: ['Profile'], name: 'Example University' },
  validFrom: '2026-01-01T00:00:00Z',
  credentialSubject: {
    id: 'did:example:learner',
    type: ['AchievementSubject'],
    achievement: {
      id: 'https://example.edu/achievements/data-analysis',
      type: ['Achievement'],
      name: 'Data Analysis',
      description: 'Cleans, analyses and presents data sets',
      criteria: { narrative: 'Passed the final assessment with 85 %' },
    },
  },
});

describe.each(['P-256', 'P-384'] as const)('ecdsa-sd-2023 credentials from the reference implementation, %s issuer key', (curve) => {
  let derived: Record<string, unknown>;
  const mandatory = ['/issuer', '/validFrom', '/credentialSubject/achievement/id'];
  const selective = ['/credentialSubject/achievement/name', '/credentialSubject/id'];
  beforeAll(async () => {
    if (curve === 'P-384') {
      derived = (await p384Derived(badge, mandatory, selective)).derived;
      return;
    }
    const issuer = await sdIssuer(curve);
    derived = await issuer.derive(await issuer.issue(badge(issuer.did), mandatory), selective);
    // The reference verifier accepts it too, so the comparisons below are meaningful.
    expect(await issuer.referenceVerify(derived)).toBe(true);
  });

  it('the base signature is made by the issuer key of this curve (64 bytes for P-256, 96 for P-384)', async () => {
    const proof = derived.proof as Record<string, unknown>;
    const { baseSignature } = parseDerivedProofValue(proof.proofValue);
    expect(baseSignature.length).toBe(curve === 'P-256' ? 64 : 96);
  });

  it('is verified, with the disclosed fields in technical.disclosed and the withheld ones absent', async () => {
    const { ctx, requests } = spyNet();
    const report = await verifyJson(derived, ctx);
    expect(report.verdict, JSON.stringify(report.checks)).toBe('verified');
    expect(requests).toEqual([]);
    expect(report.technical.cryptosuite).toBe('ecdsa-sd-2023');
    const disclosed = report.technical.disclosed as string[];
    expect(disclosed).toEqual(expect.arrayContaining(['/issuer/name', '/validFrom', '/credentialSubject/id', '/credentialSubject/achievement/name']));
    expect(disclosed).not.toContain('/credentialSubject/achievement/description');
    expect(disclosed).not.toContain('/credentialSubject/achievement/criteria/narrative');
    expect(report.technical.disclosedStatements).toMatchObject({ mandatory: expect.any(Number), selective: expect.any(Number) });
  });

  it('the summary shows only what was disclosed', async () => {
    const report = await verifyJson(derived, spyNet().ctx);
    expect(report.summary.achievement).toMatchObject({ name: 'Data Analysis', id: 'https://example.edu/achievements/data-analysis' });
    expect(report.summary.achievement?.description).toBeUndefined();
    expect(report.summary.achievement?.criteria).toBeUndefined();
    expect(report.summary.issuer?.name).toBe('Example University');
  });
});

describe('label replacement agrees with the reference library (di-sd-primitives)', () => {
  it('for a derived credential, the relabelled statements are the ones labelReplacementCanonicalizeNQuads gives', async () => {
    const issuer = await sdIssuer('P-256');
    const derived = await issuer.derive(await issuer.issue(badge(issuer.did), ['/issuer']), ['/credentialSubject/achievement/name']);
    const { proof, ...document } = derived;
    const report = await verifyJson(derived, spyNet().ctx);
    expect(report.verdict).toBe('verified');
    const { canonizeRdfc } = await import('../../../../../lib/engine/jsonld/canonize');
    const nquads = await canonizeRdfc(document);
    const { labelMap } = parseDerivedProofValue((proof as Record<string, unknown>).proofValue);
    // The reference library ships no type declarations.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const { createLabelMapFunction, labelReplacementCanonicalizeNQuads }: any = await import(REFERENCE_PRIMITIVES);
    const reference = await labelReplacementCanonicalizeNQuads({ nquads: nquads.split(/(?<=\n)/), labelMapFactoryFunction: createLabelMapFunction({ labelMap }), options: {} });
    expect(await relabelledStatements(nquads, labelMap)).toEqual(reference.nquads);
  });
});
