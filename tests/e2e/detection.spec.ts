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
