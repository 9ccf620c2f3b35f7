import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { scanDocument, scanPdfText } from '../../../lib/detect/scan';

const page = (name: string): string => readFileSync(path.join(__dirname, 'pages', name), 'utf8');
const parse = (html: string): Document => parseHTML(html).document as unknown as Document;
const b64url = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
const credentialJws = (name: string): string =>
  `${b64url({ alg: 'EdDSA', kid: 'did:web:issuer.example#key-1' })}.${b64url({
    iss: 'did:web:issuer.example',
    vc: { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential', 'OpenBadgeCredential'], name },
  })}.${Buffer.alloc(64, 7).toString('base64url')}`;

describe('LinkedIn profile, classic layout', () => {
  const doc = parse(page('linkedin-classic.html'));
  const result = scanDocument(doc, { pageUrl: 'https://www.linkedin.com/in/jane-example/' });

  it('finds each certification exactly once: links redirect-unwrapped, the one without a link as a claim', () => {
    const values = result.found.map((f) => [f.candidate.kind, f.candidate.value]);
    expect(values).toEqual([
      ['link', 'https://www.credly.com/badges/0b5d0c5e-8f4a-4c7e-9a9e-1b2c3d4e5f60/public_url'],
      ['link', 'https://www.credential.net/10000005'],
      ['claim', 'First Aid at Work'],
    ]);
  });

  it('reads name, issuer, issue date and credential id next to the link', () => {
    const [aws] = result.found;
    expect(aws?.candidate).toMatchObject({
      kind: 'link',
      platform: 'credly',
      label: 'AWS Certified Solutions Architect – Associate',
      issuerLabel: 'Amazon Web Services (AWS)',
      issuedLabel: 'Jan 2024 · Expires Jan 2027',
      credentialIdLabel: '9f1c2a',
    });
    expect(result.found[1]?.candidate).toMatchObject({ platform: 'accredible', label: 'Machine Learning Specialization', issuerLabel: 'Stanford Online' });
  });

  it('reads the profile owner from the top card and anchors markers on the entries', () => {
    expect(result.profileName).toBe('Jane Example');
    expect(result.found.every((f) => f.anchor?.getAttribute('data-view-name') === 'profile-component-entity')).toBe(true);
  });

  it('ignores entries inside our own nodes', () => {
    const d = parse(page('linkedin-classic.html'));
    d.querySelector('#licenses_and_certifications')!.closest('section')!.setAttribute('data-credlens', 'marker');
    const again = scanDocument(d, { pageUrl: 'https://www.linkedin.com/in/jane-example/' });
    expect(again.found).toHaveLength(0);
  });
});

describe('LinkedIn details page, new layout', () => {
  const doc = parse(page('linkedin-new.html'));
  const result = scanDocument(doc, { pageUrl: 'https://www.linkedin.com/in/jane-example/details/certifications/' });

  it('finds lockup entries with their p-line labels', () => {
    expect(result.found.map((f) => [f.candidate.platform, f.candidate.label, f.candidate.credentialIdLabel])).toEqual([
      ['obf', 'Digital Skills Mentor', 'DSM-2025-17'],
      ['moodle', 'Course Completion: Safety 101', undefined],
      ['badgr', 'Open Data Practitioner', undefined],
    ]);
    expect(result.found[0]?.candidate.value).toBe('https://openbadgefactory.com/v1/assertion/0123456789abcdef0123456789abcdef01234567.html');
  });

  it('does not take the details page heading for the profile owner', () => {
    const d = parse('<html><body><main><h1>Licenses &amp; certifications</h1></main></body></html>');
    expect(scanDocument(d, { pageUrl: 'https://www.linkedin.com/in/jane-example/details/certifications/' }).profileName).toBeUndefined();
  });

  it('rescans an added subtree on its own', () => {
    const li = doc.querySelectorAll('li')[2]!;
    const sub = scanDocument(li, { pageUrl: 'https://www.linkedin.com/in/jane-example/details/certifications/' });
    expect(sub.found.map((f) => f.candidate.platform)).toEqual(['badgr']);
  });
});

describe('HTML CV and embeds', () => {
  const jws = credentialJws('Data Steward');
  const vc = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential', 'OpenBadgeCredential'], issuer: 'did:web:u.example', credentialSubject: { id: 'did:example:1' } };
  const html = `<!doctype html><html><head>
    <script type="application/ld+json">${JSON.stringify(vc)}</script>
    <script type="application/ld+json">{"@context":"https://schema.org","@type":"Person","name":"Jane"}</script></head><body>
    <div data-share-badge-id="0B5D0C5E-8F4A-4C7E-9A9E-1B2C3D4E5F60" data-share-badge-host="https://www.credly.com"></div>
    <p><a href="https://www.credly.com/badges/0b5d0c5e-8f4a-4c7e-9a9e-1b2c3d4e5f60">My AWS badge</a></p>
    <p>Signed credential: <code>${jws}</code></p>
    <p><span data-vc="${jws}">same token again</span></p>
    <div class="badges"><img src="/files/data-steward.png" alt="Data Steward"></div>
    <img src="/files/portrait.png" alt="Portrait of Jane">
    <p><a href="https://verifierplus.org/#verify?vc=https%3A%2F%2Fcreds.example.edu%2Fvc%2F42.json">Verify my diploma</a></p>
    </body></html>`;
  const result = scanDocument(parse(html), { pageUrl: 'https://jane.example/cv.html' });

  it('finds JSON-LD, the Credly embed (merged with the link), the JWS, the badge image and the VerifierPlus link once each', () => {
    const summary = result.found.map((f) => `${f.candidate.kind}:${f.candidate.platform ?? ''}`);
    expect(summary.sort()).toEqual(['image:', 'json:', 'jws:', 'link:credly', 'link:verifierplus'].sort());
    expect(result.found.find((f) => f.candidate.kind === 'jws')?.candidate.value).toBe(jws);
    expect(result.found.find((f) => f.candidate.kind === 'image')?.candidate.value).toBe('https://jane.example/files/data-steward.png');
    expect(JSON.parse(result.found.find((f) => f.candidate.kind === 'json')!.candidate.value)).toEqual(vc);
  });
});

describe('control page', () => {
  it('finds nothing among ordinary images, links, schema.org JSON-LD and session tokens', () => {
    const result = scanDocument(parse(page('control.html')), { pageUrl: 'https://news.example.com/weekend' });
    expect(result.found).toEqual([]);
    expect(result.profileName).toBeUndefined();
  });
});

describe('platform pages', () => {
  it('treats a platform credential page URL as the candidate, and badge-like PNGs there as images (not icons)', () => {
    const html = '<html><body><h1>Badge</h1><div class="cr-badge-banner"><div><div><div><img src="https://images.credly.com/size/340x340/images/x/image.png"></div></div></div></div><img src="/assets/icon.png" alt="menu"></body></html>';
    const result = scanDocument(parse(html), { pageUrl: 'https://www.credly.com/badges/0b5d0c5e-8f4a-4c7e-9a9e-1b2c3d4e5f60/linked_in_profile' });
    expect(result.found.map((f) => f.candidate.kind)).toEqual(['link', 'image']);
    // the same markup off-platform: too far from the badge-like container to count
    expect(scanDocument(parse(html), { pageUrl: 'https://cv.example/' }).found).toEqual([]);
  });
});

describe('scanPdfText', () => {
  it('lists credential links (annotations and text) and JWS once each', () => {
    const jws = credentialJws('PDF');
    const text = `Jane Example — CV\nCertificates: https://www.credly.com/badges/0b5d0c5e-8f4a-4c7e-9a9e-1b2c3d4e5f60/public_url.\nToken: ${jws}\nHomepage https://jane.example/`;
    const links = ['https://www.credly.com/badges/0b5d0c5e-8f4a-4c7e-9a9e-1b2c3d4e5f60', 'https://api.badgr.io/public/assertions/abcDEF123456', 'https://jane.example/'];
    const found = scanPdfText(text, links);
    expect(found.map((c) => `${c.kind}:${c.platform ?? ''}`)).toEqual(['link:credly', 'link:badgr', 'jws:']);
  });

  it('finds nothing in an ordinary CV text', () => {
    expect(scanPdfText('Experience\nAcme 2020-2024 https://acme.example/jobs', ['mailto:jane@example.com'])).toEqual([]);
  });
});
