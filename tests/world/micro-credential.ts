/**
 * A fully described OB 3.0 micro-credential: every one of the eleven EU
 * standard elements (Council Recommendation of 16 June 2022, Annex I) sits in
 * a dedicated field, so the quality profile can name a source for each
 * (1EdTech ob_v3p0/common_credentials.lines). Its quality assurance is an
 * EndorsementCredential signed by a separate quality agency with its own
 * did:web, as OB 3.0 §EndorsementCredential describes.
 */
import { openBadgeCredential, type DemoCredentialSpec } from './credentials';
import { Routes, url } from './routes';
import { createIssuerKeys } from './signing';

type Json = Record<string, unknown>;

const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
const OB_V3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

export const QA_AGENCY_NAME = 'European Micro-credential Quality Agency (demo)';
export const MICRO_CREDENTIAL_TITLE = 'Applied Algorithms Micro-credential';
export const MICRO_CREDENTIAL_SLUG = 'applied-algorithms';

/** ESCO skills the programme teaches (ESCO v1.2 skill pillar URIs). */
const ESCO_SKILLS = [
  ['http://data.europa.eu/esco/skill/54924a2c-daca-40d3-9716-4b38ceb04f38', 'algorithms'],
  ['http://data.europa.eu/esco/skill/21d2f96d-35f7-4e3f-9745-c533d2dd6e97', 'computer programming'],
] as const;

/** The alignments that carry learning outcomes, EQF level and form of participation (OB 3.0 has no dedicated fields for them). */
function alignments(): Json[] {
  return [
    ...ESCO_SKILLS.map(([targetUrl, targetName]) => ({
      type: ['Alignment'], targetType: 'ceasn:Competency', targetFramework: 'ESCO', targetName, targetUrl,
    })),
    {
      type: ['Alignment'], targetFramework: 'European Qualifications Framework', targetCode: '6',
      targetName: 'EQF level 6', targetUrl: 'http://data.europa.eu/snb/eqf/6',
    },
    {
      // Europass list of modes of learning and assessment: 920fbb3cbe is "Online"
      type: ['Alignment'], targetFramework: 'Europass mode of learning and assessment', targetName: 'Online',
      targetUrl: 'http://data.europa.eu/snb/learning-assessment/920fbb3cbe',
    },
  ];
}

/**
 * Publishes the quality agency's DID document and returns its endorsement of
 * the achievement, signed with the agency's own freshly generated key.
 */
export async function publishQualityEndorsement(routes: Routes, agencyHost: string, achievementId: string): Promise<Json> {
  const agency = await createIssuerKeys(agencyHost);
  routes.json(agencyHost, '/.well-known/did.json', agency.didDocument, 'application/did+json');
  return agency.signDataIntegrity({
    '@context': [VC_V2, OB_V3],
    id: url(agencyHost, `/endorsements/${MICRO_CREDENTIAL_SLUG}`),
    type: ['VerifiableCredential', 'EndorsementCredential'],
    issuer: { id: agency.did, type: ['Profile'], name: QA_AGENCY_NAME, url: url(agencyHost, '/') },
    validFrom: '2025-01-15T00:00:00Z',
    name: `Quality review of the ${MICRO_CREDENTIAL_TITLE}`,
    credentialSubject: {
      id: achievementId,
      type: ['EndorsementSubject'],
      endorsementComment: 'Programme reviewed against the European Standards and Guidelines for Quality Assurance (ESG 2015).',
    },
  });
}

/**
 * The unsigned micro-credential: the ordinary demo credential plus the issuer's
 * postal address, ESCO/EQF/mode alignments, ECTS credits, a graded result and
 * the agency's endorsement.
 */
export function fullyDescribedCredential(spec: DemoCredentialSpec, issuer: { id: string }, host: string, endorsement: Json): Json {
  const credential = openBadgeCredential(spec, issuer, host);
  (credential.issuer as Json).address = { type: ['Address'], addressLocality: 'Utrecht', addressCountry: 'Netherlands' };
  const achievement = (credential.credentialSubject as Json).achievement as Json;
  Object.assign(achievement, {
    description: `A 5 ECTS online micro-credential in designing and analysing algorithms, with a graded final project.`,
    alignment: alignments(),
    creditsAvailable: 5,
    resultDescription: [{
      id: url(host, `/achievements/${spec.slug}#final-project`), type: ['ResultDescription'],
      name: 'Final project grade', resultType: 'Percent', valueMin: '0', valueMax: '100',
    }],
    endorsement: [endorsement],
  });
  return credential;
}
