/**
 * The profile `npm run bench` times from page load to the last verdict: ten
 * certifications from four issuers in every shape a recruiter meets, so the
 * benchmark exercises each path the extension takes behind a profile:
 * Data Integrity credentials under did:web with Bitstring status lists (two
 * issuers, two lists), VC-JWT credentials whose keys sit in a JWKS, Open
 * Badges 2.0 hosted assertions on Credly and Accredible (three documents
 * each), a baked PNG and a baked SVG, a micro-credential carrying an
 * endorsement signed by a second DID, a link that redirects, and a web page
 * that points at its credential with an alternate link.
 */
import { CANDIDATE, openBadgeCredential, signedStatusList, type DemoCredentialSpec } from './credentials';
import type { IssuerSite } from './issuer-site';
import { ISSUER_NAME } from './issuer-site';
import { MICRO_CREDENTIAL_SLUG, MICRO_CREDENTIAL_TITLE } from './micro-credential';
import { htmlPage, linkedInProfile, type ProfileEntry } from './pages';
import type { PlatformBadge } from './platform-sites';
import { Routes, url } from './routes';
import { createIssuerKeys } from './signing';
import type { Verdict } from '../../lib/engine/report';

export const BENCH_HOSTS = {
  /** the fourth issuer: did:web, its own status list, a redirecting short link and learner pages */
  academy: 'academy.credlens-demo.org',
} as const;

export const ACADEMY_NAME = 'Credlens Demo Data Academy';

/** One certification of the benchmark profile and how the extension reaches its credential. */
export interface BenchEntry extends ProfileEntry {
  /** the path the extension takes to the credential */
  shape: string;
  /** the correct verdict, known by construction */
  verdict: Verdict;
}

export interface BenchProfile {
  /** https://www.linkedin.com/in/grace-hopper-bench/ */
  page: string;
  entries: BenchEntry[];
}

/** Signs the academy's credentials, publishes its site and the ten-certification profile. */
export async function buildBenchProfile(routes: Routes, issuer: IssuerSite, credly: PlatformBadge, accredible: PlatformBadge, linkedinHost: string): Promise<BenchProfile> {
  const A = BENCH_HOSTS.academy;
  const keys = await createIssuerKeys(A);
  routes.json(A, '/.well-known/did.json', keys.didDocument, 'application/did+json');
  routes.json(A, '/status/1', await signedStatusList(keys, A, []), 'application/vc+ld+json');
  const spec = (slug: string, title: string, statusIndex: number): DemoCredentialSpec => ({ slug, title, issuerName: ACADEMY_NAME, validFrom: '2025-06-01T09:00:00Z', statusIndex });
  const publish = async (slug: string, title: string, statusIndex: number) =>
    routes.json(A, `/credentials/${slug}.json`, await keys.signDataIntegrity(openBadgeCredential(spec(slug, title, statusIndex), { id: keys.did }, A)), 'application/ld+json');
  await publish('data-visualisation', 'Data Visualisation', 3);
  await publish('applied-statistics', 'Applied Statistics', 4);
  await publish('mlops', 'MLOps Practitioner', 5);
  // a short link the academy prints on its certificates
  routes.redirect(A, '/r/stats', url(A, '/credentials/applied-statistics.json'), 302);
  // the learner's certificate page, which points at its credential (the page is read, never run)
  routes.html(A, `/learners/grace-hopper/mlops`, htmlPage('MLOps Practitioner — Credlens Demo Data Academy',
    `<section><h1>MLOps Practitioner</h1><p>Awarded to ${CANDIDATE.name}</p></section>`,
    '<link rel="alternate" type="application/vc+ld+json" href="/credentials/mlops.json">'));

  const university = (title: string, path: string, shape: string): BenchEntry =>
    ({ title, issuer: ISSUER_NAME, issued: 'Mar 2025', credentialId: path.split('/').pop()!, url: url('issuer.credlens-demo.org', path), shape, verdict: 'verified' });
  const academy = (title: string, link: string, shape: string): BenchEntry =>
    ({ title, issuer: ACADEMY_NAME, issued: 'Jun 2025', credentialId: link.split('/').pop()!, url: link, shape, verdict: 'verified' });
  const entries: BenchEntry[] = [
    { title: credly.title, issuer: credly.issuer, issued: 'Feb 2025', credentialId: 'credly', url: credly.page, shape: 'OB 2.0 hosted (Credly)', verdict: 'verified' },
    { title: accredible.title, issuer: accredible.issuer, issued: 'Nov 2024', credentialId: 'accredible', url: accredible.page, shape: 'OB 2.0 hosted (Accredible)', verdict: 'verified' },
    { ...university('Cloud Architecture Foundations', '/credentials/cloud-architecture.json', 'Data Integrity, did:web, status list'), url: issuer.credentialUrl('cloud-architecture.json') },
    { ...university('Data Ethics Practitioner', '/credentials/data-ethics.jwt', 'VC-JWT, JWKS'), url: issuer.credentialUrl('data-ethics.jwt') },
    university('Open Source Contributor', '/badges/open-source-contributor.png', 'baked PNG, Data Integrity'),
    university('Agile Team Facilitation', '/badges/agile-facilitation.svg', 'baked SVG, VC-JWT'),
    { ...university(MICRO_CREDENTIAL_TITLE, `/credentials/${MICRO_CREDENTIAL_SLUG}.json`, 'Data Integrity, endorsement by a second DID, status list'), url: issuer.credentialUrl(`${MICRO_CREDENTIAL_SLUG}.json`) },
    academy('Data Visualisation', url(A, '/credentials/data-visualisation.json'), 'Data Integrity, did:web, status list (second issuer)'),
    academy('Applied Statistics', url(A, '/r/stats'), 'redirect to a Data Integrity credential'),
    academy('MLOps Practitioner', url(A, '/learners/grace-hopper/mlops'), 'web page with an alternate link'),
  ];
  const path = '/in/grace-hopper-bench/';
  routes.html(linkedinHost, path, linkedInProfile(CANDIDATE.name, 'Compiler engineer · COBOL · Teaching', entries, 'grace-hopper-bench'));
  return { page: url(linkedinHost, path), entries };
}
