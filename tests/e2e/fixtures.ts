/**
 * Playwright fixtures: the demo world (one per worker) and Chromium with the
 * built extension (one fresh profile per test). Builds nothing: `npm test`
 * runs `wxt build` before Playwright.
 */
import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startWorld, type World } from '../world';

const here = path.dirname(fileURLToPath(import.meta.url));
export const EXTENSION_PATH = path.resolve(here, '../../.output/chrome-mv3');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  userDataDir: string;
}

/** Launches Chromium with the extension on `userDataDir` (reuse the folder to simulate a restart). */
export async function launchWithExtension(world: World, userDataDir: string): Promise<ExtensionBrowser> {
  if (!fs.existsSync(path.join(EXTENSION_PATH, 'manifest.json'))) {
    throw new Error(`Extension not built at ${EXTENSION_PATH}: run \`npx wxt build\` first (npm test does).`);
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: false, // new headless is requested below; the old one cannot load extensions
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    args: [
      '--headless=new',
      `--disable-extensions-except=${EXTENSION_PATH}`,
      `--load-extension=${EXTENSION_PATH}`,
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ...world.chromiumArgs,
    ],
  });
  let [serviceWorker] = context.serviceWorkers();
  serviceWorker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(serviceWorker.url()).host;
  return { context, serviceWorker, extensionId, userDataDir };
}

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
      const world = await startWorld();
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
