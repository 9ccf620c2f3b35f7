import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileOb3 } from '../../../lib/qa/ob3';
import type { EuElement, QualityProfile } from '../../../lib/qa/types';
import { fullyDescribed } from './credentials';
import { FIXTURES } from '../../support/fixtures';

const fixtures = FIXTURES;
const haveFixtures = existsSync(fixtures);
const load = (rel: string): unknown => JSON.parse(readFileSync(path.join(fixtures, rel), 'utf8'));
const el = (p: QualityProfile, e: EuElement) => p.elements.find((f) => f.element === e)!;

describe('profileOb3: a fully described micro-credential', () => {
  const p = profileOb3(fullyDescribed);

  it('finds all eleven elements in dedicated fields, each with its source', () => {
    expect(p.presentCount).toBe(11);
    expect(p.elements.map((f) => [f.element, f.presence, f.source])).toEqual([
      ['learner', 'present', 'credentialSubject.id'],
      ['title', 'present', 'credentialSubject.achievement.name'],
      ['issuerCountry', 'present', 'issuer.address.addressCountryCode'],
      ['awardingBody', 'present', 'issuer.name'],
      ['dateOfIssue', 'present', 'validFrom'],
      ['learningOutcomes', 'present', 'credentialSubject.achievement.alignment'],
      ['workload', 'present', 'credentialSubject.achievement.creditsAvailable'],
      ['level', 'present', 'credentialSubject.achievement.alignment'],
      ['assessment', 'present', 'credentialSubject.achievement.resultDescription.resultType'],
      ['participation', 'present', 'credentialSubject.achievement.alignment'],
      ['qualityAssurance', 'present', 'issuer.accreditations'],
    ]);
  });

  it('reads EQF level, ECTS and ESCO skills', () => {
    expect(p.eqfLevel).toBe(6);
    expect(p.ects).toBe(5);
    expect(el(p, 'workload').value).toBe('5 ECTS');
    expect(p.escoSkills).toEqual([{ uri: 'http://data.europa.eu/esco/skill/1973c966-f236-40c9-b2d4-5d71a89019be', label: 'use spreadsheet software' }]);
    expect(el(p, 'issuerCountry').value).toBe('DE');
  });

  it('has the UNESCO features and no exclusions', () => {
    // the issuer's own accreditation is a statement in the credential, not evidence Credlens checked
    expect(p.unesco).toEqual({ assessed: true, trustedProvider: 'unknown', standAlone: true, qualityAssured: 'stated' });
    expect(p.exclusions).toEqual([]);
    expect(p.summaryLine).toBe('Micro-credential profile: 11 of 11 EU elements · assessed · quality assurance stated, not checked');
  });
});

describe('profileOb3: prose and edge cases', () => {
  it('takes level, workload, participation and assessment from prose as free text', () => {
    const p = profileOb3({
      issuer: 'https://issuer.example',
      issuanceDate: '2020-01-01T00:00:00Z',
      credentialSubject: {
        identifier: [{ identityType: 'emailAddress', hashed: true, identityHash: 'sha256$abc' }],
        achievement: { name: 'Intro', description: 'An online course at EQF level 4 of 40 hours.', criteria: { narrative: 'Learners are assessed by a project.' } },
      },
    });
    expect(el(p, 'learner')).toMatchObject({ presence: 'present', source: 'credentialSubject.identifier', value: 'emailAddress' });
    expect(el(p, 'awardingBody')).toMatchObject({ presence: 'present', source: 'issuer.id' });
    expect(el(p, 'dateOfIssue').source).toBe('issuanceDate');
    expect(el(p, 'level')).toMatchObject({ presence: 'free-text', source: 'credentialSubject.achievement.description' });
    expect(p.eqfLevel).toBe(4);
    expect(p.workloadHours).toBe(40);
    expect(el(p, 'workload').presence).toBe('free-text');
    expect(el(p, 'participation')).toMatchObject({ presence: 'free-text', value: 'online' });
    expect(el(p, 'assessment')).toMatchObject({ presence: 'free-text', source: 'credentialSubject.achievement.criteria.narrative' });
    expect(p.summaryLine).toBe('Micro-credential profile: 4 of 11 EU elements · assessment only mentioned in the text · no quality assurance stated');
  });

  it('regression: a description containing "assessed" no longer makes a credential assessed', () => {
    const worded = profileOb3({
      credentialSubject: { id: 'did:example:1', achievement: { name: 'Teamwork', description: 'Learners are assessed by an exam.', criteria: { narrative: 'Pass the graded quiz.' } } },
    });
    expect(el(worded, 'assessment')).toMatchObject({ presence: 'free-text', value: 'assessed' });
    expect(worded.unesco.assessed).toBe('unknown');
    expect(worded.unesco.standAlone).toBe('unknown');
    // the prose does mention an assessment, so "no assessment stated" would be untrue
    expect(worded.exclusions).toEqual([]);
    // the same words with a structured result are assessed
    const structured = profileOb3({
      credentialSubject: { id: 'did:example:1', result: [{ value: 'B+' }], achievement: { name: 'Teamwork', description: 'Learners are assessed by an exam.' } },
    });
    expect(el(structured, 'assessment')).toMatchObject({ presence: 'present', source: 'credentialSubject.result', value: 'B+' });
    expect(structured.unesco.assessed).toBe(true);
  });

  it('criteria alone are not an assessment: a badge with criteria and nothing else is unassessed', () => {
    const p = profileOb3({ credentialSubject: { achievement: { name: 'Attendee', criteria: { id: 'https://issuer.example/criteria' } } } });
    expect(el(p, 'assessment').presence).toBe('absent');
    expect(p.exclusions).toContain('unassessed');
  });

  it('quality assurance the credential states is "stated, not checked"; only a verified endorsement is "quality assured"', () => {
    const accredited = profileOb3({ issuer: { id: 'did:example:i', accreditations: [{ name: 'ZEvA' }] }, credentialSubject: { achievement: {} } });
    expect(el(accredited, 'qualityAssurance')).toMatchObject({ presence: 'present', source: 'issuer.accreditations', value: 'ZEvA' });
    expect(accredited.unesco.qualityAssured).toBe('stated');
    const typed = profileOb3({ credentialSubject: { achievement: { achievementType: 'QualityAssuranceCredential' } } });
    expect(typed.unesco.qualityAssured).toBe('stated');
    expect(el(typed, 'qualityAssurance').words).toEqual([{ key: 'ctdl_QualityAssuranceCredential' }]);
    const prose = profileOb3({ credentialSubject: { achievement: { description: 'An accredited programme.' } } });
    expect(prose.unesco.qualityAssured).toBe('stated');
    const endorsed = profileOb3({ credentialSubject: { achievement: {} } }, [
      { path: 'issuer.endorsement[0]', about: 'issuer', endorser: 'Accreditation Council', state: 'verified', counts: true },
    ]);
    expect(el(endorsed, 'qualityAssurance')).toMatchObject({ checked: true, value: 'Endorsed by Accreditation Council', words: [{ key: 'qaEndorsedBy', args: ['Accreditation Council'] }] });
    expect(endorsed.unesco.qualityAssured).toBe(true);
  });

  it('flags a certificate of completion without assessment as participation-only and unassessed', () => {
    const p = profileOb3({ credentialSubject: { id: 'did:example:1', achievement: { name: 'Webinar', achievementType: 'CertificateOfCompletion' } } });
    expect(p.exclusions).toEqual(['participation-only', 'unassessed']);
    expect(p.unesco.assessed).toBe('unknown');
  });

  it('treats attendance wording as participation-only', () => {
    const p = profileOb3({ credentialSubject: { achievement: { name: 'Day', description: 'Awarded for attendance at the summit.' } } });
    expect(p.exclusions).toContain('participation-only');
  });

  it('regression: endorsements the engine did not verify never count as quality assurance; QualityAssuranceCredential does', () => {
    const endorsed = profileOb3({ endorsement: [{}, {}], credentialSubject: { achievement: {} } });
    expect(el(endorsed, 'qualityAssurance')).toEqual({ element: 'qualityAssurance', presence: 'absent', source: 'endorsement' });
    expect(endorsed.unesco.qualityAssured).toBe('unknown');
    const qa = profileOb3({ credentialSubject: { achievement: { achievementType: 'QualityAssuranceCredential' } } });
    expect(el(qa, 'qualityAssurance').source).toBe('credentialSubject.achievement.achievementType');
  });

  it('never throws on odd shapes and reports everything absent', () => {
    for (const odd of [null, 42, 'x', [], { credentialSubject: 'x', issuer: 7 }]) {
      const p = profileOb3(odd);
      expect(p.presentCount).toBe(0);
      expect(p.elements).toHaveLength(11);
    }
  });

  it('reads language maps as plain text', () => {
    const p = profileOb3({ credentialSubject: { achievement: { name: { en: 'Teamwork', de: 'Teamarbeit' } } } });
    expect(el(p, 'title').value).toBe('Teamwork');
  });
});

describe.skipIf(!haveFixtures)(`profileOb3 on shared fixtures${haveFixtures ? '' : ' (../shared/fixtures not found: skipped)'}`, () => {
  it('1EdTech spec test vector: four elements, learning outcomes only in prose', () => {
    const p = profileOb3(load('ob3-spec/test-vectors/obv3p0/signed-credential.json'));
    expect(p.presentCount).toBe(4);
    expect(el(p, 'title').value).toBe('Teamwork');
    expect(el(p, 'awardingBody').value).toBe('Example Corp');
    expect(el(p, 'learningOutcomes')).toMatchObject({ presence: 'free-text', source: 'credentialSubject.achievement.description' });
    expect(el(p, 'level').presence).toBe('absent');
    expect(p.summaryLine).toBe('Micro-credential profile: 4 of 11 EU elements · no assessment stated · no quality assurance stated');
  });

  it('DCC alignments fixture: course-catalog alignments are not learning outcomes', () => {
    const p = profileOb3(load('dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-alignments.json'));
    expect(el(p, 'learningOutcomes').presence).toBe('free-text');
    expect(p.escoSkills).toEqual([]);
    expect(p.eqfLevel).toBeUndefined();
    expect(el(p, 'dateOfIssue').value).toBe('2010-01-01T00:00:00Z');
  });

  it('DCC endorsement fixture states quality assurance through its endorsement (stated: the profile reads it, the engine did not verify it as an endorsement part)', () => {
    const p = profileOb3(load('dcc-vc-test-fixtures/verifiableCredentials/v2/bothSignatureTypes/didkey/legacy-noStatus-notExpired-endorsement.json'));
    expect(el(p, 'qualityAssurance')).toMatchObject({ presence: 'present', source: 'type', value: '1EdTech University is in good standing' });
    expect(p.unesco.qualityAssured).toBe('stated');
  });
});
