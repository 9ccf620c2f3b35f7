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
  /** the welcome page the extension opened on install, when `keepWelcome` was asked for */
  welcome?: Page;
}

export interface LaunchOptions {
  /** a visible window (needs a display); default headless */
  headed?: boolean;
  /** another unpacked build than EXTENSION_PATH (the benchmark compares builds side by side) */
  extensionPath?: string;
  /**
   * Keep the welcome page a fresh install opens (lib/extension/background/startup.ts).
   * By default it is closed as soon as it opens, so every test starts with the
   * tabs it opens itself and the active tab is the one it expects.
   */
  keepWelcome?: boolean;
}

/** How long a fresh install may take to open its welcome page. */
const WELCOME_WAIT_MS = 10_000;

/** Launches Chromium on `userDataDir` (reuse the folder to simulate a browser restart). */
export async function launchWithExtension(world: World, userDataDir: string, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extensionPath = options.extensionPath ?? EXTENSION_PATH;
  // an empty profile folder is a fresh install, which opens the welcome page; a reused one is not
  const freshInstall = !fs.existsSync(userDataDir) || fs.readdirSync(userDataDir).length === 0;
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
  const welcome = freshInstall ? await welcomePage(context, extensionId) : undefined;
  if (welcome && !options.keepWelcome) await welcome.close();
  return { context, serviceWorker, extensionId, userDataDir, ...(welcome && options.keepWelcome ? { welcome } : {}) };
}

/** The welcome page a fresh install opens, once it has opened (undefined if it did not within WELCOME_WAIT_MS). */
async function welcomePage(context: BrowserContext, extensionId: string): Promise<Page | undefined> {
  const url = `chrome-extension://${extensionId}/welcome.html`;
  const deadline = Date.now() + WELCOME_WAIT_MS;
  while (Date.now() < deadline) {
    const page = context.pages().find((p) => p.url() === url);
    if (page) return page;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
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
