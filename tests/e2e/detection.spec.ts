import fs from 'node:fs';
import { repoPath } from '../support/fixtures';
import { expect, test } from './fixtures';
import { markerTexts } from './markers';

test('finds the eight certifications on the LinkedIn-like profile and nothing else', async ({ page, world }) => {
  await page.goto(world.pages.profile);
  const onProfile = world.expected.filter((e) => e.page === world.pages.profile);
  await expect(page.locator('html')).toHaveAttribute('data-credlens-found', String(onProfile.length));
  await expect(page.locator('[data-credlens="marker"]')).toHaveCount(onProfile.length);
  // each marker sits inside its certification entry, not on the company or post links
  await expect(page.locator('li [data-credlens="marker"]')).toHaveCount(onProfile.length);
});

test('in-page markers are neutral: they never claim a verdict', async ({ context, page, world }) => {
  const count = world.expected.filter((e) => e.page === world.pages.profile).length;
  await page.goto(world.pages.profile);
  await expect(page.locator('[data-credlens="marker"]')).toHaveCount(count);
  const texts = await markerTexts(context, page);
  expect(texts).toHaveLength(count);
  for (const text of texts) {
    expect(text).toContain('Credlens');
    expect(text).not.toMatch(/verified|revoked|expired|failed|valid/i);
  }
});

test('finds the credential on a Credly badge page', async ({ page, world }) => {
  await page.goto(world.pages.credlyBadge);
  await expect(page.locator('html')).toHaveAttribute('data-credlens-found', /^[1-9]\d*$/);
});

test('in-page markers speak the language chosen on the options page, and are still neutral', async ({ context, page, world, openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await options.getByRole('combobox', { name: 'Language' }).selectOption('de');
  // the options page reloads in German once the setting is saved and the service worker told
  await expect(options.locator('html')).toHaveAttribute('lang', 'de');
  const count = world.expected.filter((e) => e.page === world.pages.profile).length;
  await page.goto(world.pages.profile);
  await expect(page.locator('[data-credlens="marker"]')).toHaveCount(count);
  const de = JSON.parse(fs.readFileSync(repoPath('public/_locales/de/messages.json'), 'utf8')) as Record<string, { message: string }>;
  for (const text of await markerTexts(context, page)) {
    expect(text).toContain(de.markerButton!.message);
    expect(text).toContain(de.markerLabel!.message);
    expect(text).not.toMatch(/verified|revoked|expired|failed|valid|bestätigt|widerrufen|abgelaufen/i);
  }
});
