/**
 * The demo issuer (`did:web:issuer.credlens-demo.org`): DID document, JWKS,
 * profile, a signed status list, and OB 3.0 credentials whose verdicts are
 * known by construction (verified, revoked, expired, tampered). The status
 * list can be re-signed while the world runs, to revoke a credential later.
 */
import { bakePng, bakedSvg, plainPng } from './artifacts';
import { openBadgeCredential, REVOCABLE_INDEX, REVOKED_INDEX, signedStatusList, tamper, type DemoCredentialSpec } from './credentials';
import { fullyDescribedCredential, MICRO_CREDENTIAL_SLUG, MICRO_CREDENTIAL_TITLE, publishQualityEndorsement } from './micro-credential';
import { htmlPage } from './pages';
import { Routes, url } from './routes';
import { createIssuerKeys, type IssuerKeys } from './signing';

export const ISSUER_NAME = 'Credlens Demo University';
const JSON_LD = 'application/ld+json';

/** Signed credentials other sites show (CV page) and where the issuer publishes the rest. */
export interface IssuerSite {
  /** JSON-LD credential embedded in the CV page */
  accessibility: Record<string, unknown>;
  /** compact VC-JWT shown as text on the CV page */
  writingJwt: string;
  /** credential URL for each profile entry, by slug */
  credentialUrl: (slug: string) => string;
  /** sets the credential's bit in the status list and publishes the list re-signed */
  revoke: (title: string) => Promise<void>;
}

/** Status-list index of each credential that carries a status entry, by title. */
const STATUS_INDEX: Record<string, number> = {
  'Secure Coding Essentials': REVOKED_INDEX,
  'Cloud Architecture Foundations': REVOCABLE_INDEX,
  [MICRO_CREDENTIAL_TITLE]: REVOCABLE_INDEX + 1,
};

/** Generates the issuer's keys, signs its credentials and adds its routes; `agencyHost` serves the quality agency that endorses the micro-credential. */
export async function buildIssuerSite(routes: Routes, host: string, agencyHost: string): Promise<IssuerSite> {
  const keys = await createIssuerKeys(host);
  routes.json(host, '/.well-known/did.json', keys.didDocument, 'application/did+json');
  routes.json(host, '/.well-known/jwks.json', keys.jwks, 'application/jwk-set+json');
  routes.json(host, '/profile.json', {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: keys.profileUrl, type: ['Profile'], name: ISSUER_NAME, url: url(host, '/'),
  });
  const revoked = new Set([REVOKED_INDEX]);
  const publishStatusList = async () => routes.json(host, '/status/1', await signedStatusList(keys, host, [...revoked]), 'application/vc+ld+json');
  await publishStatusList();
  routes.html(host, '/', htmlPage(ISSUER_NAME, `<section><h1>${ISSUER_NAME}</h1><p>Issuer of demo micro-credentials.</p></section>`));
  await publishProfileCredentials(routes, host, keys);
  await publishMicroCredential(routes, host, keys, agencyHost);
  await publishBakedBadges(routes, host, keys);
  const sign = signers(keys, host);
  return {
    accessibility: await sign.di(spec('accessibility-champion', 'Accessibility Champion')),
    writingJwt: await sign.jwt(spec('technical-writing', 'Technical Writing')),
    credentialUrl: (slug) => url(host, `/credentials/${slug}`),
    async revoke(title) {
      const index = STATUS_INDEX[title];
      if (index === undefined) throw new Error(`demo world: "${title}" has no status entry, so it cannot be revoked`);
      revoked.add(index);
      await publishStatusList();
    },
  };
}

function spec(slug: string, title: string, extra: Partial<DemoCredentialSpec> = {}): DemoCredentialSpec {
  return { slug, title, issuerName: ISSUER_NAME, validFrom: '2025-03-01T09:00:00Z', ...(title in STATUS_INDEX ? { statusIndex: STATUS_INDEX[title] } : {}), ...extra };
}

/** Data Integrity credentials name the DID as issuer; VC-JWT ones the HTTPS profile (its JWKS sits on that authority). */
function signers(keys: IssuerKeys, host: string) {
  return {
    di: (s: DemoCredentialSpec, now?: Date) => keys.signDataIntegrity(openBadgeCredential(s, { id: keys.did }, host), now),
    jwt: (s: DemoCredentialSpec) => keys.signJwt(openBadgeCredential(s, { id: keys.profileUrl }, host)),
  };
}

/** The five credentials the LinkedIn-like profile links to. */
async function publishProfileCredentials(routes: Routes, host: string, keys: IssuerKeys): Promise<void> {
  const sign = signers(keys, host);
  routes.json(host, '/credentials/cloud-architecture.json', await sign.di(spec('cloud-architecture', 'Cloud Architecture Foundations')), JSON_LD);
  routes.put(host, '/credentials/data-ethics.jwt', { contentType: 'application/vc+jwt', body: await sign.jwt(spec('data-ethics', 'Data Ethics Practitioner')) });
  routes.json(host, '/credentials/secure-coding.json', await sign.di(spec('secure-coding', 'Secure Coding Essentials')), JSON_LD);
  // Signed while it was valid (mid-2022); it lapsed in May 2024.
  const expired = spec('networking-2022', 'Networking Fundamentals', { validFrom: '2022-05-01T09:00:00Z', validUntil: '2024-05-01T09:00:00Z' });
  routes.json(host, '/credentials/networking-2022.json', await sign.di(expired, new Date('2022-06-01T00:00:00Z')), JSON_LD);
  // Signed as "Foundations", then renamed by a forger: the proof no longer matches.
  const forged = tamper(await sign.di(spec('machine-learning', 'Machine Learning Foundations')), 'Machine Learning Specialist');
  routes.json(host, '/credentials/machine-learning.json', forged, JSON_LD);
}

/** The fully described micro-credential (all eleven EU elements in dedicated fields), endorsed by the quality agency. */
async function publishMicroCredential(routes: Routes, host: string, keys: IssuerKeys, agencyHost: string): Promise<void> {
  const s = spec(MICRO_CREDENTIAL_SLUG, MICRO_CREDENTIAL_TITLE);
  const endorsement = await publishQualityEndorsement(routes, agencyHost, url(host, `/achievements/${s.slug}`));
  const signed = await keys.signDataIntegrity(fullyDescribedCredential(s, { id: keys.did }, host, endorsement));
  routes.json(host, `/credentials/${s.slug}.json`, signed, JSON_LD);
}

/** A baked PNG (Data Integrity JSON), a baked SVG (VC-JWT) and plain achievement images. */
async function publishBakedBadges(routes: Routes, host: string, keys: IssuerKeys): Promise<void> {
  const sign = signers(keys, host);
  const medal = plainPng([31, 111, 235]);
  const openSource = await sign.di(spec('open-source-contributor', 'Open Source Contributor'));
  routes.png(host, '/badges/open-source-contributor.png', bakePng(medal, JSON.stringify(openSource)));
  const agile = await sign.jwt(spec('agile-facilitation', 'Agile Team Facilitation'));
  routes.put(host, '/badges/agile-facilitation.svg', { contentType: 'image/svg+xml', body: bakedSvg('Agile', { jws: agile }) });
  for (const slug of ['cloud-architecture', 'data-ethics', 'secure-coding', 'networking-2022', 'machine-learning', 'accessibility-champion', 'technical-writing', MICRO_CREDENTIAL_SLUG]) {
    routes.png(host, `/badges/${slug}.png`, medal);
  }
}
