/**
 * Badge platforms as the extension meets them: a Credly badge page with its
 * OB 2.0 hosted assertion, BadgeClass and Issuer (Credly "OBI Methods"
 * documentation), and an Accredible credential page with its assertion under
 * /v1/obi (accredible/api-documentation openapi.json).
 */
import { plainPng } from './artifacts';
import { CANDIDATE, ob2Hosted, type Ob2Hosted } from './credentials';
import { accrediblePage, credlyBadgePage, CREDLY_EMBED_JS } from './pages';
import { Routes, url } from './routes';

export const CREDLY_BADGE = '6a1c8f0e-4b7d-4c52-9e0a-3f2d1b5c7e91';
const CREDLY_ISSUER = '0b4f7a2c-9d1e-4e38-8a65-2c7f1d3e9b40';
const CREDLY_TEMPLATE = '5e2d9c1a-7f3b-4a86-b0d4-8c1e6f2a9d53';
export const ACCREDIBLE_ID = '10000005';

export interface PlatformBadge {
  /** the human page a "Show credential" link points to */
  page: string;
  title: string;
  issuer: string;
}

function publishOb2(routes: Routes, host: string, hosted: Ob2Hosted): void {
  for (const doc of [hosted.assertion, hosted.badgeClass, hosted.issuer]) routes.json(host, new URL(String(doc.id)).pathname, doc);
}

/** Credly: www (badge page, embed target), api (OBI endpoints), cdn (embed script). */
export function buildCredly(routes: Routes, hosts: { www: string; api: string; cdn: string }): PlatformBadge {
  const badge = { title: 'Kubernetes Administrator', issuer: 'Cloud Native Demo Foundation' };
  const image = url(hosts.www, `/images/${CREDLY_TEMPLATE}/image.png`);
  const assertionUrl = url(hosts.api, `/v1/obi/v2/badge_assertions/${CREDLY_BADGE}`);
  publishOb2(routes, hosts.api, ob2Hosted({
    assertionUrl,
    badgeClassUrl: url(hosts.api, `/v1/obi/v2/issuers/${CREDLY_ISSUER}/badge_classes/${CREDLY_TEMPLATE}`),
    issuerUrl: url(hosts.api, `/v1/obi/v2/issuers/${CREDLY_ISSUER}`),
    title: badge.title, issuerName: badge.issuer, issuerSite: 'https://cloudnative.credlens-demo.org/',
    imageUrl: image, issuedOn: '2025-02-14T10:00:00Z',
  }));
  routes.png(hosts.www, new URL(image).pathname, plainPng([0, 120, 90]));
  const page = credlyBadgePage({ ...badge, earner: CANDIDATE.name, imageUrl: image, assertionUrl });
  // The same page under the URL variants Credly shares (as observed in shared links).
  for (const path of [`/badges/${CREDLY_BADGE}`, `/badges/${CREDLY_BADGE}/public_url`, `/embedded_badge/${CREDLY_BADGE}`]) routes.html(hosts.www, path, page);
  routes.put(hosts.cdn, '/assets/utilities/embed.js', { contentType: 'text/javascript', body: CREDLY_EMBED_JS });
  return { page: url(hosts.www, `/badges/${CREDLY_BADGE}`), ...badge };
}

/** Accredible: the credential.net page and the OB 2.0 documents on api.accredible.com. */
export function buildAccredible(routes: Routes, hosts: { www: string; api: string }): PlatformBadge {
  const badge = { title: 'Project Management Essentials', issuer: 'Demo Institute of Management' };
  const image = url(hosts.api, `/v1/credentials/${ACCREDIBLE_ID}/badge.png`);
  publishOb2(routes, hosts.api, ob2Hosted({
    assertionUrl: url(hosts.api, `/v1/obi/badge_assertions/${ACCREDIBLE_ID}`),
    badgeClassUrl: url(hosts.api, `/v1/obi/badge_classes/${ACCREDIBLE_ID}`),
    issuerUrl: url(hosts.api, '/v1/obi/issuer_badge_classes/7301'),
    title: badge.title, issuerName: badge.issuer, issuerSite: 'https://management.credlens-demo.org/',
    imageUrl: image, issuedOn: '2024-11-05T00:00:00Z',
  }));
  routes.png(hosts.api, new URL(image).pathname, plainPng([120, 40, 160]));
  routes.html(hosts.www, `/${ACCREDIBLE_ID}`, accrediblePage({ ...badge, earner: CANDIDATE.name, id: ACCREDIBLE_ID }));
  return { page: url(hosts.www, `/${ACCREDIBLE_ID}`), ...badge };
}
