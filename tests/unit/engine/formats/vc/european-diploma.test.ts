/**
 * EBSI / Europass diplomas (lib/engine/formats/vc/summary.ts): the summary
 * shows the learning achievement's title and who awarded it, not the
 * credential type. The subject comes from the SD-JWT working group's
 * Europass diploma example (tests/vectors/ebsi-diploma); the credential is
 * signed in the test as EBSI issuers sign, a VC 1.1 JWT with ES256K.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { summarizeVc } from '../../../../../lib/engine/formats/vc/summary';
import { verify } from '../../../../../lib/engine/pipeline';
import { repoPath } from '../../../../support/fixtures';
import { fakeWeb } from '../../keys/fake-web';
import { makeEs256kSigner } from '../../keys/jwt-signer';

const { credentialSubject } = JSON.parse(readFileSync(repoPath('tests/vectors/ebsi-diploma/europass-diploma-subject.json'), 'utf8')) as { credentialSubject: Record<string, unknown> };

/** An EBSI VerifiableDiploma (VC 1.1, `vc` claim), as EBSI conformance issuers shape it. */
const diploma = (issuer: string, subject: Record<string, unknown> = credentialSubject) => ({
  '@context': ['https://www.w3.org/2018/credentials/v1'],
  id: 'urn:uuid:3c3a1b6e-0f64-4d8b-9b8e-8a7d2c4e5f60',
  type: ['VerifiableCredential', 'VerifiableAttestation', 'VerifiableDiploma'],
  issuer,
  issuanceDate: '2025-09-15T00:00:00Z',
  validFrom: '2025-09-15T00:00:00Z',
  issued: '2025-09-15T00:00:00Z',
  credentialSubject: subject,
  credentialSchema: { id: 'https://api-pilot.ebsi.eu/trusted-schemas-registry/v2/schemas/0xbf78fc08a7a9f28f5479f58dea269d3657f54f13ca37d380cd4e92237fb691dd', type: 'FullJsonSchemaValidator2021' },
});

describe('an EBSI VerifiableDiploma signed with ES256K', () => {
  it('is verified, titled by its learning achievement, with the awarding body shown', async () => {
    const signer = makeEs256kSigner();
    const token = await signer.sign({ iss: signer.did, sub: 'did:epass:person:1', nbf: Date.parse('2025-09-15T00:00:00Z') / 1000, jti: diploma(signer.did).id, vc: diploma(signer.did) }, { kid: signer.vm, typ: 'JWT' });
    const report = await verify({ text: token }, fakeWeb().ctx);
    expect(report.checks.filter((c) => c.status === 'fail' || c.status === 'error')).toEqual([]);
    expect(report.verdict).toBe('verified');
    expect(report.summary).toMatchObject({
      title: 'Master of Science in Civil Engineering',
      achievement: { id: 'urn:epass:learningAchievement:1', name: 'Master of Science in Civil Engineering' },
      awardingBody: { id: 'did:ebsi:zsSgDXeYPhZ3AuKhTFneDf1' },
      issuer: { id: signer.did },
      subject: { id: 'did:epass:person:1' },
      validFrom: '2025-09-15T00:00:00Z',
    });
    expect(report.summary.title).not.toBe('VerifiableAttestation');
  });
});

describe('summarizeVc for European Learning Model diplomas', () => {
  it('the 2021 EBSI shape: learningAchievement.title and awardingOpportunity.awardingBody.preferredName', () => {
    const summary = summarizeVc(diploma('did:ebsi:zexample', {
      id: 'did:ebsi:learner',
      givenNames: 'Jane',
      familyName: 'Doe',
      learningAchievement: { id: 'https://leaston.example/lam#LearningAchievment', title: 'Masters Law, Economics and Management', description: 'Marketing and sales' },
      awardingOpportunity: { awardingBody: { id: 'did:ebsi:zuniversity', preferredName: 'Leaston University', homepage: 'https://leaston.example/' } },
    }));
    expect(summary).toMatchObject({
      title: 'Masters Law, Economics and Management',
      description: 'Marketing and sales',
      awardingBody: { id: 'did:ebsi:zuniversity', name: 'Leaston University' },
      subject: { name: 'Jane Doe' },
    });
  });

  it('a title only in specifiedBy, language maps, and an organisation as awarding body', () => {
    const summary = summarizeVc(diploma('did:ebsi:zexample', {
      achieved: [{ id: 'urn:a', specifiedBy: { title: { en: 'Data Science Micro-credential', de: 'Data Science Mikro-Nachweis' } }, wasAwardedBy: { awardingBody: [{ id: 'did:ebsi:zorg', legalName: { en: 'Example Institute' } }] } }],
    }));
    expect(summary).toMatchObject({ title: 'Data Science Micro-credential', awardingBody: { id: 'did:ebsi:zorg', name: 'Example Institute' } });
  });

  it('an Open Badges credential keeps the OB 3.0 reading (no awarding body, achievement name as title)', () => {
    const summary = summarizeVc({ type: ['VerifiableCredential', 'OpenBadgeCredential'], issuer: 'did:x:i', credentialSubject: { achievement: { name: 'Teamwork' }, achieved: [{ title: 'ignored' }] } });
    expect(summary.title).toBe('Teamwork');
    expect(summary.awardingBody).toBeUndefined();
  });
});
