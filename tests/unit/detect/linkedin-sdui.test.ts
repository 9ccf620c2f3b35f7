import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLinkedInCertifications, readLinkedInCertifications, readProfileName, readShowAll } from '../../../lib/detect/linkedin';
import { scanDocument } from '../../../lib/detect/scan';
import { claims, loadPages, parse, type ExpectedEntry } from '../../support/linkedin-pages';

/**
 * LinkedIn's server-driven layout of 2026, for which no saved page is
 * public: pages rebuilt from what scrapers written against live profiles
 * record about it (each page's opening comment names them), with the entries
 * a person reads on each.
 */
const DIR = path.join(__dirname, 'pages', 'linkedin-reconstructed');

interface ExpectedPage {
  source: string;
  date: string;
  pageUrl: string;
  profileName: string | null;
  showAll?: { count: number; url: string };
  entries: ExpectedEntry[];
}

const pages = loadPages<ExpectedPage>(DIR);

describe('LinkedIn server-driven layout (2026), pages rebuilt from scrapers of live profiles', () => {
  it('has one expected-entries file per page, each naming its sources and date', () => {
    expect(pages.map((p) => p.file)).toEqual(['sdui-details-2026-03.html', 'sdui-profile-2026-02.html']);
    for (const { html, expected } of pages) {
      expect(html.startsWith('<!--\nReconstructed LinkedIn')).toBe(true);
      expect(html).toContain('farhanrenardi/linkedin_certification_scraper');
      expect(expected.date).toMatch(/^2026-\d{2}$/);
    }
  });

  describe.each(pages)('$file', ({ html, expected }) => {
    const doc = parse(html);

    it('returns exactly the entries a person reads on the page, in page order, every field as shown', () => {
      expect(claims(doc, expected.pageUrl)).toEqual(expected.entries);
    });

    it('anchors each entry on its own element, which shows its title and no other entry', () => {
      const entries = readLinkedInCertifications(doc, expected.pageUrl);
      expect(new Set(entries.map((e) => e.anchor)).size).toBe(entries.length);
      for (const entry of entries) {
        expect(entry.anchor.textContent).toContain(entry.title);
        for (const other of entries) if (other !== entry) expect(entry.anchor.textContent).not.toContain(other.title);
        expect(entry.anchor.textContent).not.toMatch(/Licenses & certifications/);
      }
    });

    it('offers every entry: a link to follow when it leaves LinkedIn, else a claim', () => {
      const offered = detectLinkedInCertifications(doc, expected.pageUrl).map((e) => [e.candidate.kind, e.candidate.value]);
      expect(offered).toEqual(expected.entries.map((e) => (e.link ? ['link', e.link] : ['claim', e.title])));
    });

    it("reads the owner's name and the \"Show all\" count where the page shows them", () => {
      expect(readProfileName(doc) ?? null).toBe(expected.profileName);
      expect(readShowAll(doc, expected.pageUrl)).toEqual(expected.showAll);
    });

    it('finds the same entries when the section arrives later as an added subtree', () => {
      const section = doc.querySelector('section.a7f2c1d9')!;
      expect(claims(section, expected.pageUrl)).toEqual(expected.entries);
      expect(scanDocument(doc, { pageUrl: expected.pageUrl }).found.filter((f) => f.candidate.fromEntry)).toHaveLength(expected.entries.length);
    });
  });

  it('regression: the 2026 profile layout (entries under the company link, five levels apart from their lines) gave no entries', () => {
    const { html, expected } = pages.find((p) => p.file === 'sdui-profile-2026-02.html')!;
    expect(readLinkedInCertifications(parse(html), expected.pageUrl)).toHaveLength(3);
  });

  it('regression: the 2026 details page (entries marked only by the issuer logo, separated by <hr>) gave one entry without its dates', () => {
    const { html, expected } = pages.find((p) => p.file === 'sdui-details-2026-03.html')!;
    const entries = readLinkedInCertifications(parse(html), expected.pageUrl);
    expect(entries.map((e) => e.title)).toContain('First Aid at Work');
    expect(entries[0]).toMatchObject({ issued: 'Jan 2024', expires: 'Jan 2027', credentialId: '9f1c2a' });
  });

  it("takes the \"Show credential\" control as the entry's link whatever its words (the control is named, not its text)", () => {
    const { html, expected } = pages.find((p) => p.file === 'sdui-profile-2026-02.html')!;
    const german = parse(html.replaceAll('Show credential', 'Nachweis ansehen'));
    expect(claims(german, expected.pageUrl).map((e) => e.link)).toEqual(expected.entries.map((e) => e.link));
  });
});
