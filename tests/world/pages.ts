/**
 * HTML of the demo pages. The LinkedIn-like profile follows the markup the
 * extension meets on linkedin.com (LinkedIn markup as observed): section id
 * `licenses_and_certifications`, entries marked
 * `data-view-name="license-certifications-lockup-view"` with sibling lines for
 * name, issuer, "Issued <Mon YYYY>" and "Credential ID", and "Show credential"
 * links wrapped as `/redir/redirect?url=<encoded>`.
 */

export interface ProfileEntry {
  title: string;
  issuer: string;
  issued: string;
  credentialId: string;
  url: string;
  /** extra markup the page itself draws in the entry (used for a fake "verified" seal) */
  overlay?: string;
}

const esc = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

const PAGE_STYLE = `body{font-family:system-ui,sans-serif;margin:0;background:#f4f2ee;color:#1d1d1d}
main{max-width:760px;margin:24px auto;display:grid;gap:12px}
section{background:#fff;border-radius:8px;padding:16px 24px;box-shadow:0 0 0 1px #e0dfdc}
h1{font-size:24px;margin:0}h2{font-size:20px}p{margin:2px 0}
li{list-style:none;padding:12px 0;border-top:1px solid #eee}ul{padding:0}
a.btn{display:inline-block;margin-top:6px;padding:4px 14px;border:1px solid #666;border-radius:16px;color:#444;text-decoration:none}
.muted{color:#666;font-size:14px}
`+
  `.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
a[data-view-name=license-certifications-lockup-view]{color:inherit;text-decoration:none;display:block}`;

/** Wraps a page body in a full document. */
export function htmlPage(title: string, body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><style>${PAGE_STYLE}</style>${head}</head>` +
    `<body><main>${body}</main></body></html>`;
}

/** LinkedIn's outbound-link wrapper (`/redir/redirect?url=`, as observed on LinkedIn pages). */
export function linkedInRedirect(target: string): string {
  return `https://www.linkedin.com/redir/redirect?url=${encodeURIComponent(target)}&urlhash=dm0x`;
}

function certificationItem(e: ProfileEntry): string {
  return `<li class="pvs-list__paged-list-item artdeco-list__item">
  <div data-view-name="profile-component-entity">
    <a data-view-name="license-certifications-lockup-view" href="${esc(linkedInRedirect(e.url))}">
      <p class="t-bold"><span aria-hidden="true">${esc(e.title)}</span><span class="visually-hidden">${esc(e.title)}</span></p>
      <p class="t-14 t-normal"><span aria-hidden="true">${esc(e.issuer)}</span><span class="visually-hidden">${esc(e.issuer)}</span></p>
      <p class="pvs-entity__caption-wrapper muted">Issued ${esc(e.issued)}</p>
      <p class="muted">Credential ID ${esc(e.credentialId)}</p>
    </a>
    <a class="btn" data-view-name="license-certifications-show-credential" href="${esc(linkedInRedirect(e.url))}" target="_blank" rel="noopener">Show credential</a>
    <button data-view-name="license-certifications-see-skills-button" type="button" class="muted">Skills</button>${e.overlay ?? ''}
  </div>
</li>`;
}

/** The candidate's LinkedIn-like public profile. */
export function linkedInProfile(name: string, headline: string, entries: readonly ProfileEntry[], slug = 'grace-hopper'): string {
  const body = `<section class="pv-top-card"><h1 class="text-heading-xlarge">${esc(name)}</h1><p>${esc(headline)}</p>
<p class="muted">Arlington, Virginia · <a href="https://www.linkedin.com/in/${slug}/overlay/contact-info/">Contact info</a></p></section>
<section><h2>About</h2><p>Computer scientist and naval officer. Builds compilers and teaches programming.</p>
<img src="/static/banner.png" alt="Profile banner" width="48" height="48"></section>
<section data-view-name="profile-card"><div id="licenses_and_certifications" class="pv-profile-card__anchor"></div>
<div class="pvs-header__title"><h2><span aria-hidden="true">Licenses &amp; certifications</span></h2></div>
<ul class="pvs-list">${entries.map(certificationItem).join('\n')}</ul>
<a class="muted" href="https://www.linkedin.com/in/${slug}/details/certifications/">Show all ${entries.length} licenses &amp; certifications</a></section>
<section><h2>Experience</h2><p>Senior Engineer, <a href="https://www.linkedin.com/company/example-corp/">Example Corp</a></p>
<p class="muted">Read my post: <a href="${esc(linkedInRedirect('https://news.credlens-demo.org/compilers'))}">Why compilers matter</a></p></section>`;
  return htmlPage(`${name} | LinkedIn`, body);
}

/** A Credly-like public badge page (Open Graph tags only, as on credly.com). */
export function credlyBadgePage(o: { title: string; issuer: string; earner: string; imageUrl: string; assertionUrl: string }): string {
  const head = `<meta property="og:title" content="${esc(o.title)}"><meta property="og:image" content="${esc(o.imageUrl)}">` +
    `<meta property="og:type" content="website">`;
  return htmlPage(`${o.title} - Credly`, `<section><img src="${esc(o.imageUrl)}" alt="${esc(o.title)} badge" width="96" height="96">
<h1>${esc(o.title)}</h1><p>Issued by ${esc(o.issuer)}</p><p>Earned by ${esc(o.earner)}</p>
<p class="muted">This badge was issued through Credly.</p></section>`, head);
}

/** An Accredible-like credential page (credential.net). */
export function accrediblePage(o: { title: string; issuer: string; earner: string; id: string }): string {
  return htmlPage(`${o.title} | ${o.issuer}`, `<section data-credential-id="${esc(o.id)}"><h1>${esc(o.title)}</h1>
<p>Issued to ${esc(o.earner)} by ${esc(o.issuer)}</p><p class="muted">Credential ID ${esc(o.id)}</p></section>`);
}

/** A page embedding a Credly badge with Credly's own widget snippet. */
export function credlyEmbedPage(badgeId: string): string {
  return htmlPage('Grace Hopper — Portfolio', `<section><h1>Portfolio</h1><p>My certified skills:</p>
<div data-iframe-width="150" data-iframe-height="270" data-share-badge-id="${esc(badgeId)}" data-share-badge-host="https://www.credly.com"></div>
<script type="text/javascript" async src="//cdn.credly.com/assets/utilities/embed.js"></script></section>`);
}

/** What the Credly embed script does: replace the placeholder with an iframe. */
export const CREDLY_EMBED_JS = `document.querySelectorAll('[data-share-badge-id]').forEach(function (d) {
  var f = document.createElement('iframe');
  f.src = d.getAttribute('data-share-badge-host') + '/embedded_badge/' + d.getAttribute('data-share-badge-id');
  f.width = d.getAttribute('data-iframe-width'); f.height = d.getAttribute('data-iframe-height');
  f.title = 'Credly badge'; f.style.border = '0'; d.appendChild(f);
});`;

/** The HTML CV: a JSON-LD credential, a compact JWS in text, baked images, a PDF link. */
export function cvPage(o: { jsonLd: string; jws: string; pngUrl: string; svgUrl: string; pdfUrl: string }): string {
  const head = `<script type="application/ld+json">${o.jsonLd.replace(/</g, '\\u003c')}</script>`;
  return htmlPage('Grace Hopper — Curriculum Vitae', `<section><h1>Grace Hopper</h1><p>Curriculum vitae</p>
<p><a href="${esc(o.pdfUrl)}">Download this CV as PDF</a></p></section>
<section><h2>Badges</h2><img src="${esc(o.pngUrl)}" alt="Open Source Contributor badge" width="48" height="48">
<img src="${esc(o.svgUrl)}" alt="Agile Team Facilitation badge" width="96" height="96"></section>
<section><h2>Signed credential (VC-JWT)</h2><pre style="white-space:pre-wrap;word-break:break-all">${esc(o.jws)}</pre></section>`, head);
}

/**
 * What a page can draw next to a credential: a green "✔ Verified" seal that
 * imitates a verifier (SECURITY.md attack 40). Only the extension's own
 * pages may say whether a credential is verified.
 */
export const FAKE_VERIFIED_SEAL =
  '<span class="fake-verified" style="margin-left:8px;color:#fff;background:#1a7f37;border-radius:4px;padding:2px 6px">✔ Verified</span>';

/** A control page: ordinary images and links, no credential anywhere. */
export function controlPage(): string {
  const imgs = ['badge-build.png', 'logo.png', 'team-photo.png'].map((f) => `<img src="/static/${f}" alt="${f}" width="48" height="48">`).join('');
  return htmlPage('Demo News — Why compilers matter', `<section><h1>Why compilers matter</h1>${imgs}
<p>Read the <a href="https://news.credlens-demo.org/archive">archive</a>, the <a href="https://www.linkedin.com/company/example-corp/">company page</a>,
or the <a href="https://www.credly.com/org/demo/badge/none">badge catalogue</a> (an organisation page, not a badge).</p>
<p>Some text that looks like a token but is not: eyJhbGciOi.notajws.</p></section>`);
}
