/** Steps several specs share: open a profile and wait until every found credential has its verdict. */
import type { Page, Worker } from '@playwright/test';
import type { TabResults } from '../../lib/tab-results';
import { expect, readTabResults, tabIdOf } from './fixtures';

/** Opens `url`, waits for `count` credentials to be found and checked; returns the browser tab id. */
export async function openAndWaitForVerdicts(page: Page, serviceWorker: Worker, url: string, count: number): Promise<number> {
  await page.goto(url);
  await expect(page.locator('html')).toHaveAttribute('data-credlens-found', String(count));
  const tabId = await tabIdOf(serviceWorker, page);
  await expect
    .poll(async () => {
      const r = await readTabResults<TabResults>(serviceWorker, tabId);
      return r?.credentials.filter((c) => c.state === 'done').length ?? 0;
    }, { timeout: 30_000, message: 'every credential on the page gets a verdict' })
    .toBe(count);
  return tabId;
}
