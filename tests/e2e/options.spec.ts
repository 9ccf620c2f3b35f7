import { expect, test } from './fixtures';

test('options: a changed retention period is saved and shown again after reload', async ({ openExtensionPage, serviceWorker }) => {
  const options = await openExtensionPage('options.html');
  await expect(options.getByRole('heading', { level: 1 })).toHaveText('Credlens settings and history');
  const retention = options.getByRole('spinbutton');
  await expect(retention).toBeVisible();
  await retention.fill('45');
  await options.getByRole('button', { name: 'Save' }).first().click();
  await expect(options.getByRole('status')).toBeVisible();
  await options.reload();
  await expect(options.getByRole('spinbutton')).toHaveValue('45');
  const stored = await serviceWorker.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));
  expect(stored).toContain('45');
});
