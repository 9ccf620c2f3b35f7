import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLinkedInCertifications, readLinkedInCertifications, readProfileName } from '../../../lib/detect/linkedin';
import { scanDocument } from '../../../lib/detect/scan';
import { claims, loadPages, parse, type ExpectedEntry } from '../../support/linkedin-pages';

/**
 * Pages built from LinkedIn markup saved in public repositories (each page's
 * opening comment names its source); next to each, the entries as a person
 * reads them on that page.
 */
const REAL = path.join(__dirname, 'pages', 'linkedin-real');

interface ExpectedPage {
  source: string;
  date: string;
  loggedIn: boolean;
  pageUrl: string;
  profileName: string;
  entries: ExpectedEntry[];
}

const pages = loadPages<ExpectedPage>(REAL);

const onLinkedIn = (url: string | null): boolean => url !== null && /^https?:\/\/([\w-]+\.)*linkedin\.com\//.test(url);

describe('LinkedIn pages from saved real markup', () => {
  it('has one expected-entries file per page, each naming its source and date', () => {
    expect(pages.map((p) => p.file)).toEqual([
      'logged-in-2024-07.html',
      'logged-in-2024-08.html',
      'logged-in-classic-2022-12.html',
      'logged-out-2024-03-se.html',
    ]);
    for (const { html, expected } of pages) {
      expect(html.startsWith('<!--\nSaved LinkedIn')).toBe(true);
      expect(html).toContain(expected.source.split(' ')[0]!);
      expect(expected.date).toMatch(/^\d{4}-\d{2}$/);
    }
  });

  describe.each(pages)('$file', ({ html, expected }) => {
    const doc = parse(html);

    it('returns exactly the entries a person reads on the page, every field as shown', () => {
      expect(claims(doc, expected.pageUrl)).toEqual(expected.entries);
    });

    it('anchors each entry on its own element, which shows its title', () => {
      const entries = readLinkedInCertifications(doc, expected.pageUrl);
      const anchors = entries.map((e) => e.anchor);
      expect(new Set(anchors).size).toBe(entries.length);
      for (const entry of entries) expect(entry.anchor.textContent).toContain(entry.title.slice(0, 20));
    });

    it("reads the profile owner's name", () => {
      expect(readProfileName(doc)).toBe(expected.profileName);
      expect(scanDocument(doc, { pageUrl: expected.pageUrl }).profileName).toBe(expected.profileName);
    });

    it('offers every entry: a link to follow when it leaves LinkedIn, else a claim, each with its labels', () => {
      const offered = detectLinkedInCertifications(doc, expected.pageUrl).map((e) => [e.candidate.kind, e.candidate.value, e.candidate.label, e.candidate.issuerLabel, e.candidate.fromEntry]);
      expect(offered).toEqual(
        expected.entries.map((e) => (e.link !== null && !onLinkedIn(e.link) ? ['link', e.link, e.title, e.issuer ?? undefined, true] : ['claim', e.title, e.title, e.issuer ?? undefined, true])),
      );
    });
  });

  it('finds the same entries when the section arrives later as an added subtree', () => {
    for (const { html, expected } of pages) {
      const doc = parse(html);
      const section = readLinkedInCertifications(doc, expected.pageUrl)[0]!.anchor.closest('section')!;
      expect(claims(section as unknown as Document, expected.pageUrl)).toEqual(expected.entries);
    }
  });

  it('regression: the logged-out public profile (li.profile-section-card on a country host) gave no entries', () => {
    const { html, expected } = pages.find((p) => !p.expected.loggedIn)!;
    const entries = readLinkedInCertifications(parse(html), expected.pageUrl);
    expect(entries).toHaveLength(9);
    expect(entries.every((e) => e.anchor.matches('li.profile-section-card'))).toBe(true);
    // the Education section of the same page uses the same list items and must not count
    expect(entries.map((e) => e.title)).not.toContain('KTH Royal Institute of Technology');
  });

  it('regression: an entry whose credential stays on LinkedIn (LinkedIn Learning) was dropped', () => {
    const { html, expected } = pages.find((p) => p.file === 'logged-in-2024-07.html')!;
    const doc = parse(html);
    expect(readLinkedInCertifications(doc, expected.pageUrl).map((e) => e.title)).toContain('Managing Your Career as an Introvert');
    // a LinkedIn page is no credential to check: the entry is a claim, with its link to open but never fetched
    const offered = detectLinkedInCertifications(doc, expected.pageUrl).map((e) => e.candidate);
    expect(offered.map((c) => [c.kind, c.label])).toEqual([['link', 'Certified SAFe® 6 Release Train Engineer'], ['claim', 'Managing Your Career as an Introvert']]);
    expect(offered[1]!.href).toMatch(/^https:\/\/www\.linkedin\.com\/learning\//);
  });

  it('regression: an entry without any credential link was dropped', () => {
    const doc = parse(readFileSync(path.join(__dirname, 'pages', 'linkedin-classic.html'), 'utf8'));
    const entries = readLinkedInCertifications(doc, 'https://www.linkedin.com/in/jane-example/');
    expect(entries.map((e) => [e.title, e.issuer, e.issued, e.link])).toEqual([
      ['AWS Certified Solutions Architect – Associate', 'Amazon Web Services (AWS)', 'Jan 2024', 'https://www.credly.com/badges/0b5d0c5e-8f4a-4c7e-9a9e-1b2c3d4e5f60/public_url'],
      ['Machine Learning Specialization', 'Stanford Online', 'Mar 2023', 'https://www.credential.net/10000005'],
      ['First Aid at Work', 'Red Cross', 'Jun 2022', null],
    ]);
    expect(entries[0]).toMatchObject({ expires: 'Jan 2027', credentialId: '9f1c2a' });
  });
});

describe('profile name in the server-driven layout', () => {
  it('reads the h2 of the top card when there is no h1, and never a section heading', () => {
    const sdui = parse('<html><body><main><div data-view-name="profile-top-card"><section><a href="/in/x/"><div><h2>Alex Example</h2></div></a></section></div><section><h2>Licenses &amp; certifications</h2></section></main></body></html>');
    expect(readProfileName(sdui)).toBe('Alex Example');
    const headingOnly = parse('<html><body><main><div data-view-name="profile-top-card"><h2>Licenses &amp; certifications</h2></div></main></body></html>');
    expect(readProfileName(headingOnly)).toBeUndefined();
  });
});

describe('credential link as the page gives it', () => {
  const entry = (links: string) =>
    `<html><body><main><section><div id="licenses_and_certifications"></div><h2>Licenses &amp; certifications</h2><ul><li class="artdeco-list__item"><div data-view-name="profile-component-entity"><span aria-hidden="true">Data Steward</span><span aria-hidden="true">Example Issuer</span>${links}</div></li></ul></section></main></body></html>`;
  const linkOf = (links: string): string | null => readLinkedInCertifications(parse(entry(links)), 'https://www.linkedin.com/in/x/')[0]!.link;

  it('unwraps /redir/redirect and drops trk, keeping the rest of the query as written', () => {
    const wrapped = `https://www.linkedin.com/redir/redirect?url=${encodeURIComponent('https://badges.example/a/1?id=7&trk=x&lang')}&urlhash=Ab&trk=public_profile_see-credential`;
    expect(linkOf(`<a href="${wrapped.replace(/&/g, '&amp;')}">Show credential</a>`)).toBe('https://badges.example/a/1?id=7&lang');
  });

  it('prefers the labelled credential link over an earlier link, and never takes a company or skill link', () => {
    expect(linkOf('<a href="https://other.example/page">Issuer site</a><a href="https://badges.example/b/2" aria-label="Show credential for Data Steward"></a>')).toBe('https://badges.example/b/2');
    expect(linkOf('<a href="https://www.linkedin.com/company/1/">Example Issuer</a><a href="https://www.linkedin.com/in/x/overlay/skills">Skills</a>')).toBeNull();
  });
});
