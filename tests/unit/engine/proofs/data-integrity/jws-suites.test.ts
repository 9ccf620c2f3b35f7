/**
 * Ed25519Signature2018 and JsonWebSignature2020: the detached-JWS suites of
 * the 2022–23 OB 3.0 plugfests, signed by third-party libraries
 * (jws-suites-signer.ts) and attacked as a forger would.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { VerifierError } from '../../../../../lib/engine/errors';
import { parseDetachedJws } from '../../../../../lib/engine/proofs/data-integrity/detached-jws';
import { spyNet, verifyJson } from '../../../attacks/harness';
import { ed25519Signature2018Issuer, jsonWebSignature2020Issuer, type JwsIssuer } from './jws-suites-signer';

type Json = Record<string, unknown>;

const V1 = 'https://www.w3.org/2018/credentials/v1';
const V2 = 'https://www.w3.org/ns/credentials/v2';
const OB3_0 = 'https://purl.imsglobal.org/spec/ob/v3p0/context.json';
const OB3_3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const ED25519_2018 = 'https://w3id.org/security/suites/ed25519-2018/v1';
const JWS_2020 = 'https://w3id.org/security/suites/jws-2020/v1';

/** An OB 3.0 badge as the 2022–23 plugfest issuers wrote it (VC 1.1 dates) or as VC 2.0. */
function plugfestBadge(issuer: string, contexts: string[]): Json {
  const v1 = contexts[0] === V1;
  return {
    '@context': contexts,
    id: 'urn:uuid:9d3c1f0e-2a7b-4c8e-b1d4-6f5a0e9c2b71',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer, type: ['Profile'], name: 'Plugfest College' },
    ...(v1 ? { issuanceDate: '2026-01-01T00:00:00Z' } : { validFrom: '2026-01-01T00:00:00Z' }),
    name: 'Interoperability badge',
    credentialSubject: {
      id: 'did:example:learner',
      type: ['AchievementSubject'],
      achievement: { id: 'https://plugfest.example/achievements/1', type: ['Achievement'], name: 'Interoperability', description: 'Took part in the plugfest', criteria: { narrative: 'Issued a badge that others verified' } },
    },
  };
}

const withSubjectName = (credential: Json, name: string): Json => ({ ...credential, credentialSubject: { ...(credential.credentialSubject as Json), name } });
const withProof = (credential: Json, changes: Json): Json => ({ ...credential, proof: { ...(credential.proof as Json), ...changes } });
const header = (fields: Json) => Buffer.from(JSON.stringify(fields)).toString('base64url');
const signatureOf = (credential: Json) => String((credential.proof as Json).jws).split('..')[1]!;

const cases: [string, () => Promise<JwsIssuer>, string[]][] = [
  ['Ed25519Signature2018, VC 1.1 + OB 3.0.0 (the 2022 plugfest shape)', ed25519Signature2018Issuer, [V1, OB3_0]],
  ['Ed25519Signature2018, VC 2.0 + OB 3.0.3 + its suite context', ed25519Signature2018Issuer, [V2, OB3_3, ED25519_2018]],
  ['JsonWebSignature2020 Ed25519', () => jsonWebSignature2020Issuer('Ed25519'), [V1, OB3_0, JWS_2020]],
  ['JsonWebSignature2020 P-256', () => jsonWebSignature2020Issuer('P-256'), [V1, JWS_2020, OB3_0]],
  ['JsonWebSignature2020 P-384', () => jsonWebSignature2020Issuer('P-384'), [V2, OB3_3, JWS_2020]],
];

describe.each(cases)('%s', (_name, makeIssuer, contexts) => {
  let signed: Json;
  beforeAll(async () => {
    const issuer = await makeIssuer();
    signed = await issuer.sign(plugfestBadge(issuer.did, contexts));
  });

  it('is verified, offline, naming its proof type', async () => {
    const { ctx, requests } = spyNet();
    const report = await verifyJson(signed, ctx);
    expect(report.verdict, JSON.stringify(report.checks)).toBe('verified');
    expect(report.technical.cryptosuite).toBe((signed.proof as Json).type);
    expect(requests).toEqual([]);
  });

  it('a claim changed after signing is DI_SIGNATURE_INVALID (failed)', async () => {
    const report = await verifyJson(withSubjectName(signed, 'Someone Else'), spyNet().ctx);
    expect(report.checks.find((c) => c.id === 'proof')).toMatchObject({ status: 'fail', code: 'DI_SIGNATURE_INVALID' });
    expect(report.verdict).toBe('failed');
  });

  it('a proof option changed after signing (created) is DI_SIGNATURE_INVALID', async () => {
    const report = await verifyJson(withProof(signed, { created: '2026-02-02T00:00:00Z' }), spyNet().ctx);
    expect(report.checks.find((c) => c.id === 'proof')).toMatchObject({ status: 'fail', code: 'DI_SIGNATURE_INVALID' });
  });

  it.each([
    ['the signature moved to proofValue', (c: Json) => withProof(c, { proofValue: `z${'1'.repeat(80)}` })],
    ['an attached payload (a compact JWS, not detached)', (c: Json) => withProof(c, { jws: String((c.proof as Json).jws).replace('..', '.e30.') })],
    ['a header that encodes the payload (b64 true)', (c: Json) => withProof(c, { jws: `${header({ alg: 'EdDSA', b64: true, crit: ['b64'] })}..${signatureOf(c)}` })],
    ['a header with an extra member', (c: Json) => withProof(c, { jws: `${header({ alg: 'EdDSA', b64: false, crit: ['b64'], kid: 'x' })}..${signatureOf(c)}` })],
    ['alg none', (c: Json) => withProof(c, { jws: `${header({ alg: 'none', b64: false, crit: ['b64'] })}..${signatureOf(c)}` })],
  ])('%s is DI_MALFORMED_PROOF before any crypto', async (_case, forge) => {
    const report = await verifyJson(forge(signed), spyNet().ctx);
    expect(report.checks.find((c) => c.id === 'proof')).toMatchObject({ status: 'fail', code: 'DI_MALFORMED_PROOF' });
    expect(report.verdict).toBe('failed');
  });
});

describe('parseDetachedJws', () => {
  const sig64 = Buffer.alloc(64, 1).toString('base64url');
  const codeOf = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e instanceof VerifierError ? e.code : 'not a VerifierError';
    }
    return undefined;
  };

  it('reads the algorithm and signature of a detached, unencoded-payload JWS (RFC 7797)', () => {
    const jws = parseDetachedJws(`${header({ alg: 'ES256', b64: false, crit: ['b64'] })}..${sig64}`, ['ES256']);
    expect(jws.alg).toBe('ES256');
    expect(jws.signature.length).toBe(64);
  });

  it.each([
    ['Ed25519Signature2018 allows EdDSA only', `${header({ alg: 'ES256', b64: false, crit: ['b64'] })}..${sig64}`, ['EdDSA'] as const],
    ['an ES384 signature has 96 bytes', `${header({ alg: 'ES384', b64: false, crit: ['b64'] })}..${sig64}`, ['ES384'] as const],
    ['a header that is not JSON', `${Buffer.from('{').toString('base64url')}..${sig64}`, ['EdDSA'] as const],
    ['crit without b64', `${header({ alg: 'EdDSA', b64: false, crit: [] })}..${sig64}`, ['EdDSA'] as const],
    ['no jws at all', undefined, ['EdDSA'] as const],
  ])('%s', (_name, value, allowed) => {
    expect(codeOf(() => parseDetachedJws(value, allowed))).toBe('DI_MALFORMED_PROOF');
  });
});

describe('a JsonWebSignature2020 proof whose algorithm does not fit its key', () => {
  it('an ES256 jws verified with an Ed25519 key is DI_MALFORMED_PROOF (it could never verify)', async () => {
    const ed = await jsonWebSignature2020Issuer('Ed25519');
    const p256 = await jsonWebSignature2020Issuer('P-256');
    const byP256 = await p256.sign(plugfestBadge(ed.did, [V1, OB3_0, JWS_2020]));
    // the P-256 proof names the Ed25519 issuer's key
    const forged = withProof(byP256, { verificationMethod: ed.verificationMethod });
    const report = await verifyJson(forged, spyNet().ctx);
    expect(report.checks.find((c) => c.id === 'proof')).toMatchObject({ status: 'fail', code: 'DI_MALFORMED_PROOF' });
  });
});
