/**
 * Re-checking a history entry after the issuer revoked the credential: the
 * history shows "Revoked since last check" and the new verdict, in place of
 * the old one (one current result per credential), and the popup's row of the
 * page shows it too. The test runs its own demo world, because revoking
 * changes the issuer's status list for everyone who reads it afterwards.
 */
import fs from 'node:fs';
import { startWorld } from '../world';
import type { TabResults } from '../../lib/extension/tab-results';
import { expect, launchWithExtension, newProfileDir, readTabResults, test } from './fixtures';
import { openAndWaitForVerdicts } from './flow';

const REVOKED_LATER = 'Cloud Architecture Foundations';

test('re-verifies a history entry after its status list changed: "Revoked since last check", one entry, and the page row revoked too', async () => {
  const world = await startWorld({ port: 0 });
  const dir = newProfileDir();
  try {
    const b = await launchWithExtension(world, dir);
    const page = b.context.pages()[0] ?? (await b.context.newPage());
    const onProfile = world.expected.filter((e) => e.page === world.pages.profile);
    expect(onProfile.find((e) => e.title === REVOKED_LATER)?.verdict).toBe('verified');
    const tabId = await openAndWaitForVerdicts(page, b.serviceWorker, world.pages.profile, onProfile.length);

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
    // the new check replaced the entry: one entry for the credential, with the new verdict
    await expect(entries).toHaveCount(onProfile.length);
    await expect(entries.filter({ hasText: REVOKED_LATER })).toHaveAttribute('data-verdict', 'revoked');
    await expect(history.getByTestId('credential-details')).toHaveAttribute('data-verdict', 'revoked');
    // the profile's tab, still open, shows the new result for that credential
    await expect
      .poll(async () => (await readTabResults<TabResults>(b.serviceWorker, tabId))?.credentials.find((c) => c.label === REVOKED_LATER)?.report?.verdict)
      .toBe('revoked');
    await b.context.close();
  } finally {
    await world.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
