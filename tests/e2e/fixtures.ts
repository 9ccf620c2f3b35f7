/**
 * Playwright fixtures: the demo world (one per worker) and Chromium with the
 * built extension (one fresh profile per test). Builds nothing: `npm test`
 * runs `wxt build` before Playwright.
 */
import { test as base, type BrowserContext, type Page, type Worker } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startWorld, type World } from '../world';
import { launchWithExtension, type ExtensionBrowser } from '../world/browser';

export { launchWithExtension, tabIdOf, readTabResults } from '../world/browser';

const here = path.dirname(fileURLToPath(import.meta.url));

/** A fresh, throwaway profile folder. */
export function newProfileDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'credlens-e2e-'));
}

interface Fixtures {
  browserWithExtension: ExtensionBrowser;
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** opens an extension page (e.g. `popup.html?tab=3`) in a new tab */
  openExtensionPage: (pathAndQuery: string) => Promise<Page>;
}

export const test = base.extend<Fixtures, { world: World }>({
  world: [
    async ({}, use) => {
      // any free port: the host-resolver map follows it, so parallel runs never collide
      const world = await startWorld({ port: 0 });
      await use(world);
      await world.stop();
    },
    { scope: 'worker' },
  ],
  browserWithExtension: async ({ world }, use) => {
    const dir = newProfileDir();
    const b = await launchWithExtension(world, dir);
    await use(b);
    await b.context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  },
  context: async ({ browserWithExtension }, use) => use(browserWithExtension.context),
  extensionId: async ({ browserWithExtension }, use) => use(browserWithExtension.extensionId),
  serviceWorker: async ({ browserWithExtension }, use) => use(browserWithExtension.serviceWorker),
  page: async ({ context }, use) => use(context.pages()[0] ?? (await context.newPage())),
  openExtensionPage: async ({ context, extensionId }, use) => {
    await use(async (pathAndQuery) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${pathAndQuery}`);
      return page;
    });
  },
});

export const expect = test.expect;

/** Where screenshots are kept as artifacts. */
export const SCREENSHOT_DIR = path.resolve(here, '../../test-results/screenshots');
