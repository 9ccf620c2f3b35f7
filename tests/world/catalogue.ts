/**
 * Everything the demo world serves, keyed by host and path, plus the verdict
 * each credential must get. Built once per start: credentials are signed here
 * with freshly generated keys.
 */
import { bakePng, bakedSvg, linkPdf, plainPng } from './artifacts';
import { CANDIDATE, ob2Hosted, openBadgeCredential, REVOKED_INDEX, signedStatusList, tamper, type DemoCredentialSpec } from './credentials';
import { createIssuerKeys } from './signing';
import * as html from './pages';
import type { Verdict } from '../../lib/report';

export const HOSTS = {
  linkedin: 'www.linkedin.com',
  credly: 'www.credly.com',
  credlyApi: 'api.credly.com',
  credlyCdn: 'cdn.credly.com',
  accredible: 'www.credential.net',
  accredibleApi: 'api.accredible.com',
  issuer: 'issuer.credlens-demo.org',
  cv: 'cv.credlens-demo.org',
  news: 'news.credlens-demo.org',
} as const;

export interface Resource {
  status?: number;
  contentType: string;
  body: string | Buffer;
}

/** One credential the extension should find on a page, and its correct verdict. */
export interface ExpectedCredential {
  page: string;
  title: string;
  issuer: string;
  verdict: Verdict;
}

export interface Catalogue {
  routes: Map<string, Resource>;
  expected: ExpectedCredential[];
  pages: Record<'profile' | 'credlyBadge' | 'accredible' | 'embed' | 'cv' | 'pdf' | 'fakeVerified' | 'control', string>;
}

const JSON_LD = 'application/ld+json';
const ISSUER_NAME = 'Credlens Demo University';
const CREDLY_BADGE = '6a1c8f0e-4b7d-4c52-9e0a-3f2d1b5c7e91';
const CREDLY_ISSUER = '0b4f7a2c-9d1e-4e38-8a65-2c7f1d3e9b40';
const CREDLY_TEMPLATE = '5e2d9c1a-7f3b-4a86-b0d4-8c1e6f2a9d53';
const ACCREDIBLE_ID = '10000005';

/** Builds and signs the whole world. */
export async function buildCatalogue(): Promise<Catalogue> {
  const routes = new Map<string, Resource>();
  const put = (host: string, path: string, r: Resource) => routes.set(`${host}${path}`, r);
  const json = (host: string, path: string, body: unknown, contentType = 'application/json') =>
    put(host, path, { contentType, body: JSON.stringify(body, null, 2) });
  const u = (host: string, path: string) => `https://${host}${path}`;
  const keys = await createIssuerKeys(HOSTS.issuer);
  const I = HOSTS.issuer;

  json(I, '/.well-known/did.json', keys.didDocument, 'application/did+json');
  json(I, '/.well-known/jwks.json', keys.jwks, 'application/jwk-set+json');
  json(I, '/profile.json', { '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'], id: keys.profileUrl, type: ['Profile'], name: ISSUER_NAME, url: u(I, '/') });
  json(I, '/status/1', await signedStatusList(keys, I), 'application/vc+ld+json');
  put(I, '/', { contentType: 'text/html', body: html.htmlPage(ISSUER_NAME, `<section><h1>${ISSUER_NAME}</h1><p>Issuer of demo micro-credentials.</p></section>`) });

  const did = { id: keys.did };
  const https = { id: keys.profileUrl };
  const spec = (slug: string, title: string, extra: Partial<DemoCredentialSpec> = {}): DemoCredentialSpec =>
    ({ slug, title, issuerName: ISSUER_NAME, validFrom: '2025-03-01T09:00:00Z', ...extra });
  const di = async (s: DemoCredentialSpec, now?: Date) => keys.signDataIntegrity(openBadgeCredential(s, did, I), now);

  const cloud = await di(spec('cloud-architecture', 'Cloud Architecture Foundations'));
  const ethicsJwt = await keys.signJwt(openBadgeCredential(spec('data-ethics', 'Data Ethics Practitioner'), https, I));
  const revoked = await di(spec('secure-coding', 'Secure Coding Essentials', { statusIndex: REVOKED_INDEX }));
  const expired = await di(spec('networking-2022', 'Networking Fundamentals', { validFrom: '2022-05-01T09:00:00Z', validUntil: '2024-05-01T09:00:00Z' }), new Date('2022-06-01T00:00:00Z'));
  const tampered = tamper(await di(spec('machine-learning', 'Machine Learning Foundations')), 'Machine Learning Specialist');
  const accessibility = await di(spec('accessibility-champion', 'Accessibility Champion'));
  const writingJwt = await keys.signJwt(openBadgeCredential(spec('technical-writing', 'Technical Writing'), https, I));
  const openSource = await di(spec('open-source-contributor', 'Open Source Contributor'));
  const agileJwt = await keys.signJwt(openBadgeCredential(spec('agile-facilitation', 'Agile Team Facilitation'), https, I));

  json(I, '/credentials/cloud-architecture.json', cloud, JSON_LD);
  put(I, '/credentials/data-ethics.jwt', { contentType: 'application/vc+jwt', body: ethicsJwt });
  json(I, '/credentials/secure-coding.json', revoked, JSON_LD);
  json(I, '/credentials/networking-2022.json', expired, JSON_LD);
  json(I, '/credentials/machine-learning.json', tampered, JSON_LD);
  const medal = plainPng([31, 111, 235]);
  put(I, '/badges/open-source-contributor.png', { contentType: 'image/png', body: bakePng(medal, JSON.stringify(openSource)) });
  put(I, '/badges/agile-facilitation.svg', { contentType: 'image/svg+xml', body: bakedSvg('Agile', { jws: agileJwt }) });
  for (const slug of ['cloud-architecture', 'data-ethics', 'secure-coding', 'networking-2022', 'machine-learning', 'accessibility-champion', 'technical-writing']) {
    put(I, `/badges/${slug}.png`, { contentType: 'image/png', body: medal });
  }

  // Credly: OB 2.0 hosted assertion, BadgeClass and Issuer (platforms.md §1).
  const credlyAssertion = u(HOSTS.credlyApi, `/v1/obi/v2/badge_assertions/${CREDLY_BADGE}`);
  const credlyImage = u(HOSTS.credly, `/images/${CREDLY_TEMPLATE}/image.png`);
  const credly = ob2Hosted({
    assertionUrl: credlyAssertion,
    badgeClassUrl: u(HOSTS.credlyApi, `/v1/obi/v2/issuers/${CREDLY_ISSUER}/badge_classes/${CREDLY_TEMPLATE}`),
    issuerUrl: u(HOSTS.credlyApi, `/v1/obi/v2/issuers/${CREDLY_ISSUER}`),
    title: 'Kubernetes Administrator', issuerName: 'Cloud Native Demo Foundation', issuerSite: 'https://cloudnative.credlens-demo.org/',
    imageUrl: credlyImage, issuedOn: '2025-02-14T10:00:00Z',
  });
  for (const doc of [credly.assertion, credly.badgeClass, credly.issuer]) json(HOSTS.credlyApi, new URL(String(doc.id)).pathname, doc);
  put(HOSTS.credly, new URL(credlyImage).pathname, { contentType: 'image/png', body: plainPng([0, 120, 90]) });
  const credlyPage = u(HOSTS.credly, `/badges/${CREDLY_BADGE}`);
  const credlyPageHtml = html.credlyBadgePage({ title: 'Kubernetes Administrator', issuer: 'Cloud Native Demo Foundation', earner: CANDIDATE.name, imageUrl: credlyImage, assertionUrl: credlyAssertion });
  put(HOSTS.credly, `/badges/${CREDLY_BADGE}/public_url`, { contentType: 'text/html', body: credlyPageHtml });
  put(HOSTS.credly, `/badges/${CREDLY_BADGE}`, { contentType: 'text/html', body: credlyPageHtml });
  put(HOSTS.credly, `/embedded_badge/${CREDLY_BADGE}`, { contentType: 'text/html', body: credlyPageHtml });
  put(HOSTS.credlyCdn, '/assets/utilities/embed.js', { contentType: 'text/javascript', body: html.CREDLY_EMBED_JS });

  // Accredible: OB 2.0 assertion under api.accredible.com/v1/obi (platforms.md §2).
  const acc = ob2Hosted({
    assertionUrl: u(HOSTS.accredibleApi, `/v1/obi/badge_assertions/${ACCREDIBLE_ID}`),
    badgeClassUrl: u(HOSTS.accredibleApi, `/v1/obi/badge_classes/${ACCREDIBLE_ID}`),
    issuerUrl: u(HOSTS.accredibleApi, '/v1/obi/issuer_badge_classes/7301'),
    title: 'Project Management Essentials', issuerName: 'Demo Institute of Management', issuerSite: 'https://management.credlens-demo.org/',
    imageUrl: u(HOSTS.accredibleApi, `/v1/credentials/${ACCREDIBLE_ID}/badge.png`), issuedOn: '2024-11-05T00:00:00Z',
  });
  for (const doc of [acc.assertion, acc.badgeClass, acc.issuer]) json(HOSTS.accredibleApi, new URL(String(doc.id)).pathname, doc);
  put(HOSTS.accredibleApi, `/v1/credentials/${ACCREDIBLE_ID}/badge.png`, { contentType: 'image/png', body: plainPng([120, 40, 160]) });
  const accPage = u(HOSTS.accredible, `/${ACCREDIBLE_ID}`);
  put(HOSTS.accredible, `/${ACCREDIBLE_ID}`, { contentType: 'text/html', body: html.accrediblePage({ title: 'Project Management Essentials', issuer: 'Demo Institute of Management', earner: CANDIDATE.name, id: ACCREDIBLE_ID }) });

  const entries: html.ProfileEntry[] = [
    { title: 'Kubernetes Administrator', issuer: 'Cloud Native Demo Foundation', issued: 'Feb 2025', credentialId: CREDLY_BADGE, url: credlyPage },
    { title: 'Project Management Essentials', issuer: 'Demo Institute of Management', issued: 'Nov 2024', credentialId: ACCREDIBLE_ID, url: accPage },
    { title: 'Cloud Architecture Foundations', issuer: ISSUER_NAME, issued: 'Mar 2025', credentialId: 'cloud-architecture', url: u(I, '/credentials/cloud-architecture.json') },
    { title: 'Data Ethics Practitioner', issuer: ISSUER_NAME, issued: 'Mar 2025', credentialId: 'data-ethics', url: u(I, '/credentials/data-ethics.jwt') },
    { title: 'Secure Coding Essentials', issuer: ISSUER_NAME, issued: 'Mar 2025', credentialId: 'secure-coding', url: u(I, '/credentials/secure-coding.json') },
    { title: 'Networking Fundamentals', issuer: ISSUER_NAME, issued: 'May 2022', credentialId: 'networking-2022', url: u(I, '/credentials/networking-2022.json') },
    { title: 'Machine Learning Specialist', issuer: ISSUER_NAME, issued: 'Mar 2025', credentialId: 'machine-learning', url: u(I, '/credentials/machine-learning.json') },
  ];
  const profile = u(HOSTS.linkedin, '/in/grace-hopper/');
  put(HOSTS.linkedin, '/in/grace-hopper/', { contentType: 'text/html', body: html.linkedInProfile(CANDIDATE.name, 'Compiler engineer · COBOL · Teaching', entries) });
  put(HOSTS.linkedin, '/static/banner.png', { contentType: 'image/png', body: plainPng([10, 102, 194]) });
  const verdicts: Verdict[] = ['verified', 'verified', 'verified', 'verified', 'revoked', 'expired', 'failed'];
  const expected: ExpectedCredential[] = entries.map((e, i) => ({ page: profile, title: e.title, issuer: e.issuer, verdict: verdicts[i]! }));

  const C = HOSTS.cv;
  const pdf = u(C, '/grace-hopper-cv.pdf');
  put(C, '/grace-hopper-cv.pdf', { contentType: 'application/pdf', body: linkPdf('Grace Hopper - Curriculum Vitae', [
    { text: 'Kubernetes Administrator (Credly)', url: credlyPage },
    { text: 'Cloud Architecture Foundations', url: u(I, '/credentials/cloud-architecture.json') },
  ]) });
  const cv = u(C, '/grace-hopper/');
  put(C, '/grace-hopper/', { contentType: 'text/html', body: html.cvPage({ jsonLd: JSON.stringify(accessibility), jws: writingJwt,
    pngUrl: u(I, '/badges/open-source-contributor.png'), svgUrl: u(I, '/badges/agile-facilitation.svg'), pdfUrl: pdf }) });
  const embed = u(C, '/portfolio/');
  put(C, '/portfolio/', { contentType: 'text/html', body: html.credlyEmbedPage(CREDLY_BADGE) });
  // A second profile whose owner drew a fake "✔ Verified" seal next to a forged certification.
  const fake = u(HOSTS.linkedin, '/in/alex-morgan/');
  put(HOSTS.linkedin, '/in/alex-morgan/', { contentType: 'text/html', body: html.linkedInProfile('Alex Morgan', 'Data scientist', [
    { ...entries[6]!, overlay: html.FAKE_VERIFIED_SEAL },
  ], 'alex-morgan') });
  const control = u(HOSTS.news, '/compilers');
  put(HOSTS.news, '/compilers', { contentType: 'text/html', body: html.controlPage() });
  for (const [f, rgb] of [['badge-build.png', [200, 60, 60]], ['logo.png', [60, 60, 60]], ['team-photo.png', [220, 180, 90]]] as const) {
    put(HOSTS.news, `/static/${f}`, { contentType: 'image/png', body: plainPng([...rgb]) });
  }

  const issuerOf = 'Credlens Demo University';
  expected.push(
    { page: credlyPage, title: 'Kubernetes Administrator', issuer: 'Cloud Native Demo Foundation', verdict: 'verified' },
    { page: accPage, title: 'Project Management Essentials', issuer: 'Demo Institute of Management', verdict: 'verified' },
    { page: embed, title: 'Kubernetes Administrator', issuer: 'Cloud Native Demo Foundation', verdict: 'verified' },
    { page: cv, title: 'Accessibility Champion', issuer: issuerOf, verdict: 'verified' },
    { page: cv, title: 'Technical Writing', issuer: issuerOf, verdict: 'verified' },
    { page: cv, title: 'Open Source Contributor', issuer: issuerOf, verdict: 'verified' },
    { page: cv, title: 'Agile Team Facilitation', issuer: issuerOf, verdict: 'verified' },
    { page: pdf, title: 'Kubernetes Administrator', issuer: 'Cloud Native Demo Foundation', verdict: 'verified' },
    { page: pdf, title: 'Cloud Architecture Foundations', issuer: issuerOf, verdict: 'verified' },
    { page: fake, title: 'Machine Learning Specialist', issuer: issuerOf, verdict: 'failed' },
  );
  return { routes, expected, pages: { profile, credlyBadge: credlyPage, accredible: accPage, embed, cv, pdf, fakeVerified: fake, control } };
}
