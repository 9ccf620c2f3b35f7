/** Credentials written for the quality-profile and popup tests. */

/** An OB 3.0 credential that carries all eleven EU elements in dedicated fields. */
export const fullyDescribed = {
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  id: 'urn:uuid:2f7c3a2e-1b9d-4c1e-9e1a-1b2c3d4e5f60',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: {
    id: 'did:web:uni.example',
    type: ['Profile'],
    name: 'Universität Beispiel',
    address: { type: ['Address'], addressCountry: 'Germany', addressCountryCode: 'DE' },
    accreditations: [{ id: 'https://deqar.example/reports/1', name: 'System accreditation (ZEvA)' }],
  },
  validFrom: '2025-03-01T00:00:00Z',
  credentialSubject: {
    id: 'did:key:z6MkLearner',
    type: ['AchievementSubject'],
    achievement: {
      id: 'https://uni.example/achievements/data-literacy',
      type: ['Achievement'],
      achievementType: 'MicroCredential',
      name: 'Data Literacy for Managers',
      description: 'Read and question data in management decisions.',
      creditsAvailable: 5,
      criteria: { narrative: 'Pass the written exam.' },
      resultDescription: [{ id: 'urn:rd:1', type: ['ResultDescription'], name: 'Final exam', resultType: 'LetterGrade' }],
      alignment: [
        { type: ['Alignment'], targetName: 'use spreadsheet software', targetUrl: 'http://data.europa.eu/esco/skill/1973c966-f236-40c9-b2d4-5d71a89019be', targetType: 'ceasn:Competency' },
        { type: ['Alignment'], targetName: 'EQF level 6', targetUrl: 'http://data.europa.eu/snb/eqf/6', targetFramework: 'European Qualifications Framework', targetCode: '6' },
        { type: ['Alignment'], targetName: 'ECTS', targetFramework: 'ECTS', targetCode: '5', targetUrl: 'https://uni.example/ects' },
        { type: ['Alignment'], targetName: 'Blended learning', targetUrl: 'http://data.europa.eu/snb/learning-setting/blended', targetFramework: 'Mode of learning' },
      ],
    },
  },
};

