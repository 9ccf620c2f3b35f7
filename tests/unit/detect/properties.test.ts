import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveInput } from '../../../lib/extension/background/derive-input';
import { candidateKey } from '../../../lib/detect/key';
import { looksLikeCredentialUrl, MAYBE_CREDENTIAL_LINK, matchPlatform } from '../../../lib/detect/platforms';
import { scanPdfText } from '../../../lib/detect/scan';
import { CandidateSchema } from '../../../lib/extension/messaging';

describe('detector properties', () => {
  it('scanPdfText never throws and only yields candidates the background schema accepts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.array(fc.oneof(fc.webUrl({ withQueryParameters: true }), fc.string()), { maxLength: 5 }), (text, links) => {
        for (const c of scanPdfText(text, links)) expect(CandidateSchema.safeParse(c).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('every URL a platform row or the credential-URL rule accepts passes the cheap pre-filter', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        if (matchPlatform(url) || looksLikeCredentialUrl(url)) expect(MAYBE_CREDENTIAL_LINK.test(url)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('a page-supplied link is fetched only at an https URL from the table or of credential shape', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true }), (url) => {
        const d = deriveInput({ kind: 'link', value: url }, { userInitiated: false, pageOnKnownPlatform: false });
        if (d.kind === 'input' && 'url' in d.input) {
          expect(d.input.url.startsWith('https://')).toBe(true);
          expect(Boolean(matchPlatform(url)) || looksLikeCredentialUrl(url)).toBe(true);
        }
        expect(candidateKey({ kind: 'link', value: url }).length).toBeLessThanOrEqual(40);
      }),
      { numRuns: 500 },
    );
  });
});
