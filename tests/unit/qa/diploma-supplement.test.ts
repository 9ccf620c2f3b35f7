/** The Diploma Supplement section of a European Digital Credential (lib/qa/diploma-supplement.ts). */
import { describe, expect, it } from 'vitest';
import { DIPLOMA_SUPPLEMENT_PROFILE, DIPLOMA_SUPPLEMENT_SCHEMA, readDiplomaSupplement } from '../../../lib/qa/diploma-supplement';
import { profileEdc } from '../../../lib/qa/edc';
import { fixturesPresent, readFixtureText } from '../../support/fixture-transport';

const concept = (id: string, en: string) => ({ id, type: 'Concept', prefLabel: { en } });
const note = (en: string) => ({ type: 'Note', noteLiteral: { en } });
const credit = (point: string) => ({ type: 'CreditPoint', framework: concept('http://data.europa.eu/snb/education-credit/6fcec5c5af', 'ECTS'), point });

/** An ELM v3 credential with the content the EDC Diploma Supplement profile asks for (rdf/ap/edc/EDC-diplomaSupplement.ttl). */
function supplement(marker: Record<string, unknown>) {
  return {
    '@context': ['https://www.w3.org/2018/credentials/v1', 'http://data.europa.eu/snb/model/context/edc-ap'],
    type: ['VerifiableCredential', 'EuropeanDigitalCredential'],
    issuer: { id: 'urn:epass:org:1', type: 'Organisation', legalName: { en: 'University of Zed' } },
    issued: '2024-07-01T10:00:00Z',
    ...marker,
    credentialSubject: {
      id: 'urn:epass:person:1',
      type: 'Person',
      fullName: { en: 'Ana Andromeda' },
      dateOfBirth: '1999-10-02T00:00:00Z',
      hasClaim: {
        type: 'LearningAchievement',
        title: { en: 'Master of Science in Civil Engineering' },
        creditReceived: credit('120'),
        additionalNote: note('Non-assessed activities in digital and green skills.'),
        awardedBy: { awardingBody: { legalName: { en: 'University of Zed' } } },
        provenBy: { type: 'LearningAssessment', grade: note('5 - excellent'), specifiedBy: { gradingScheme: { title: { en: 'Scale 1 to 5' } } } },
        hasPart: [{ title: { en: 'Thesis' }, creditReceived: credit('30'), provenBy: { grade: note('5') } }, { title: { en: 'Structural analysis' } }],
        specifiedBy: {
          type: 'Qualification',
          thematicArea: [concept('http://data.europa.eu/snb/isced-f/0732', 'Building and civil engineering')],
          language: concept('http://publications.europa.eu/resource/authority/language/ENG', 'English'),
          eqfLevel: concept('http://data.europa.eu/snb/eqf/7', 'Level 7'),
          nqfLevel: concept('urn:nqf:7', 'NQF level 7'),
          maximumDuration: 'P24M',
          entryRequirement: note('A bachelor’s degree in engineering'),
          mode: concept('urn:mode:1', 'Full-time'),
          learningOutcome: [{ title: { en: 'Design structures' } }, { title: { en: 'Assess loads' } }],
          isPartialQualification: false,
        },
      },
    },
  };
}

describe('readDiplomaSupplement', () => {
  it('the Europass "Diploma Supplement" credential profile: every section read where ELM v3 puts it', () => {
    const ds = readDiplomaSupplement(supplement({ credentialProfiles: concept(DIPLOMA_SUPPLEMENT_PROFILE, 'Diploma Supplement') }));
    expect(ds?.marker).toBe('profile');
    expect(Object.fromEntries(ds!.sections.map((s) => [s.section, Object.fromEntries(s.items.map((i) => [i.field, i.value]))]))).toEqual({
      holder: { name: 'Ana Andromeda', dateOfBirth: '1999-10-02' },
      qualification: { title: 'Master of Science in Civil Engineering', fieldOfStudy: 'Building and civil engineering', awardingBody: 'University of Zed', language: 'English' },
      level: { eqf: 'Level 7', nqf: 'NQF level 7', duration: 'P24M', credits: '120 ECTS', entryRequirement: 'A bachelor’s degree in engineering' },
      contents: { mode: 'Full-time', learningOutcomes: 'Design structures; Assess loads', parts: 'Thesis (30 ECTS, 5); Structural analysis', gradingScheme: 'Scale 1 to 5', grade: '5 - excellent' },
      function: { partialQualification: 'false' },
      additional: { note: 'Non-assessed activities in digital and green skills.' },
      certification: { issued: '2024-07-01', issuer: 'University of Zed' },
    });
  });

  it.each([
    ['the EDC Diploma Supplement application profile as credentialSchema', { credentialSchema: { id: DIPLOMA_SUPPLEMENT_SCHEMA, type: 'ShaclValidator2017' } }, 'schema'],
    ['a DiplomaSupplement type', { type: ['VerifiableCredential', 'EuropeanDigitalCredential', 'DiplomaSupplement'] }, 'type'],
    ['a diplomaSupplement member', { diplomaSupplement: { type: 'DiplomaSupplement', nationalSystem: { en: 'Two-cycle higher education' } } }, 'member'],
  ])('recognises %s', (_name, marker, expected) => {
    const ds = readDiplomaSupplement(supplement(marker));
    expect(ds?.marker).toBe(expected);
    if (expected === 'member') expect(ds!.sections.find((s) => s.section === 'additional')!.items).toContainEqual({ field: 'note', value: 'nationalSystem: Two-cycle higher education' });
  });

  it('a generic EDC carries none, and odd shapes never throw', () => {
    expect(readDiplomaSupplement(supplement({ credentialProfiles: concept('http://data.europa.eu/snb/credential/e34929035b', 'Generic') }))).toBeUndefined();
    for (const odd of [null, 42, 'x', [], { credentialProfiles: 7, credentialSubject: 'x' }]) expect(readDiplomaSupplement(odd)).toBeUndefined();
    expect(readDiplomaSupplement({ type: 'DiplomaSupplement', credentialSubject: { hasClaim: 'x' } })?.sections).toEqual([]);
  });

  it('reaches the quality profile of the EDC, which the details show as its own section', () => {
    expect(profileEdc(supplement({ credentialProfiles: concept(DIPLOMA_SUPPLEMENT_PROFILE, 'Diploma Supplement') })).diplomaSupplement?.marker).toBe('profile');
    expect(profileEdc(supplement({})).diplomaSupplement).toBeUndefined();
  });

  it.skipIf(!fixturesPresent)('the MyNextID degree certificate (profile "Generic") has none; marked as a supplement, its holder and issuer are read', () => {
    const payload = JSON.parse((JSON.parse(readFixtureText('edc-mynextid/degree-certificate/edc-dc-signed.jsonld')) as { payload: string }).payload) as Record<string, unknown>;
    expect(readDiplomaSupplement(payload)).toBeUndefined();
    const ds = readDiplomaSupplement({ ...payload, credentialProfiles: concept(DIPLOMA_SUPPLEMENT_PROFILE, 'Diploma Supplement') });
    expect(ds!.sections.find((s) => s.section === 'holder')!.items).toEqual([{ field: 'name', value: 'John Doe' }, { field: 'dateOfBirth', value: '2000-12-31' }]);
    expect(ds!.sections.find((s) => s.section === 'qualification')!.items).toContainEqual({ field: 'title', value: 'Title of Activity' });
  });
});
