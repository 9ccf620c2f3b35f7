import { chromium } from '@playwright/test';
import { CHROMIUM_PATH } from '../world/browser';
import { expect, test } from './fixtures';

test('the extension loads and its service worker is running', async ({ extensionId, serviceWorker }) => {
  expect(extensionId).toMatch(/^[a-p]{32}$/);
  const manifest = await serviceWorker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.name).toBe('Credlens');
  expect(manifest.manifest_version).toBe(3);
});

test('popup.html renders when opened as a tab', async ({ openExtensionPage }) => {
  const popup = await openExtensionPage('popup.html');
  await expect(popup).toHaveTitle(/Credlens/);
  await expect(popup.locator('#app')).not.toBeEmpty();
});

test('demo hosts resolve to the local world over trusted HTTPS', async ({ page, world }) => {
  const response = await page.goto(world.pages.profile);
  expect(response?.status()).toBe(200);
  await expect(page.locator('#licenses_and_certifications')).toHaveCount(1);
  const certifications = world.expected.filter((e) => e.page === world.pages.profile).length;
  await expect(page.locator('[data-view-name="license-certifications-lockup-view"]')).toHaveCount(certifications);
  expect(world.requests).toContain('www.linkedin.com /in/grace-hopper/');
});

test('the service worker reaches issuer hosts through the local world', async ({ serviceWorker, world }) => {
  const did = await serviceWorker.evaluate(async () => {
    const res = await fetch('https://issuer.credlens-demo.org/.well-known/did.json', { credentials: 'omit' });
    return { status: res.status, body: (await res.json()) as { id: string } };
  });
  expect(did.status).toBe(200);
  expect(did.body.id).toBe('did:web:issuer.credlens-demo.org');
  expect(world.requests).toContain('issuer.credlens-demo.org /.well-known/did.json');
});

test('names outside the demo world do not resolve', async ({ page }) => {
  await expect(page.goto('https://example.com/')).rejects.toThrow(/ERR_NAME_NOT_RESOLVED/);
});

test('only the world\'s own server key is trusted: without its SPKI pin the page is refused', async ({ world }) => {
  const pinless = world.chromiumArgs.filter((a) => !a.startsWith('--ignore-certificate-errors-spki-list='));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', ...pinless] });
  try {
    const page = await browser.newPage();
    await expect(page.goto(world.pages.profile)).rejects.toThrow(/ERR_CERT_AUTHORITY_INVALID/);
  } finally {
    await browser.close();
  }
});
