/**
 * Popup first render in Chromium with the built extension: the page view of a
 * tab with 20 credentials (from storage.session, as the background leaves it),
 * and the History view with 5,000 entries imported through the product's own
 * JSON import. Times are taken inside the page from navigation start to the
 * first row on screen.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { HistoryEntry } from '../../lib/extension/history/types';
import type { Report } from '../../lib/engine/report';
import type { TabResults } from '../../lib/extension/tab-results';
import { launchWithExtension, tabIdOf } from '../world/browser';
import type { World } from '../world/index';
import { stats, type Stats } from './stats';

const RUNS = Number(process.env.BENCH_POPUP_RUNS ?? 10);
/** History sizes measured in turn: the popup budget names 5,000; the history must stay fast at 10,000. */
export const HISTORY_SIZES = [5_000, 10_000] as const;

export interface PopupResults {
  popup: Stats;
  history: Array<{ entries: number; firstRow: Stats }>;
}

function report(i: number): Report {
  const verdicts = ['verified', 'failed', 'expired', 'revoked', 'unverifiable'] as const;
  const verdict = verdicts[i % verdicts.length]!;
  return {
    verdict,
    format: 'vc-data-integrity',
    container: 'json',
    checks: [
      { id: 'structure', status: 'pass', code: 'OK', message: 'Well-formed W3C credential (data model 2.0)' },
      { id: 'proof', status: verdict === 'failed' ? 'fail' : 'pass', code: verdict === 'failed' ? 'DI_SIGNATURE_INVALID' : 'OK', message: 'Signature' },
    ],
    summary: { title: `Badge ${i}`, issuer: { id: `did:web:issuer${i % 37}.example`, name: `Issuer ${i % 37}` }, validFrom: '2026-01-01T00:00:00Z' },
    recipient: { outcome: 'not-checked', identifierTypes: [], message: 'No candidate identifier was given' },
    technical: {},
    inputHash: i.toString(16).padStart(64, '0'),
    checkedAt: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(),
  };
}

function historyExport(from: number, to: number): string {
  const entries: HistoryEntry[] = Array.from({ length: to - from }, (_, k) => {
    const i = from + k;
    const r = report(i);
    return {
      id: `bench-${i}`,
      inputHash: r.inputHash,
      credentialKey: `input:${r.inputHash}`,
      report: r,
      pageUrl: `https://www.linkedin.com/in/candidate-${i % 250}/`,
      profileName: `Candidate ${i % 250}`,
      via: 'page',
      checkedAt: r.checkedAt,
      verdict: r.verdict,
      format: r.format,
      issuerId: r.summary.issuer!.id,
      issuerName: r.summary.issuer!.name,
      title: r.summary.title,
    };
  });
  return JSON.stringify({ format: 'credlens-history', version: 1, exportedAt: new Date().toISOString(), entries });
}

/** Records, inside the page, when each watched selector first matches (performance.now(), from navigation start). */
const WATCH_ROWS = `(() => {
  const seen = (window.__credlensFirst = {});
  const selectors = ['[data-testid="credential"]', '[data-testid="history-entry"]'];
  new MutationObserver(() => {
    for (const s of selectors) if (seen[s] === undefined && document.querySelector(s)) seen[s] = performance.now();
  }).observe(document, { subtree: true, childList: true });
})()`;

/** Milliseconds from navigation start (or from `trigger`) until `selector` first matched. */
async function timeToFirst(page: Page, url: string, selector: string, trigger?: (p: Page) => Promise<void>): Promise<number> {
  await page.goto(url);
  let start = 0;
  if (trigger) {
    await page.waitForLoadState('load');
    start = await page.evaluate(() => performance.now());
    await trigger(page);
  }
  await page.waitForSelector(selector, { timeout: 30_000 });
  const at = await page.evaluate((sel) => (window as unknown as { __credlensFirst: Record<string, number> }).__credlensFirst[sel], selector);
  if (at === undefined) throw new Error(`${selector} appeared before the watcher saw it`);
  return at - start;
}

export async function runPopupBench(): Promise<PopupResults> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'credlens-bench-'));
  const noWorld = { chromiumArgs: [] } as unknown as World;
  const browser = await launchWithExtension(noWorld, userDataDir);
  try {
    const { context, serviceWorker, extensionId } = browser;
    const page = await context.newPage();
    await page.goto('about:blank');
    const tabId = await tabIdOf(serviceWorker, page);
    const results: TabResults = {
      tabId,
      pageUrl: 'https://www.linkedin.com/in/grace-hopper/',
      profileName: 'Grace Hopper',
      updatedAt: new Date().toISOString(),
      credentials: Array.from({ length: 20 }, (_, i) => ({ key: `k${i}`, candidateKind: 'link', pageUrl: 'https://www.linkedin.com/in/grace-hopper/', state: 'done' as const, report: report(i) })),
    };
    await serviceWorker.evaluate(async ([key, value]) => chrome.storage.session.set({ [key as string]: value }), [`tab:${tabId}`, results] as const);
    const popupUrl = `chrome-extension://${extensionId}/popup.html?tab=${tabId}`;
    const view = await context.newPage();
    await view.addInitScript(WATCH_ROWS);
    const popup: number[] = [];
    for (let i = 0; i < RUNS; i++) popup.push(await timeToFirst(view, popupUrl, '[data-testid="credential"]'));

    // the entries arrive through the product's own import (the History view's JSON import)
    const history: PopupResults['history'] = [];
    let imported = 0;
    for (const size of HISTORY_SIZES) {
      const file = path.join(userDataDir, `history-${size}.json`);
      writeFileSync(file, historyExport(imported, size));
      await view.goto(popupUrl);
      await view.getByRole('tab', { name: /history/i }).click();
      await view.locator('input[type="file"][accept*="json"]').first().setInputFiles(file);
      await view.waitForSelector('[data-testid="history-entry"]', { timeout: 60_000 });
      await view.getByText(new RegExp(`Imported: ${size - imported}`)).waitFor({ timeout: 120_000 });
      imported = size;
      const samples: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        samples.push(await timeToFirst(view, popupUrl, '[data-testid="history-entry"]', (p) => p.getByRole('tab', { name: /history/i }).click()));
      }
      history.push({ entries: size, firstRow: stats(samples) });
    }
    return { popup: stats(popup), history };
  } finally {
    await browser.context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}
