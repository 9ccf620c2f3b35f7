/**
 * A profile whose certifications link where real ones do: to issuers' own
 * sites (no keyword in the path), through LinkedIn's redirect wrapper, a
 * shortener that redirects twice, a course provider's certificate page with
 * no credential, an issuer page carrying its credential as JSON-LD or an
 * alternate link, a white-label Accredible host, and one entry with no link.
 * The profile owner's page comes in two layouts, both modelled on saved real
 * LinkedIn markup (tests/unit/detect/pages/linkedin-real): logged in (August
 * 2024, `data-view-name="profile-component-entity"`, direct links) and the
 * logged-out public profile on a country host (March 2024,
 * `li.profile-section-card`, h3/h4, "See credential" with `trk` parameters),
 * and a third as LinkedIn's server-driven layout of 2026 draws it, rebuilt
 * from scrapers of live profiles (tests/unit/detect/pages/linkedin-reconstructed):
 * entries of `<p>` lines separated by `<hr>`, the company link several levels
 * from the lines, "Show credential" as a named control wrapped in
 * `/safety/go/?url=`.
 */
import { plainPng } from './artifacts';
import { CANDIDATE, ob2Hosted, openBadgeCredential, type DemoCredentialSpec } from './credentials';
import { htmlPage, linkedInRedirect } from './pages';
import { Routes, url } from './routes';
import { createIssuerKeys } from './signing';
import type { Verdict } from '../../lib/engine/report';

export const LINK_HOSTS = {
  credentials: 'credentials.northwind-university.edu',
  go: 'go.northwind-university.edu',
  learn: 'learn.northwind-university.edu',
  shortener: 'nwu.link',
  courses: 'www.coursehub-learning.com',
  whiteLabel: 'northwind.credential.net',
  publicProfile: 'se.linkedin.com',
} as const;

const ISSUER = 'Northwind University';
const WHITE_LABEL_ID = '10000007';

export interface LinkEntry {
  /** the title as the profile shows it */
  title: string;
  issuer: string;
  issued: string;
  expires?: string;
  credentialId?: string;
  /** the link the profile gives, or none */
  link?: string;
  /** what the popup must show for it */
  verdict: Verdict;
  /** the code of the check that left it unchecked */
  code?: string;
  /** the profile's claim disagrees with the verified credential */
  mismatch?: boolean;
}

const esc = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** An entry as the logged-in layout of August 2024 draws it (hashed classes dropped, structure kept). */
function loggedInEntry(e: LinkEntry): string {
  const lines = [
    `<div class="display-flex align-items-center mr1 hoverable-link-text t-bold"><span aria-hidden="true">${esc(e.title)}</span><span class="visually-hidden">${esc(e.title)}</span></div>`,
    `<span class="t-14 t-normal"><span aria-hidden="true">${esc(e.issuer)}</span><span class="visually-hidden">${esc(e.issuer)}</span></span>`,
    `<span class="t-14 t-normal t-black--light"><span class="pvs-entity__caption-wrapper" aria-hidden="true">Issued ${esc(e.issued)}${e.expires ? ` · Expires ${esc(e.expires)}` : ''}</span></span>`,
    ...(e.credentialId ? [`<span class="t-14 t-normal t-black--light"><span aria-hidden="true">Credential ID ${esc(e.credentialId)}</span></span>`] : []),
  ].join('');
  const body = e.link
    ? `<a data-field="entity_image_licenses_and_certifications" class="optional-action-target-wrapper display-flex flex-column full-width" target="_self" href="${esc(e.link)}">${lines}</a>`
    : `<div class="display-flex flex-column full-width">${lines}</div>`;
  const button = e.link
    ? `<div class="pvs-entity__sub-components"><ul><li><div class="pv-action__padding"><a class="optional-action-target-wrapper artdeco-button artdeco-button--secondary" aria-label="Show credential for ${esc(e.title)}" href="${esc(e.link)}"><span class="pvs-navigation__text">Show credential</span></a></div></li></ul></div>`
    : '';
  return `<li class="artdeco-list__item"><div data-view-name="profile-component-entity"><div><a class="optional-action-target-wrapper display-flex" href="https://www.linkedin.com/company/1035/"><img width="48" height="48" alt="${esc(e.issuer)} logo" src="/static/logo.png"></a></div>
<div class="display-flex flex-column full-width align-self-center"><div class="display-flex flex-row justify-space-between">${body}</div>${button}</div></div></li>`;
}

/** An entry as the logged-out public profile of March 2024 draws it. */
function publicEntry(e: LinkEntry): string {
  const see = e.link
    ? `<div><a class="btn-md btn-tertiary" data-tracking-control-name="public_profile_see-credential" href="${esc(`${e.link}${e.link.includes('?') ? '&' : '?'}trk=public_profile_see-credential`)}">See credential</a></div>`
    : '';
  return `<li class="profile-section-card relative flex w-full list-none py-1.5 pr-2 pl-1"><div class="pl-0.5 grow break-words">
<h3 class="font-semibold"><a data-tracking-control-name="public_profile_certification-title" href="https://www.linkedin.com/company/northwind?trk=public_profile_certification-title">${esc(e.title)}</a></h3>
<h4 class="text-color-text text-md"><a href="https://www.linkedin.com/company/northwind?trk=public_profile_profile-section-card_subtitle-click">${esc(e.issuer)}</a></h4>
<div class="text-color-text-low-emphasis text-md"><div class="not-first-middot"><span>Issued <time>${esc(e.issued)}</time></span></div>${see}</div></div></li>`;
}

/** LinkedIn's 2026 outbound link wrapper, dots spelled %2E as recorded; it replaces the older /redir/redirect wrapper. */
function safetyGo(link: string): string {
  const target = new URL(link).pathname === '/redir/redirect' ? new URL(link).searchParams.get('url')! : link;
  return `https://www.linkedin.com/safety/go/?url=${encodeURIComponent(target).replace(/\./g, '%2E')}&urlhash=Qx1b&isSdui=true`;
}

/** An entry as the server-driven layout of 2026 draws it. */
function sduiEntry(e: LinkEntry): string {
  const p = (text: string, title = false) => `<p class="ddde811d ${title ? '_94c14fcf' : '_19ee2a11'}">${esc(text)}</p>`;
  const see = e.link ? `<div><a data-view-name="license-certifications-see-license-button" href="${esc(safetyGo(e.link))}"><span>Show credential</span></a></div>` : '';
  return `<div class="_43f1157d"><div><div><div><div><a data-view-name="license-certifications-lockup-view" href="https://www.linkedin.com/company/1035/"><figure><img width="48" height="48" alt="${esc(e.issuer)} logo" src="/static/logo.png"></figure></a></div></div></div></div>
<div>${p(e.title, true)}${p(e.issuer)}${p(`Issued ${e.issued}${e.expires ? ` · Expires ${e.expires}` : ''}`)}${e.credentialId ? p(`Credential ID ${e.credentialId}`) : ''}</div>${see}</div>`;
}

function sduiProfile(name: string, entries: readonly LinkEntry[], slug: string): string {
  return htmlPage(`${name} | LinkedIn`, `<div data-view-name="profile-top-card"><section><div><h2>${esc(name)}</h2></div></section></div>
<section><div data-view-name="profile-card-licenses-and-certifications"><div><h2>Licenses &amp; certifications</h2></div>
<div>${entries.map(sduiEntry).join('\n<hr>\n')}</div>
<div><a data-view-name="license-certifications-see-all-button" href="https://www.linkedin.com/in/${slug}/details/certifications/"><span>Show all ${entries.length + 4} licenses &amp; certifications</span></a></div></div></section>`);
}

function loggedInProfile(name: string, entries: readonly LinkEntry[], slug: string): string {
  return htmlPage(`${name} | LinkedIn`, `<section class="artdeco-card"><div class="ph5 pb5"><h1 class="text-heading-xlarge inline t-24">${esc(name)}</h1></div></section>
<section class="artdeco-card pv-profile-card break-words mt2" data-view-name="profile-card"><div id="licenses_and_certifications" class="pv-profile-card__anchor"></div>
<div class="pvs-header__top-container--no-stack"><h2 class="pvs-header__title text-heading-large"><span aria-hidden="true">Licenses &amp; certifications</span><span class="visually-hidden">Licenses &amp; certifications</span></h2></div>
<ul>${entries.map(loggedInEntry).join('\n')}</ul>
<div class="pvs-list__footer-wrapper"><a class="optional-action-target-wrapper" href="https://www.linkedin.com/in/${slug}/details/certifications/">Show all ${entries.length + 4} licenses &amp; certifications</a></div></section>`);
}

function publicProfile(name: string, entries: readonly LinkEntry[]): string {
  return htmlPage(`${name} - Northwind University | LinkedIn`, `<section class="top-card-layout"><h1 class="top-card-layout__title">${esc(name)}</h1></section>
<section class="core-section-container certifications" data-section="certifications"><h2 class="core-section-container__title section-title">Licenses &amp; Certifications</h2>
<div class="core-section-container__content break-words"><ul>${entries.map(publicEntry).join('\n')}</ul></div></section>`);
}

export interface IssuerLinkProfiles {
  /** logged in, www.linkedin.com */
  loggedIn: string;
  /** logged out, on a country host */
  loggedOut: string;
  /** logged in, the server-driven layout of 2026 */
  sdui2026: string;
  entries: LinkEntry[];
  /** what LinkedIn says the logged-in profile has in all ("Show all N") */
  listedInAll: number;
}

/** Signs Northwind University's credentials, publishes its sites and the two profile pages. */
export async function buildIssuerLinkProfiles(routes: Routes, accredibleApi: string): Promise<IssuerLinkProfiles> {
  const H = LINK_HOSTS;
  const keys = await createIssuerKeys(H.credentials);
  routes.json(H.credentials, '/.well-known/did.json', keys.didDocument, 'application/did+json');
  routes.json(H.credentials, '/.well-known/jwks.json', keys.jwks, 'application/jwk-set+json');
  const spec = (slug: string, title: string): DemoCredentialSpec => ({ slug, title, issuerName: ISSUER, validFrom: '2025-04-01T09:00:00Z' });
  const di = (slug: string, title: string) => keys.signDataIntegrity(openBadgeCredential(spec(slug, title), { id: keys.did }, H.credentials));

  // an issuer's own address, no keyword in the path, answering JSON
  routes.json(H.credentials, '/c/7f3a2c91', await di('rdm-intro', 'Introduction to Research Data Management'));
  // a VC-JWT at an issuer's address
  routes.put(H.credentials, '/c/91bd0e4a/token', { contentType: 'application/jwt', body: await keys.signJwt(openBadgeCredential(spec('data-ethics', 'Data Ethics in Research'), { id: keys.profileUrl }, H.credentials)) });
  routes.json(H.credentials, '/profile.json', { id: keys.profileUrl, type: ['Profile'], name: ISSUER });
  // the issuer's own redirect, wrapped by LinkedIn's /redir/redirect on the profile
  routes.redirect(H.go, '/r/3c1d', url(H.credentials, '/c/3c1d5e7f'), 302);
  routes.json(H.credentials, '/c/3c1d5e7f', await di('data-stewardship', 'Data Stewardship'));
  // a shortener that redirects twice, to an issuer page carrying its credential as JSON-LD
  routes.redirect(H.shortener, '/ds101', url(H.go, '/r/ds101'), 301);
  routes.redirect(H.go, '/r/ds101', url(H.learn, '/certificates/ds-101'), 302);
  const dataScience = JSON.stringify(await di('data-science', 'Data Science Foundations')).replace(/</g, '\\u003c');
  routes.html(H.learn, '/certificates/ds-101', htmlPage('Data Science Foundations — Northwind University', '<section><h1>Certificate</h1><p>Data Science Foundations</p></section>', `<script type="application/ld+json">${dataScience}</script>`));
  // an issuer page pointing at its credential with an alternate link
  routes.html(H.learn, '/certificates/ml-201', htmlPage('Machine Learning Practice — Northwind University', '<section><h1>Certificate</h1><p>Machine Learning Practice</p></section>', '<link rel="alternate" type="application/vc+ld+json" href="/certificates/ml-201.json">'));
  routes.json(H.learn, '/certificates/ml-201.json', await di('ml-practice', 'Machine Learning Practice'), 'application/vc+ld+json');
  // a course provider's certificate page: a picture of a certificate, no credential anywhere
  routes.html(H.courses, '/certificate/AB12CD', htmlPage('Certificate of completion — CourseHub', '<section><h1>Certificate of completion</h1><img src="/static/certificate.png" alt="Certificate" width="96" height="64"></section>', `<meta property="og:image" content="${url(H.courses, '/static/certificate.png')}"><meta property="og:title" content="Certificate of completion">`));
  routes.png(H.courses, '/static/certificate.png', plainPng([230, 230, 230]));
  // a white-label Accredible host: the platform's OB 2.0 assertion for that id
  for (const doc of Object.values(ob2Hosted({
    assertionUrl: url(accredibleApi, `/v1/obi/badge_assertions/${WHITE_LABEL_ID}`),
    badgeClassUrl: url(accredibleApi, `/v1/obi/badge_classes/${WHITE_LABEL_ID}`),
    issuerUrl: url(accredibleApi, '/v1/obi/issuer_badge_classes/7302'),
    title: 'Leadership Essentials', issuerName: ISSUER, issuerSite: url(H.credentials, '/'), imageUrl: url(accredibleApi, `/v1/credentials/${WHITE_LABEL_ID}/badge.png`), issuedOn: '2025-01-20T00:00:00Z',
  }))) routes.json(accredibleApi, new URL(String((doc as { id: string }).id)).pathname, doc);
  routes.html(H.whiteLabel, `/${WHITE_LABEL_ID}`, htmlPage('Leadership Essentials', '<section><h1>Leadership Essentials</h1></section>'));
  routes.png(H.credentials, '/static/logo.png', plainPng([20, 60, 120]));

  const entries: LinkEntry[] = [
    { title: 'Advanced Research Data Management', issuer: ISSUER, issued: 'Apr 2025', credentialId: '7f3a2c91', link: url(H.credentials, '/c/7f3a2c91'), verdict: 'verified', mismatch: true },
    { title: 'Data Ethics in Research', issuer: ISSUER, issued: 'Apr 2025', link: url(H.credentials, '/c/91bd0e4a/token'), verdict: 'verified' },
    { title: 'Data Stewardship', issuer: ISSUER, issued: 'Apr 2025', link: linkedInRedirect(url(H.go, '/r/3c1d')), verdict: 'verified' },
    { title: 'Data Science Foundations', issuer: ISSUER, issued: 'Apr 2025', link: url(H.shortener, '/ds101'), verdict: 'verified' },
    { title: 'Machine Learning Practice', issuer: ISSUER, issued: 'Apr 2025', link: url(H.learn, '/certificates/ml-201'), verdict: 'verified' },
    { title: 'Leadership Essentials', issuer: ISSUER, issued: 'Jan 2025', link: url(H.whiteLabel, `/${WHITE_LABEL_ID}`), verdict: 'verified' },
    { title: 'Python for Everyone', issuer: 'CourseHub', issued: 'Sep 2024', link: url(H.courses, '/certificate/AB12CD'), verdict: 'unverifiable', code: 'NO_CREDENTIAL_AT_LINK' },
    { title: 'First Aid at Work', issuer: 'Red Cross', issued: 'Jun 2024', verdict: 'unverifiable', code: 'NO_CREDENTIAL_LINK' },
  ];
  const slug = 'grace-hopper-northwind';
  routes.html('www.linkedin.com', `/in/${slug}/`, loggedInProfile(CANDIDATE.name, entries, slug));
  routes.html(H.publicProfile, `/in/${slug}`, publicProfile(CANDIDATE.name, entries));
  routes.html('www.linkedin.com', `/in/${slug}-2026/`, sduiProfile(CANDIDATE.name, entries, `${slug}-2026`));
  routes.png('www.linkedin.com', '/static/logo.png', plainPng([10, 102, 194]));
  return { loggedIn: url('www.linkedin.com', `/in/${slug}/`), loggedOut: url(H.publicProfile, `/in/${slug}`), sdui2026: url('www.linkedin.com', `/in/${slug}-2026/`), entries, listedInAll: entries.length + 4 };
}
