import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { PLATFORM_CONTENT_SCRIPT_MATCHES } from '../lib/detect/platforms';
import { MARKER_WORDS_KEY, removeMarkers, useMarkerWords } from '../lib/detect/marker';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { runContentScanner } from '../lib/detect/run';
import type { PageScanner } from '../lib/detect/observe';

/**
 * Runs by itself on LinkedIn and the known badge platforms (narrow `matches`,
 * top frame only: SECURITY.md rule 4). Elsewhere the background injects
 * this same file when the user asks (toolbar popup "scan this page") or when
 * "scan every page" is on (registered at runtime by the background).
 */
export default defineContentScript({
  // every LinkedIn host: the logged-out public profile lives on country hosts (se.linkedin.com, de.linkedin.com)
  matches: ['https://*.linkedin.com/*', ...PLATFORM_CONTENT_SCRIPT_MATCHES],
  // As soon as the HTML is parsed: the scan reads markup only, and document_idle waits for the
  // page's images (up to its load event), which delayed every verdict by as long.
  runAt: 'document_end',
  allFrames: false,
  main(ctx) {
    // Injected a second time into the same page (toolbar click): rescan instead of doubling markers.
    const slot = globalThis as { __credlensScanner?: PageScanner; __credlensStarting?: Promise<void> };
    if (slot.__credlensScanner) return slot.__credlensScanner.rescan();
    if (slot.__credlensStarting) return;
    // the marker's words in the language chosen on the options page (stored by the service worker), read before the first scan
    slot.__credlensStarting = browser.storage.local
      .get(MARKER_WORDS_KEY)
      .then((stored) => useMarkerWords(stored[MARKER_WORDS_KEY]), () => undefined)
      .then(() => {
        if (ctx.isInvalid) delete slot.__credlensStarting;
        else start(ctx, slot);
      });
  },
});

function start(ctx: ContentScriptContext, slot: { __credlensScanner?: PageScanner; __credlensStarting?: Promise<void> }): void {
  const scanner = runContentScanner({
    doc: document,
    pageUrl: () => location.href,
    // Single-page apps (LinkedIn) change URL without reloading: WXT reports pushState/popstate.
    // Only watched pages listen; a page with nothing found gets one scan and nothing more.
    onWatchStart: () => ctx.addEventListener(window, 'wxt:locationchange', () => slot.__credlensScanner?.rescan()),
    send(message) {
      if (ctx.isInvalid) return;
      browser.runtime.sendMessage(message).catch(() => {
        // the background may be restarting or the extension was updated: nothing to do in the page
      });
    },
  });
  slot.__credlensScanner = scanner;
  ctx.onInvalidated(() => {
    scanner.stop();
    removeMarkers(document);
    // a script injected after an update starts afresh
    delete slot.__credlensScanner;
    delete slot.__credlensStarting;
  });
}
