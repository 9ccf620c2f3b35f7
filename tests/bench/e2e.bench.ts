/**
 * End to end in Chromium with the built extension: a recruiter opens a
 * ten-certification LinkedIn-like profile (tests/world/bench-profile.ts:
 * four issuers, Data Integrity under did:web with status lists, VC-JWT with a
 * JWKS, Open Badges 2.0 hosted, baked PNG and SVG, a redirect, a web page)
 * served by the demo world with every response delayed by 100 ms, and the
 * benchmark times navigation start → the last verdict in the popup's data
 * (the tab's results in storage.session, as an extension page sees them
 * change). Three ways in:
 * - warm: the service worker is running, nothing is cached (a new profile);
 * - cold: the service worker was stopped (as Chromium does after 30 s idle), nothing cached;
 * - revisit: the worker is running and keeps what the previous run cached (keys, status lists).
 * Each run is split along its critical path (the row whose verdict came last)
 * with the timestamps the extension keeps per row (RowTiming, WorkerTiming in
 * lib/extension/tab-results.ts) and the page's own navigation timing.
 * Several extension builds can be measured side by side in one run
 * (CREDLENS_BENCH_BUILDS="before=/path/to/build,after=.output/chrome-mv3").
 */
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, CDPSession, Page, Worker } from '@playwright/test';
import type { TabResults } from '../../lib/extension/tab-results';
import { startWorld, type World } from '../world/index';
import { EXTENSION_PATH, launchWithExtension, tabIdOf } from '../world/browser';
import { stats, type Stats } from './stats';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RUNS = Number(process.env.BENCH_E2E_RUNS ?? 7);
const DELAY_MS = Number(process.env.BENCH_E2E_DELAY_MS ?? 100);
export const E2E_MODES = ['warm', 'cold', 'revisit'] as const;
export type E2eMode = (typeof E2E_MODES)[number];

/** Milliseconds from navigation start, each phase of one run along its critical path. */
export interface E2eRun {
  mode: E2eMode;
  /** navigation start → every verdict visible in the tab's results */
  totalMs: number;
  /** navigation start → the first verdict visible */
  firstVerdictMs: number;
  rows: number;
  verdicts: Record<string, number>;
  /** did the service worker that verified start after the page was opened (true for every cold run) */
  workerStartedDuringRun: boolean;
  /** that worker's script start → listeners registered */
  workerReadyMs: number;
  /** the phases, which add up to totalMs */
  phases: E2ePhases;
  /** the same quantities summed over every row (what the work costs, not what was waited for) */
  sums: { networkMs: number; cpuMs: number; storeMs: number; queueMs: number; fetches: number };
  /** each row: its verdict (and the code that kept it from verified), and when it started, finished and showed, from navigation start */
  rowDetails: Array<{ label: string; verdict: string; code?: string; startedMs: number; verifiedMs: number; visibleMs: number; networkMs: number; fetches: number }>;
  /** every request the demo world received during the run: when it arrived (from navigation start, before the 100 ms delay) */
  requests: Array<{ atMs: number; url: string }>;
}

export interface E2ePhases {
  /** navigation start → DOMContentLoaded (the profile's HTML over the delayed network) */
  pageLoad: number;
  /** DOMContentLoaded → the content script reported its candidates (its injection, then the scan) */
  detection: number;
  /** the candidates' message waited for the service worker to start (cold) */
  workerStart: number;
  /** reported (or worker ready) → the background received the candidates */
  messaging: number;
  /** received → the rows written as pending */
  rowsRecorded: number;
  /** the last row waited for a verification slot */
  queue: number;
  /** the last row's verification waited on the network */
  network: number;
  /** the last row's verification on the CPU (its wall time minus its network wait) */
  verification: number;
  /** the last row's verdict: handed to storage → visible to extension pages */
  storage: number;
}

export interface E2eBuildResults {
  build: string;
  extensionPath: string;
  runs: E2eRun[];
  summary: Record<E2eMode, { total: Stats; firstVerdict: Stats; phases: Record<keyof E2ePhases, number>; sums: E2eRun['sums'] } | undefined>;
  /** the worker's script started → every listener registered, in the cold runs (WorkerTiming) */
  workerReady: Stats;
  /** a stopped worker woken by one message from an extension page → its answer received */
  workerAnswer: Stats;
  /** the detectors alone on this profile (the content script's scan, no messaging) */
  scanMs: Stats;
}

export interface E2eResults {
  delayMs: number;
  credentials: number;
  shapes: string[];
  builds: E2eBuildResults[];
}

/** Records in the profile page (main world) when the content script marks the page as scanned. */
const WATCH_FOUND = `(() => {
  const mark = () => {
    if (window.__credlensFoundAt === undefined && document.documentElement && document.documentElement.hasAttribute('data-credlens-found'))
      window.__credlensFoundAt = performance.now();
  };
  new MutationObserver(mark).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-credlens-found'] });
})()`;

interface PageTimes {
  timeOrigin: number;
  domContentLoaded: number;
  load: number;
  foundAt: number;
}

interface ObservedChange {
  at: number;
  rows: number;
  done: number;
}

/** An extension page that records every change of one tab's results, as the popup would see it, without waking the worker. */
async function openObserver(context: BrowserContext, extensionId: string): Promise<Page> {
  const observer = await context.newPage();
  // a packaged file: an extension page with storage access that runs none of the extension's own scripts
  await observer.goto(`chrome-extension://${extensionId}/manifest.json`);
  await observer.evaluate(() => {
    const w = window as unknown as { __bench: { key: string; log: ObservedChange[]; last?: TabResults } };
    w.__bench = { key: '', log: [] };
    chrome.storage.onChanged.addListener((changes, area) => {
      if (area !== 'session' || !(w.__bench.key in changes)) return;
      const value = changes[w.__bench.key]!.newValue as TabResults | undefined;
      w.__bench.last = value;
      w.__bench.log.push({ at: performance.timeOrigin + performance.now(), rows: value?.credentials.length ?? 0, done: value?.credentials.filter((c) => c.state === 'done').length ?? 0 });
    });
  });
  return observer;
}

async function resetObserver(observer: Page, tabId: number): Promise<void> {
  await observer.evaluate((key) => {
    const w = window as unknown as { __bench: { key: string; log: ObservedChange[]; last?: TabResults } };
    w.__bench = { key, log: [] };
  }, `tab:${tabId}`);
}

async function observed(observer: Page): Promise<{ log: ObservedChange[]; last?: TabResults }> {
  return observer.evaluate(() => (window as unknown as { __bench: { log: ObservedChange[]; last?: TabResults } }).__bench);
}

/** The extension's service worker target, through the DevTools protocol (Target domain). */
async function workerTargets(cdp: CDPSession, extensionId: string): Promise<string[]> {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; type: string; url: string }> };
  return targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`)).map((t) => t.targetId);
}

/** Stops the service worker as Chromium does when it is idle (Target.closeTarget, as Puppeteer's worker.close()). */
async function stopWorker(cdp: CDPSession, extensionId: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const targets = await workerTargets(cdp, extensionId);
    if (targets.length === 0) return;
    for (const targetId of targets) await cdp.send('Target.closeTarget', { targetId }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the service worker did not stop');
}

/** A live handle on the service worker, starting it through an extension page message if needed. */
async function liveWorker(context: BrowserContext): Promise<Worker> {
  const live = context.serviceWorkers();
  if (live.length > 0) return live[live.length - 1]!;
  return context.waitForEvent('serviceworker', { timeout: 15_000 });
}

async function clearCaches(worker: Worker, keepCaches: boolean): Promise<void> {
  await worker.evaluate(async (keep) => {
    const all = await chrome.storage.session.get(null);
    const drop = Object.keys(all).filter((k) => (!keep && k.startsWith('cache:')) || k.startsWith('tab:') || k.startsWith('tabinput:'));
    if (drop.length) await chrome.storage.session.remove(drop);
  }, keepCaches);
}

/** The detectors the content script bundles, for timing the scan alone on the profile. */
async function bundleScanner(): Promise<string> {
  const result = await build({
    stdin: { contents: `import { scanDocument } from './lib/detect/scan'; globalThis.__credlensScan = scanDocument;`, resolveDir: root, loader: 'ts' },
    bundle: true, minify: true, format: 'iife', write: false, platform: 'browser',
  });
  return result.outputFiles[0]!.text;
}

function phasesOf(page: PageTimes, results: TabResults, visibleAt: Map<string, number>): { phases: E2ePhases; sums: E2eRun['sums']; total: number; first: number } {
  const rel = (epoch: number) => epoch - page.timeOrigin;
  const rows = results.credentials;
  const byVisible = [...visibleAt.entries()].sort((a, b) => a[1] - b[1]);
  const [lastKey, lastVisible] = byVisible[byVisible.length - 1]!;
  const total = rel(lastVisible);
  const first = rel(byVisible[0]![1]);
  const last = rows.find((r) => r.key === lastKey)?.timing;
  // the content script marks the page just after sending its message: the earlier of the two is when it reported
  const reported = page.foundAt;
  if (!last || rows.some((r) => !r.timing)) {
    // a build that keeps no per-row times (before RowTiming): only what the page and the observer see
    const unknown = NaN;
    const phases: E2ePhases = { pageLoad: page.domContentLoaded, detection: reported - page.domContentLoaded, workerStart: unknown, messaging: unknown, rowsRecorded: unknown, queue: unknown, network: unknown, verification: total - reported, storage: unknown };
    return { phases, sums: { networkMs: unknown, cpuMs: unknown, storeMs: unknown, queueMs: unknown, fetches: unknown }, total, first };
  }
  const received = rel(Math.min(...rows.map((r) => r.timing!.receivedAt)));
  const ready = results.worker ? rel(results.worker.readyAt) : 0;
  const workerStart = Math.max(0, ready - reported);
  const network = last.networkMs ?? 0;
  const wall = (last.verifiedAt ?? 0) - (last.startedAt ?? 0);
  const phases: E2ePhases = {
    pageLoad: page.domContentLoaded,
    detection: Math.min(reported, received) - page.domContentLoaded,
    workerStart,
    // the worker's clock counts whole milliseconds: a message can look received before it was sent
    messaging: Math.max(0, received - reported - workerStart),
    rowsRecorded: rel(last.queuedAt) - received,
    queue: (last.startedAt ?? 0) - last.queuedAt,
    network,
    verification: wall - network,
    storage: total - rel(last.verifiedAt ?? 0),
  };
  const sums = { networkMs: 0, cpuMs: 0, storeMs: 0, queueMs: 0, fetches: 0 };
  for (const r of rows) {
    const t = r.timing!;
    sums.networkMs += t.networkMs ?? 0;
    sums.cpuMs += (t.verifiedAt ?? 0) - (t.startedAt ?? 0) - (t.networkMs ?? 0);
    sums.storeMs += (visibleAt.get(r.key) ?? 0) - (t.verifiedAt ?? 0);
    sums.queueMs += (t.startedAt ?? 0) - t.queuedAt;
    sums.fetches += t.fetches ?? 0;
  }
  return { phases, sums, total, first };
}

/** When each row was first seen done by the observer page (epoch ms). */
async function visibleTimes(observer: Page): Promise<Map<string, number>> {
  return new Map(await observer.evaluate(() => Object.entries((window as unknown as { __benchDone: Record<string, number> }).__benchDone)));
}

/** Installs, next to the change log, the time each row was first seen done. */
async function trackDone(observer: Page): Promise<void> {
  await observer.evaluate(() => {
    const w = window as unknown as { __bench: { key: string }; __benchDone: Record<string, number> };
    w.__benchDone = {};
    chrome.storage.onChanged.addListener((changes, area) => {
      if (area !== 'session' || !(w.__bench.key in changes)) return;
      const value = changes[w.__bench.key]!.newValue as TabResults | undefined;
      const at = performance.timeOrigin + performance.now();
      for (const c of value?.credentials ?? []) if (c.state === 'done' && w.__benchDone[c.key] === undefined) w.__benchDone[c.key] = at;
    });
  });
}

async function resetDone(observer: Page): Promise<void> {
  await observer.evaluate(() => void ((window as unknown as { __benchDone: Record<string, number> }).__benchDone = {}));
}

async function oneRun(ctx: RunContext, mode: E2eMode, run: number): Promise<E2eRun> {
  const { context, page, observer, cdp, world, extensionId, tabId } = ctx;
  const expected = world.benchProfile.entries.length;
  // a new document in the tab: the background forgets the previous run's rows
  await page.goto('about:blank');
  const worker = await liveWorker(context);
  await clearCaches(worker, mode === 'revisit');
  if (mode === 'cold') await stopWorker(cdp, extensionId);
  await resetObserver(observer, tabId);
  await resetDone(observer);
  const openedAt = Date.now();
  const firstRequest = world.requestLog.length;
  await page.goto(`${world.benchProfile.page}?run=${mode}-${run}`, { waitUntil: 'load' });
  const deadline = Date.now() + 60_000;
  let state: { log: ObservedChange[]; last?: TabResults };
  for (;;) {
    state = await observed(observer);
    const last = state.log[state.log.length - 1];
    if (last && last.rows >= expected && last.done === last.rows) break;
    if (Date.now() > deadline) throw new Error(`${mode} run ${run}: not every verdict arrived in 60 s (${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const times = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      timeOrigin: performance.timeOrigin,
      domContentLoaded: nav.domContentLoadedEventEnd,
      load: nav.loadEventEnd,
      foundAt: (window as unknown as { __credlensFoundAt?: number }).__credlensFoundAt ?? NaN,
    };
  });
  const results = state.last!;
  const visible = await visibleTimes(observer);
  const { phases, sums, total, first } = phasesOf(times, results, visible);
  const verdicts: Record<string, number> = {};
  for (const c of results.credentials) verdicts[c.report?.verdict ?? 'none'] = (verdicts[c.report?.verdict ?? 'none'] ?? 0) + 1;
  const workerStartedDuringRun = results.worker !== undefined && results.worker.startedAt >= openedAt - 5;
  if (mode === 'cold' && results.worker && !workerStartedDuringRun) throw new Error(`cold run ${run}: the results were written by a worker started before the run`);
  const workerReadyMs = results.worker ? results.worker.readyAt - results.worker.startedAt : NaN;
  const rel = (epoch: number | undefined) => Math.round((epoch ?? NaN) - times.timeOrigin);
  const rowDetails = results.credentials.map((c) => {
    const problem = c.report?.checks.find((k) => k.status !== 'pass' && k.status !== 'skip');
    return {
      label: c.label ?? c.key,
      verdict: c.report?.verdict ?? 'none',
      ...(problem ? { code: problem.code } : {}),
      startedMs: rel(c.timing?.startedAt),
      verifiedMs: rel(c.timing?.verifiedAt),
      visibleMs: rel(visible.get(c.key)),
      networkMs: c.timing?.networkMs ?? NaN,
      fetches: c.timing?.fetches ?? NaN,
    };
  });
  const requests = world.requestLog.slice(firstRequest).map((r) => ({ atMs: Math.round(r.at - times.timeOrigin), url: `${r.host}${r.path}` }));
  return { mode, totalMs: total, firstVerdictMs: first, rows: results.credentials.length, verdicts, workerStartedDuringRun, workerReadyMs, phases, sums, rowDetails, requests };
}

interface RunContext {
  world: World;
  context: BrowserContext;
  page: Page;
  observer: Page;
  cdp: CDPSession;
  extensionId: string;
  tabId: number;
}

/** The median of the samples that were measured (a build without per-row times has none for some phases). */
const median = (xs: number[]) => stats(xs.filter((x) => !Number.isNaN(x))).median;

interface OpenBuild {
  name: string;
  extensionPath: string;
  ctx: RunContext;
  close(): Promise<void>;
  runs: E2eRun[];
  workerAnswer: number[];
}

/** Launches Chromium with one build, ready to run the profile (observer page, DevTools session, the tab's id). */
async function openBuild(world: World, name: string, extensionPath: string): Promise<OpenBuild> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'credlens-bench-e2e-'));
  const b = await launchWithExtension(world, dir, { extensionPath });
  const { context, extensionId } = b;
  const page = context.pages()[0] ?? (await context.newPage());
  await page.addInitScript(WATCH_FOUND);
  const observer = await openObserver(context, extensionId);
  await trackDone(observer);
  const cdp = await context.newCDPSession(page);
  const tabId = await tabIdOf(b.serviceWorker, page);
  const close = async () => {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { name, extensionPath, ctx: { world, context, page, observer, cdp, extensionId, tabId }, close, runs: [], workerAnswer: [] };
}

function summarise(b: OpenBuild, scans: number[]): E2eBuildResults {
  const summary = {} as E2eBuildResults['summary'];
  for (const mode of E2E_MODES) {
    const mine = b.runs.filter((r) => r.mode === mode);
    if (mine.length === 0) {
      summary[mode] = undefined;
      continue;
    }
    const phases = {} as Record<keyof E2ePhases, number>;
    for (const k of Object.keys(mine[0]!.phases) as (keyof E2ePhases)[]) phases[k] = median(mine.map((r) => r.phases[k]));
    const sums = {} as E2eRun['sums'];
    for (const k of Object.keys(mine[0]!.sums) as (keyof E2eRun['sums'])[]) sums[k] = median(mine.map((r) => r.sums[k]));
    summary[mode] = { total: stats(mine.map((r) => r.totalMs)), firstVerdict: stats(mine.map((r) => r.firstVerdictMs)), phases, sums };
  }
  const workerReady = stats(b.runs.filter((r) => r.mode === 'cold' && !Number.isNaN(r.workerReadyMs)).map((r) => r.workerReadyMs));
  return { build: b.name, extensionPath: b.extensionPath, runs: b.runs, summary, workerReady, workerAnswer: stats(b.workerAnswer), scanMs: stats(scans) };
}

/** The detectors alone on the profile, in the browser of one build. */
async function scanTimes(ctx: RunContext, scanner: string): Promise<number[]> {
  const { page, world } = ctx;
  await page.goto(world.benchProfile.page, { waitUntil: 'load' });
  await page.addScriptTag({ content: scanner });
  const scans: number[] = [];
  for (let i = 0; i < 15; i++) {
    scans.push(await page.evaluate(() => {
      const scan = (globalThis as unknown as { __credlensScan: (d: Document) => unknown }).__credlensScan;
      const t = performance.now();
      scan(document);
      return performance.now() - t;
    }));
  }
  return scans;
}

/**
 * How fast a stopped worker answers: stopped, then woken by an extension
 * page's message and nothing else (the tab's results, as the popup asks),
 * timed from sending to the answer.
 */
async function coldWorkerAnswer(ctx: RunContext): Promise<number> {
  await stopWorker(ctx.cdp, ctx.extensionId);
  return ctx.observer.evaluate(async (tabId) => {
    const sent = performance.now();
    await chrome.runtime.sendMessage({ type: 'tab/get', tabId });
    return performance.now() - sent;
  }, ctx.tabId);
}

/** Which builds to compare: CREDLENS_BENCH_BUILDS="name=path,…", else the current build alone. */
export function benchBuilds(): Array<{ name: string; path: string }> {
  const spec = process.env.CREDLENS_BENCH_BUILDS;
  if (!spec) return [{ name: 'current', path: EXTENSION_PATH }];
  return spec.split(',').map((part) => {
    const [name, p] = part.split('=');
    if (!name || !p) throw new Error(`CREDLENS_BENCH_BUILDS: "${part}" is not name=path`);
    return { name, path: path.resolve(root, p) };
  });
}

export async function runE2eBench(): Promise<E2eResults> {
  const world = await startWorld({ port: 0, delayMs: DELAY_MS });
  try {
    const scanner = await bundleScanner();
    const open: OpenBuild[] = [];
    try {
      for (const b of benchBuilds()) open.push(await openBuild(world, b.name, b.path));
      // one unmeasured run each warms the browser's own caches (TLS sessions, compiled scripts)
      for (const b of open) await oneRun(b.ctx, 'warm', -1);
      // builds and modes take turns, so drift over the run (load on the machine, a growing history) touches each alike
      for (let i = 0; i < RUNS; i++) {
        for (const b of open) for (const mode of E2E_MODES) b.runs.push(await oneRun(b.ctx, mode, i));
        for (const b of open) b.workerAnswer.push(await coldWorkerAnswer(b.ctx));
      }
      const builds: E2eBuildResults[] = [];
      for (const b of open) builds.push(summarise(b, await scanTimes(b.ctx, scanner)));
      return { delayMs: DELAY_MS, credentials: world.benchProfile.entries.length, shapes: world.benchProfile.entries.map((e) => e.shape), builds };
    } finally {
      for (const b of open) await b.close().catch(() => undefined);
    }
  } finally {
    await world.stop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  runE2eBench().then((r) => console.log(JSON.stringify(r, null, 2)), (e) => {
    console.error(e);
    process.exit(1);
  });
}
