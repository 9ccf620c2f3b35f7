/**
 * Re-checking a history entry after the issuer revoked the credential: the
 * history shows "Revoked since last check" and the new verdict. The test runs
 * its own demo world, because revoking changes the issuer's status list for
 * everyone who reads it afterwards.
 */
import fs from 'node:fs';
import { startWorld } from '../world';
import { expect, launchWithExtension, newProfileDir, test } from './fixtures';
import { openAndWaitForVerdicts } from './flow';

const REVOKED_LATER = 'Cloud Architecture Foundations';

test('re-verifies a history entry after its status list changed and sees "Revoked since last check"', async () => {
  const world = await startWorld({ port: 0 });
  const dir = newProfileDir();
  try {
    const b = await launchWithExtension(world, dir);
    const page = b.context.pages()[0] ?? (await b.context.newPage());
    const onProfile = world.expected.filter((e) => e.page === world.pages.profile);
    expect(onProfile.find((e) => e.title === REVOKED_LATER)?.verdict).toBe('verified');
    await openAndWaitForVerdicts(page, b.serviceWorker, world.pages.profile, onProfile.length);

    // no cache clearing here: "Check again now" must read the issuer's list anew
    await world.revoke(REVOKED_LATER);

    const history = await b.context.newPage();
    await history.goto(`chrome-extension://${b.extensionId}/options.html`);
    const entries = history.getByTestId('history-entry');
    await expect(entries).toHaveCount(onProfile.length, { timeout: 15_000 });
    const entry = entries.filter({ hasText: REVOKED_LATER });
    await expect(entry).toHaveAttribute('data-verdict', 'verified');
    await entry.click();
    await history.getByRole('button', { name: 'Check again now' }).click();

    const result = history.getByTestId('reverify-result');
    await expect(result).toContainText('Changed since last check', { timeout: 20_000 });
    await expect(result).toContainText('Revoked since last check (was: Verified)');
    await expect(result).toContainText(/Revocation status: Passed → Failed/);
    // the new check is listed beside the old one, with the new verdict
    await expect(entries).toHaveCount(onProfile.length + 1);
    await expect(entries.filter({ hasText: REVOKED_LATER }).and(history.locator('[data-verdict="revoked"]'))).toHaveCount(1);
    await expect(entries.filter({ hasText: REVOKED_LATER }).and(history.locator('[data-verdict="verified"]'))).toHaveCount(1);
    await b.context.close();
  } finally {
    await world.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
