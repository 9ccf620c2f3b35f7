/**
 * Credentials carried inside a credential (lib/engine/formats/vc/parts.ts):
 * OB 3.0 endorsements and the achievement credentials of a CLR 2.0
 * transcript, each verified as a credential of its own.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createContext, type VerifyContext } from '../../../../../lib/engine/context';
import { verifyCarried } from '../../../../../lib/engine/formats/vc/parts';
import { verifyPayload } from '../../../../../lib/engine/formats';
import type { FormatOutcome } from '../../../../../lib/engine/formats/types';
import { LIMITS } from '../../../../../lib/engine/limits';
import { verify } from '../../../../../lib/engine/pipeline';
import type { Report, ReportPart } from '../../../../../lib/engine/report';
import { encodeStatusList } from '../../../../../lib/engine/status/bitstring';
import { createWorkBudget } from '../../../../../lib/engine/util/work-budget';
import { achievementCredential, clrCredential, endorsementCredential, LEARNER } from '../../../../support/carried-credentials';
import { ONE_EDTECH_CONTROLLERS } from '../../../../support/controller-docs';
import { createFixtureTransport, fixturesPresent, readFixture } from '../../../../support/fixture-transport';
import { thirdPartyIssuer, type ThirdPartyIssuer } from '../../../../support/third-party-signing';
import { credentialV2, didKeyOf, makeSigner } from '../../keys/jwt-signer';

const NOW = Date.parse('2026-06-01T00:00:00Z');

function served(routes: Record<string, unknown> = {}) {
  const requests: string[] = [];
  const ctx = createContext({
    now: () => NOW,
    transport: async (url) => {
      requests.push(url);
      const body = routes[url];
      return body === undefined ? new Response('not found', { status: 404 }) : new Response(typeof body === 'string' ? body : JSON.stringify(body), { status: 200 });
    },
  });
  return { ctx, requests };
}

const check = (r: Report, id: string) => r.checks.find((c) => c.id === id);
const roles = (r: Report, role: ReportPart['role']) => (r.parts ?? []).filter((p) => p.role === role);

let school: ThirdPartyIssuer;
let university: ThirdPartyIssuer;
let council: ThirdPartyIssuer;
beforeAll(async () => {
  [school, university, council] = await Promise.all([thirdPartyIssuer(), thirdPartyIssuer(), thirdPartyIssuer()]);
});

async function transcript(entries: unknown[], extra: Record<string, unknown> = {}) {
  return university.sign(clrCredential(university.did, entries, extra));
}

describe('CLR 2.0: every achievement credential is verified on its own', () => {
  it('a transcript of three genuine course credentials: verified, with three verified parts', async () => {
    const courses = await Promise.all([1, 2, 3].map((n) => school.sign(achievementCredential(school.did, n))));
    const report = await verify({ text: JSON.stringify(await transcript(courses)) }, served().ctx);
    expect(report.verdict).toBe('verified');
    expect(check(report, 'parts')).toMatchObject({ status: 'pass', detail: { count: 3, verified: 3, lapsed: 0 } });
    const parts = roles(report, 'achievement');
    expect(parts.map((p) => [p.path, p.report.verdict, p.report.summary.title])).toEqual([
      ['credentialSubject.verifiableCredential[0]', 'verified', 'Course 1'],
      ['credentialSubject.verifiableCredential[1]', 'verified', 'Course 2'],
      ['credentialSubject.verifiableCredential[2]', 'verified', 'Course 3'],
    ]);
    // each part is a full report: its own checks, its own signed payload for the quality profile
    expect(parts[0]!.report.checks.find((c) => c.id === 'issuer-binding')?.status).toBe('pass');
    expect(parts[0]!.report.credential).toMatchObject({ name: 'Course 1' });
  });

  it('one course credential changed after its issuer signed it: that part fails, the transcript is not verified', async () => {
    const courses = await Promise.all([1, 2, 3].map((n) => school.sign(achievementCredential(school.did, n))));
    // the forger raises a grade inside the transcript, then has the transcript signed over it
    const forged = structuredClone(courses[1]!) as { credentialSubject: { achievement: { name: string } } };
    forged.credentialSubject.achievement.name = 'Course 2 (with distinction)';
    const report = await verify({ text: JSON.stringify(await transcript([courses[0], forged, courses[2]])) }, served().ctx);
    expect(check(report, 'proof')?.status).toBe('pass');
    expect(report.verdict).toBe('failed');
    expect(check(report, 'parts')).toMatchObject({ status: 'fail', code: 'NESTED_CREDENTIAL_FAILED', detail: { failed: 1, count: 3, path: 'credentialSubject.verifiableCredential[1]' } });
    expect(roles(report, 'achievement').map((p) => p.report.verdict)).toEqual(['verified', 'failed', 'verified']);
    expect(roles(report, 'achievement')[1]!.report.checks.find((c) => c.id === 'proof')?.code).toBe('DI_SIGNATURE_INVALID');
  });

  it('an expired course credential leaves the transcript verified, with that part expired', async () => {
    const expired = await school.sign(achievementCredential(school.did, 1, { validUntil: '2025-12-31T00:00:00Z' }));
    const current = await school.sign(achievementCredential(school.did, 2));
    const report = await verify({ text: JSON.stringify(await transcript([expired, current])) }, served().ctx);
    expect(report.verdict).toBe('verified');
    expect(check(report, 'parts')).toMatchObject({ status: 'pass', detail: { count: 2, verified: 1, lapsed: 1 } });
    expect(roles(report, 'achievement').map((p) => p.report.verdict)).toEqual(['expired', 'verified']);
  });

  it('a course credential whose issuer cannot be looked up leaves the transcript unverifiable, never verified', async () => {
    const remote = await thirdPartyIssuer('did:web:school.example');
    const course = await remote.sign(achievementCredential(remote.did, 1));
    const { ctx, requests } = served();
    const report = await verify({ text: JSON.stringify(await transcript([course])) }, ctx);
    expect(requests).toEqual(['https://school.example/.well-known/did.json']);
    expect(report.verdict).toBe('unverifiable');
    expect(check(report, 'parts')).toMatchObject({ status: 'error', code: 'NESTED_CREDENTIAL_UNVERIFIED', detail: { unverified: 1, count: 1 } });
  });

  it('a revoked course credential: its own status list is checked, the part is revoked and the transcript stays verified', async () => {
    const listUrl = 'https://school.example/status/1';
    const list = await school.sign({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: listUrl,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: school.did,
      validFrom: '2025-01-01T00:00:00Z',
      credentialSubject: { id: `${listUrl}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: await encodeStatusList([7]) },
    });
    const status = (index: number) => ({ id: `${listUrl}#${index}`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: String(index), statusListCredential: listUrl });
    const revoked = await school.sign(achievementCredential(school.did, 1, { credentialStatus: status(7) }));
    const kept = await school.sign(achievementCredential(school.did, 2, { credentialStatus: status(8) }));
    const report = await verify({ text: JSON.stringify(await transcript([revoked, kept])) }, served({ [listUrl]: list }).ctx);
    expect(roles(report, 'achievement').map((p) => [p.report.verdict, p.report.checks.find((c) => c.id === 'status')?.code])).toEqual([
      ['revoked', 'CRED_REVOKED'],
      ['verified', 'OK'],
    ]);
    expect(report.verdict).toBe('verified');
  });

  it('the recipient hint is held against each course credential too', async () => {
    const course = await school.sign(achievementCredential(school.did, 1));
    const ctx = { ...served().ctx, recipient: { did: LEARNER } };
    const report = await verify({ text: JSON.stringify(await transcript([course])) }, ctx);
    expect(report.recipient.outcome).toBe('match');
    expect(roles(report, 'achievement')[0]!.report.recipient.outcome).toBe('match');
  });

  it('a transcript whose own signature fails gets no parts verified', async () => {
    const course = await school.sign(achievementCredential(school.did, 1));
    const signed = await transcript([course]);
    const report = await verify({ text: JSON.stringify({ ...signed, name: 'Transcript (forged)' }) }, served().ctx);
    expect(report.verdict).toBe('failed');
    expect(report.parts).toBeUndefined();
    expect(check(report, 'parts')).toMatchObject({ status: 'skip' });
  });

  it.skipIf(!fixturesPresent)('the 1EdTech CLR samples, keys served as PROVENANCE.md allows: verified, each entry verified', async () => {
    for (const file of ['1edtech-validator/clr20/simple.json', 'ob3-spec/test-vectors/clrv2p0/signed-credential.json']) {
      const { transport } = createFixtureTransport(ONE_EDTECH_CONTROLLERS);
      const report = await verify({ bytes: readFixture(file) }, createContext({ now: () => NOW, transport }));
      expect(report.verdict, file).toBe('verified');
      expect(roles(report, 'achievement').map((p) => p.report.verdict), file).toEqual(['verified']);
      expect(check(report, 'parts')?.message).toBe('The credential inside is genuine');
    }
  });
});

describe('CLR 2.0: caps', () => {
  /** A context whose nested verifier answers at once and counts its calls (the cap is about how many, not how). */
  function countingCtx(): { ctx: VerifyContext; calls: () => number } {
    let calls = 0;
    const verified: FormatOutcome = { format: 'vc-data-integrity', checks: [{ id: 'proof', status: 'pass', code: 'OK', message: '' }], required: ['proof'], summary: {}, technical: {} };
    const ctx: VerifyContext = { ...createContext({ now: () => NOW }), verifyNested: async () => (calls++, verified) };
    return { ctx, calls: () => calls };
  }

  it(`verifies at most ${LIMITS.clrCredentialsVerified} entries and says the rest were not checked`, async () => {
    const { ctx, calls } = countingCtx();
    const clr = clrCredential('did:example:u', Array.from({ length: LIMITS.clrCredentialsVerified + 5 }, (_, i) => ({ id: `urn:x:${i}` })));
    const carried = await verifyCarried(clr, ctx, true);
    expect(calls()).toBe(LIMITS.clrCredentialsVerified);
    expect(carried.parts).toHaveLength(LIMITS.clrCredentialsVerified);
    expect(carried.checks).toMatchObject([{ id: 'parts', status: 'error', code: 'NESTED_LIMIT', detail: { count: LIMITS.clrCredentialsVerified + 5, max: LIMITS.clrCredentialsVerified } }]);
  });

  it(`verifies at most ${LIMITS.endorsementsVerified} endorsements and counts the others`, async () => {
    const { ctx, calls } = countingCtx();
    const vc = { type: ['VerifiableCredential'], issuer: { id: 'did:example:i', endorsement: Array.from({ length: 11 }, () => ({})) } };
    const carried = await verifyCarried(vc, ctx, true);
    expect(calls()).toBe(LIMITS.endorsementsVerified);
    expect(carried).toMatchObject({ checks: [], endorsementsNotChecked: 11 - LIMITS.endorsementsVerified });
  });

  it('entries left when the shared JSON-LD time is used up are "not checked", never failed', async () => {
    const { ctx, calls } = countingCtx();
    const spent = { ...ctx, work: createWorkBudget(0) };
    const carried = await verifyCarried(clrCredential('did:example:u', [{}, {}]), spent, true);
    expect(calls()).toBe(0);
    expect(carried.parts.map((p) => [p.report.verdict, p.report.checks[0]!.code])).toEqual([
      ['unverifiable', 'NESTED_BUDGET_SPENT'],
      ['unverifiable', 'NESTED_BUDGET_SPENT'],
    ]);
    expect(carried.checks[0]).toMatchObject({ status: 'error', code: 'NESTED_CREDENTIAL_UNVERIFIED' });
  });

  it('an entry that ran out of the shared JSON-LD time mid-way is "not checked", not "built to be too expensive" (failed)', async () => {
    let spent = false;
    const work = { remainingMs: () => (spent ? 0 : 1), track: <T>(step: () => Promise<T>) => step() };
    const ranOut: FormatOutcome = {
      format: 'vc-data-integrity',
      checks: [{ id: 'proof', status: 'fail', code: 'DI_CANONICALIZATION_LIMIT', message: '', detail: { reason: 'time budget exceeded' } }],
      required: ['proof'],
      summary: {},
      technical: {},
    };
    const ctx: VerifyContext = { ...createContext({ now: () => NOW }), work, verifyNested: async () => ((spent = true), ranOut) };
    const carried = await verifyCarried(clrCredential('did:example:u', [{}]), ctx, true);
    expect(carried.parts[0]!.report).toMatchObject({ verdict: 'unverifiable', checks: [{ status: 'error', code: 'NESTED_BUDGET_SPENT' }] });
    // a poison graph (the work limit, not the shared time) stays a failure
    const poison: FormatOutcome = { ...ranOut, checks: [{ ...ranOut.checks[0]!, detail: { reason: 'work limit exceeded' } }] };
    spent = false;
    const again = await verifyCarried(clrCredential('did:example:u', [{}]), { ...ctx, verifyNested: async () => poison }, true);
    expect(again.parts[0]!.report.verdict).toBe('failed');
  });

  it('a status list carries nothing that is verified', async () => {
    const { ctx, calls } = countingCtx();
    const carried = await verifyCarried(clrCredential('did:example:u', [{}]), { ...ctx, nestedAs: 'status-list' }, true);
    expect(calls()).toBe(0);
    expect(carried).toEqual({ parts: [], checks: [] });
  });
});

describe('OB 3.0 endorsements: verified as credentials of their own, never changing the verdict', () => {
  it('an endorsement of the achievement, signed by the endorser: a verified part', async () => {
    const endorsement = await council.sign(endorsementCredential(council.did, 'https://school.example/achievements/1', 1));
    const badge = await school.sign(achievementCredential(school.did, 1, {}, { endorsement: [endorsement] }));
    const report = await verify({ text: JSON.stringify(badge) }, served().ctx);
    expect(report.verdict).toBe('verified');
    expect(check(report, 'parts')).toBeUndefined();
    const [part] = roles(report, 'endorsement');
    expect(part).toMatchObject({ path: 'credentialSubject.achievement.endorsement[0]', report: { verdict: 'verified', summary: { issuer: { id: council.did } } } });
    // the endorser is not the candidate: no recipient is held against it
    expect(part!.report.recipient.outcome).toBe('not-checked');
  });

  it('an endorsement changed after the endorser signed it fails on its own; the badge stays verified', async () => {
    const endorsement = await council.sign(endorsementCredential(council.did, 'https://school.example/achievements/1', 1));
    const inflated = { ...endorsement, credentialSubject: { ...(endorsement.credentialSubject as object), endorsementComment: 'Best programme in Europe' } };
    const badge = await school.sign(achievementCredential(school.did, 1, {}, { endorsement: [inflated] }));
    const report = await verify({ text: JSON.stringify(badge) }, served().ctx);
    expect(report.verdict).toBe('verified');
    expect(roles(report, 'endorsement')[0]!.report).toMatchObject({ verdict: 'failed' });
  });

  it('an endorsementJwt on the issuer profile of a VC-JWT badge (both signed with jose) is verified too', async () => {
    // the OB 3.0.3 context of the spec repository does not define endorsementJwt: it travels in JWT-secured badges
    const [endorser, issuer] = await Promise.all([makeSigner('EdDSA'), makeSigner('EdDSA')]);
    const jwt = await endorser.sign(endorsementCredential(didKeyOf(endorser).did, didKeyOf(issuer).did, 2), { kid: didKeyOf(endorser).vm });
    const { did, vm } = didKeyOf(issuer);
    const badge = await issuer.sign(credentialV2(did, { issuer: { id: did, type: ['Profile'], name: 'Example School', endorsementJwt: [jwt] } }), { kid: vm });
    const report = await verify({ text: badge }, served().ctx);
    expect(report.verdict).toBe('verified');
    expect(roles(report, 'endorsement')).toMatchObject([{ path: 'issuer.endorsementJwt[0]', report: { verdict: 'verified', format: 'vc-jwt', container: 'jws' } }]);
  });

  it('an endorsement whose key cannot be looked up is unverifiable; the badge is not affected', async () => {
    const remote = await thirdPartyIssuer('did:web:council.example');
    const endorsement = await remote.sign(endorsementCredential(remote.did, school.did, 3));
    const badge = await school.sign(achievementCredential(school.did, 1, { issuer: { id: school.did, type: ['Profile'], name: 'Example School', endorsement: [endorsement] } }));
    const report = await verify({ text: JSON.stringify(badge) }, served().ctx);
    expect(report.verdict).toBe('verified');
    expect(roles(report, 'endorsement')[0]!.report.verdict).toBe('unverifiable');
  });

  it("an endorsement's own endorsements are listed, not verified: nothing is fetched for them", async () => {
    const remote = await thirdPartyIssuer('did:web:inner.example');
    const inner = await remote.sign(endorsementCredential(remote.did, council.did, 4));
    const outer = await council.sign(endorsementCredential(council.did, school.did, 5, { issuer: { id: council.did, type: ['Profile'], name: 'Accreditation Council', endorsement: [inner] } }));
    const badge = await school.sign(achievementCredential(school.did, 1, { issuer: { id: school.did, type: ['Profile'], name: 'Example School', endorsement: [outer] } }));
    const { ctx, requests } = served();
    const report = await verify({ text: JSON.stringify(badge) }, ctx);
    expect(requests).toEqual([]);
    const [part] = roles(report, 'endorsement');
    expect(part!.report.verdict).toBe('verified');
    expect(part!.report.parts).toMatchObject([{ role: 'endorsement', path: 'issuer.endorsement[0]', report: { verdict: 'unverifiable', summary: { issuer: { id: remote.did } } } }]);
    expect(part!.report.parts![0]!.report.checks).toMatchObject([{ status: 'error', code: 'NESTED_NOT_FOLLOWED' }]);
    expect(part!.report.parts![0]!.report.credential).toBeUndefined();
  });

  it.skipIf(!fixturesPresent)('the DCC complex-issuer fixture: its issuer endorsement is verified and shown as expired; the credential stays verified', async () => {
    const file = 'dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/oidf-noStatus-notExpired-complexIssuer.json';
    const report = await verify({ bytes: readFixture(file) }, served().ctx);
    expect(report.verdict).toBe('verified');
    expect(roles(report, 'endorsement')).toMatchObject([{ path: 'issuer.endorsement[0]', report: { verdict: 'expired', summary: { title: 'Endorse the Horse' } } }]);
  });

  it('regression: a carried credential gets its own status checked (only a status list is spared that)', async () => {
    const listUrl = 'https://council.example/status/1';
    const list = await council.sign({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: listUrl,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: council.did,
      validFrom: '2025-01-01T00:00:00Z',
      credentialSubject: { id: `${listUrl}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: await encodeStatusList([3]) },
    });
    const endorsement = await council.sign(endorsementCredential(council.did, school.did, 6, {
      credentialStatus: { id: `${listUrl}#3`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '3', statusListCredential: listUrl },
    }));
    const badge = await school.sign(achievementCredential(school.did, 1, { issuer: { id: school.did, type: ['Profile'], name: 'Example School', endorsement: [endorsement] } }));
    const report = await verify({ text: JSON.stringify(badge) }, served({ [listUrl]: list }).ctx);
    expect(roles(report, 'endorsement')[0]!.report).toMatchObject({ verdict: 'revoked' });
  });
});

describe('the status list and the carried credentials are fetched at once', () => {
  it('regression (sequential status then endorsements): the credential\'s status list and its endorsement\'s status list are requested before either answers', async () => {
    const statusList = async (issuer: ThirdPartyIssuer, listUrl: string) =>
      issuer.sign({
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        id: listUrl,
        type: ['VerifiableCredential', 'BitstringStatusListCredential'],
        issuer: issuer.did,
        validFrom: '2025-01-01T00:00:00Z',
        credentialSubject: { id: `${listUrl}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: await encodeStatusList([]) },
      });
    const entry = (listUrl: string) => ({ id: `${listUrl}#3`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '3', statusListCredential: listUrl });
    const schoolList = 'https://school.example/status/own';
    const councilList = 'https://council.example/status/endorsements';
    const lists: Record<string, unknown> = { [schoolList]: await statusList(school, schoolList), [councilList]: await statusList(council, councilList) };
    const endorsement = await council.sign(endorsementCredential(council.did, school.did, 7, { credentialStatus: entry(councilList) }));
    const badge = await school.sign(achievementCredential(school.did, 1, { credentialStatus: entry(schoolList), issuer: { id: school.did, type: ['Profile'], name: 'Example School', endorsement: [endorsement] } }));
    // every list answers only once both have been asked for, or after 2 s (so a sequential engine is caught, not hung)
    const asked = new Set<string>();
    const askedBeforeFirstAnswer: boolean[] = [];
    let bothAsked!: () => void;
    const together = new Promise<void>((resolve) => (bothAsked = resolve));
    const ctx = createContext({
      now: () => NOW,
      transport: async (url) => {
        asked.add(url);
        if (Object.keys(lists).every((u) => asked.has(u))) bothAsked();
        await Promise.race([together, new Promise((resolve) => setTimeout(resolve, 2_000))]);
        askedBeforeFirstAnswer.push(Object.keys(lists).every((u) => asked.has(u)));
        return lists[url] === undefined ? new Response('not found', { status: 404 }) : new Response(JSON.stringify(lists[url]), { status: 200 });
      },
    });
    const report = await verify({ text: JSON.stringify(badge) }, ctx);
    expect(askedBeforeFirstAnswer[0]).toBe(true);
    expect(report.verdict).toBe('verified');
    expect(roles(report, 'endorsement')[0]!.report.verdict).toBe('verified');
  });
});

describe('verifyCarried without a nested verifier', () => {
  it('reports INTERNAL as could-not-check, never as verified', async () => {
    const ctx = createContext({ now: () => NOW });
    const carried = await verifyCarried(clrCredential('did:example:u', [achievementCredential('did:example:s', 1)]), ctx, true);
    expect(carried.parts[0]!.report.verdict).toBe('unverifiable');
    expect(carried.checks[0]).toMatchObject({ status: 'error', code: 'NESTED_CREDENTIAL_UNVERIFIED' });
  });

  it('a junk entry (a number) is unreadable and fails the transcript', async () => {
    const ctx = { ...createContext({ now: () => NOW }), verifyNested: verifyPayload };
    const carried = await verifyCarried(clrCredential('did:example:u', [42]), ctx, true);
    expect(carried.parts[0]!.report).toMatchObject({ verdict: 'failed', checks: [{ code: 'INPUT_UNPARSEABLE' }, { status: 'skip' }] });
    expect(carried.checks[0]).toMatchObject({ status: 'fail', code: 'NESTED_CREDENTIAL_FAILED' });
  });

  it('an OB 3.0 credential with no endorsement carries nothing', async () => {
    const carried = await verifyCarried(credentialV2('did:example:i') as Record<string, unknown>, createContext(), true);
    expect(carried).toEqual({ parts: [], checks: [] });
  });
});
