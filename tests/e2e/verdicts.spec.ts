import { expect, test } from './fixtures';
import { openAndCount, openAndWaitForVerdicts } from './flow';
import { markerTexts } from './markers';

test('the pop-out shows the real verdict of every certification on the profile', async ({ page, world, serviceWorker, openExtensionPage }) => {
  const expected = world.expected.filter((e) => e.page === world.pages.profile);
  const tabId = await openAndWaitForVerdicts(page, serviceWorker, world.pages.profile, expected.length);
  const popup = await openExtensionPage(`popup.html?tab=${tabId}`);
  const rows = popup.getByTestId('credential');
  await expect(rows).toHaveCount(expected.length);
  for (const e of expected) {
    const row = rows.filter({ hasText: e.title });
    await expect(row, e.title).toHaveAttribute('data-verdict', e.verdict);
    await expect(row, e.title).toContainText(e.issuer);
  }
});

test('a page drawing its own "✔ Verified" seal does not change the verdict (SECURITY.md attack 40)', async ({ context, page, world, serviceWorker, openExtensionPage }) => {
  const tabId = await openAndWaitForVerdicts(page, serviceWorker, world.pages.fakeVerified, 1);
  await expect(page.getByText('✔ Verified')).toBeVisible();
  const [marker] = await markerTexts(context, page);
  expect(marker).not.toMatch(/verified/i);
  const popup = await openExtensionPage(`popup.html?tab=${tabId}`);
  const row = popup.getByTestId('credential');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-verdict', 'failed');
  await expect(row).not.toContainText(/\bverified\b/i);
});

test('the recipient check matches the candidate and flags someone else', async ({ page, world, serviceWorker, openExtensionPage }) => {
  const expected = world.expected.filter((e) => e.page === world.pages.profile);
  const tabId = await openAndWaitForVerdicts(page, serviceWorker, world.pages.profile, expected.length);
  const popup = await openExtensionPage(`popup.html?tab=${tabId}`);
  const rows = popup.getByTestId('credential');
  await expect(rows).toHaveCount(expected.length);
  const email = popup.getByTestId('recipient-form').getByRole('textbox');
  const check = popup.getByRole('button', { name: 'Check recipient' });

  await email.fill(world.candidate.email);
  await check.click();
  const verifiedRows = rows.and(popup.locator('[data-verdict="verified"]'));
  await expect(verifiedRows).toHaveCount(expected.filter((e) => e.verdict === 'verified').length);
  for (const row of await verifiedRows.all()) await expect(row.locator('[data-recipient]')).toHaveAttribute('data-recipient', 'match');

  await email.fill('someone.else@example.com');
  await check.click();
  for (const row of await verifiedRows.all()) await expect(row.locator('[data-recipient]')).toHaveAttribute('data-recipient', 'mismatch');
});

test('clicking an in-page marker opens that credential\'s report', async ({ context, page, world, serviceWorker }) => {
  const count = world.expected.filter((e) => e.page === world.pages.profile).length;
  const tabId = await openAndWaitForVerdicts(page, serviceWorker, world.pages.profile, count);
  const entry = page.locator('li').filter({ hasText: 'Secure Coding Essentials' });
  const [report] = await Promise.all([context.waitForEvent('page'), entry.locator('[data-credlens="marker"]').click()]);
  await report.waitForLoadState();
  expect(report.url()).toMatch(new RegExp(`/popup\\.html\\?tab=${tabId}&key=`));
  await expect(report.getByRole('heading', { name: 'Secure Coding Essentials' })).toBeVisible();
  await expect(report.locator('[data-verdict]').first()).toHaveAttribute('data-verdict', 'revoked');
  // the page itself did not navigate: the marker does not follow the entry's link
  expect(page.url()).toBe(world.pages.profile);
});

for (const pageName of ['credlyBadge', 'accredible'] as const) {
  test(`the hosted Open Badge behind the ${pageName} page is verified`, async ({ page, world, serviceWorker, openExtensionPage }) => {
    const url = world.pages[pageName];
    const [expected] = world.expected.filter((e) => e.page === url);
    const { tabId, listed } = await openAndCount(page, serviceWorker, url);
    const popup = await openExtensionPage(`popup.html?tab=${tabId}`);
    const rows = popup.getByTestId('credential');
    await expect(rows).toHaveCount(listed);
    await expect(rows.filter({ hasText: expected!.title })).toHaveAttribute('data-verdict', expected!.verdict);
    // anything else found there (a plain badge picture) must not be presented as verified
    await expect(rows.and(popup.locator('[data-verdict="verified"]'))).toHaveCount(1);
  });
}

test('verification requests carry no cookies and no referrer: issuers cannot tell whose profile is being checked', async ({ context, page, world, serviceWorker }) => {
  // A cookie the issuer set earlier must not be sent back when the extension fetches from that issuer.
  await context.addCookies([{ name: 'tracker', value: 'recruiter-42', domain: 'issuer.credlens-demo.org', path: '/', secure: true, sameSite: 'None' }]);
  const count = world.expected.filter((e) => e.page === world.pages.profile).length;
  const from = world.requestLog.length;
  await openAndWaitForVerdicts(page, serviceWorker, world.pages.profile, count);
  const fetched = world.requestLog.slice(from).filter((r) => r.host !== 'www.linkedin.com');
  expect(fetched.map((r) => r.host)).toEqual(expect.arrayContaining(['api.credly.com', 'api.accredible.com', 'issuer.credlens-demo.org']));
  for (const r of fetched) {
    expect(r.cookie, `${r.host}${r.path}`).toBeUndefined();
    expect(r.referer, `${r.host}${r.path}`).toBeUndefined();
  }
});
