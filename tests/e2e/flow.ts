/** Steps several specs share: open a profile and wait until every found credential has its verdict. */
import type { Page, Worker } from '@playwright/test';
import type { TabResults } from '../../lib/extension/tab-results';
import { expect, readTabResults, tabIdOf } from './fixtures';

/**
 * Opens `url`, waits for the content script to report what it found (exactly
 * `count`, when given) and for every one of them to be checked; returns the
 * browser tab id and the number found.
 */
export async function openAndWaitForVerdicts(page: Page, serviceWorker: Worker, url: string, count?: number): Promise<number> {
  return (await openAndCount(page, serviceWorker, url, count)).tabId;
}

/** Candidates the background fetched on its own that held no credential (lib/extension/background/plain-image.ts): checked, then not listed. */
async function plainImageCount(serviceWorker: Worker, tabId: number): Promise<number> {
  return serviceWorker.evaluate(async (key) => {
    const inputs = (await chrome.storage.session.get(key))[key] as { plainImages?: Record<string, true> } | undefined;
    return Object.keys(inputs?.plainImages ?? {}).length;
  }, `tabinput:${tabId}`);
}

/**
 * Like openAndWaitForVerdicts; also returns `listed`, the credentials the
 * pop-out lists: those found minus plain images the background set aside.
 */
export async function openAndCount(page: Page, serviceWorker: Worker, url: string, count?: number): Promise<{ tabId: number; found: number; listed: number }> {
  await page.goto(url);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-credlens-found', count === undefined ? /^[1-9]\d*$/ : String(count));
  const found = Number(await html.getAttribute('data-credlens-found'));
  const tabId = await tabIdOf(serviceWorker, page);
  let listed = 0;
  await expect
    .poll(async () => {
      const r = await readTabResults<TabResults>(serviceWorker, tabId);
      listed = r?.credentials.length ?? 0;
      const done = r?.credentials.filter((c) => c.state === 'done').length ?? 0;
      return done === listed ? done + (await plainImageCount(serviceWorker, tabId)) : -1;
    }, { timeout: 30_000, message: 'every credential on the page gets a verdict (or is set aside as a plain image)' })
    .toBe(found);
  return { tabId, found, listed };
}
