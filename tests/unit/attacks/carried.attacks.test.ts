/**
 * SECURITY.md attack table, rows 61–62: credentials carried inside a
 * credential. Inner and outer credentials are signed with the Digital Bazaar
 * reference libraries (eddsa-rdfc-2022) or jose (VC-JWT), then attacked as a
 * forger would: an endorsement or a transcript entry changed after its issuer
 * signed it and the container signed over it, endorsements that cannot lend
 * trust, and inputs built to make the engine do more work than one
 * verification may.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../../lib/engine/context';
import { LIMITS } from '../../../lib/engine/limits';
import type { Report } from '../../../lib/engine/report';
import { profileReport } from '../../../lib/qa';
import { endorsementsOf } from '../../../lib/trust/endorsements';
import { describeIssuer } from '../../../lib/trust/issuer';
import { achievementCredential, clrCredential, endorsementCredential } from '../../support/carried-credentials';
import { thirdPartyIssuer, type ThirdPartyIssuer } from '../../support/third-party-signing';
import { didKeyOf, makeSigner, type TestSigner } from '../engine/keys/jwt-signer';
import { expectCode, NOW, spyNet, verifyJson, verifyRow } from './harness';

let school: ThirdPartyIssuer;
let university: ThirdPartyIssuer;
let council: ThirdPartyIssuer;
let jwtIssuer: TestSigner;
beforeAll(async () => {
  [school, university, council, jwtIssuer] = await Promise.all([thirdPartyIssuer(), thirdPartyIssuer(), thirdPartyIssuer(), makeSigner('EdDSA')]);
});

const parts = (r: Report, role: 'endorsement' | 'achievement') => (r.parts ?? []).filter((p) => p.role === role);
const qualityAssured = (r: Report) => profileReport(r)!.unesco.qualityAssured;

/** A badge whose issuer profile carries `endorsements`, signed by the school over them. */
async function endorsedBadge(endorsements: unknown[]) {
  return school.sign(achievementCredential(school.did, 1, { issuer: { id: school.did, type: ['Profile'], name: 'Example School', endorsement: endorsements } }));
}

/** A CLR secured as a VC-JWT (jose): its entries are read as JSON, with no JSON-LD work for the transcript itself. */
async function jwtTranscript(entries: unknown[]): Promise<string> {
  const { did, vm } = didKeyOf(jwtIssuer);
  return jwtIssuer.sign(clrCredential(did, entries), { kid: vm });
}

describe('SECURITY.md attack table — row 61: endorsements lend trust only when verified', () => {
  it('an endorsement changed after the endorser signed it (a grander endorser name) fails on its own, and is not quality assurance', async () => {
    const genuine = await council.sign(endorsementCredential(council.did, school.did, 1));
    const forged = { ...genuine, issuer: { id: council.did, type: ['Profile'], name: 'European Quality Assurance Register' } };
    const { ctx } = spyNet();
    const report = await verifyJson(await endorsedBadge([forged]), ctx);
    expect(report.verdict).toBe('verified');
    expectCode(parts(report, 'endorsement')[0]!.report, 'DI_SIGNATURE_INVALID');
    expect(qualityAssured(report)).toBe('unknown');
    expect(describeIssuer(report, []).vouchers).toMatchObject([{ kind: 'endorsement', endorsement: { state: 'failed', counts: false } }]);
  });

  it('an endorsement whose key cannot be looked up, one that expired, one by the issuer itself, and a genuine one about another school: none counts', async () => {
    const remote = await thirdPartyIssuer('did:web:council.example');
    const endorsements = [
      await remote.sign(endorsementCredential(remote.did, school.did, 2)),
      await council.sign(endorsementCredential(council.did, school.did, 3, { validUntil: '2026-01-01T00:00:00Z' })),
      await school.sign(endorsementCredential(school.did, school.did, 4)),
      await council.sign(endorsementCredential(council.did, 'did:web:famous-university.example', 5)),
    ];
    const report = await verifyJson(await endorsedBadge(endorsements), spyNet().ctx);
    expect(report.verdict).toBe('verified');
    expect(endorsementsOf(report).map((e) => [e.state, e.doesNotCount ?? null, e.counts])).toEqual([
      ['unverifiable', null, false],
      ['expired', null, false],
      ['verified', 'self', false],
      ['verified', 'other-subject', false],
    ]);
    expect(qualityAssured(report)).toBe('unknown');
  });

  it("an endorsement's own endorsements are listed, not verified: their keys' hosts are never contacted", async () => {
    const inner = await (await thirdPartyIssuer('did:web:127.0.0.1')).sign(endorsementCredential('did:web:127.0.0.1', council.did, 6));
    const outer = await council.sign(endorsementCredential(council.did, school.did, 7, { issuer: { id: council.did, type: ['Profile'], name: 'Accreditation Council', endorsement: [inner] } }));
    const { ctx, requests } = spyNet();
    const report = await verifyJson(await endorsedBadge([outer]), ctx);
    expect(requests).toEqual([]);
    const listed = parts(report, 'endorsement')[0]!.report.parts!;
    expect(listed.map((p) => [p.report.verdict, p.report.checks[0]!.code])).toEqual([['unverifiable', 'NESTED_NOT_FOLLOWED']]);
    expect(endorsementsOf(report)).toMatchObject([{ state: 'verified', counts: true }]);
  });

  it(`50 endorsements: ${LIMITS.endorsementsVerified} are verified, within the row budget, and the rest are counted as not checked`, async () => {
    const one = await council.sign(endorsementCredential(council.did, school.did, 8));
    const report = await verifyJson(await endorsedBadge(Array.from({ length: 50 }, () => one)), spyNet().ctx);
    expect(parts(report, 'endorsement')).toHaveLength(LIMITS.endorsementsVerified);
    expect(report.technical.endorsementsNotChecked).toBe(50 - LIMITS.endorsementsVerified);
    expect(describeIssuer(report, []).endorsementsNotChecked).toBe(50 - LIMITS.endorsementsVerified);
  });
});

describe('SECURITY.md attack table — row 62: a CLR with a forged entry is not verified', () => {
  it('the transcript issuer signed over an entry changed after the school signed it: NESTED_CREDENTIAL_FAILED, failed', async () => {
    const courses = await Promise.all([1, 2].map((n) => school.sign(achievementCredential(school.did, n))));
    const forged = structuredClone(courses[1]!) as { credentialSubject: { achievement: { name: string } } };
    forged.credentialSubject.achievement.name = 'Advanced Structural Engineering';
    const report = await verifyJson(await university.sign(clrCredential(university.did, [courses[0], forged])), spyNet().ctx);
    expect(report.checks.find((c) => c.id === 'proof')?.status).toBe('pass');
    expect(expectCode(report, 'NESTED_CREDENTIAL_FAILED')).toMatchObject({ id: 'parts', status: 'fail', detail: { failed: 1, count: 2, path: 'credentialSubject.verifiableCredential[1]' } });
    expect(report.verdict).toBe('failed');
    expect(parts(report, 'achievement').map((p) => p.report.verdict)).toEqual(['verified', 'failed']);
  });

  it('an entry whose key cannot be looked up, or that is no credential: NESTED_CREDENTIAL_UNVERIFIED, never verified', async () => {
    const remote = await thirdPartyIssuer('did:web:school.example');
    const unreachable = await remote.sign(achievementCredential(remote.did, 3));
    for (const entry of [unreachable, { type: ['Nothing'], name: 'Not a credential' }]) {
      const report = await verifyRow({ text: await jwtTranscript([entry]) }, spyNet().ctx);
      expectCode(report, 'NESTED_CREDENTIAL_UNVERIFIED');
      expect(report.verdict).toBe('unverifiable');
    }
  });

  it(`${LIMITS.clrCredentialsVerified + 50} entries: at most ${LIMITS.clrCredentialsVerified} are tried, within the row budget`, async () => {
    const report = await verifyRow({ text: await jwtTranscript(Array.from({ length: LIMITS.clrCredentialsVerified + 50 }, () => ({}))) }, spyNet().ctx);
    expect(parts(report, 'achievement')).toHaveLength(LIMITS.clrCredentialsVerified);
    expect(report.verdict).toBe('unverifiable');
  });

  it('entries reached after the verification\'s JSON-LD time is used up are "not checked" (NESTED_BUDGET_SPENT), never failed', async () => {
    const courses = await Promise.all([4, 5, 6].map((n) => school.sign(achievementCredential(school.did, n))));
    // a VC-JWT transcript needs no JSON-LD work of its own, so a spent budget reaches only its entries
    const ctx = createContext({ now: () => NOW, workMs: 0 });
    const report = await verifyRow({ text: await jwtTranscript(courses) }, ctx);
    expect(report.verdict).toBe('unverifiable');
    expect(parts(report, 'achievement').map((p) => [p.report.verdict, p.report.checks[0]!.code])).toEqual(Array(3).fill(['unverifiable', 'NESTED_BUDGET_SPENT']));
    expect(expectCode(report, 'NESTED_CREDENTIAL_UNVERIFIED').status).toBe('error');
    expect(report.checks.some((c) => c.status === 'fail')).toBe(false);
  });
});
