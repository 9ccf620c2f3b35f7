/** Steps several specs share: open a profile and wait until every found credential has its verdict. */
import type { Page, Worker } from '@playwright/test';
import type { TabResults } from '../../lib/tab-results';
import { expect, readTabResults, tabIdOf } from './fixtures';

/**
 * Opens `url`, waits for the content script to report what it found (exactly
 * `count`, when given) and for every one of them to be checked; returns the
 * browser tab id and the number found.
 */
export async function openAndWaitForVerdicts(page: Page, serviceWorker: Worker, url: string, count?: number): Promise<number> {
  return (await openAndCount(page, serviceWorker, url, count)).tabId;
}

export async function openAndCount(page: Page, serviceWorker: Worker, url: string, count?: number): Promise<{ tabId: number; found: number }> {
  await page.goto(url);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-credlens-found', count === undefined ? /^[1-9]\d*$/ : String(count));
  const found = Number(await html.getAttribute('data-credlens-found'));
  const tabId = await tabIdOf(serviceWorker, page);
  await expect
    .poll(async () => {
      const r = await readTabResults<TabResults>(serviceWorker, tabId);
      return r?.credentials.filter((c) => c.state === 'done').length ?? 0;
    }, { timeout: 30_000, message: 'every credential on the page gets a verdict' })
    .toBe(found);
  return { tabId, found };
}
