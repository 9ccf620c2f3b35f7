/**
 * The welcome page: opened once by a fresh install, never again when the
 * browser starts with the extension already there; its sample badge checks
 * on the spot and says honestly what it rests on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, launchWithExtension, newProfileDir, test } from './fixtures';

/** Whether the profile's preference files on disk already list the extension as installed. */
function installRecorded(dir: string, extensionId: string): boolean {
  return ['Secure Preferences', 'Preferences'].some((file) => {
    const at = path.join(dir, 'Default', file);
    return fs.existsSync(at) && fs.readFileSync(at, 'utf8').includes(extensionId);
  });
}

test('a fresh install opens the welcome page once; the sample badge verifies, its key tied to no organisation', async ({ world }) => {
  const dir = newProfileDir();
  try {
    let b = await launchWithExtension(world, dir, { keepWelcome: true });
    const welcome = b.welcome!;
    expect(welcome, 'the welcome page opened on install').toBeDefined();
    await expect(welcome.getByRole('heading', { level: 1 })).toHaveText('Welcome to Credlens');
    await expect(welcome.getByRole('heading', { name: 'Your privacy' })).toBeVisible();
    await welcome.getByTestId('try-sample').click();
    const details = welcome.getByTestId('credential-details');
    await expect(details).toHaveAttribute('data-verdict', 'verified', { timeout: 20_000 });
    await expect(details.getByTestId('verdict-explanation')).toContainText('nothing ties that key to an organisation');
    // read and closed, as a person does: a tab left open would come back with the browser's session, which is not the extension opening it
    await welcome.close();
    // Chromium writes its record of installed extensions to the profile on a timer; a browser closed
    // before that wakes up as a fresh install. Wait for the record, as a real restart would find it.
    await expect.poll(() => installRecorded(dir, b.extensionId), { timeout: 30_000 }).toBe(true);
    await b.context.close();

    // the same profile started again: no install, no welcome page
    b = await launchWithExtension(world, dir, { keepWelcome: true });
    await b.context.pages()[0]?.waitForLoadState();
    expect(b.welcome).toBeUndefined();
    expect(b.context.pages().map((p) => p.url()).filter((u) => u.endsWith('/welcome.html'))).toEqual([]);
    await b.context.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
