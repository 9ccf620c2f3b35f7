import fs from 'node:fs';
import { expect, launchWithExtension, newProfileDir, test } from './fixtures';
import { openAndWaitForVerdicts } from './flow';

test('history survives a browser restart, exports CSV and JSON and re-imports the JSON into an empty profile', async ({ world }) => {
  const dir = newProfileDir();
  const emptyDir = newProfileDir();
  const expected = world.expected.filter((e) => e.page === world.pages.profile);
  try {
    let b = await launchWithExtension(world, dir);
    const page = b.context.pages()[0] ?? (await b.context.newPage());
    await openAndWaitForVerdicts(page, b.serviceWorker, world.pages.profile, expected.length);
    const before = await b.context.newPage();
    await before.goto(`chrome-extension://${b.extensionId}/options.html`);
    await expect(before.getByTestId('history-entry')).toHaveCount(expected.length, { timeout: 15_000 });
    await b.context.close();

    // Same profile folder: what was stored on disk must come back.
    b = await launchWithExtension(world, dir);
    const after = await b.context.newPage();
    await after.goto(`chrome-extension://${b.extensionId}/options.html`);
    const entries = after.getByTestId('history-entry');
    await expect(entries).toHaveCount(expected.length, { timeout: 15_000 });
    for (const e of expected) await expect(entries.filter({ hasText: e.title }), e.title).toHaveAttribute('data-verdict', e.verdict);

    const [download] = await Promise.all([after.waitForEvent('download'), after.getByRole('button', { name: /Export CSV/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^credlens-history.*\.csv$/);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    for (const e of expected) expect(csv).toContain(e.title);
    expect(csv).toContain('revoked');
    const [json] = await Promise.all([after.waitForEvent('download'), after.getByRole('button', { name: /Export JSON/ }).click()]);
    const exported = fs.readFileSync(await json.path(), 'utf8');
    for (const e of expected) expect(exported).toContain(e.title);
    expect(() => JSON.parse(exported)).not.toThrow();
    await b.context.close();

    // A different browser profile that never checked anything takes the exported file.
    b = await launchWithExtension(world, emptyDir);
    const fresh = await b.context.newPage();
    await fresh.goto(`chrome-extension://${b.extensionId}/options.html`);
    const imported = fresh.getByTestId('history-entry');
    await expect(fresh.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(imported).toHaveCount(0);
    await fresh.getByLabel('Import a JSON export').setInputFiles({ name: 'credlens-history.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await expect(fresh.getByText(`Imported: ${expected.length}. Already there: 0.`)).toBeVisible({ timeout: 15_000 });
    await expect(imported).toHaveCount(expected.length);
    for (const e of expected) await expect(imported.filter({ hasText: e.title }), e.title).toHaveAttribute('data-verdict', e.verdict);
    await b.context.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(emptyDir, { recursive: true, force: true });
  }
});
