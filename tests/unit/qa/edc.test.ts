import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { durationHours, profileEdc } from '../../../lib/qa/edc';
import { EU_ELEMENTS } from '../../../lib/qa/types';
import { sampleEdc } from '../engine/formats/edc/pki';
import { FIXTURES } from '../../support/fixtures';

const MC = path.join(FIXTURES, 'edc-mynextid/microcredential/edc-mc-example.json');
const DC = path.join(FIXTURES, 'edc-mynextid/degree-certificate/edc-dc-example.json');
const present = existsSync(MC) && existsSync(DC);
const load = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const C = 'credentialSubject.hasClaim';

describe.skipIf(!present)('profileEdc on the MyNextID samples (../shared/fixtures)', () => {
  it('finds ten EU elements in the micro-credential sample, each with its ELM source', () => {
    const p = profileEdc(load(MC));
    const byElement = Object.fromEntries(p.elements.map((e) => [e.element, e]));
    expect(p.elements.map((e) => e.element)).toEqual([...EU_ELEMENTS]);
    expect(byElement.learner).toMatchObject({ presence: 'present', source: 'credentialSubject.fullName', value: 'Joe Doe' });
    expect(byElement.title).toMatchObject({ source: `${C}.title`, value: 'Title of your learning achievement' });
    expect(byElement.issuerCountry).toMatchObject({ source: `${C}.awardedBy.awardingBody.location.address.countryCode`, value: 'Slovenia' });
    expect(byElement.awardingBody).toMatchObject({ source: `${C}.awardedBy.awardingBody.legalName`, value: 'NETIS d.o.o.' });
    expect(byElement.dateOfIssue).toMatchObject({ source: 'issued', value: '2026-01-12T07:12:23Z' });
    expect(byElement.learningOutcomes).toMatchObject({ source: `${C}.specifiedBy.learningOutcome` });
    expect(byElement.workload).toMatchObject({ source: `${C}.specifiedBy.volumeOfLearning`, value: '45 hours · 5 ECTS' });
    expect(byElement.level).toMatchObject({ source: `${C}.specifiedBy.eqfLevel`, value: 'EQF 6 · MECU Level 7' });
    expect(byElement.assessment).toMatchObject({ source: `${C}.provenBy`, value: 'Written Exam (Graded exercises) · Supervised with ID Verification' });
    expect(byElement.participation).toMatchObject({ source: `${C}.specifiedBy.mode`, value: 'Online' });
    // The sample genuinely states no accreditation anywhere (claim, awarding body, issuer or evidence).
    expect(byElement.qualityAssurance).toEqual({ element: 'qualityAssurance', presence: 'absent' });
    expect(p).toMatchObject({ presentCount: 10, eqfLevel: 6, workloadHours: 45, ects: 5, exclusions: [] });
    expect(p.escoSkills.map((s) => s.label)).toEqual(['Game theory', 'Rear game', 'Manage frustration', 'Blow moulding machine parts']);
    expect(p.summaryLine).toBe('Micro-credential profile: 10 of 11 EU elements · assessed · no quality assurance stated');
  });

  it('profiles the degree-certificate sample (a LearningActivity claim) as participation-only and unassessed', () => {
    const p = profileEdc(load(DC));
    expect(p.presentCount).toBe(5);
    expect(p.elements.filter((e) => e.presence === 'absent').map((e) => e.element))
      .toEqual(['learningOutcomes', 'workload', 'level', 'assessment', 'participation', 'qualityAssurance']);
    expect(p.exclusions).toEqual(['participation-only', 'unassessed']);
  });
});

describe('profileEdc on built credentials', () => {
  const spec = {
    title: { en: 'Data Literacy' },
    learningOutcome: { title: { en: 'Reads charts' }, relatedESCOSkill: { id: 'http://data.europa.eu/esco/skill/abc', prefLabel: { en: 'data literacy' } } },
    volumeOfLearning: 'PT1H30M',
    creditPoint: [{ framework: { id: 'http://data.europa.eu/snb/education-credit/6fcec5c5af' }, point: '2.5' }],
    eqfLevel: { id: 'http://data.europa.eu/snb/eqf/4' },
    learningSetting: { prefLabel: { en: 'non-formal learning' } },
    accreditation: { title: { en: 'Accredited by the national agency' } },
  };
  const claim = {
    type: 'LearningAchievement',
    specifiedBy: spec,
    provenBy: [{ title: { en: 'Final exam' } }],
    awardedBy: { awardingBody: { id: 'urn:org', legalName: { en: 'Uni' }, location: { address: { countryCode: { prefLabel: { en: 'Malta' } } } } } },
  };

  it('lists all eleven elements when every ELM field is present', () => {
    const p = profileEdc(sampleEdc({ credentialSubject: { fullName: { en: 'A B' }, hasClaim: [claim] } }));
    expect(p.presentCount).toBe(11);
    expect(p.elements.find((e) => e.element === 'qualityAssurance')).toMatchObject({ source: `${C}.specifiedBy.accreditation`, value: 'Accredited by the national agency' });
    expect(p.elements.find((e) => e.element === 'participation')).toMatchObject({ source: `${C}.specifiedBy.learningSetting` });
    expect(p).toMatchObject({ eqfLevel: 4, workloadHours: 1.5, ects: 2.5, escoSkills: [{ uri: 'http://data.europa.eu/esco/skill/abc', label: 'data literacy' }] });
    expect(p.summaryLine).toBe('Micro-credential profile: 11 of 11 EU elements · assessed · quality assured');
  });

  it('reads accreditation from the evidence (EDC-accredited profile)', () => {
    const p = profileEdc(sampleEdc({ evidence: [{ accreditation: { title: { en: 'QA body' } } }] }));
    expect(p.elements.find((e) => e.element === 'qualityAssurance')).toMatchObject({ presence: 'present', source: 'evidence.accreditation' });
  });

  it.each([[undefined], [null], ['text'], [[]], [{ credentialSubject: 5 }]])('never throws on %j', (value) => {
    const p = profileEdc(value);
    expect(p.presentCount).toBe(0);
  });

  it.each([['PT60H', 60], ['PT90M', 1.5], ['PT1H30M', 1.5], ['PT0,5H', 0.5], ['P2D', undefined], ['P1Y', undefined], ['PT', undefined], ['60', undefined]])(
    'durationHours(%s) = %s',
    (input, hours) => expect(durationHours(input)).toBe(hours),
  );
});
