import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileOb2 } from '../../../lib/qa/ob2';
import type { EuElement, QualityProfile } from '../../../lib/qa/types';
import { FIXTURES } from '../../support/fixtures';

const fixtures = FIXTURES;
const haveFixtures = existsSync(fixtures);
const load = (rel: string): unknown => JSON.parse(readFileSync(path.join(fixtures, rel), 'utf8'));
const el = (p: QualityProfile, e: EuElement) => p.elements.find((f) => f.element === e)!;

describe('profileOb2 with separate documents', () => {
  const assertion = { type: 'Assertion', recipient: { type: 'email', hashed: true, identity: 'sha256$00' }, issuedOn: '2024-05-01', badge: 'https://b.example/badge.json' };
  const badgeClass = {
    name: 'Welding Basics',
    description: 'Blended course (30 hours) at EQF level 3; final practical exam.',
    criteria: { narrative: 'Weld three joints under supervision.' },
    alignment: [{ targetName: 'weld metal', targetUrl: 'http://data.europa.eu/esco/skill/abc', targetFramework: 'ESCO' }],
    issuer: 'https://b.example/issuer.json',
  };
  const issuer = { id: 'https://b.example/issuer.json', name: 'Bildungswerk', endorsement: [{}] };
  const p = profileOb2({ assertion, badgeClass, issuer });

  it('maps the OB 2.0 fields to their sources', () => {
    expect(el(p, 'learner')).toMatchObject({ presence: 'present', source: 'recipient.identity', value: 'email' });
    expect(el(p, 'title')).toMatchObject({ presence: 'present', source: 'badge.name', value: 'Welding Basics' });
    expect(el(p, 'awardingBody')).toMatchObject({ presence: 'present', source: 'badge.issuer.name', value: 'Bildungswerk' });
    expect(el(p, 'dateOfIssue')).toMatchObject({ presence: 'present', source: 'issuedOn' });
    expect(el(p, 'learningOutcomes')).toMatchObject({ presence: 'present', source: 'badge.alignment', value: 'weld metal' });
    expect(el(p, 'issuerCountry').presence).toBe('absent');
  });

  it('reads level, workload, assessment and participation from prose', () => {
    expect(el(p, 'level').presence).toBe('free-text');
    expect(p.eqfLevel).toBe(3);
    expect(p.workloadHours).toBe(30);
    expect(el(p, 'assessment')).toMatchObject({ presence: 'free-text', value: 'exam' });
    expect(el(p, 'participation')).toMatchObject({ presence: 'free-text', value: 'Blended' });
    expect(p.escoSkills).toEqual([{ uri: 'http://data.europa.eu/esco/skill/abc', label: 'weld metal' }]);
    // OB 2.0 has no assessment field: "final practical exam" in the description is shown, not counted
    expect(p.unesco.assessed).toBe('unknown');
    expect(p.exclusions).toEqual([]);
    expect(p.summaryLine).toBe('Micro-credential profile: 5 of 11 EU elements · assessment only mentioned in the text · no quality assurance stated');
  });

  it('regression: an OB 2.0 endorsement, which Credlens does not verify, is listed as not checked and never counts as quality assurance (SECURITY.md row 61)', () => {
    expect(el(p, 'qualityAssurance')).toEqual({ element: 'qualityAssurance', presence: 'absent', source: 'badge.issuer.endorsement' });
    expect(p.unesco.qualityAssured).toBe('unknown');
    expect(p.endorsements).toEqual([{ path: 'badge.issuer.endorsement[0]', about: 'issuer', endorser: 'badge.issuer.endorsement[0]', state: 'not-checked', counts: false }]);
  });

  it('never hashes or shows the recipient identity value', () => {
    expect(JSON.stringify(p)).not.toContain('sha256$00');
  });
});

describe.skipIf(!haveFixtures)(`profileOb2 on shared fixtures${haveFixtures ? '' : ' (../shared/fixtures not found: skipped)'}`, () => {
  it('1EdTech assertion with embedded BadgeClass and endorsements', () => {
    const p = profileOb2({ assertion: load('1edtech-validator/ob20/assertion-with-endorsements.json') });
    expect(el(p, 'title').value).toBe('Awesome Robotics Badge');
    // its endorsements are stated, not verified: listed with their endorser, not counted
    expect(el(p, 'qualityAssurance')).toMatchObject({ presence: 'absent', source: 'endorsement' });
    expect(p.endorsements?.length).toBeGreaterThanOrEqual(2);
    expect(p.endorsements?.every((e) => e.state === 'not-checked' && !e.counts)).toBe(true);
    // the issuer is only referenced by IRI, so the awarding body is its identifier
    expect(el(p, 'awardingBody')).toMatchObject({ source: 'badge.issuer.id', value: 'https://example.org/organization.json' });
    expect(el(p, 'learningOutcomes')).toMatchObject({ presence: 'free-text', source: 'badge.description' });
  });

  it('1EdTech basic assertion with BadgeClass and issuer documents', () => {
    const p = profileOb2({
      assertion: load('1edtech-validator/ob20/basic-assertion.json'),
      badgeClass: load('1edtech-validator/ob20/assets/robotics-badge.json'),
      issuer: load('1edtech-validator/ob20/assets/organization.json'),
    });
    expect(el(p, 'awardingBody').source).toBe('badge.issuer.name');
    expect(p.exclusions).toContain('unassessed');
    expect(p.presentCount).toBe(4);
  });
});
