import { describe, expect, it } from 'vitest';
import { sortRows, summarizePage } from '../../../lib/extension/page-summary';
import { summaryLine } from '../../../components/PageView';
import { found, makeReport, tabResults } from '../components/reports';

const unread = (code: string) => makeReport('unverifiable', { checks: [{ id: 'parse', status: 'error', code: code as never, message: '' }] });
const claim = { title: 'From the profile' };

describe('the page in one line', () => {
  const results = {
    ...tabResults(1, [
      found('v1', makeReport('verified'), { claim }),
      found('v2', makeReport('verified'), { claim, comparison: { outcome: 'differs', fields: [{ field: 'title', claimed: 'A', credential: 'B', agrees: false }] } }),
      found('f', makeReport('failed'), { claim }),
      found('e', makeReport('expired'), { claim }),
      found('n', unread('NO_CREDENTIAL_LINK'), { claim }),
      found('u', unread('FETCH_TIMEOUT'), { claim }),
      found('p', undefined, { claim }),
    ]),
    listed: { count: 14, url: 'https://www.linkedin.com/in/someone/details/certifications/' },
  };

  it('counts what LinkedIn lists, every verdict, the rows without a link and those that disagree with the profile', () => {
    expect(summarizePage(results)).toEqual({
      listed: 14,
      rows: 7,
      verdicts: { verified: 2, failed: 1, expired: 1, revoked: 0, unverifiable: 2 },
      pending: 1,
      noLink: 1,
      mismatched: 1,
      allAt: 'https://www.linkedin.com/in/someone/details/certifications/',
      fromProfile: true,
    });
  });

  it('says it in words, in the order a recruiter reads them', () => {
    expect(summaryLine(summarizePage(results))).toBe(
      'LinkedIn lists 14 certifications · 2 verified · 1 not authentic · 1 expired · 2 cannot be checked (1 without a link) · 1 still checking · 1 says something else than the profile',
    );
  });

  it('on a page that is no profile, counts the credentials found', () => {
    expect(summaryLine(summarizePage(tabResults(1, [found('a', makeReport('verified'))])))).toBe('1 credential on this page · 1 verified');
  });

  it('sorts problems first, a verified row that disagrees with the profile before one that agrees, and keeps the page order otherwise', () => {
    expect(sortRows(results.credentials).map((r) => r.key)).toEqual(['f', 'e', 'n', 'u', 'p', 'v2', 'v1']);
  });
});
