/**
 * Verifiable Presentations through verify() (lib/engine/formats/presentation):
 * JSON-LD signed by the holder with the Digital Bazaar libraries or unsigned,
 * VP-JWT (VC 1.1 `vp` claim), VC-JOSE-COSE `vp+jwt` with enveloped
 * credentials, line-wrapped tokens, and envelopes on their own. Each
 * credential inside becomes a part with its own report.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../../../../lib/engine/limits';
import type { Report } from '../../../../../lib/engine/report';
import { thirdPartyIssuer, type ThirdPartyIssuer } from '../../../../support/third-party-signing';
import { spyNet, verifyJson, verifyRow } from '../../../attacks/harness';
import { credentialV2, didKeyOf, makeSigner, type TestSigner } from '../../keys/jwt-signer';
import { newHolder, type Holder } from './holder-signing';

const V2 = 'https://www.w3.org/ns/credentials/v2';
const check = (r: Report, id: string) => r.checks.find((c) => c.id === id);
const verdicts = (r: Report) => (r.parts ?? []).map((p) => p.report.verdict);

let school: ThirdPartyIssuer;
let holder: Holder;
let jwtIssuer: TestSigner;
let jwtHolder: TestSigner;

/** An OB 3.0 credential for the holder, signed by the school (eddsa-rdfc-2022). */
const badge = (n: number, extra: Record<string, unknown> = {}) =>
  school.sign({
    '@context': [V2, 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: `urn:uuid:7a1e0c1e-4b0a-4d2e-9a51-0c7b1e5c9d${String(n).padStart(2, '0')}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: school.did, type: ['Profile'], name: 'Example School' },
    validFrom: '2025-01-01T00:00:00Z',
    name: `Badge ${n}`,
    credentialSubject: { id: holder.did, type: ['AchievementSubject'], achievement: { id: `urn:uuid:a${n}`, type: ['Achievement'], name: `Badge ${n}`, criteria: { narrative: 'Passed' } } },
    ...extra,
  });

const presentation = (credentials: unknown[], extra: Record<string, unknown> = {}) => ({
  '@context': [V2],
  type: ['VerifiablePresentation'],
  holder: holder.did,
  verifiableCredential: credentials,
  ...extra,
});

/** A VC-JOSE vc+jwt of the JWT issuer, and its envelope. */
async function vcJwt(extra: Record<string, unknown> = {}) {
  const { did, vm } = didKeyOf(jwtIssuer);
  return jwtIssuer.sign(credentialV2(did, extra), { typ: 'vc+jwt', kid: vm });
}
const envelope = (token: string, mediaType = 'application/vc+jwt') => ({ '@context': V2, id: `data:${mediaType},${token}`, type: 'EnvelopedVerifiableCredential' });

beforeAll(async () => {
  [school, holder, jwtIssuer, jwtHolder] = await Promise.all([thirdPartyIssuer(), newHolder(), makeSigner('EdDSA'), makeSigner('EdDSA')]);
});

describe('JSON-LD presentations', () => {
  it('unsigned: "no holder signature", two verified parts, verified, summarised as presented by the holder', async () => {
    const { ctx, requests } = spyNet();
    const report = await verifyJson(presentation([await badge(1), await badge(2)]), ctx);
    expect(report.format).toBe('vp');
    expect(check(report, 'proof')).toMatchObject({ status: 'skip', code: 'NOT_APPLICABLE' });
    expect(check(report, 'parts')).toMatchObject({ status: 'pass', detail: { count: 2 } });
    expect(verdicts(report)).toEqual(['verified', 'verified']);
    expect(report.parts?.map((p) => [p.role, p.path])).toEqual([['presented', 'verifiableCredential[0]'], ['presented', 'verifiableCredential[1]']]);
    expect(report.parts?.[1]?.report.summary.title).toBe('Badge 2');
    expect(report.verdict).toBe('verified');
    expect(report.summary).toMatchObject({ description: `Presented by ${holder.did}; 2 credentials`, presentation: { holder: holder.did, credentials: 2, holderSigned: false } });
    expect(requests).toEqual([]);
  });

  it('signed by its holder (Digital Bazaar signPresentation): holder proof passes, challenge and domain are shown, never required', async () => {
    const signed = await holder.sign(presentation([await badge(1)]), { challenge: 'c-123', domain: 'https://employer.example' });
    const report = await verifyJson(signed, spyNet().ctx);
    expect(check(report, 'proof')).toMatchObject({ status: 'pass', detail: { holder: holder.did } });
    expect(report.technical).toMatchObject({ holderChallenge: 'c-123', holderDomain: 'https://employer.example' });
    expect(report.summary.presentation).toEqual({ holder: holder.did, credentials: 1, holderSigned: true });
    expect(report.verdict).toBe('verified');
  });

  it('a holder proof made for assertions, not authentication: HOLDER_PROOF_PURPOSE_MISMATCH, failed', async () => {
    const signed = await holder.sign(presentation([await badge(1)]), { purpose: 'assertionMethod' });
    const report = await verifyJson(signed, spyNet().ctx);
    expect(check(report, 'proof')).toMatchObject({ status: 'fail', code: 'HOLDER_PROOF_PURPOSE_MISMATCH' });
    expect(report.verdict).toBe('failed');
  });

  it('a presentation signed by someone other than the holder it names: KEY_NOT_BOUND_TO_HOLDER, failed', async () => {
    const other = await newHolder();
    const signed = await other.sign(presentation([await badge(1)]));
    const report = await verifyJson(signed, spyNet().ctx);
    expect(check(report, 'proof')).toMatchObject({ status: 'fail', code: 'KEY_NOT_BOUND_TO_HOLDER' });
    expect(report.verdict).toBe('failed');
  });

  it('signed but naming no holder: the signature cannot be attributed, unverifiable', async () => {
    const signed = await holder.sign({ ...presentation([await badge(1)]), holder: undefined });
    expect(check(await verifyJson(signed, spyNet().ctx), 'proof')).toMatchObject({ status: 'error', code: 'KEY_UNRESOLVABLE' });
  });

  it('the worst part decides: an expired credential makes the presentation expired, one that cannot be checked unverifiable', async () => {
    const expired = await badge(3, { validUntil: '2025-06-01T00:00:00Z' });
    const report = await verifyJson(presentation([await badge(1), expired]), spyNet().ctx);
    expect(verdicts(report)).toEqual(['verified', 'expired']);
    expect(check(report, 'parts')).toMatchObject({ code: 'CRED_EXPIRED', detail: { path: 'verifiableCredential[1]' } });
    expect(report.verdict).toBe('expired');
    const web = await thirdPartyIssuer('did:web:school.example');
    const { proof: _proof, ...unsigned } = await badge(4);
    // its issuer's DID document is not served: the key cannot be looked up
    const unreachable = await web.sign({ ...unsigned, issuer: { id: web.did, type: ['Profile'], name: 'Example School' } });
    const unknown = await verifyJson(presentation([await badge(1), unreachable]), spyNet().ctx);
    expect(verdicts(unknown)).toEqual(['verified', 'unverifiable']);
    expect(check(unknown, 'parts')).toMatchObject({ status: 'error', code: 'NESTED_CREDENTIAL_UNVERIFIED' });
    expect(unknown.verdict).toBe('unverifiable');
  });

  it('no credential: PRESENTATION_EMPTY, unverifiable (nothing for a recruiter to rely on)', async () => {
    const report = await verifyJson(presentation([]), spyNet().ctx);
    expect(check(report, 'parts')).toMatchObject({ status: 'error', code: 'PRESENTATION_EMPTY' });
    expect(report.verdict).toBe('unverifiable');
  });

  it.each([
    ['a holder object without id', { holder: { name: 'Ana' } }, 'STRUCTURE_INVALID'],
    ['a VC 2.0 credential as a string', { verifiableCredential: ['eyJhbGciOiJFZERTQSJ9.e30.sig'] }, 'STRUCTURE_INVALID'],
    ['an entry that is no credential', { verifiableCredential: [{ type: ['Thing'] }] }, 'STRUCTURE_INVALID'],
    ['the base context second', { '@context': ['https://www.w3.org/ns/credentials/examples/v2', V2] }, 'STRUCTURE_CONTEXT'],
  ])('%s: %s', async (_, change, code) => {
    const report = await verifyJson({ ...presentation([]), ...change }, spyNet().ctx);
    expect(check(report, 'structure')).toMatchObject({ status: 'fail', code });
    expect(report.verdict).toBe('failed');
  });

  it(`at most LIMITS.presentedCredentialsVerified (${LIMITS.presentedCredentialsVerified}) credentials are verified; more is NESTED_LIMIT`, async () => {
    const one = await badge(1);
    const report = await verifyJson(presentation(new Array(LIMITS.presentedCredentialsVerified + 1).fill(one)), spyNet().ctx, 15_000);
    expect(report.parts).toHaveLength(LIMITS.presentedCredentialsVerified);
    expect(check(report, 'parts')).toMatchObject({ status: 'error', code: 'NESTED_LIMIT' });
  });
});

describe('presentations as JWTs', () => {
  /** A VC 1.1 VP-JWT: the holder signs `vp` with JWT credentials in it. */
  async function vpJwt(credentials: string[], claims: Record<string, unknown> = {}, signer = jwtHolder) {
    const { did, vm } = didKeyOf(jwtHolder);
    return signer.sign({ iss: did, aud: 'https://employer.example', nonce: 'n-42', vp: { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiablePresentation'], verifiableCredential: credentials }, ...claims }, { kid: vm });
  }

  it('VC 1.1 VP-JWT (`vp` claim): holder proof by iss, JWT credentials as parts, nonce and aud shown', async () => {
    const report = await verifyRow({ text: await vpJwt([await vcJwt(), await vcJwt()]) }, spyNet().ctx);
    expect(report.format).toBe('vp');
    expect(check(report, 'proof')).toMatchObject({ status: 'pass' });
    expect(verdicts(report)).toEqual(['verified', 'verified']);
    expect(report.technical).toMatchObject({ holderNonce: 'n-42', holderAudience: 'https://employer.example' });
    expect(report.verdict).toBe('verified');
  });

  it('line-wrapped VP-JWT text (as wallets print it) reads as the token', async () => {
    const token = await vpJwt([await vcJwt()]);
    const wrapped = token.replace(/(.{64})/g, '$1\n  ');
    const report = await verifyRow({ text: `\n${wrapped}\n` }, spyNet().ctx);
    expect(report.container).toBe('jws');
    expect(report.verdict).toBe('verified');
  });

  it('VC-JOSE vp+jwt with enveloped vc+jwt credentials', async () => {
    const { did, vm } = didKeyOf(jwtHolder);
    const vp = { '@context': [V2], type: 'VerifiablePresentation', holder: did, verifiableCredential: [envelope(await vcJwt())] };
    const report = await verifyRow({ text: await jwtHolder.sign(vp, { typ: 'vp+jwt', cty: 'vp', kid: vm }) }, spyNet().ctx);
    expect(check(report, 'proof')).toMatchObject({ status: 'pass' });
    expect(report.parts?.[0]?.report).toMatchObject({ verdict: 'verified', format: 'vc-jwt', technical: { envelope: 'application/vc+jwt' } });
    expect(report.verdict).toBe('verified');
  });

  it('a VP-JWT signed by a key of another DID than its iss: KEY_NOT_BOUND_TO_HOLDER, failed', async () => {
    const stranger = await makeSigner('EdDSA');
    const token = await stranger.sign({ iss: didKeyOf(jwtHolder).did, vp: { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiablePresentation'], verifiableCredential: [await vcJwt()] } }, { kid: didKeyOf(stranger).vm });
    const report = await verifyRow({ text: token }, spyNet().ctx);
    expect(check(report, 'proof')).toMatchObject({ status: 'fail', code: 'KEY_NOT_BOUND_TO_HOLDER' });
    expect(report.verdict).toBe('failed');
  });

  it('a presentation inside a presentation is not followed: that part is unverifiable', async () => {
    const inner = await vpJwt([await vcJwt()]);
    const report = await verifyJson(presentation([envelope(inner, 'application/vp+jwt')]), spyNet().ctx);
    expect(report.parts?.[0]?.report.checks[0]).toMatchObject({ status: 'error', code: 'INPUT_UNSUPPORTED_FORMAT' });
    expect(report.verdict).toBe('unverifiable');
  });
});

describe('envelopes on their own (VC Data Model 2.0 §4.13.2)', () => {
  it('an EnvelopedVerifiableCredential is its token, verified as such', async () => {
    const report = await verifyJson(envelope(await vcJwt()), spyNet().ctx);
    expect(report).toMatchObject({ format: 'vc-jwt', verdict: 'verified', technical: { envelope: 'application/vc+jwt' } });
  });

  it('a data: URL given as text, base64 or not, is read the same way', async () => {
    const token = await vcJwt();
    for (const text of [`data:application/vc+jwt,${token}`, `data:application/vc+jwt;base64,${btoa(token)}`]) {
      expect((await verifyRow({ text }, spyNet().ctx)).verdict).toBe('verified');
    }
  });

  it('an EnvelopedVerifiablePresentation holding a vp+jwt is the presentation', async () => {
    const { did, vm } = didKeyOf(jwtHolder);
    const vp = await jwtHolder.sign({ '@context': [V2], type: 'VerifiablePresentation', holder: did, verifiableCredential: [envelope(await vcJwt())] }, { typ: 'vp+jwt', kid: vm });
    const report = await verifyJson({ '@context': [V2], type: 'EnvelopedVerifiablePresentation', id: `data:application/vp+jwt,${vp}` }, spyNet().ctx);
    expect(report).toMatchObject({ format: 'vp', verdict: 'verified' });
  });

  it.each([
    ['no base context', { '@context': 'https://www.w3.org/2018/credentials/v1' }, 'STRUCTURE_CONTEXT'],
    ['an id that is not a data: URL', { id: 'https://example.org/vc' }, 'STRUCTURE_INVALID'],
    ['an envelope inside an envelope', { id: `data:application/vc+ld+json,${encodeURIComponent(JSON.stringify({ '@context': V2, type: 'EnvelopedVerifiableCredential', id: 'data:application/vc+jwt,x' }))}` }, 'STRUCTURE_INVALID'],
  ])('%s: %s, failed', async (_, change, code) => {
    const report = await verifyJson({ ...envelope('eyJ.e30.x'), ...change }, spyNet().ctx);
    expect(report.checks[0]).toMatchObject({ code });
    expect(report.verdict).toBe('failed');
  });
});
