/**
 * The demo itself (started by demo.mjs after the build): local world, Chromium
 * with the extension, the LinkedIn-like profile, then either an interactive
 * window or a headless run that prints the verdicts and saves screenshots.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startWorld, type World } from '../world';
import type { Page } from '@playwright/test';
import { launchWithExtension, readTabResults, tabIdOf, type ExtensionBrowser } from '../world/browser';
import type { TabResults } from '../../lib/extension/tab-results';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../demo-output');
const VERDICT_WAIT_MS = Number(process.env.CREDLENS_DEMO_WAIT_MS ?? 45_000);

async function main(): Promise<number> {
  const world = await startWorld();
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'credlens-demo-'));
  const headed = Boolean(process.env.DISPLAY) && process.env.CREDLENS_DEMO_HEADLESS !== '1';
  console.log(`Demo world on https://127.0.0.1:${world.port} answering for ${world.hosts.join(', ')}`);
  let browser: ExtensionBrowser | undefined;
  try {
    browser = await launchWithExtension(world, profileDir, { headed });
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(world.pages.profile);
    if (headed) {
      console.log(`Opened ${world.pages.profile} in Chromium with Credlens. Other demo pages:`);
      for (const [name, url] of Object.entries(world.pages)) console.log(`  ${name.padEnd(13)} ${url}`);
      console.log('Close the browser window (or press Ctrl+C) to end the demo.');
      const closed = new Promise<void>((resolve) => browser!.context.once('close', () => resolve()));
      process.once('SIGINT', () => void browser?.context.close());
      await closed;
      return 0;
    }
    return await headlessRun(browser, world);
  } finally {
    await browser?.context.close().catch(() => {});
    await world.stop();
    fs.rmSync(profileDir, { recursive: true, force: true });
  }
}

interface Row {
  page: string;
  title: string;
  issuer: string;
  verdict: string;
  expected: string;
  ok: string;
}

/** Visits the profile, the forged profile and the Credly page; prints every verdict and saves screenshots. */
async function headlessRun(b: ExtensionBrowser, world: World): Promise<number> {
  fs.mkdirSync(OUT, { recursive: true });
  const page = b.context.pages()[0]!;
  const rows: Row[] = [];
  for (const [name, url] of [['profile', world.pages.profile], ['fakeVerified', world.pages.fakeVerified], ['credlyBadge', world.pages.credlyBadge]] as const) {
    if (page.url() !== url) await page.goto(url);
    const found = await page.locator('html[data-credlens-found]').getAttribute('data-credlens-found', { timeout: 15_000 }).catch(() => undefined);
    console.log(`${url}: ${found ?? 'no'} candidate(s) found on the page`);
    const tabId = await tabIdOf(b.serviceWorker, page);
    rows.push(...tableRows(name, await waitForVerdicts(b, tabId), world.expected.filter((e) => e.page === url)));
    if (name === 'profile') await screenshots(b, page, tabId);
  }
  if (rows.length > 0) console.table(rows);
  else console.log('The extension reported no credentials (storage.session tab results are empty).');
  console.log(`Screenshots written to ${path.relative(process.cwd(), OUT) || OUT}/: ${fs.readdirSync(OUT).join(', ')}`);
  const complete = rows.length > 0 && rows.every((r) => r.verdict !== 'pending');
  if (!complete) console.error(`Not every credential had a verdict within ${VERDICT_WAIT_MS / 1000} s.`);
  const wrong = rows.filter((r) => r.ok === 'NO').length;
  if (wrong > 0) console.error(`${wrong} verdict(s) differ from what the demo world was built to produce.`);
  return complete && wrong === 0 ? 0 : 1;
}

function tableRows(pageName: string, results: TabResults | undefined, expected: World['expected']): Row[] {
  return (results?.credentials ?? []).map((c) => {
    const title = c.report?.summary.title ?? c.report?.summary.achievement?.name ?? c.label ?? `(${c.candidateKind}, untitled)`;
    const want = expected.find((e) => e.title === title || e.title === c.label)?.verdict ?? '-';
    const got = c.report?.verdict ?? c.state;
    return { page: pageName, title, issuer: c.report?.summary.issuer?.name ?? '', verdict: got, expected: want, ok: want === '-' ? '' : got === want ? 'yes' : 'NO' };
  });
}

/** The profile with its markers, the pop-out in light and dark, and one credential's full report. */
async function screenshots(b: ExtensionBrowser, page: Page, tabId: number): Promise<void> {
  await page.screenshot({ path: path.join(OUT, 'profile.png'), fullPage: true });
  const popOut = await b.context.newPage();
  await popOut.setViewportSize({ width: 420, height: 900 });
  await popOut.goto(`chrome-extension://${b.extensionId}/popup.html?tab=${tabId}`);
  await popOut.getByTestId('credential').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
  await popOut.screenshot({ path: path.join(OUT, 'popup.png'), fullPage: true });
  await popOut.emulateMedia({ colorScheme: 'dark' });
  await popOut.screenshot({ path: path.join(OUT, 'popup-dark.png'), fullPage: true });
  await popOut.emulateMedia({ colorScheme: 'light' });
  const revoked = popOut.locator('[data-testid="credential"][data-verdict="revoked"]').first();
  if (await revoked.count()) {
    await revoked.click();
    await popOut.screenshot({ path: path.join(OUT, 'report-revoked.png'), fullPage: true });
  }
  await popOut.close();
  await page.bringToFront();
}

async function waitForVerdicts(b: ExtensionBrowser, tabId: number): Promise<TabResults | undefined> {
  const deadline = Date.now() + VERDICT_WAIT_MS;
  let results: TabResults | undefined;
  while (Date.now() < deadline) {
    results = await readTabResults<TabResults>(b.serviceWorker, tabId);
    if (results && results.credentials.length > 0 && results.credentials.every((c) => c.state === 'done')) return results;
    await new Promise((r) => setTimeout(r, 500));
  }
  return results;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('The demo stopped:', err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
