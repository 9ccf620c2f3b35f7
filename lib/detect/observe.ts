/**
 * Keeps a page's candidates up to date: one full scan at start, then only the
 * subtrees added since (one MutationObserver on the narrowest container,
 * flushed in idle time), and a fresh scan when a single-page app changes URL.
 * Numbers and patterns follow what extensions do on big pages (ghostery/adblocker
 * PR #4071 and rejifald/movar issue #105 batch mutations; darkreader PR #2550
 * rescans the whole tree past 1000 mutations; SECURITY.md budgets): queue, idle
 * flush (fallback 150 ms), whole-container rescan past a threshold, and our own
 * nodes ignored via `data-credlens`.
 */
import { dedupe, scanDocument } from './scan';
import { OWN_NODE_ATTRIBUTE, type DetectedCandidate, type ScanResult } from './types';

/** Past this many queued subtrees one container scan is cheaper than many small ones. */
const RESCAN_THRESHOLD = 500;
/** The observer stops this long after the last URL change; a new URL re-arms it. */
const OBSERVE_FOR_MS = 10 * 60 * 1000;
const IDLE_FALLBACK_MS = 150;

export interface PageScannerOptions {
  doc: Document;
  /** current page URL (location.href) */
  pageUrl(): string;
  /** called with the candidates not reported before, after each scan that found some */
  onNew(found: DetectedCandidate[], result: ScanResult): void;
  /** called after every scan with the total count (for the e2e hook) */
  onCount?(count: number): void;
  /** called when the page navigated and earlier candidates no longer apply */
  onReset?(hadCandidates: boolean): void;
  /**
   * Keep watching even when the first scan found nothing (LinkedIn and platform
   * pages render their sections late). Elsewhere a page with no candidates gets
   * one scan and nothing more.
   */
  watchWhenEmpty?: boolean;
  /** called once, when watching starts (the entrypoint then listens for SPA URL changes) */
  onWatchStart?(): void;
}

export interface PageScanner {
  start(): void;
  /** full scan now (URL change, or the toolbar asked again) */
  rescan(): void;
  stop(): void;
  /** candidates found so far, by key */
  readonly known: ReadonlyMap<string, DetectedCandidate>;
  /** whether the observer runs (false on a page that had nothing to find) */
  readonly watching: boolean;
}

/** The narrowest stable container: LinkedIn's main column, else the body. */
export function observedContainer(doc: Document): Element | null {
  return doc.querySelector('main') ?? doc.body;
}

export function createPageScanner(options: PageScannerOptions): PageScanner {
  const { doc } = options;
  const known = new Map<string, DetectedCandidate>();
  let queue: Element[] = [];
  let flushScheduled = false;
  let observer: MutationObserver | undefined;
  let observing: Element | null = null;
  let stopTimer: ReturnType<typeof setTimeout> | undefined;
  let lastUrl = options.pageUrl();
  let stopped = false;

  const report = (result: ScanResult): void => {
    const fresh = result.found.filter((f) => !known.has(f.key));
    for (const f of fresh) known.set(f.key, f);
    if (fresh.length > 0) options.onNew(fresh, result);
    options.onCount?.(known.size);
  };

  const fullScan = (): void => report(scanDocument(doc, { pageUrl: options.pageUrl() }));

  const flush = (): void => {
    flushScheduled = false;
    if (stopped) return;
    if (options.pageUrl() !== lastUrl) return navigate();
    const batch = queue;
    queue = [];
    if (batch.length > RESCAN_THRESHOLD) return report(scanDocument(observing ?? doc, { pageUrl: options.pageUrl() }));
    const roots = batch.filter((el) => el.isConnected && !batch.some((other) => other !== el && other.contains(el)));
    const found = roots.flatMap((el) => scanDocument(el, { pageUrl: options.pageUrl() }).found);
    report({ found: dedupe(found.map((f) => ({ candidate: f.candidate, ...(f.anchor ? { anchor: f.anchor } : {}) }))) });
  };

  const schedule = (): void => {
    if (flushScheduled) return;
    flushScheduled = true;
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
    if (idle) idle(flush, { timeout: 1000 });
    else setTimeout(flush, IDLE_FALLBACK_MS);
  };

  const onMutations = (records: MutationRecord[]): void => {
    for (const r of records)
      for (const node of Array.from(r.addedNodes))
        if (node.nodeType === 1 && !(node as Element).closest(`[${OWN_NODE_ATTRIBUTE}]`)) queue.push(node as Element);
    if (queue.length > 0 || options.pageUrl() !== lastUrl) schedule();
  };

  let watching = false;
  const observe = (): void => {
    if (!options.watchWhenEmpty && known.size === 0 && !watching) return;
    if (!watching) options.onWatchStart?.();
    watching = true;
    observer?.disconnect();
    observing = observedContainer(doc);
    if (!observing || typeof MutationObserver === 'undefined') return;
    observer ??= new MutationObserver(onMutations);
    observer.observe(observing, { childList: true, subtree: true });
    clearTimeout(stopTimer);
    stopTimer = setTimeout(() => observer?.disconnect(), OBSERVE_FOR_MS);
  };

  function navigate(): void {
    lastUrl = options.pageUrl();
    const hadCandidates = known.size > 0;
    known.clear();
    queue = [];
    options.onReset?.(hadCandidates);
    fullScan();
    observe();
  }

  return {
    known,
    get watching() {
      return watching;
    },
    start() {
      fullScan();
      observe();
    },
    rescan() {
      if (stopped) return;
      if (options.pageUrl() !== lastUrl) return navigate();
      fullScan();
      observe();
    },
    stop() {
      stopped = true;
      observer?.disconnect();
      clearTimeout(stopTimer);
      queue = [];
    },
  };
}
