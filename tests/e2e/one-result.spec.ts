/**
 * One current result per credential, in the browser: the issuer revokes a
 * credential the recruiter saw verified; "Check again now" in the popup
 * reveals it, and from then on no place shows it verified: the popup's row,
 * its details, the history list, the history entry (the earlier result only
 * as "Previous result, <date>", collapsed and without a badge), and the
 * profile reloaded. The test runs its own demo world, because revoking
 * changes the issuer's status list for everyone who reads it afterwards.
 */
import fs from 'node:fs';
import { startWorld } from '../world';
import { expect, launchWithExtension, newProfileDir, readTabResults, test } from './fixtures';
import { openAndWaitForVerdicts } from './flow';
import type { TabResults } from '../../lib/extension/tab-results';

const REVOKED_LATER = 'Cloud Architecture Foundations';

test('after "Check again now" reveals a revocation, no place shows the credential verified any more', async () => {
  const world = await startWorld({ port: 0 });
  const dir = newProfileDir();
  try {
    const b = await launchWithExtension(world, dir);
    const page = b.context.pages()[0] ?? (await b.context.newPage());
    const onProfile = world.expected.filter((e) => e.page === world.pages.profile);
    const tabId = await openAndWaitForVerdicts(page, b.serviceWorker, world.pages.profile, onProfile.length);
    await world.revoke(REVOKED_LATER);

    const popup = await b.context.newPage();
    await popup.goto(`chrome-extension://${b.extensionId}/popup.html?tab=${tabId}`);
    const row = popup.getByTestId('credential').filter({ hasText: REVOKED_LATER });
    await expect(row).toHaveAttribute('data-verdict', 'verified');
    await row.click();
    const details = popup.getByTestId('credential-details');
    await expect(details).toHaveAttribute('data-verdict', 'verified');
    // the verified explanation names the evidence: the demo issuer's did:web key
    await expect(details.getByTestId('verdict-explanation')).toContainText('issuer.credlens-demo.org');
    await popup.getByTestId('check-again').click();

    // the open details take the new result
    await expect(details).toHaveAttribute('data-verdict', 'revoked', { timeout: 20_000 });
    await expect(details.getByTestId('status-checked-at')).toContainText('Revocation checked at');
    // Escape: back to the list, whose row shows the new result
    await popup.keyboard.press('Escape');
    await expect(row).toHaveAttribute('data-verdict', 'revoked');
    await expect(popup.getByTestId('credential').and(popup.locator('[data-verdict="verified"]')).filter({ hasText: REVOKED_LATER })).toHaveCount(0);

    // the history: one entry for the credential, the new result; the old one only as "Previous result, <date>"
    await popup.getByRole('tab', { name: 'History' }).click();
    const entries = popup.getByTestId('history-entry');
    await expect(entries).toHaveCount(onProfile.length, { timeout: 15_000 });
    const entry = entries.filter({ hasText: REVOKED_LATER });
    await expect(entry).toHaveCount(1);
    await expect(entry).toHaveAttribute('data-verdict', 'revoked');
    await entry.click();
    const stored = popup.getByTestId('credential-details');
    await expect(stored).toHaveAttribute('data-verdict', 'revoked');
    const previous = popup.getByTestId('previous-result');
    await expect(previous.locator('summary')).toHaveText(/^Previous result, /);
    await expect(previous).not.toHaveAttribute('open', '');
    await expect(previous.locator('[data-verdict]')).toHaveCount(0);
    await previous.locator('summary').click();
    await expect(previous).toContainText('The previous check said: Verified');
    await expect(popup.locator('[data-verdict="verified"]')).toHaveCount(0);

    // the profile loaded again: the revocation "Check again now" read is what the page sees too
    await openAndWaitForVerdicts(page, b.serviceWorker, world.pages.profile, onProfile.length);
    const again = await readTabResults<TabResults>(b.serviceWorker, tabId);
    expect(again?.credentials.find((c) => c.label === REVOKED_LATER)?.report?.verdict).toBe('revoked');
    await b.context.close();
  } finally {
    await world.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
