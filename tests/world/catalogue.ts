/**
 * Everything the demo world serves, keyed by host and path, plus the verdict
 * each credential must get. Built once per start: credentials are signed here
 * with freshly generated keys.
 */
import { linkPdf, plainPng } from './artifacts';
import { BENCH_HOSTS, buildBenchProfile, type BenchProfile } from './bench-profile';
import { CANDIDATE } from './credentials';
import { buildIssuerLinkProfiles, LINK_HOSTS, type IssuerLinkProfiles } from './issuer-links';
import { buildIssuerSite, ISSUER_NAME, type IssuerSite } from './issuer-site';
import { MICRO_CREDENTIAL_SLUG, MICRO_CREDENTIAL_TITLE } from './micro-credential';
import * as html from './pages';
import { ACCREDIBLE_ID, buildAccredible, buildCredly, CREDLY_BADGE, type PlatformBadge } from './platform-sites';
import { Routes, url, type Resource } from './routes';
import type { Verdict } from '../../lib/engine/report';

export type { Resource } from './routes';

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
  qualityAgency: 'qa.credlens-demo.org',
  ...BENCH_HOSTS,
  ...LINK_HOSTS,
} as const;

/** One credential the extension should find on a page, and its correct verdict. */
export interface ExpectedCredential {
  page: string;
  title: string;
  issuer: string;
  verdict: Verdict;
}

export type PageName = 'profile' | 'credlyBadge' | 'accredible' | 'embed' | 'cv' | 'pdf' | 'fakeVerified' | 'control';

export interface Catalogue {
  routes: Map<string, Resource>;
  expected: ExpectedCredential[];
  pages: Record<PageName, string>;
  /** revokes a demo credential by title: its issuer's status list is re-signed with the bit set */
  revoke: (title: string) => Promise<void>;
  /** the ten-certification profile `npm run bench` times from page load to the last verdict (tests/world/bench-profile.ts) */
  benchProfile: BenchProfile;
  /** a profile whose certifications link to issuers' own sites, shorteners and pages (tests/world/issuer-links.ts) */
  issuerLinks: IssuerLinkProfiles;
}

/** Builds and signs the whole world. */
export async function buildCatalogue(): Promise<Catalogue> {
  const routes = new Routes();
  const issuer = await buildIssuerSite(routes, HOSTS.issuer, HOSTS.qualityAgency);
  const credly = buildCredly(routes, { www: HOSTS.credly, api: HOSTS.credlyApi, cdn: HOSTS.credlyCdn });
  const accredible = buildAccredible(routes, { www: HOSTS.accredible, api: HOSTS.accredibleApi });
  const profiles = buildProfiles(routes, issuer, credly, accredible);
  const benchProfile = await buildBenchProfile(routes, issuer, credly, accredible, HOSTS.linkedin);
  const issuerLinks = await buildIssuerLinkProfiles(routes, HOSTS.accredibleApi);
  const cv = buildCvSite(routes, issuer, credly);
  const control = url(HOSTS.news, '/compilers');
  routes.html(HOSTS.news, '/compilers', html.controlPage());
  for (const [file, rgb] of [['badge-build.png', [200, 60, 60]], ['logo.png', [60, 60, 60]], ['team-photo.png', [220, 180, 90]]] as const) {
    routes.png(HOSTS.news, `/static/${file}`, plainPng([...rgb]));
  }
  const expected: ExpectedCredential[] = [
    ...profiles.expected,
    { page: credly.page, title: credly.title, issuer: credly.issuer, verdict: 'verified' },
    { page: accredible.page, title: accredible.title, issuer: accredible.issuer, verdict: 'verified' },
    ...cv.expected,
  ];
  return {
    routes: routes.map,
    expected,
    pages: { profile: profiles.profile, fakeVerified: profiles.fakeVerified, credlyBadge: credly.page, accredible: accredible.page, ...cv.pages, control },
    revoke: issuer.revoke,
    benchProfile,
    issuerLinks,
  };
}

/** The candidate's profile (eight certifications) and a forger's profile with a fake "✔ Verified" seal. */
function buildProfiles(routes: Routes, issuer: IssuerSite, credly: PlatformBadge, accredible: PlatformBadge) {
  const own = (title: string, slug: string, issued: string, file = `${slug}.json`, verdict: Verdict = 'verified') =>
    ({ title, issuer: ISSUER_NAME, issued, credentialId: slug, url: issuer.credentialUrl(file), verdict });
  const entries: (html.ProfileEntry & { verdict: Verdict })[] = [
    { title: credly.title, issuer: credly.issuer, issued: 'Feb 2025', credentialId: CREDLY_BADGE, url: credly.page, verdict: 'verified' },
    { title: accredible.title, issuer: accredible.issuer, issued: 'Nov 2024', credentialId: ACCREDIBLE_ID, url: accredible.page, verdict: 'verified' },
    own('Cloud Architecture Foundations', 'cloud-architecture', 'Mar 2025'),
    own('Data Ethics Practitioner', 'data-ethics', 'Mar 2025', 'data-ethics.jwt'),
    own('Secure Coding Essentials', 'secure-coding', 'Mar 2025', undefined, 'revoked'),
    own('Networking Fundamentals', 'networking-2022', 'May 2022', undefined, 'expired'),
    own('Machine Learning Specialist', 'machine-learning', 'Mar 2025', undefined, 'failed'),
    own(MICRO_CREDENTIAL_TITLE, MICRO_CREDENTIAL_SLUG, 'Mar 2025'),
  ];
  const profile = url(HOSTS.linkedin, '/in/grace-hopper/');
  routes.html(HOSTS.linkedin, '/in/grace-hopper/', html.linkedInProfile(CANDIDATE.name, 'Compiler engineer · COBOL · Teaching', entries));
  routes.png(HOSTS.linkedin, '/static/banner.png', plainPng([10, 102, 194]));
  const forged = entries[6]!;
  const fakeVerified = url(HOSTS.linkedin, '/in/alex-morgan/');
  routes.html(HOSTS.linkedin, '/in/alex-morgan/', html.linkedInProfile('Alex Morgan', 'Data scientist', [{ ...forged, overlay: html.FAKE_VERIFIED_SEAL }], 'alex-morgan'));
  const expected: ExpectedCredential[] = [
    ...entries.map((e) => ({ page: profile, title: e.title, issuer: e.issuer, verdict: e.verdict })),
    { page: fakeVerified, title: forged.title, issuer: forged.issuer, verdict: 'failed' },
  ];
  return { profile, fakeVerified, expected };
}

/** The candidate's own site: HTML CV, PDF CV and a page embedding the Credly badge. */
function buildCvSite(routes: Routes, issuer: IssuerSite, credly: PlatformBadge) {
  const C = HOSTS.cv;
  const pages = { cv: url(C, '/grace-hopper/'), pdf: url(C, '/grace-hopper-cv.pdf'), embed: url(C, '/portfolio/') };
  const cloud = issuer.credentialUrl('cloud-architecture.json');
  routes.put(C, '/grace-hopper-cv.pdf', { contentType: 'application/pdf', body: linkPdf('Grace Hopper - Curriculum Vitae', [
    { text: `${credly.title} (Credly)`, url: credly.page },
    { text: 'Cloud Architecture Foundations', url: cloud },
  ]) });
  routes.html(C, '/grace-hopper/', html.cvPage({
    jsonLd: JSON.stringify(issuer.accessibility), jws: issuer.writingJwt, pdfUrl: pages.pdf,
    pngUrl: url(HOSTS.issuer, '/badges/open-source-contributor.png'), svgUrl: url(HOSTS.issuer, '/badges/agile-facilitation.svg'),
  }));
  routes.html(C, '/portfolio/', html.credlyEmbedPage(CREDLY_BADGE));
  const ours = (page: string, title: string): ExpectedCredential => ({ page, title, issuer: ISSUER_NAME, verdict: 'verified' });
  const expected: ExpectedCredential[] = [
    { page: pages.embed, title: credly.title, issuer: credly.issuer, verdict: 'verified' },
    ours(pages.cv, 'Accessibility Champion'), ours(pages.cv, 'Technical Writing'),
    ours(pages.cv, 'Open Source Contributor'), ours(pages.cv, 'Agile Team Facilitation'),
    { page: pages.pdf, title: credly.title, issuer: credly.issuer, verdict: 'verified' },
    ours(pages.pdf, 'Cloud Architecture Foundations'),
  ];
  return { pages, expected };
}
