import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

async function download(world: { transport: (u: string) => Promise<Response> }, url: string): Promise<Buffer> {
  return Buffer.from(await (await world.transport(url)).arrayBuffer());
}

test('history in options', async ({ world, openExtensionPage }) => {
  const verifyPage = await openExtensionPage('verify.html');
  const png = await download(world, 'https://issuer.credlens-demo.org/badges/open-source-contributor.png');
  const tampered = await download(world, 'https://issuer.credlens-demo.org/credentials/machine-learning.json');
  await verifyPage.locator('input[type=file]').setInputFiles([
    { name: 'open-source-contributor.png', mimeType: 'image/png', buffer: png },
    { name: 'machine-learning.json', mimeType: 'application/json', buffer: tampered },
  ]);
  const results = verifyPage.getByTestId('credential');
  await expect(results.filter({ hasText: 'Open Source Contributor' })).toHaveAttribute('data-verdict', 'verified', { timeout: 20_000 });
  await expect(results.filter({ hasText: 'Machine Learning' })).toHaveAttribute('data-verdict', 'failed');
  const axeVerify = await new AxeBuilder({ page: verifyPage }).analyze();
  console.log('verify axe', JSON.stringify(axeVerify.violations.map((v) => [v.id, v.impact, v.nodes.length, v.nodes[0]?.target])));

  const options = await openExtensionPage('options.html');
  const rows = options.getByTestId('history-entry');
  await expect(rows).toHaveCount(2, { timeout: 10_000 });
  await expect(rows.first()).toHaveAttribute('data-verdict', /verified|failed/);
  await options.getByLabel('Search title, issuer or candidate').fill('machine');
  await expect(rows).toHaveCount(1);
  await rows.first().click();
  await expect(options.getByTestId('credential-details')).toBeVisible();
  await options.getByRole('button', { name: 'Check again now' }).click();
  await expect(options.getByTestId('reverify-result')).toBeVisible({ timeout: 20_000 });
  console.log('reverify:', await options.getByTestId('reverify-result').innerText());
  await options.getByLabel('Search title, issuer or candidate').fill('');
  await expect(rows).toHaveCount(3);
  const [dl] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export CSV (hiring file)' }).click()]);
  const csvPath = await dl.path();
  console.log('csv', dl.suggestedFilename(), readFileSync(csvPath, 'utf8').slice(0, 400));
  const axeOptions = await new AxeBuilder({ page: options }).analyze();
  console.log('options axe', JSON.stringify(axeOptions.violations.map((v) => [v.id, v.impact, v.nodes.length, v.nodes[0]?.target])));
  await options.getByRole('button', { name: 'Delete all history' }).click();
  await options.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(rows).toHaveCount(0);
  await options.screenshot({ path: '/tmp/e2/options.png', fullPage: true });
  await verifyPage.screenshot({ path: '/tmp/e2/verify.png', fullPage: true });
});
