/**
 * Every extension page passes an axe scan with no serious or critical
 * violations, in light and dark colour schemes, and is photographed into
 * test-results/screenshots/ for review.
 */
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, SCREENSHOT_DIR, test } from './fixtures';
import { openAndWaitForVerdicts } from './flow';

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

async function shoot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

test('popup, pop-out and history view: accessible in light and dark', async ({ page, world, serviceWorker, openExtensionPage }) => {
  const count = world.expected.filter((e) => e.page === world.pages.profile).length;
  const tabId = await openAndWaitForVerdicts(page, serviceWorker, world.pages.profile, count);
  await shoot(page, 'profile-with-markers');
  const popup = await openExtensionPage(`popup.html?tab=${tabId}`);
  await popup.setViewportSize({ width: 400, height: 800 });
  await expect(popup.getByTestId('credential')).toHaveCount(count);
  for (const scheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme: scheme });
    expect(await seriousViolations(popup), `popup ${scheme}`).toEqual([]);
    await shoot(popup, `popup-${scheme}`);
  }
  await popup.emulateMedia({ colorScheme: 'light' });
  await popup.getByTestId('credential').filter({ hasText: 'Secure Coding Essentials' }).click();
  expect(await seriousViolations(popup), 'credential details').toEqual([]);
  await shoot(popup, 'popup-details-revoked');
  await popup.goto(`chrome-extension://${new URL(popup.url()).host}/popup.html?tab=${tabId}`);
  await popup.getByRole('tab', { name: 'History' }).click();
  await expect(popup.getByTestId('history-entry')).toHaveCount(count, { timeout: 15_000 });
  expect(await seriousViolations(popup), 'history').toEqual([]);
  await shoot(popup, 'popup-history');
});

test('options and verify pages: accessible in light and dark', async ({ world, openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await expect(options.getByRole('heading', { level: 1 })).toBeVisible();
  const verify = await openExtensionPage('verify.html');
  const png = Buffer.from(await (await world.transport('https://issuer.credlens-demo.org/badges/open-source-contributor.png')).arrayBuffer());
  await verify.locator('input[type=file]').setInputFiles({ name: 'open-source-contributor.png', mimeType: 'image/png', buffer: png });
  await expect(verify.getByTestId('credential')).toHaveAttribute('data-verdict', 'verified', { timeout: 20_000 });
  for (const [name, page] of [['options', options], ['verify', verify]] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(page), `${name} ${scheme}`).toEqual([]);
      await shoot(page, `${name}-${scheme}`);
    }
  }
});

test('welcome page, with the sample checked: accessible in light and dark', async ({ openExtensionPage }) => {
  const welcome = await openExtensionPage('welcome.html');
  await expect(welcome.getByRole('heading', { level: 1 })).toHaveText('Welcome to Credlens');
  await welcome.getByTestId('try-sample').click();
  await expect(welcome.getByTestId('credential-details')).toHaveAttribute('data-verdict', 'verified', { timeout: 20_000 });
  for (const scheme of ['light', 'dark'] as const) {
    await welcome.emulateMedia({ colorScheme: scheme });
    expect(await seriousViolations(welcome), `welcome ${scheme}`).toEqual([]);
    await shoot(welcome, `welcome-${scheme}`);
  }
});
