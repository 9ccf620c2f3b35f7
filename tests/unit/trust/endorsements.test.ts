/**
 * Who vouches through an endorsement, and whether that was verified
 * (lib/trust/endorsements.ts), as the trust panel and the quality profile
 * read it from reports the engine made.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../../lib/engine/context';
import { verify } from '../../../lib/engine/pipeline';
import type { Report } from '../../../lib/engine/report';
import { profileReport } from '../../../lib/qa';
import { endorsementsOf } from '../../../lib/trust/endorsements';
import { describeIssuer } from '../../../lib/trust/issuer';
import { achievementCredential, endorsementCredential } from '../../support/carried-credentials';
import { fixturesPresent, readFixture } from '../../support/fixture-transport';
import { thirdPartyIssuer, type ThirdPartyIssuer } from '../../support/third-party-signing';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const offline = () => createContext({ now: () => NOW, transport: async () => new Response('not found', { status: 404 }) });
const qa = (r: Report) => profileReport(r)!.elements.find((f) => f.element === 'qualityAssurance')!;

let school: ThirdPartyIssuer;
let council: ThirdPartyIssuer;
beforeAll(async () => {
  [school, council] = await Promise.all([thirdPartyIssuer(), thirdPartyIssuer()]);
});

/** A badge of `school` whose issuer profile carries `endorsements`. */
async function badgeWithIssuerEndorsements(endorsements: unknown[]): Promise<Report> {
  const badge = await school.sign(achievementCredential(school.did, 1, { issuer: { id: school.did, type: ['Profile'], name: 'Example School', endorsement: endorsements } }));
  return verify({ text: JSON.stringify(badge) }, offline());
}

describe('endorsementsOf', () => {
  it('a verified endorsement of the issuer by a third party counts: quality assured, and the panel says verified', async () => {
    const report = await badgeWithIssuerEndorsements([await council.sign(endorsementCredential(council.did, school.did, 1))]);
    expect(endorsementsOf(report)).toEqual([
      { path: 'issuer.endorsement[0]', about: 'issuer', endorser: 'Accreditation Council', endorserId: council.did, comment: 'Accredited programme, reviewed 2025', state: 'verified', counts: true },
    ]);
    expect(qa(report)).toMatchObject({ presence: 'present', source: 'issuer.endorsement[0]', value: 'Endorsed by Accreditation Council' });
    expect(profileReport(report)!.unesco.qualityAssured).toBe(true);
    expect(describeIssuer(report, []).vouchers).toEqual([
      { kind: 'endorsement', label: 'Accreditation Council', endorsement: { state: 'verified', counts: true, about: 'issuer', comment: 'Accredited programme, reviewed 2025' } },
    ]);
  });

  it('an endorsement of the achievement counts when its subject is that achievement', async () => {
    const endorsement = await council.sign(endorsementCredential(council.did, 'https://school.example/achievements/1', 2));
    const badge = await school.sign(achievementCredential(school.did, 1, {}, { endorsement: [endorsement] }));
    const report = await verify({ text: JSON.stringify(badge) }, offline());
    expect(endorsementsOf(report)).toMatchObject([{ about: 'achievement', state: 'verified', counts: true }]);
  });

  it('regression: a forged endorsement is shown as failed and is not quality assurance (it was "endorsement stated" before)', async () => {
    const genuine = await council.sign(endorsementCredential(council.did, school.did, 3));
    const forged = { ...genuine, issuer: { id: council.did, type: ['Profile'], name: 'European Accreditation Agency' } };
    const report = await badgeWithIssuerEndorsements([forged]);
    expect(report.verdict).toBe('verified');
    expect(endorsementsOf(report)).toEqual([{ path: 'issuer.endorsement[0]', about: 'issuer', endorser: 'European Accreditation Agency', state: 'failed', counts: false }]);
    expect(qa(report)).toEqual({ element: 'qualityAssurance', presence: 'absent', source: 'issuer.endorsement[0]' });
    expect(profileReport(report)!.unesco.qualityAssured).toBe('unknown');
    expect(profileReport(report)!.summaryLine).toContain('no quality assurance stated');
    expect(describeIssuer(report, []).vouchers).toEqual([{ kind: 'endorsement', label: 'European Accreditation Agency', endorsement: { state: 'failed', counts: false, about: 'issuer' } }]);
  });

  it('an endorsement that could not be checked never counts, and its words are not quoted', async () => {
    const remote = await thirdPartyIssuer('did:web:council.example');
    const report = await badgeWithIssuerEndorsements([await remote.sign(endorsementCredential(remote.did, school.did, 4))]);
    expect(endorsementsOf(report)).toEqual([{ path: 'issuer.endorsement[0]', about: 'issuer', endorser: 'Accreditation Council', state: 'unverifiable', counts: false }]);
    expect(qa(report).presence).toBe('absent');
  });

  it('the issuer endorsing itself is verified but does not count', async () => {
    const report = await badgeWithIssuerEndorsements([await school.sign(endorsementCredential(school.did, school.did, 5))]);
    expect(endorsementsOf(report)).toMatchObject([{ state: 'verified', doesNotCount: 'self', counts: false }]);
    expect(qa(report).presence).toBe('absent');
  });

  it('a genuine endorsement of someone else, copied into this credential, does not count', async () => {
    const report = await badgeWithIssuerEndorsements([await council.sign(endorsementCredential(council.did, 'did:web:another-school.example', 6))]);
    expect(endorsementsOf(report)).toMatchObject([{ state: 'verified', doesNotCount: 'other-subject', counts: false }]);
    expect(qa(report).presence).toBe('absent');
  });

  it.skipIf(!fixturesPresent)('the DCC complex-issuer fixture: its issuer endorsement is expired (and its own), so it does not count', async () => {
    const file = 'dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/oidf-noStatus-notExpired-complexIssuer.json';
    const report = await verify({ bytes: readFixture(file) }, offline());
    expect(report.verdict).toBe('verified');
    expect(endorsementsOf(report)).toEqual([{ path: 'issuer.endorsement[0]', about: 'issuer', endorser: 'Horse Accreditor', state: 'expired', counts: false }]);
    expect(profileReport(report)!.unesco.qualityAssured).toBe('unknown');
    expect(describeIssuer(report, []).vouchers).toMatchObject([{ kind: 'endorsement', label: 'Horse Accreditor', endorsement: { state: 'expired', counts: false } }]);
  });

  it('a report without parts has no endorsements', () => {
    const report = { parts: undefined, credential: {}, summary: {}, technical: {}, format: 'vc-data-integrity' } as const;
    expect(endorsementsOf(report)).toEqual([]);
  });
});

describe('describeIssuer: endorsements beyond the cap', () => {
  it('says how many were not checked', async () => {
    const endorsements = await Promise.all(Array.from({ length: 10 }, (_, i) => council.sign(endorsementCredential(council.did, school.did, 10 + i))));
    const report = await badgeWithIssuerEndorsements(endorsements);
    const panel = describeIssuer(report, []);
    expect(panel.vouchers.filter((v) => v.kind === 'endorsement')).toHaveLength(8);
    expect(panel.endorsementsNotChecked).toBe(2);
  });
});
