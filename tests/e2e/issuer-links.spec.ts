/**
 * Every certification a profile lists gets an answer: a profile whose links go
 * to issuers' own sites, a redirect wrapper, a shortener that redirects twice,
 * a page carrying its credential as JSON-LD or an alternate link, a white-label
 * Accredible host, a course provider's page without a credential and an entry
 * without a link (tests/world/issuer-links.ts), logged in, logged out on a
 * country host, and in the server-driven layout of 2026. One row per
 * certification, each with its state; the summary
 * counts them; the claim that differs from its credential is shown as such.
 */
import type { TabResults } from '../../lib/extension/tab-results';
import { expect, readTabResults, test } from './fixtures';
import { openAndCount } from './flow';

for (const variant of ['loggedIn', 'loggedOut', 'sdui2026'] as const) {
  test(`every certification of the issuer-links profile (${variant}) is a row with its right state`, async ({ page, world, serviceWorker, openExtensionPage }) => {
    const { entries } = world.issuerLinks;
    const { tabId, listed } = await openAndCount(page, serviceWorker, world.issuerLinks[variant], entries.length);
    expect(listed).toBe(entries.length);
    const results = (await readTabResults<TabResults>(serviceWorker, tabId))!;
    for (const e of entries) {
      const row = results.credentials.find((c) => c.claim?.title === e.title);
      expect(row, e.title).toBeDefined();
      expect(row!.report?.verdict, `${e.title}: ${JSON.stringify(row!.report?.checks.filter((c) => c.status !== "pass"))}`).toBe(e.verdict);
      if (e.code) expect(row!.report?.checks[0]?.code, e.title).toBe(e.code);
      expect(row!.comparison?.outcome ?? 'not-compared', e.title).toBe(e.mismatch ? 'differs' : e.verdict === 'verified' ? 'matches' : 'not-compared');
    }

    const popup = await openExtensionPage(`popup.html?tab=${tabId}`);
    const rows = popup.getByTestId('credential');
    await expect(rows).toHaveCount(entries.length);
    const verified = entries.filter((e) => e.verdict === 'verified').length;
    const listedInAll = variant !== 'loggedOut' ? world.issuerLinks.listedInAll : entries.length;
    await expect(popup.getByTestId('page-summary')).toHaveText(
      `LinkedIn lists ${listedInAll} certifications · ${verified} verified · 2 cannot be checked (1 without a link) · 1 says something else than the profile`,
    );
    // problems first: the two rows that could not be checked lead the list
    await expect(rows.first()).toHaveAttribute('data-verdict', 'unverifiable');
    const mismatch = rows.filter({ hasText: 'Introduction to Research Data Management' });
    await expect(mismatch).toHaveAttribute('data-verdict', 'verified');
    await expect(mismatch.locator('[data-comparison="differs"]')).toHaveText('The profile says “Advanced Research Data Management”; the credential is for “Introduction to Research Data Management”');
    const noLink = rows.filter({ hasText: 'First Aid at Work' });
    await expect(noLink).toContainText('as the profile says');
    await expect(noLink).toContainText('without a link to a credential');
    await expect(rows.filter({ hasText: 'Python for Everyone' })).toContainText('www.coursehub-learning.com');
    if (variant !== 'loggedOut') await expect(popup.getByTestId('show-all')).toHaveAttribute('href', /\/details\/certifications\/$/);
  });
}
