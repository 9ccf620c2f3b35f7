import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { scanDocument } from '../../../lib/detect/scan';
import type { Candidate as PlainCandidate } from '../../../lib/detect/types';
import { CandidateSchema, reportPagePath, ToBackgroundSchema, type Candidate } from '../../../lib/extension/messaging';
import { repoPath } from '../../support/fixtures';

describe('message schemas', () => {
  it('the plain detector type and the zod type describe the same candidate', () => {
    const plain: PlainCandidate = { kind: 'link', value: 'https://a.example/x', platform: 'credly', label: 'L' };
    const zodTyped: Candidate = plain; // compile-time: assignable both ways
    const back: PlainCandidate = zodTyped;
    expect(CandidateSchema.parse(back)).toEqual(plain);
  });

  it('every candidate the detectors produce on the sample pages passes the background schema', () => {
    for (const [file, url] of [
      ['linkedin-classic.html', 'https://www.linkedin.com/in/jane-example/'],
      ['linkedin-new.html', 'https://www.linkedin.com/in/jane-example/details/certifications/'],
    ]) {
      const html = readFileSync(repoPath(`tests/unit/detect/pages/${file!}`), 'utf8');
      const { found, profileName } = scanDocument(parseHTML(html).document as unknown as Document, { pageUrl: url });
      expect(found.length).toBeGreaterThan(0);
      const msg = { type: 'candidates/found', pageUrl: url, ...(profileName ? { profileName } : {}), items: found.map((f) => f.candidate) };
      expect(ToBackgroundSchema.safeParse(msg).success).toBe(true);
    }
  });

  it('refuses extra members (a page cannot slip in a URL to fetch)', () => {
    expect(CandidateSchema.safeParse({ kind: 'link', value: 'https://a.example', fetch: 'https://evil.example' }).success).toBe(false);
    expect(ToBackgroundSchema.safeParse({ type: 'candidate/open', key: 'k', url: 'https://evil.example' }).success).toBe(false);
  });

  it('builds the report page path the popup reads', () => {
    expect(reportPagePath(12, 'l-abc')).toBe('/popup.html?tab=12&key=l-abc');
  });
});
