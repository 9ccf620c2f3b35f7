/**
 * Launches Chromium with the built extension, pointed at the demo world. Shared
 * by the Playwright suite and `npm run demo`; builds nothing itself.
 */
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { World } from './index';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The unpacked Chrome MV3 build that `npx wxt build` writes (CREDLENS_EXTENSION_PATH overrides). */
export const EXTENSION_PATH = path.resolve(process.env.CREDLENS_EXTENSION_PATH ?? path.join(repoRoot, '.output/chrome-mv3'));
/** Debian's Chromium by default; Playwright cannot download its own browser here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  userDataDir: string;
}

export interface LaunchOptions {
  /** a visible window (needs a display); default headless */
  headed?: boolean;
  /** another unpacked build than EXTENSION_PATH (the benchmark compares builds side by side) */
  extensionPath?: string;
}

/** Launches Chromium on `userDataDir` (reuse the folder to simulate a browser restart). */
export async function launchWithExtension(world: World, userDataDir: string, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extensionPath = options.extensionPath ?? EXTENSION_PATH;
  if (!fs.existsSync(path.join(extensionPath, 'manifest.json'))) {
    throw new Error(`Extension not built at ${extensionPath}: run \`npx wxt build\` first (npm test does).`);
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: false, // new headless is requested with a switch below; Playwright's default mode drops extensions
    viewport: options.headed ? null : { width: 1280, height: 900 },
    acceptDownloads: true,
    args: [
      ...(options.headed ? [] : ['--headless=new']),
      `--disable-extensions-except=${extensionPath}`,
      `--load-extension=${extensionPath}`,
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ...world.chromiumArgs,
    ],
  });
  let [serviceWorker] = context.serviceWorkers();
  serviceWorker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 }).catch(async (e: unknown) => {
    await context.close();
    // Chromium refuses an extension with a manifest error silently; the worker then never starts.
    throw new Error(`The extension's service worker did not start: check that ${extensionPath} loads in chrome://extensions (${String(e)})`);
  });
  const extensionId = new URL(serviceWorker.url()).host;
  return { context, serviceWorker, extensionId, userDataDir };
}

/**
 * The browser's tab id of `page` (Playwright does not expose it). Without the
 * `tabs` permission tab URLs are hidden from the extension, so the page is
 * brought to the front and the active tab is asked for instead.
 */
export async function tabIdOf(serviceWorker: Worker, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await serviceWorker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id;
  });
  if (id === undefined) throw new Error(`no active tab for ${page.url()}`);
  return id;
}

/** Per-tab results the background keeps in `storage.session` under `tab:<id>` (lib/extension/tab-results.ts). */
export async function readTabResults<T>(serviceWorker: Worker, tabId: number): Promise<T | undefined> {
  return serviceWorker.evaluate(async (key) => (await chrome.storage.session.get(key))[key] as never, `tab:${tabId}`);
}
